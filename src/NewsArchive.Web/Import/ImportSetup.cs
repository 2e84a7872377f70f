using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace NewsArchive.Web.Import;

public static class ImportSetup
{
    /// <summary>
    /// Registers <see cref="ArchiveImporter"/> (a singleton: runs are serialized through it) and
    /// the startup import of the seeds folder. Call after <c>AddArchiveDatabase</c>: hosted services
    /// start in registration order, so the database is migrated before the import reads it.
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

    /// <summary>Imports the seeds folder before the server starts; unchanged files cost a directory listing.</summary>
    private sealed class StartupImport(ArchiveImporter importer, StartupImportResult result, IOptions<ArchiveOptions> options, ILogger<StartupImport> logger) : IHostedService
    {
        public async Task StartAsync(CancellationToken cancellationToken)
        {
            ImportSummary? summary = null;
            try
            {
                summary = await ImportAsync(cancellationToken);
            }
            finally
            {
                result.Set(summary);
            }
        }

        private async Task<ImportSummary?> ImportAsync(CancellationToken ct)
        {
            var folder = options.Value.SeedsPath;
            if (!options.Value.ImportOnStartup)
            {
                return null;
            }

            if (!Directory.Exists(folder))
            {
                logger.LogWarning("Seeds folder {SeedsPath} does not exist; nothing to import", folder);
                return null;
            }

            logger.LogInformation("Importing seed files from {SeedsPath}", folder);
            return await importer.ImportFolderAsync(folder, new ImportRequest("startup"), ct);
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
