using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsArchive.Web.Data;

namespace NewsArchive.Web.Tests.Admin;

/// <summary>The app with the seeds-folder watcher on.</summary>
public sealed class WatchedApp() : AdminApp(watch: true);

public class DropFolderTests(WatchedApp app) : IClassFixture<WatchedApp>
{
    private async Task<SeedFile?> WaitForAsync(string path, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            using var scope = app.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<ArchiveDbContext>();
            if (await db.SeedFiles.AsNoTracking().SingleOrDefaultAsync(s => s.Path == path) is { } file)
            {
                return file;
            }

            await Task.Delay(100);
        }

        return null;
    }

    [Fact]
    public async Task A_file_copied_into_the_seeds_folder_is_imported_within_seconds()
    {
        _ = app.Server;
        File.WriteAllText(Path.Combine(app.SeedsPath, "dropped.txt"), Seeds.Variant(23));

        var file = await WaitForAsync("dropped.txt", TimeSpan.FromSeconds(10));

        Assert.NotNull(file);
        Assert.NotNull(file.ArticleId);
        using var scope = app.Services.CreateScope();
        var record = await scope.ServiceProvider.GetRequiredService<ArchiveDbContext>().ImportRecords.SingleAsync(r => r.File == "dropped.txt");
        Assert.Equal("watcher", record.StartedBy);
        Assert.Equal(ImportOutcome.Imported, record.Outcome);
    }

    [Fact]
    public async Task A_file_still_being_written_is_imported_only_when_complete()
    {
        _ = app.Server;
        var text = Seeds.Variant(24);
        var half = text.Length / 2;
        Directory.CreateDirectory(Path.Combine(app.SeedsPath, "sub"));
        await using (var writer = new StreamWriter(Path.Combine(app.SeedsPath, "sub", "slow.txt")))
        {
            // The first half alone is a valid seed file: imported now, it would be a truncated article.
            // The writing lasts twice the settle time (0.5 s), with gaps a tenth of it, so a loaded
            // machine's late wake-ups stay well inside the settle time.
            await writer.WriteAsync(text[..half]);
            for (var i = 0; i < 20; i++)
            {
                await writer.FlushAsync();
                await Task.Delay(50);
                await writer.WriteAsync(' ');
            }

            await writer.WriteAsync(text[half..]);
        }

        var file = await WaitForAsync("sub/slow.txt", TimeSpan.FromSeconds(10));
        Assert.NotNull(file);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ArchiveDbContext>();
        Assert.Equal(new FileInfo(Path.Combine(app.SeedsPath, "sub", "slow.txt")).Length, file.Size);
        Assert.Single(await db.ImportRecords.Where(r => r.File == "sub/slow.txt").ToListAsync());
    }

    [Fact]
    public async Task Files_moved_into_deleted_are_ignored()
    {
        _ = app.Server;
        Directory.CreateDirectory(Path.Combine(app.SeedsPath, ".deleted"));
        File.WriteAllText(Path.Combine(app.SeedsPath, ".deleted", "gone.txt"), Seeds.Variant(25));
        File.WriteAllText(Path.Combine(app.SeedsPath, "marker.txt"), Seeds.Variant(27));

        // Once a later file is in, the watcher has had its chance at the first.
        Assert.NotNull(await WaitForAsync("marker.txt", TimeSpan.FromSeconds(10)));
        await Task.Delay(500);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ArchiveDbContext>();
        Assert.False(await db.ImportRecords.AnyAsync(r => r.File.Contains("gone")));
    }
}
