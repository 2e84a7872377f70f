using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsArchive.Web.Data;
using NewsArchive.Web.Import;

namespace NewsArchive.Web.Tests.Admin;

/// <summary>The watched app, started with a seed file the startup import cannot read.</summary>
public sealed class StartupFailureApp : AdminApp
{
    public const string BrokenFile = "broken.txt";

    public StartupFailureApp() : base(watch: true) =>
        File.WriteAllText(Path.Combine(SeedsPath, BrokenFile), "لا تاريخ في هذا السطر\nعنوان\n\nنص.");
}

/// <summary>The drop folder's rescans: what the importer would read, and what the startup import already tried.</summary>
public sealed class RescanTests(StartupFailureApp app) : IClassFixture<StartupFailureApp>
{
    [Fact]
    public async Task A_file_that_failed_at_startup_is_retried_only_once_it_changes()
    {
        _ = app.Server;

        // The rescan runs every 3 s in the tests: two have passed, and the broken file was not tried again.
        await Task.Delay(TimeSpan.FromSeconds(7));
        Assert.Equal(["startup"], await RunsOfAsync(StartupFailureApp.BrokenFile));

        File.WriteAllText(Path.Combine(app.SeedsPath, StartupFailureApp.BrokenFile), Seeds.Variant(26));
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while ((await RunsOfAsync(StartupFailureApp.BrokenFile)).Count < 2 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        Assert.Equal(["startup", "watcher"], await RunsOfAsync(StartupFailureApp.BrokenFile));
    }

    [Fact]
    public async Task Pending_files_are_the_new_the_changed_and_the_failed_ones()
    {
        using var quiet = new AdminApp();
        File.WriteAllText(Path.Combine(quiet.SeedsPath, "bad.txt"), "ليس تاريخًا\nعنوان\n\nنص.");
        _ = quiet.Server;
        var importer = quiet.Services.GetRequiredService<ArchiveImporter>();
        Assert.Equal(["bad.txt"], await PendingAsync());

        var seed = Path.Combine(quiet.SeedsPath, Path.GetFileName(Seeds.RepoSeedPath));
        File.SetLastWriteTimeUtc(seed, File.GetLastWriteTimeUtc(seed).AddSeconds(-5));
        Directory.CreateDirectory(Path.Combine(quiet.SeedsPath, "2024"));
        File.WriteAllText(Path.Combine(quiet.SeedsPath, "2024", "new.txt"), Seeds.Variant(28));

        Assert.Equal([Path.GetFileName(Seeds.RepoSeedPath), "2024/new.txt", "bad.txt"], await PendingAsync());

        async Task<List<string>> PendingAsync() =>
            [.. (await importer.FindPendingAsync()).Select(f => Path.GetRelativePath(quiet.SeedsPath, f.FullPath).Replace('\\', '/'))];
    }

    private async Task<List<string>> RunsOfAsync(string file)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ArchiveDbContext>();
        return await db.ImportRecords.Where(r => r.File == file).OrderBy(r => r.Id).Select(r => r.StartedBy).ToListAsync();
    }
}
