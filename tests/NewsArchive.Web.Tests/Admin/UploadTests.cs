using System.IO.Compression;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsArchive.Web.Data;

namespace NewsArchive.Web.Tests.Admin;

public class UploadTests(AdminApp app) : IClassFixture<AdminApp>
{
    private static readonly Encoding Windows1256 = CodePagesEncodingProvider.Instance.GetEncoding(1256)!;

    private async Task<T> QueryAsync<T>(Func<ArchiveDbContext, Task<T>> query)
    {
        using var scope = app.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<ArchiveDbContext>());
    }

    [Fact]
    public async Task A_valid_file_is_stored_in_the_seeds_folder_and_imported_with_its_persons_and_events()
    {
        using var client = await app.LoginAsync();
        var status = await AdminApp.UploadAsync(client, ("valid-upload.txt", Seeds.Utf8(Seeds.Variant(1))));

        var file = Assert.Single(status.Files);
        Assert.Equal("valid-upload.txt", file.File);
        Assert.Equal("Imported", file.Outcome);
        Assert.NotNull(file.ArticleId);
        Assert.Equal(Seeds.Variant(1), File.ReadAllText(Path.Combine(app.SeedsPath, "valid-upload.txt")));

        // The report page links the article and names what was found in it.
        var report = await AdminApp.GetHtmlAsync(client, $"/admin/imports/{status.Id}");
        Assert.Contains($"/articles/{file.ArticleId}/", report);
        Assert.Contains("لويد أوستن", report);
        Assert.Contains("/people/", report);
        Assert.Contains("2014", report);

        var events = await QueryAsync(db => db.Events.CountAsync(e => e.ArticleId == file.ArticleId));
        Assert.True(events > 0);
    }

    [Fact]
    public async Task The_same_file_again_is_unchanged_a_changed_one_updated_and_a_copy_a_duplicate()
    {
        using var client = await app.LoginAsync();
        var first = Assert.Single((await AdminApp.UploadAsync(client, ("again.txt", Seeds.Utf8(Seeds.Variant(2))))).Files);
        Assert.Equal("Imported", first.Outcome);

        var same = Assert.Single((await AdminApp.UploadAsync(client, ("again.txt", Seeds.Utf8(Seeds.Variant(2))))).Files);
        Assert.Equal("Unchanged", same.Outcome);
        Assert.Equal(first.ArticleId, same.ArticleId);

        var changed = Assert.Single((await AdminApp.UploadAsync(client, ("again.txt", Seeds.Utf8(Seeds.Variant(3))))).Files);
        Assert.Equal("Updated", changed.Outcome);
        Assert.Equal(first.ArticleId, changed.ArticleId);

        var copy = await AdminApp.UploadAsync(client, ("copy-of-again.txt", Seeds.Utf8(Seeds.Variant(3))));
        var duplicate = Assert.Single(copy.Files);
        Assert.Equal("Duplicate", duplicate.Outcome);
        Assert.Equal(first.ArticleId, duplicate.ArticleId);
        Assert.Contains("نسخة من <bdi dir=\"ltr\">again.txt</bdi>", await AdminApp.GetHtmlAsync(client, $"/admin/imports/{copy.Id}"));
    }

    [Fact]
    public async Task Invalid_files_fail_with_a_reason_and_are_not_stored()
    {
        using var client = await app.LoginAsync();
        var status = await AdminApp.UploadAsync(
            client,
            ("no-date.txt", Seeds.Utf8("ليس في هذا السطر تاريخ\nعنوان\n\nفقرة أولى من النص.")),
            ("binary.txt", [0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0xFF]),
            ("empty.txt", []),
            ("latin1.txt", Encoding.Latin1.GetBytes("caf\u00e9 cr\u00e8me br\u00fbl\u00e9e, d\u00e9j\u00e0 vu")),
            ("too-big.txt", new byte[AdminApp.MaxFileBytes + 1].Select(_ => (byte)'a').ToArray()),
            ("picture.png", [0x89, 0x50, 0x4E, 0x47]));

        Assert.Equal(6, status.Files.Count);
        Assert.All(status.Files, f => Assert.Equal("Failed", f.Outcome));
        Assert.All(status.Files, f => Assert.False(string.IsNullOrWhiteSpace(f.Reason)));
        Assert.Equal(1, status.Files.Single(f => f.File == "no-date.txt").Line);
        // The unreadable ones never reach the seeds folder; the one that is text but not an article does.
        foreach (var name in new[] { "binary.txt", "empty.txt", "latin1.txt", "too-big.txt", "picture.png" })
        {
            Assert.False(File.Exists(Path.Combine(app.SeedsPath, name)), name);
        }

        var history = await QueryAsync(db => db.ImportRecords.Where(r => r.RunId == status.Id).ToListAsync());
        Assert.Equal(6, history.Count);
        Assert.All(history, r => Assert.Equal(ImportOutcome.Failed, r.Outcome));
    }

    [Fact]
    public async Task A_windows_1256_file_is_converted_to_utf8_and_imported()
    {
        using var client = await app.LoginAsync();
        var text = Seeds.Variant(4);
        var status = await AdminApp.UploadAsync(client, ("cp1256.txt", Windows1256.GetBytes(text)));

        var file = Assert.Single(status.Files);
        Assert.Equal("Imported", file.Outcome);
        var stored = File.ReadAllBytes(Path.Combine(app.SeedsPath, "cp1256.txt"));
        Assert.Equal(text, new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(stored));
        var title = await QueryAsync(db => db.Articles.Where(a => a.Id == file.ArticleId).Select(a => a.Body).SingleAsync());
        Assert.Contains("لويد أوستن", title);
    }

    [Fact]
    public async Task Client_paths_are_never_trusted()
    {
        using var client = await app.LoginAsync();
        var status = await AdminApp.UploadAsync(
            client,
            ("../../traversal.txt", Seeds.Utf8(Seeds.Variant(5))),
            ("..\\..\\windows-traversal.txt", Seeds.Utf8(Seeds.Variant(6))),
            ("/etc/absolute.txt", Seeds.Utf8(Seeds.Variant(7))),
            ("../.deleted/.hidden.txt", Seeds.Utf8(Seeds.Variant(8))));

        Assert.Equal(["absolute.txt", "hidden.txt", "traversal.txt", "windows-traversal.txt"], status.Files.Select(f => f.File).Order());
        Assert.All(status.Files, f => Assert.Equal("Imported", f.Outcome));
        foreach (var f in status.Files)
        {
            Assert.True(File.Exists(Path.Combine(app.SeedsPath, f.File)), f.File);
        }

        AssertNothingEscaped();
    }

    [Fact]
    public async Task A_zip_is_unpacked_into_the_seeds_folder_without_zip_slip()
    {
        using var client = await app.LoginAsync();
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, "batch/zipped-one.txt", Seeds.Utf8(Seeds.Variant(9)));
            Add(zip, "../../../zip-slip.txt", Seeds.Utf8(Seeds.Variant(10)));
            Add(zip, "batch/cp1256-zipped.txt", Windows1256.GetBytes(Seeds.Variant(11)));
            Add(zip, "notes.md", Seeds.Utf8("# not a seed"));
            Add(zip, "__MACOSX/batch/._zipped-one.txt", [0, 5, 22, 7]);
        }

        var status = await AdminApp.UploadAsync(client, ("batch.zip", buffer.ToArray()));

        var byFile = status.Files.ToDictionary(f => f.File, f => f.Outcome);
        Assert.Equal(4, byFile.Count);
        Assert.Equal("Imported", byFile["zipped-one.txt"]);
        Assert.Equal("Imported", byFile["zip-slip.txt"]);
        Assert.Equal("Imported", byFile["cp1256-zipped.txt"]);
        Assert.Equal("Failed", byFile["batch.zip/notes.md"]);
        Assert.True(File.Exists(Path.Combine(app.SeedsPath, "zip-slip.txt")));
        AssertNothingEscaped();
    }

    [Fact]
    public async Task A_broken_zip_fails_with_a_reason()
    {
        using var client = await app.LoginAsync();
        var status = await AdminApp.UploadAsync(client, ("broken.zip", [0x50, 0x4B, 0x05, 0x06, 1, 2, 3]));
        var file = Assert.Single(status.Files);
        Assert.Equal("Failed", file.Outcome);
        Assert.NotNull(file.Reason);
    }

    [Fact]
    public async Task Uploads_are_in_the_history_with_who_when_and_what()
    {
        using var client = await app.LoginAsync();
        var status = await AdminApp.UploadAsync(client, ("history-1.txt", Seeds.Utf8(Seeds.Variant(12))), ("history-2.txt", Seeds.Utf8("بلا تاريخ")));

        var records = await QueryAsync(db => db.ImportRecords.Where(r => r.RunId == status.Id).ToListAsync());
        Assert.Equal(["history-1.txt", "history-2.txt"], records.Select(r => r.File).Order());
        Assert.All(records, r => Assert.Equal(AdminApp.AdminEmail, r.StartedBy));
        Assert.Equal(ImportOutcome.Imported, records.Single(r => r.File == "history-1.txt").Outcome);
        Assert.Equal(ImportOutcome.Failed, records.Single(r => r.File == "history-2.txt").Outcome);

        var history = await AdminApp.GetHtmlAsync(client, "/admin/imports");
        Assert.Contains($"/admin/imports/{status.Id}", history);
        Assert.Contains(AdminApp.AdminEmail, history);
        var failing = await AdminApp.GetHtmlAsync(client, "/admin/imports?failed=true");
        Assert.Contains("history-2.txt", failing);
    }

    [Fact]
    public async Task The_report_page_can_be_left_and_revisited()
    {
        using var client = await app.LoginAsync();
        var status = await AdminApp.UploadAsync(client, ("revisit.txt", Seeds.Utf8(Seeds.Variant(13))));
        var page = await client.GetAsync($"/admin/imports/{status.Id}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("revisit.txt", await AdminApp.HtmlAsync(page));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/admin/imports/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task Upload_without_the_anti_forgery_token_is_rejected()
    {
        using var client = await app.LoginAsync();
        using var form = new MultipartFormDataContent { { new ByteArrayContent(Seeds.Utf8(Seeds.Variant(14))), "files", "forged.txt" } };
        var response = await client.PostAsync("/admin/import", form);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(File.Exists(Path.Combine(app.SeedsPath, "forged.txt")));
    }

    private void AssertNothingEscaped()
    {
        // Only the seeds folder and the database live in the test's root; nothing may land beside them or above.
        var outside = Directory.EnumerateFiles(app.Root, "*.txt", SearchOption.AllDirectories)
            .Where(f => !Path.GetFullPath(f).StartsWith(app.SeedsPath + Path.DirectorySeparatorChar, StringComparison.Ordinal));
        Assert.Empty(outside);
        Assert.Empty(Directory.EnumerateFiles(Path.GetDirectoryName(app.Root)!, "*traversal*.txt"));
        Assert.Empty(Directory.EnumerateFiles(Path.GetDirectoryName(app.Root)!, "zip-slip.txt"));
    }

    private static void Add(ZipArchive zip, string name, byte[] content)
    {
        using var stream = zip.CreateEntry(name).Open();
        stream.Write(content);
    }
}
