using System.Net;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsArchive.Web.Data;
using NewsArchive.Web.Import;

namespace NewsArchive.Web.Tests.Admin;

public class ArticleAdminTests(AdminApp app) : IClassFixture<AdminApp>
{
    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, int articleId, string handler)
    {
        var page = $"/admin/articles/{articleId}";
        var token = await AdminApp.TokenAsync(client, page);
        return await client.PostAsync($"{page}?handler={handler}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
        }));
    }

    [Fact]
    public async Task Delete_removes_the_records_and_keeps_the_file_in_deleted()
    {
        using var client = await app.LoginAsync();
        var status = await AdminApp.UploadAsync(client, ("to-delete.txt", Seeds.Utf8(Seeds.Variant(15))));
        var articleId = Assert.Single(status.Files).ArticleId!.Value;

        var response = await PostAsync(client, articleId, "Delete");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(".deleted/to-delete.txt", await AdminApp.HtmlAsync(response));

        Assert.False(File.Exists(Path.Combine(app.SeedsPath, "to-delete.txt")));
        Assert.Equal(Seeds.Variant(15), File.ReadAllText(Path.Combine(app.SeedsPath, ".deleted", "to-delete.txt")));
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ArchiveDbContext>();
        Assert.False(await db.Articles.AnyAsync(a => a.Id == articleId));
        Assert.False(await db.Events.AnyAsync(e => e.ArticleId == articleId));
        Assert.False(await db.SeedFiles.AnyAsync(s => s.Path == "to-delete.txt"));
        var record = await db.ImportRecords.Where(r => r.File == "to-delete.txt").OrderBy(r => r.Id).LastAsync();
        Assert.Equal(ImportOutcome.Deleted, record.Outcome);
        Assert.Equal(AdminApp.AdminEmail, record.StartedBy);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/articles/{articleId}")).StatusCode);

        // A whole-folder import (as at startup) does not bring it back from .deleted/.
        var importer = app.Services.GetRequiredService<ArchiveImporter>();
        await importer.ImportFolderAsync(app.SeedsPath, new ImportRequest("test"));
        var hash = Convert.ToHexStringLower(SHA256.HashData(Seeds.Utf8(Seeds.Variant(15))));
        Assert.False(await db.Articles.AnyAsync(a => a.ContentHash == hash));
        Assert.False(await db.SeedFiles.AnyAsync(s => s.Path.Contains(".deleted")));
    }

    [Fact]
    public async Task Deleting_twice_keeps_both_files()
    {
        using var client = await app.LoginAsync();
        var first = Assert.Single((await AdminApp.UploadAsync(client, ("twice.txt", Seeds.Utf8(Seeds.Variant(16))))).Files).ArticleId!.Value;
        await PostAsync(client, first, "Delete");
        var second = Assert.Single((await AdminApp.UploadAsync(client, ("twice.txt", Seeds.Utf8(Seeds.Variant(17))))).Files).ArticleId!.Value;
        await PostAsync(client, second, "Delete");

        var kept = Directory.GetFiles(Path.Combine(app.SeedsPath, ".deleted"), "twice*.txt").Select(File.ReadAllText).ToList();
        Assert.Contains(Seeds.Variant(16), kept);
        Assert.Contains(Seeds.Variant(17), kept);
    }

    [Fact]
    public async Task Reimport_parses_the_seed_file_again()
    {
        using var client = await app.LoginAsync();
        var articleId = Assert.Single((await AdminApp.UploadAsync(client, ("reimport.txt", Seeds.Utf8(Seeds.Variant(18))))).Files).ArticleId!.Value;
        using (var scope = app.Services.CreateScope())
        {
            // Simulates records from an older engine: re-import must replace them from the file.
            var db = scope.ServiceProvider.GetRequiredService<ArchiveDbContext>();
            await db.Articles.Where(a => a.Id == articleId).ExecuteUpdateAsync(s => s.SetProperty(a => a.Title, "عنوان قديم"));
        }

        var response = await PostAsync(client, articleId, "Reimport");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await AdminApp.HtmlAsync(response);
        Assert.Contains("أعيد الاستيراد", html);

        using var after = app.Services.CreateScope();
        var title = await after.ServiceProvider.GetRequiredService<ArchiveDbContext>().Articles.Where(a => a.Id == articleId).Select(a => a.Title).SingleAsync();
        Assert.NotEqual("عنوان قديم", title);
    }

    [Fact]
    public async Task Reimport_keeps_one_article_when_another_file_has_the_same_content()
    {
        using var client = await app.LoginAsync();
        var articleId = Assert.Single((await AdminApp.UploadAsync(client, ("shared-a.txt", Seeds.Utf8(Seeds.Variant(19))))).Files).ArticleId!.Value;
        Assert.Equal("Duplicate", Assert.Single((await AdminApp.UploadAsync(client, ("shared-b.txt", Seeds.Utf8(Seeds.Variant(19))))).Files).Outcome);

        var response = await PostAsync(client, articleId, "Reimport");

        Assert.Contains("أعيد الاستيراد", await AdminApp.HtmlAsync(response));
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ArchiveDbContext>();
        var files = await db.SeedFiles.Where(s => s.Path.StartsWith("shared-")).Select(s => s.ArticleId).ToListAsync();
        Assert.Equal([articleId, articleId], files);
    }

    [Fact]
    public async Task Actions_on_a_missing_article_are_not_found()
    {
        using var client = await app.LoginAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/admin/articles/999999")).StatusCode);
    }
}
