using Microsoft.EntityFrameworkCore;
using NewsArchive.Web.Data;

namespace NewsArchive.Web.Tests.Robustness;

/// <summary>A process killed while migrating must not leave a database that never starts again.</summary>
public sealed class StaleMigrationLockTests
{
    [Fact]
    public async Task Migration_goes_ahead_past_the_lock_row_a_killed_process_left_behind()
    {
        var folder = Directory.CreateTempSubdirectory("newsarchive-lock-");
        try
        {
            var options = ArchiveDatabase.Configure(new DbContextOptionsBuilder<ArchiveDbContext>(),
                $"Data Source={Path.Combine(folder.FullName, "archive.db")};Pooling=False").Options;
            await using (var db = new ArchiveDbContext((DbContextOptions<ArchiveDbContext>)options))
            {
                await db.Database.MigrateSurvivingKillsAsync();
                // What EF Core's migration lock looks like when its holder was killed mid-migration.
                await db.Database.ExecuteSqlRawAsync("INSERT INTO __EFMigrationsLock (Id, Timestamp) VALUES (1, '2026-01-01 00:00:00+00:00')");
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await using (var db = new ArchiveDbContext((DbContextOptions<ArchiveDbContext>)options))
            {
                await db.Database.MigrateSurvivingKillsAsync(timeout.Token);
                Assert.Equal(0, await db.Database.SqlQueryRaw<int>("SELECT count(*) AS Value FROM __EFMigrationsLock").SingleAsync());
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
