using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Options;
using NewsArchive.Web.Import;

namespace NewsArchive.Web.Admin;

/// <summary>
/// Imports seed files copied into the seeds folder while the app runs. A file is imported once
/// its size and modification time have stayed the same for <see cref="AdminOptions.DropSettleTime"/>,
/// so a file still being copied is not read half-written. The file watcher can miss events
/// (buffer overflow, network shares), so the folder is also rescanned periodically, with the
/// importer's own incremental check.
/// </summary>
public sealed class DropFolderWatcher(
    ImportJobs jobs,
    SeedsFolder seeds,
    ArchiveImporter importer,
    StartupImportResult startup,
    IOptions<AdminOptions> options,
    ILogger<DropFolderWatcher> logger) : BackgroundService
{
    // A rescan lists every seed file (seconds of CPU at a million): it takes at most 1/RescanShare of the time.
    private const int RescanShare = 50;
    private volatile bool _eventsLost;
    private readonly ConcurrentDictionary<string, Observation> _candidates = new(StringComparer.Ordinal);
    // What the watcher last handed to the importer, so a file that fails is not retried on every
    // rescan (only once it changes).
    private readonly ConcurrentDictionary<string, (long Size, DateTime ModifiedUtc)> _handedOver = new(StringComparer.Ordinal);

    private sealed record Observation(long Size, DateTime ModifiedUtc, DateTime StableSince);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.WatchSeeds)
        {
            return;
        }

        // Everything up to the first await runs inside the host's start, before the server listens.
        await Task.Yield();
        Directory.CreateDirectory(seeds.Path);
        await TakeOverFromStartupAsync(stoppingToken);

        using var watcher = new FileSystemWatcher(seeds.Path, "*.txt")
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size,
        };
        watcher.Created += (_, e) => Notice(e.FullPath);
        watcher.Changed += (_, e) => Notice(e.FullPath);
        watcher.Renamed += (_, e) => Notice(e.FullPath);
        watcher.Error += (_, e) =>
        {
            logger.LogWarning(e.GetException(), "Seeds folder watcher lost events; rescanning");
            _eventsLost = true;
        };
        watcher.EnableRaisingEvents = true;

        var settle = options.Value.DropSettleTime;
        var tick = TimeSpan.FromMilliseconds(Math.Clamp(settle.TotalMilliseconds / 4, 50, 1000));
        var nextRescan = DateTime.UtcNow + options.Value.RescanInterval;
        using var timer = new PeriodicTimer(tick);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                if (DateTime.UtcNow >= nextRescan || _eventsLost)
                {
                    _eventsLost = false;
                    var started = Stopwatch.GetTimestamp();
                    await RescanAsync(stoppingToken);
                    var took = Stopwatch.GetElapsedTime(started);
                    nextRescan = DateTime.UtcNow + TimeSpan.FromTicks(Math.Max(options.Value.RescanInterval.Ticks, took.Ticks * RescanShare));
                }

                var ready = SettledFiles(settle);
                if (ready.Count > 0)
                {
                    logger.LogInformation("Importing {Count} file(s) dropped into the seeds folder", ready.Count);
                    jobs.Enqueue(ImportRunner.WatcherUser, ready);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Seeds folder check failed; retrying");
            }
        }
    }

    private void Notice(string fullPath)
    {
        var relative = seeds.Relative(fullPath);
        if (relative is not null)
        {
            // A fresh observation restarts the settle clock.
            _candidates[relative] = new Observation(-1, default, DateTime.UtcNow);
        }
    }

    private List<string> SettledFiles(TimeSpan settle)
    {
        var now = DateTime.UtcNow;
        var ready = new List<string>();
        foreach (var (path, seen) in _candidates)
        {
            var info = new FileInfo(seeds.Full(path));
            if (!info.Exists)
            {
                _candidates.TryRemove(path, out _);
                continue;
            }

            if (info.Length != seen.Size || info.LastWriteTimeUtc != seen.ModifiedUtc)
            {
                _candidates[path] = new Observation(info.Length, info.LastWriteTimeUtc, now);
            }
            else if (now - seen.StableSince >= settle && !jobs.IsClaimed(path))
            {
                _candidates.TryRemove(path, out _);
                _handedOver[path] = (seen.Size, seen.ModifiedUtc);
                ready.Add(path);
            }
        }

        return ready;
    }

    /// <summary>
    /// What was in the folder at startup is the startup import's business. The files it could not
    /// import are remembered as handed over, so they are retried only once they change; the rest
    /// the archive knows, and the rescans find whatever changed since its listing. Without a
    /// startup import, the folder as it is now is the starting point.
    /// </summary>
    private async Task TakeOverFromStartupAsync(CancellationToken ct)
    {
        if (await startup.Summary.WaitAsync(ct) is { } summary)
        {
            foreach (var failed in summary.Failures)
            {
                var info = new FileInfo(seeds.Full(failed.File));
                if (info.Exists)
                {
                    _handedOver[failed.File] = (info.Length, info.LastWriteTimeUtc);
                }
            }

            return;
        }

        foreach (var file in SeedFolder.List(seeds.Path, ct, inBackground: true))
        {
            if (seeds.Relative(file.FullPath) is { } path)
            {
                _handedOver[path] = (file.Size, file.ModifiedUtc.UtcDateTime);
            }
        }
    }

    /// <summary>Adds every file the importer would read now (new, changed, or not imported) that was not handed over as it is.</summary>
    private async Task RescanAsync(CancellationToken ct)
    {
        foreach (var file in await importer.FindPendingAsync(ct))
        {
            if (seeds.Relative(file.FullPath) is not { } path)
            {
                continue;
            }

            var tried = _handedOver.TryGetValue(path, out var h) && h == (file.Size, file.ModifiedUtc.UtcDateTime);
            if (!tried && !jobs.IsClaimed(path))
            {
                _candidates.TryAdd(path, new Observation(-1, default, DateTime.UtcNow));
            }
        }
    }
}
