using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsArchive.Web.Admin;
using NewsArchive.Web.Data;

namespace NewsArchive.Web.Tests.Admin;

public class CommandLineTests(AdminApp shared) : IClassFixture<AdminApp>
{
    private static readonly (string Name, byte[] Content)[] Batch =
    [
        ("cli-one.txt", Seeds.Utf8(Seeds.Variant(20))),
        ("cli-two.txt", CodePagesEncodingProvider.Instance.GetEncoding(1256)!.GetBytes(Seeds.Variant(21))),
        ("cli-copy.txt", Seeds.Utf8(Seeds.Variant(20))),
        ("cli-bad.txt", Seeds.Utf8("سطر بلا تاريخ\nعنوان\n\nنص.")),
    ];

    private static async Task<(int Code, string Output)> RunAsync(AdminApp app, params string[] args)
    {
        var output = new StringWriter();
        var code = await AdminCommandLine.RunAsync(app.Services, args, output);
        return (code, output.ToString());
    }

    private static string WriteOutside(AdminApp app)
    {
        var folder = Path.Combine(app.Root, "incoming");
        Directory.CreateDirectory(folder);
        foreach (var (name, content) in Batch)
        {
            File.WriteAllBytes(Path.Combine(folder, name), content);
        }

        return folder;
    }

    /// <summary>Everything an import produces, without run ids and times.</summary>
    private static async Task<List<string>> SnapshotAsync(AdminApp app)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ArchiveDbContext>();
        var articles = await db.Articles.AsNoTracking()
            .Select(a => $"article {a.SourceFile} {a.ContentHash} {a.Published} {a.Title} {a.Subject} {a.Caption} {a.Credit} {a.Body.Length}")
            .ToListAsync();
        var persons = await db.ArticlePersons.AsNoTracking()
            .Select(ap => $"person {ap.Article!.SourceFile} {ap.Person!.Name} {ap.Mentions} {ap.Role}")
            .ToListAsync();
        var events = await db.Events.AsNoTracking()
            .Select(e => $"event {e.Article!.SourceFile} {e.Date} {e.Precision} {e.Text}")
            .ToListAsync();
        var files = await db.SeedFiles.AsNoTracking().Select(s => $"file {s.Path} {s.ContentHash} {s.Article!.SourceFile}").ToListAsync();
        var records = await db.ImportRecords.AsNoTracking()
            .Where(r => r.StartedBy != "startup")
            .Select(r => $"record {r.File} {r.Outcome} {r.Line} {r.Reason}")
            .ToListAsync();
        var seeds = Directory.GetFiles(app.SeedsPath, "*.txt").Select(f => $"seed {Path.GetFileName(f)} {Convert.ToHexString(File.ReadAllBytes(f))}");
        return [.. articles.Concat(persons).Concat(events).Concat(files).Concat(records).Concat(seeds).Order(StringComparer.Ordinal)];
    }

    [Fact]
    public async Task Command_line_import_produces_the_same_records_as_the_web_upload()
    {
        using var web = new AdminApp();
        using var cli = new AdminApp();
        using (var client = await web.LoginAsync())
        {
            await AdminApp.UploadAsync(client, Batch);
        }

        // Named one by one, in the order of the upload: which of two copies comes first decides which is the duplicate.
        var folder = WriteOutside(cli);
        var (code, output) = await RunAsync(cli, ["import", .. Batch.Select(f => Path.Combine(folder, f.Name))]);

        Assert.Equal(AdminCommandLine.SomeFailed, code);
        Assert.Contains("4 files: 2 imported, 0 updated, 0 unchanged, 1 duplicates, 1 failed", output);
        Assert.Contains("failed cli-bad.txt:1:", output);
        var fromWeb = await SnapshotAsync(web);
        Assert.Contains(fromWeb, line => line.StartsWith("person cli-two.txt", StringComparison.Ordinal));
        Assert.Equal(fromWeb, await SnapshotAsync(cli));
    }

    [Fact]
    public async Task Importing_files_already_in_the_seeds_folder_imports_them_in_place()
    {
        using var app = new AdminApp();
        _ = app.Server; // started, so the startup import has run before the file arrives
        File.WriteAllText(Path.Combine(app.SeedsPath, "in-place.txt"), Seeds.Variant(22), Encoding.UTF8);
        var (code, output) = await RunAsync(app, "import", Path.Combine(app.SeedsPath, "in-place.txt"));
        Assert.Equal(AdminCommandLine.Ok, code);
        Assert.Contains("1 files: 1 imported", output);
        Assert.Equal(["000_2ef5bfdfb831a724.txt", "in-place.txt"], Directory.GetFiles(app.SeedsPath).Select(Path.GetFileName).Order());
    }

    [Theory]
    [InlineData]
    [InlineData("import")]
    [InlineData("import", "/no/such/folder")]
    [InlineData("rebuild", "extra")]
    [InlineData("admin", "remove", "x@test.local")]
    [InlineData("admin", "add")]
    public async Task Usage_errors_exit_with_2(params string[] args)
    {
        var (code, _) = await RunAsync(shared, args);
        Assert.Equal(AdminCommandLine.UsageError, code);
    }

    [Fact]
    public async Task Rebuild_recreates_the_archive_from_the_seeds_and_keeps_accounts_and_history()
    {
        using var app = new AdminApp();
        var (code, _) = await RunAsync(app, "import", WriteOutside(app));
        Assert.Equal(AdminCommandLine.SomeFailed, code);
        var before = await SnapshotAsync(app);

        (code, var output) = await RunAsync(app, "rebuild");

        Assert.Equal(AdminCommandLine.SomeFailed, code);
        Assert.Contains("failed cli-bad.txt:1:", output);
        Assert.True(File.Exists(app.DatabasePath + ".bak"));
        Assert.False(File.Exists(app.DatabasePath + ".rebuild"));
        var after = await SnapshotAsync(app);
        // Articles, persons, events and files come back the same; the history gains the rebuild's own lines.
        Assert.Equal(before.Where(l => !l.StartsWith("record", StringComparison.Ordinal)), after.Where(l => !l.StartsWith("record", StringComparison.Ordinal)));
        Assert.Subset(after.ToHashSet(), before.ToHashSet());
        using var client = await app.LoginAsync();
    }

    [Fact]
    public async Task Rebuild_refuses_while_another_process_has_the_database_open()
    {
        using var app = new AdminApp();
        _ = app.Server;
        await using var other = new SqliteConnection($"Data Source={app.DatabasePath};Pooling=False");
        await other.OpenAsync();
        await using (var read = other.CreateCommand())
        {
            read.CommandText = "SELECT count(*) FROM Articles";
            await read.ExecuteScalarAsync();
        }

        var (code, output) = await RunAsync(app, "rebuild");

        Assert.Equal(AdminCommandLine.UsageError, code);
        Assert.Contains("stop the web app", output);
        Assert.False(File.Exists(app.DatabasePath + ".rebuild"));
        Assert.False(File.Exists(app.DatabasePath + ".bak"));
    }

    [Fact]
    public async Task Admin_add_and_reset_password()
    {
        var app = shared;
        var (code, _) = await RunAsync(app, "admin", "add", "second@test.local", "--password", "Second-Passw0rd!");
        Assert.Equal(AdminCommandLine.Ok, code);
        (await app.LoginAsync("second@test.local", "Second-Passw0rd!")).Dispose();

        (code, var output) = await RunAsync(app, "admin", "reset-password", "second@test.local");
        Assert.Equal(AdminCommandLine.Ok, code);
        var generated = output.Split("Generated password (shown once): ")[1].Trim();
        (await app.LoginAsync("second@test.local", generated)).Dispose();

        (code, _) = await RunAsync(app, "admin", "reset-password", "nobody@test.local", "--password", "Nobody-Passw0rd!");
        Assert.Equal(AdminCommandLine.SomeFailed, code);
    }
}
