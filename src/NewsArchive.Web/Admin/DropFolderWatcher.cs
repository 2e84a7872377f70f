using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsArchive.Web.Data;
using NewsArchive.Web.Import;

namespace NewsArchive.Web.Admin;

/// <summary>
/// Imports seed files copied into the seeds folder while the app runs. A file is imported once
/// its size and modification time have stayed the same for <see cref="AdminOptions.DropSettleTime"/>,
/// so a file still being copied is not read half-written. The file watcher can miss events
/// (buffer overflow, network shares), so the folder is also rescanned periodically.
/// </summary>
public sealed class DropFolderWatcher(
    ImportJobs jobs,
    SeedsFolder seeds,
    IServiceScopeFactory scopes,
    IOptions<AdminOptions> options,
    ILogger<DropFolderWatcher> logger) : BackgroundService
{
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

        // Everything up to the first await runs inside the host's start, before the server listens:
        // the listing below (one stat per seed file) belongs after it.
        await Task.Yield();
        Directory.CreateDirectory(seeds.Path);
        // What is there now is the startup import's business; the watcher looks after what changes.
        foreach (var file in SeedFolder.List(seeds.Path))
        {
            if (seeds.Relative(file.FullPath) is { } path)
            {
                _handedOver[path] = (file.Size, file.ModifiedUtc.UtcDateTime);
            }
        }

        using var watcher = new FileSystemWatcher(seeds.Path, "*.txt")
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size,
        };
        watcher.Created += (_, e) => Notice(e.FullPath);
        watcher.Changed += (_, e) => Notice(e.FullPath);
        watcher.Renamed += (_, e) => Notice(e.FullPath);
        watcher.Error += (_, e) => logger.LogWarning(e.GetException(), "Seeds folder watcher lost events; the next rescan catches up");
        watcher.EnableRaisingEvents = true;

        var settle = options.Value.DropSettleTime;
        var tick = TimeSpan.FromMilliseconds(Math.Clamp(settle.TotalMilliseconds / 4, 50, 1000));
        var nextRescan = DateTime.UtcNow + options.Value.RescanInterval;
        using var timer = new PeriodicTimer(tick);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                if (DateTime.UtcNow >= nextRescan)
                {
                    await RescanAsync(stoppingToken);
                    nextRescan = DateTime.UtcNow + options.Value.RescanInterval;
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

    /// <summary>Adds every file whose size or time differs from what the archive last imported.</summary>
    private async Task RescanAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ArchiveDbContext>();
        var known = await db.SeedFiles.AsNoTracking()
            .Select(s => new { s.Path, s.Size, s.ModifiedUtc })
            .ToDictionaryAsync(s => s.Path, StringComparer.Ordinal, ct);
        // The listing already holds each file's size and time: no second stat per file.
        foreach (var file in SeedFolder.List(seeds.Path))
        {
            if (seeds.Relative(file.FullPath) is not { } path)
            {
                continue;
            }

            var modified = file.ModifiedUtc.UtcDateTime;
            var unchanged = known.TryGetValue(path, out var k) && k.Size == file.Size
                && Math.Abs((k.ModifiedUtc.UtcDateTime - modified).TotalMilliseconds) < 1;
            var tried = _handedOver.TryGetValue(path, out var h) && h == (file.Size, modified);
            if (!unchanged && !tried && !jobs.IsClaimed(path))
            {
                _candidates.TryAdd(path, new Observation(-1, default, DateTime.UtcNow));
            }
        }
    }
}
