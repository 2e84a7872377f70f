using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsArchive.Web.Data;
using NewsArchive.Web.Import;
using NewsArchive.Web.Tests.Robustness;

namespace NewsArchive.Web.Tests;

/// <summary>Index writes are flushed once per batch, before its commit; a flush that fails rolls the whole batch back.</summary>
public sealed class IndexFlushTests : IDisposable
{
    private const string Article = """
        2021-06-0{0}
        {1}

        قال وزير الخارجية الفرنسي ستيفان سيجورنيه إن بلاده تتابع الوضع في غزة عن كثب، مضيفًا أن {1} يبقى أولوية.
        """;

    private readonly ArchiveFactory _factory = new();
    private readonly FailingFlush _failing = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task A_failed_index_flush_rolls_back_the_batch_and_fails_the_run()
    {
        var app = _factory.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<IArticleIndexer>(_failing)));
        var importer = app.Services.GetRequiredService<ArchiveImporter>();
        var articlesBefore = ArchiveCheck.Count(_factory.DatabasePath, "Articles");
        string[] paths =
        [
            _factory.WriteSeed("flush_a.txt", string.Format(Article, 1, "مهرجان الزيتون")),
            _factory.WriteSeed("flush_b.txt", string.Format(Article, 2, "معرض الكتاب")),
        ];

        _failing.Fail = true;
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => importer.ImportFilesAsync(paths, new ImportRequest("test")));

        Assert.Contains("rolled back", error.Message);
        Assert.Equal(articlesBefore, ArchiveCheck.Count(_factory.DatabasePath, "Articles"));
        Assert.False(await QueryAsync(app, db => db.SeedFiles.AnyAsync(f => f.Path.StartsWith("flush_"))));
        Assert.Empty(ArchiveCheck.Violations(_factory.DatabasePath));

        _failing.Fail = false;
        var summary = await importer.ImportFilesAsync(paths, new ImportRequest("test"));

        Assert.Equal(2, summary.Imported);
        Assert.Empty(ArchiveCheck.Violations(_factory.DatabasePath));
        var result = await app.CreateClient().GetFromJsonAsync<JsonElement>("/api/search?q=" + Uri.EscapeDataString("معرض"));
        var ids = result.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32());
        Assert.Contains(await QueryAsync(app, db => db.SeedFiles.Where(f => f.Path == "flush_b.txt").Select(f => f.ArticleId ?? 0).SingleAsync()), ids);
    }

    // The factory's own host is never started here: its startup import would bring these files in without the failing indexer.
    private static async Task<T> QueryAsync<T>(WebApplicationFactory<Program> app, Func<ArchiveDbContext, Task<T>> query)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<ArchiveDbContext>());
    }

    private sealed class FailingFlush : IArticleIndexer
    {
        public bool Fail { get; set; }

        public Task IndexAsync(ArchiveDbContext db, Data.Article article, bool isNew, CancellationToken ct) => Task.CompletedTask;

        public Task RemoveAsync(ArchiveDbContext db, int articleId, CancellationToken ct) => Task.CompletedTask;

        public Task FlushAsync(ArchiveDbContext db, CancellationToken ct) =>
            Fail ? throw new IOException("disk full (simulated)") : Task.CompletedTask;
    }
}
