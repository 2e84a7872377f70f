using System.Collections.Concurrent;
using System.Threading.Channels;
using NewsArchive.Web.Data;

namespace NewsArchive.Web.Admin;

/// <summary>What happened to one file of an import, as shown in reports.</summary>
public sealed record FileReport(
    string File, ImportOutcome Outcome, int Line = 0, string? Reason = null, int? ArticleId = null, int Persons = 0, int Events = 0);

/// <summary>
/// One import run: the files already stored in the seeds folder, those refused at intake, and the
/// reports so far. Lives in memory while it runs; its history is in the database (ImportRecords
/// with <see cref="Id"/> as RunId).
/// </summary>
public sealed class ImportJob(string startedBy, IReadOnlyList<string> paths, IReadOnlyList<FileReport> refused)
{
    private readonly List<FileReport> _reports = [.. refused];
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Guid Id { get; } = Guid.NewGuid();
    public string StartedBy { get; } = startedBy;
    public DateTimeOffset StartedAt { get; } = DateTimeOffset.UtcNow;
    /// <summary>Paths relative to the seeds folder, to import.</summary>
    public IReadOnlyList<string> Paths { get; } = paths;
    public IReadOnlyList<FileReport> Refused { get; } = refused;
    public int Total => Paths.Count + Refused.Count;
    public bool Finished => _completion.Task.IsCompleted;
    public string? Error { get; private set; }
    public Task Completion => _completion.Task;

    public int Done
    {
        get
        {
            lock (_reports)
            {
                return _reports.Count;
            }
        }
    }

    public IReadOnlyList<FileReport> Reports
    {
        get
        {
            lock (_reports)
            {
                return [.. _reports];
            }
        }
    }

    public void Add(FileReport report)
    {
        lock (_reports)
        {
            _reports.Add(report);
        }
    }

    public void Finish(string? error = null)
    {
        Error = error;
        _completion.TrySetResult();
    }
}

/// <summary>
/// Runs imports one at a time in the background (SQLite has one writer), so an upload returns at
/// once and its page can be left and revisited while readers keep reading.
/// </summary>
public sealed class ImportJobs
{
    private const int KeptJobs = 200;
    private readonly Channel<ImportJob> _queue = Channel.CreateUnbounded<ImportJob>();
    private readonly ConcurrentDictionary<Guid, ImportJob> _jobs = new();
    private readonly ConcurrentQueue<Guid> _order = new();
    private readonly ConcurrentDictionary<string, int> _claims = new(StringComparer.Ordinal);

    /// <summary>
    /// Marks a seed file as about to be imported by a run, so the drop-folder watcher leaves it
    /// alone until that run is over. Released by the run that imports it.
    /// </summary>
    public void Claim(params IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            _claims.AddOrUpdate(path, 1, (_, n) => n + 1);
        }
    }

    public bool IsClaimed(string path) => _claims.ContainsKey(path);

    public ImportJob Enqueue(string startedBy, IReadOnlyList<string> paths, IReadOnlyList<FileReport>? refused = null, bool claimed = false)
    {
        if (!claimed)
        {
            Claim(paths);
        }

        var job = new ImportJob(startedBy, paths, refused ?? []);
        job.Completion.ContinueWith(_ => Release(job.Paths), TaskScheduler.Default);
        _jobs[job.Id] = job;
        _order.Enqueue(job.Id);
        while (_order.Count > KeptJobs && _order.TryDequeue(out var old))
        {
            _jobs.TryRemove(old, out _);
        }

        _queue.Writer.TryWrite(job);
        return job;
    }

    public void Release(params IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            while (_claims.TryGetValue(path, out var n))
            {
                if (n <= 1 ? _claims.TryRemove(KeyValuePair.Create(path, n)) : _claims.TryUpdate(path, n - 1, n))
                {
                    break;
                }
            }
        }
    }

    /// <summary>A job still running or recently run; older runs are read from the history.</summary>
    public ImportJob? Find(Guid id) => _jobs.GetValueOrDefault(id);

    public IReadOnlyList<ImportJob> Running =>
        [.. _jobs.Values.Where(j => !j.Finished).OrderBy(j => j.StartedAt)];

    internal ChannelReader<ImportJob> Reader => _queue.Reader;
}

/// <summary>Takes jobs off the queue and runs them through the shared import pipeline.</summary>
public sealed class ImportWorker(ImportJobs jobs, IServiceScopeFactory scopes, ILogger<ImportWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var job in jobs.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                using var scope = scopes.CreateScope();
                var runner = scope.ServiceProvider.GetRequiredService<ImportRunner>();
                await runner.RunAsync(job, ct: stoppingToken);
                job.Finish();
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                job.Finish("stopped");
                throw;
            }
            catch (Exception ex)
            {
                // A broken run must not stop the worker: later uploads still need it.
                logger.LogError(ex, "Import run {RunId} by {StartedBy} failed", job.Id, job.StartedBy);
                job.Finish(ex.Message);
            }
        }
    }
}
