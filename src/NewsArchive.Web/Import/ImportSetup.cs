using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace NewsArchive.Web.Import;

public static class ImportSetup
{
    /// <summary>
    /// Registers <see cref="ArchiveImporter"/> (a singleton: runs are serialized through it) and
    /// the startup import of the seeds folder. Call after <c>AddArchiveDatabase</c>: hosted services
    /// start in registration order, so the database is migrated before the import reads it (the
    /// folder listing alone begins earlier: it does not touch the database).
    /// Indexers are added by their features with <c>services.AddSingleton&lt;IArticleIndexer, …&gt;()</c>.
    /// </summary>
    public static WebApplicationBuilder AddArchiveImport(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ArchiveOptions>()
            .BindConfiguration("Archive")
            .PostConfigure<IConfiguration, IHostEnvironment>((o, configuration, env) =>
                o.SeedsPath = ArchivePaths.SeedsFolder(configuration, env.ContentRootPath));
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ArchiveImporter>();
        builder.Services.AddSingleton<StartupImportResult>();
        builder.Services.AddHostedService<StartupImport>();
        return builder;
    }

    /// <summary>
    /// Imports the seeds folder before the server starts; unchanged files cost a directory listing.
    /// The listing begins before any hosted service starts (<see cref="StartingAsync"/>), so a big
    /// folder is walked while the database is migrated; the import itself waits for its turn.
    /// </summary>
    private sealed class StartupImport(ArchiveImporter importer, StartupImportResult result, IOptions<ArchiveOptions> options, ILogger<StartupImport> logger) : IHostedLifecycleService
    {
        private FolderListing? _listing;

        public Task StartingAsync(CancellationToken cancellationToken)
        {
            var folder = options.Value.SeedsPath;
            if (!options.Value.ImportOnStartup)
            {
                return Task.CompletedTask;
            }

            if (!Directory.Exists(folder))
            {
                logger.LogWarning("Seeds folder {SeedsPath} does not exist; nothing to import", folder);
                return Task.CompletedTask;
            }

            logger.LogInformation("Importing seed files from {SeedsPath}", folder);
            _listing = importer.BeginListing(folder, cancellationToken);
            return Task.CompletedTask;
        }

        public async Task StartAsync(CancellationToken cancellationToken)
        {
            ImportSummary? summary = null;
            try
            {
                summary = _listing is null ? null : await importer.ImportListedAsync(_listing, new ImportRequest("startup"), cancellationToken);
            }
            finally
            {
                result.Set(summary);
            }
        }

        public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
