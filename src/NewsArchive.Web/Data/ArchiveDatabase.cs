using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace NewsArchive.Web.Data;

public static class ArchiveDatabase
{
    /// <summary>
    /// Registers <see cref="ArchiveDbContext"/> (scoped, for pages) and a pooled
    /// <see cref="IDbContextFactory{TContext}"/> (for the importer and background work), and
    /// migrates the database before anything else starts.
    /// </summary>
    public static WebApplicationBuilder AddArchiveDatabase(this WebApplicationBuilder builder)
    {
        // Resolved from the container, not from builder.Configuration, so test hosts can override it.
        builder.Services.AddPooledDbContextFactory<ArchiveDbContext>((services, options) =>
            Configure(options, ArchivePaths.ConnectionString(
                services.GetRequiredService<IConfiguration>(),
                services.GetRequiredService<IHostEnvironment>().ContentRootPath)));
        builder.Services.AddScoped(services => services.GetRequiredService<IDbContextFactory<ArchiveDbContext>>().CreateDbContext());
        builder.Services.AddHostedService<DatabaseMigrator>();
        return builder;
    }

    /// <summary>The one place the provider is chosen, shared by the app and the design-time factory.</summary>
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(typeof(ArchiveDbContext).Assembly.FullName));

    /// <summary>Creates or upgrades the database and switches it to WAL (readers never wait for an import).</summary>
    public static async Task MigrateArchiveDatabaseAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<ArchiveDbContext>>().CreateDbContextAsync(ct);
        await db.Database.MigrateSurvivingKillsAsync(ct);
        // journal_mode is stored in the file, so setting it once here covers every later connection.
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
    }

    /// <summary>
    /// Migrates while holding an operating-system lock on a file beside the database. EF Core's own
    /// migration lock is a row in <c>__EFMigrationsLock</c>: a process killed while migrating leaves
    /// it behind, and every later start would wait for it forever. The OS drops our file lock when
    /// its holder dies, so whoever holds it knows any such row is stale and removes it.
    /// </summary>
    public static async Task MigrateSurvivingKillsAsync(this DatabaseFacade database, CancellationToken ct = default)
    {
        var dataSource = new SqliteConnectionStringBuilder(database.GetConnectionString()).DataSource;
        using var fileLock = string.IsNullOrEmpty(dataSource) || dataSource == ":memory:"
            ? null
            : await AcquireFileLockAsync(Path.GetFullPath(dataSource) + ".migrate-lock", ct);

        var staleLockTable = await database
            .SqlQueryRaw<int>("SELECT count(*) AS Value FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsLock'")
            .SingleAsync(ct);
        if (staleLockTable > 0)
        {
            await database.ExecuteSqlRawAsync("DELETE FROM __EFMigrationsLock", ct);
        }

        await database.MigrateAsync(ct);
    }

    private static async Task<FileStream> AcquireFileLockAsync(string path, CancellationToken ct)
    {
        while (true)
        {
            try
            {
                // FileShare.None takes an exclusive advisory lock, released by the OS if the process dies.
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException)
            {
                await Task.Delay(100, ct);
            }
        }
    }

    private sealed class DatabaseMigrator(IServiceProvider services) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => services.MigrateArchiveDatabaseAsync(cancellationToken);

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
