namespace NewsArchive.Web.Import;

/// <summary>
/// What the startup import did, for the services that carry on from it (the drop-folder watcher)
/// and for the health check, which reports whether it is still running while the app serves.
/// </summary>
public sealed class StartupImportResult
{
    private readonly TaskCompletionSource<ImportSummary?> _summary = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile string? _failure;

    /// <summary>The startup import's summary once it has run; null when it did not run (turned off, no seeds folder) or did not finish.</summary>
    public Task<ImportSummary?> Summary => _summary.Task;

    /// <summary>True once the startup import has ended, whichever way.</summary>
    public bool IsFinished => _summary.Task.IsCompleted;

    /// <summary>Why the startup import stopped before the end; null when it finished or is still running.</summary>
    public string? Failure => _failure;

    internal void Set(ImportSummary? summary) => _summary.TrySetResult(summary);

    internal void Fail(Exception error)
    {
        _failure = error.Message;
        _summary.TrySetResult(null);
    }
}
