using Microsoft.EntityFrameworkCore;

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
        await db.Database.MigrateAsync(ct);
        // journal_mode is stored in the file, so setting it once here covers every later connection.
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
    }

    private sealed class DatabaseMigrator(IServiceProvider services) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => services.MigrateArchiveDatabaseAsync(cancellationToken);

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
