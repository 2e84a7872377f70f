namespace NewsArchive.Web.Import;

/// <summary>What the startup import did, for the services that carry on from it (the drop-folder watcher).</summary>
public sealed class StartupImportResult
{
    private readonly TaskCompletionSource<ImportSummary?> _summary = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The startup import's summary once it has run; null when it did not run (turned off, no seeds folder) or did not finish.</summary>
    public Task<ImportSummary?> Summary => _summary.Task;

    internal void Set(ImportSummary? summary) => _summary.TrySetResult(summary);
}
