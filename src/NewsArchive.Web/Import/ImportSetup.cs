using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using NewsArchive.Web.Data;

namespace NewsArchive.Web.Import;

public static class ImportSetup
{
    /// <summary>
    /// Registers <see cref="ArchiveImporter"/> (a singleton: runs are serialized through it) and
    /// the startup import of the seeds folder. Call after <c>AddArchiveDatabase</c>: hosted services
    /// start in registration order, so the database is migrated before the import reads it (the
    /// folder listing alone begins earlier: it does not touch the database).
    /// The app maps its health check at <c>/healthz</c>: healthy once the startup import is done.
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
        builder.Services.AddHealthChecks().AddCheck<StartupImportHealthCheck>("startup-import");
        return builder;
    }

    /// <summary>
    /// Imports the seeds folder on start; unchanged files cost a directory listing. The listing
    /// begins before any hosted service starts (<see cref="StartingAsync"/>), so a big folder is
    /// walked while the database is migrated; the import itself waits for its turn. An empty archive
    /// is imported before the server starts. One that already holds articles is served at once
    /// (<see cref="ArchiveOptions.ServeDuringStartupImport"/>) while the import runs in the
    /// background: each batch commits whole, so readers see the last start's archive plus what has
    /// come in since, never half an article.
    /// </summary>
    private sealed class StartupImport(
        ArchiveImporter importer,
        IDbContextFactory<ArchiveDbContext> dbFactory,
        StartupImportResult result,
        IOptions<ArchiveOptions> options,
        ILogger<StartupImport> logger) : IHostedLifecycleService, IDisposable
    {
        private readonly CancellationTokenSource _stopping = new();
        private FolderListing? _listing;
        private Task? _background;

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
            // Its own token: a listing that outlives the start is still stopped with the app.
            _listing = importer.BeginListing(folder, _stopping.Token);
            return Task.CompletedTask;
        }

        public async Task StartAsync(CancellationToken cancellationToken)
        {
            if (_listing is not { } listing)
            {
                result.Set(null);
                return;
            }

            if (options.Value.ServeDuringStartupImport && await HoldsArticlesAsync(cancellationToken))
            {
                logger.LogInformation("Serving the archive while the startup import checks {SeedsPath}", options.Value.SeedsPath);
                _background = Task.Run(() => ImportInBackgroundAsync(listing, _stopping.Token), CancellationToken.None);
                return;
            }

            ImportSummary? summary = null;
            try
            {
                summary = await importer.ImportListedAsync(listing, new ImportRequest("startup"), cancellationToken);
            }
            finally
            {
                result.Set(summary);
            }
        }

        private async Task ImportInBackgroundAsync(FolderListing listing, CancellationToken ct)
        {
            try
            {
                result.Set(await importer.ImportListedAsync(listing, new ImportRequest("startup"), ct));
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                result.Set(null);
            }
            catch (Exception ex)
            {
                // The archive keeps serving what it holds; the health check and the log say why it is not current.
                logger.LogError(ex, "The startup import of {SeedsPath} failed", options.Value.SeedsPath);
                result.Fail(ex);
            }
        }

        private async Task<bool> HoldsArticlesAsync(CancellationToken ct)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            return await db.Articles.AnyAsync(ct);
        }

        public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public async Task StoppingAsync(CancellationToken cancellationToken)
        {
            // A background import stops at its next file; what it committed stays.
            await _stopping.CancelAsync();
            if (_background is { } background)
            {
                await background.WaitAsync(cancellationToken);
            }
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public void Dispose() => _stopping.Dispose();
    }

    /// <summary>
    /// Healthy once the startup import has finished; degraded (still answering 200) while it runs
    /// in the background or after it failed, with the reason.
    /// </summary>
    private sealed class StartupImportHealthCheck(StartupImportResult result) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            Task.FromResult(
                !result.IsFinished ? HealthCheckResult.Degraded("the startup import is checking the seeds folder")
                : result.Failure is { } failure ? HealthCheckResult.Degraded($"the startup import failed: {failure}")
                : HealthCheckResult.Healthy());
    }
}
