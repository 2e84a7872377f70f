using System.Diagnostics;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsArchive.Text.Seeds;
using NewsArchive.Web.Data;

namespace NewsArchive.Web.Import;

/// <summary>
/// Imports seed files into the archive: the one pipeline behind startup, admin upload, the
/// command line and the drop folder. Runs are serialized (SQLite has one writer); each file is
/// imported in its own transaction, and a failing file is reported without stopping the others.
/// </summary>
public sealed partial class ArchiveImporter(
    IDbContextFactory<ArchiveDbContext> dbFactory,
    IEnumerable<IArticleIndexer> indexers,
    IOptions<ArchiveOptions> options,
    TimeProvider time,
    ILogger<ArchiveImporter> logger)
{
    private const int LeadMaxLength = 280;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly IArticleIndexer[] _indexers = indexers.ToArray();

    /// <summary>The seeds folder file keys are relative to.</summary>
    public string SeedsPath => options.Value.SeedsPath;

    /// <summary>Imports every seed file under <paramref name="folder"/> (see <see cref="SeedFolder.List"/>).</summary>
    public Task<ImportSummary> ImportFolderAsync(string folder, ImportRequest request, CancellationToken ct = default) =>
        RunAsync(SeedFolder.List(Path.GetFullPath(folder)), request, ct);

    /// <summary>Imports the given files, in order; a missing file is reported as failed.</summary>
    public Task<ImportSummary> ImportFilesAsync(IEnumerable<string> paths, ImportRequest request, CancellationToken ct = default) =>
        RunAsync(paths.Select(p => SeedFileInfo.Of(p) ?? new SeedFileInfo(Path.GetFullPath(p), -1, default)).ToList(), request, ct);

    /// <summary>Imports one file and returns what happened to it.</summary>
    public async Task<ImportFileResult> ImportFileAsync(string path, ImportRequest request, CancellationToken ct = default)
    {
        ImportFileResult? result = null;
        var onFile = request.OnFile;
        await ImportFilesAsync([path], request with { OnFile = (r, p) => { result = r; onFile?.Invoke(r, p); } }, ct);
        return result!;
    }

    /// <summary>
    /// Deletes an article with everything extracted from it and forgets the seed files that
    /// produced it (so they are imported afresh if they come back). Returns those files' keys;
    /// moving the files themselves is the caller's decision. Returns an empty list when the
    /// article does not exist.
    /// </summary>
    public async Task<IReadOnlyList<string>> DeleteArticleAsync(int articleId, CancellationToken ct = default)
    {
        await _gate.WaitAsync(ct);
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            if (!await db.Articles.AnyAsync(a => a.Id == articleId, ct))
            {
                return [];
            }

            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var files = await db.SeedFiles.Where(s => s.ArticleId == articleId).Select(s => s.Path).ToListAsync(ct);
            await db.SeedFiles.Where(s => s.ArticleId == articleId).ExecuteDeleteAsync(ct);
            await DeleteArticleRowsAsync(db, articleId, ct);
            await tx.CommitAsync(ct);
            return files;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<ImportSummary> RunAsync(List<SeedFileInfo> files, ImportRequest request, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            var watch = Stopwatch.StartNew();
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            await db.Database.OpenConnectionAsync(ct);
            // WAL makes NORMAL durable across crashes of the app; only a power loss can drop the last commits.
            await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous=NORMAL;", ct);
            db.Database.AutoSavepointsEnabled = false;

            var run = new Run(db, request, request.RunId, options.Value.SeedsPath, await LoadKnownFilesAsync(db, ct));
            var counts = new int[Enum.GetValues<ImportOutcome>().Length];
            var failures = new List<ImportFileResult>();
            var lastLog = watch.Elapsed;
            for (var i = 0; i < files.Count; i++)
            {
                var result = await ImportOneAsync(run, files[i], ct);
                counts[(int)result.Outcome]++;
                if (result.Outcome == ImportOutcome.Failed)
                {
                    failures.Add(result);
                }

                request.OnFile?.Invoke(result, new ImportProgress(i + 1, files.Count));
                if (watch.Elapsed - lastLog > TimeSpan.FromSeconds(10))
                {
                    lastLog = watch.Elapsed;
                    LogProgress(i + 1, files.Count, run.Id);
                }
            }

            var summary = new ImportSummary(
                run.Id,
                files.Count,
                counts[(int)ImportOutcome.Imported],
                counts[(int)ImportOutcome.Updated],
                counts[(int)ImportOutcome.Unchanged],
                counts[(int)ImportOutcome.Duplicate],
                counts[(int)ImportOutcome.Failed],
                watch.Elapsed,
                failures);
            LogSummary(request.StartedBy, summary.Total, summary.Imported, summary.Updated, summary.Unchanged, summary.Duplicate, summary.Failed, summary.Elapsed.TotalSeconds, run.Id);
            return summary;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// All known seed files in one query: the incremental check then needs no database round
    /// trip per unchanged file, which is what lets a million-file archive start in seconds.
    /// </summary>
    private static async Task<Dictionary<string, KnownFile>> LoadKnownFilesAsync(ArchiveDbContext db, CancellationToken ct)
    {
        var known = new Dictionary<string, KnownFile>(StringComparer.Ordinal);
        await foreach (var s in db.SeedFiles.AsNoTracking()
            .Select(s => new { s.Path, s.Id, s.Size, s.ModifiedUtc, s.ArticleId })
            .AsAsyncEnumerable().WithCancellation(ct))
        {
            known[s.Path] = new KnownFile(s.Id, s.Size, s.ModifiedUtc.UtcTicks, s.ArticleId);
        }

        return known;
    }

    private async Task<ImportFileResult> ImportOneAsync(Run run, SeedFileInfo file, CancellationToken ct)
    {
        var key = run.KeyOf(file.FullPath);
        run.Known.TryGetValue(key, out var known);
        if (file.Size < 0)
        {
            return await FailAsync(run, key, known?.ArticleId, 0, "file not found", ct);
        }

        if (!run.Request.Force && known is { ArticleId: not null } && known.Size == file.Size && known.ModifiedTicks == file.ModifiedUtc.UtcTicks)
        {
            return new ImportFileResult(key, ImportOutcome.Unchanged) { ArticleId = known.ArticleId };
        }

        byte[] bytes;
        try
        {
            bytes = await File.ReadAllBytesAsync(file.FullPath, ct);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return await FailAsync(run, key, known?.ArticleId, 0, $"cannot read the file: {ex.Message}", ct);
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var db = run.Db;
        try
        {
            var row = known is null ? null : await db.SeedFiles.SingleAsync(s => s.Id == known.Id, ct);
            if (row is { ArticleId: not null } && row.ContentHash == hash && !run.Request.Force)
            {
                // Touched but not changed (copied, restored from backup): remember the new time, parse nothing.
                row.Size = file.Size;
                row.ModifiedUtc = file.ModifiedUtc;
                await db.SaveChangesAsync(ct);
                return new ImportFileResult(key, ImportOutcome.Unchanged) { ArticleId = row.ArticleId };
            }

            var sameContent = await db.Articles.Where(a => a.ContentHash == hash).Select(a => (int?)a.Id).FirstOrDefaultAsync(ct);
            if (sameContent is int duplicateOf && duplicateOf != row?.ArticleId)
            {
                return await LinkDuplicateAsync(run, key, file, hash, row, duplicateOf, ct);
            }

            SeedReadResult read;
            try
            {
                read = SeedFileReader.Read(key, bytes);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The reader promises errors, not exceptions; if it breaks that promise, one file fails, not the run.
                logger.LogError(ex, "Seed reader threw on {File}", key);
                return await FailAsync(run, key, row?.ArticleId, 0, $"the reader failed: {ex.Message}", ct);
            }

            if (read.Article is not { } seed)
            {
                var error = read.Error ?? new SeedFileError(key, 0, "unreadable seed file");
                return await FailAsync(run, key, row?.ArticleId, error.Line, error.Reason, ct);
            }

            return await PersistAsync(run, key, file, hash, row, seed, ct);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    private async Task<ImportFileResult> LinkDuplicateAsync(Run run, string key, SeedFileInfo file, string hash, SeedFile? row, int articleId, CancellationToken ct)
    {
        var db = run.Db;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var previous = row?.ArticleId;
        row = Track(db, row, key);
        Stamp(row, file, hash, articleId);
        db.ImportRecords.Add(Record(run, key, ImportOutcome.Duplicate, articleId));
        await db.SaveChangesAsync(ct);
        if (previous is int old)
        {
            await DeleteIfOrphanedAsync(db, old, ct);
        }

        await tx.CommitAsync(ct);
        LogDuplicate(key, articleId);
        return new ImportFileResult(key, ImportOutcome.Duplicate) { ArticleId = articleId };
    }

    private async Task<ImportFileResult> PersistAsync(Run run, string key, SeedFileInfo file, string hash, SeedFile? row, SeedArticle seed, CancellationToken ct)
    {
        var db = run.Db;
        run.Persons ??= await PersonDirectory.LoadAsync(db, ct);
        var persons = run.Persons;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            // A changed file keeps its article (and its URL), unless another file still holds the old content.
            Article? article = null;
            List<int> previousPersons = [];
            if (row?.ArticleId is int existingId && !await db.SeedFiles.AnyAsync(s => s.ArticleId == existingId && s.Id != row.Id, ct))
            {
                article = await db.Articles.SingleOrDefaultAsync(a => a.Id == existingId, ct);
                if (article is not null)
                {
                    previousPersons = await db.ArticlePersons.Where(ap => ap.ArticleId == existingId).Select(ap => ap.PersonId).ToListAsync(ct);
                    await db.ArticlePersons.Where(ap => ap.ArticleId == existingId).ExecuteDeleteAsync(ct);
                    await db.PersonRoles.Where(r => r.ArticleId == existingId).ExecuteDeleteAsync(ct);
                    await db.Events.Where(e => e.ArticleId == existingId).ExecuteDeleteAsync(ct);
                }
            }

            var outcome = row?.ArticleId is null ? ImportOutcome.Imported : ImportOutcome.Updated;
            var parsed = seed.Article;
            article ??= db.Articles.Add(new Article { Title = "", Body = "", Lead = "", SourceFile = key, ContentHash = hash }).Entity;
            article.Title = parsed.Title;
            article.TitleDerived = parsed.TitleDerived;
            article.Published = parsed.Published;
            article.Subject = parsed.Subject;
            article.SubjectPersonId = null;
            article.Caption = parsed.Caption;
            article.Credit = parsed.Credit;
            article.Body = parsed.Body;
            article.Lead = LeadOf(parsed.Paragraphs);
            article.PullQuotes = [.. parsed.PullQuotes];
            article.SourceFile = key;
            article.ContentHash = hash;
            article.ImportedAt = time.GetUtcNow();

            // Phase 1: the article and any new persons, so that every row below can refer to ids.
            var resolved = seed.Persons.Select(p => (Found: p, Entry: persons.Resolve(db, p))).ToList();
            await db.SaveChangesAsync(ct);
            persons.AssignIds();

            // Phase 2: mentions, roles, aliases and events. Two names in one article can be the
            // same person (variant spellings): they become one mention row with the counts added.
            var entryByName = new Dictionary<string, PersonDirectory.Entry>(StringComparer.Ordinal);
            foreach (var group in resolved.GroupBy(r => r.Entry))
            {
                var first = group.First().Found;
                var entry = group.Key;
                article.Persons.Add(new ArticlePerson
                {
                    ArticleId = article.Id,
                    PersonId = entry.Id,
                    Mentions = group.Sum(g => g.Found.Mentions),
                    FirstSentence = first.FirstSentence,
                    Role = group.SelectMany(g => g.Found.Roles).FirstOrDefault(),
                });
                foreach (var role in group.SelectMany(g => g.Found.Roles).Distinct(StringComparer.Ordinal))
                {
                    db.PersonRoles.Add(new PersonRole { PersonId = entry.Id, ArticleId = article.Id, Role = role, Year = parsed.Published.Year });
                }

                persons.AddAliases(db, entry, group.SelectMany(g => g.Found.Aliases.Append(g.Found.Name)));
                foreach (var (found, _) in group)
                {
                    entryByName.TryAdd(found.Name, entry);
                }

                if (group.Any(g => g.Found.IsSubject))
                {
                    article.SubjectPersonId = entry.Id;
                }
            }

            foreach (var found in seed.Events)
            {
                var ev = new ArticleEvent
                {
                    ArticleId = article.Id,
                    Date = found.Date.Start,
                    DateEnd = found.Date.End,
                    Precision = found.Date.Precision,
                    Text = found.Text,
                    IsArticleEvent = found.IsArticleEvent,
                };
                foreach (var personId in found.Persons.Select(n => entryByName.GetValueOrDefault(n)?.Id).OfType<int>().Distinct())
                {
                    ev.Persons.Add(new EventPerson { PersonId = personId });
                }

                article.Events.Add(ev);
            }

            row = Track(db, row, key);
            Stamp(row, file, hash, article.Id);
            db.ImportRecords.Add(Record(run, key, outcome, article.Id));
            await db.SaveChangesAsync(ct);

            // Counts move by one per link gained or lost, so no article is ever counted again.
            var current = article.Persons.Select(p => p.PersonId).ToHashSet();
            var lost = previousPersons.Where(id => !current.Contains(id)).ToList();
            var gained = current.Where(id => !previousPersons.Contains(id)).ToList();
            if (lost.Count > 0)
            {
                await db.Persons.Where(p => lost.Contains(p.Id)).ExecuteUpdateAsync(s => s.SetProperty(p => p.ArticleCount, p => p.ArticleCount - 1), ct);
            }

            if (gained.Count > 0)
            {
                await db.Persons.Where(p => gained.Contains(p.Id)).ExecuteUpdateAsync(s => s.SetProperty(p => p.ArticleCount, p => p.ArticleCount + 1), ct);
            }

            foreach (var indexer in _indexers)
            {
                await indexer.IndexAsync(db, article, ct);
            }

            await tx.CommitAsync(ct);
            persons.Commit();
            LogImported(key, outcome, article.Id, seed.Persons.Count, seed.Events.Count);
            return new ImportFileResult(key, outcome) { ArticleId = article.Id, Persons = seed.Persons, Events = seed.Events };
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await tx.RollbackAsync(CancellationToken.None);
            persons.Rollback();
            db.ChangeTracker.Clear();
            logger.LogError(ex, "Storing {File} failed; its previous records are kept", key);
            return await FailAsync(run, key, row?.ArticleId, 0, $"could not be stored: {ex.GetBaseException().Message}", ct);
        }
        catch
        {
            persons.Rollback();
            throw;
        }
    }

    private async Task<ImportFileResult> FailAsync(Run run, string key, int? keptArticleId, int line, string reason, CancellationToken ct)
    {
        LogFailed(key, line, reason);
        run.Db.ChangeTracker.Clear();
        run.Db.ImportRecords.Add(Record(run, key, ImportOutcome.Failed, keptArticleId, line, reason));
        await run.Db.SaveChangesAsync(ct);
        return new ImportFileResult(key, ImportOutcome.Failed) { Line = line, Reason = reason, ArticleId = keptArticleId };
    }

    /// <summary>An article no seed file stands for any more (its file now holds other content) is removed.</summary>
    private async Task DeleteIfOrphanedAsync(ArchiveDbContext db, int articleId, CancellationToken ct)
    {
        if (!await db.SeedFiles.AnyAsync(s => s.ArticleId == articleId, ct))
        {
            await DeleteArticleRowsAsync(db, articleId, ct);
        }
    }

    private async Task DeleteArticleRowsAsync(ArchiveDbContext db, int articleId, CancellationToken ct)
    {
        foreach (var indexer in _indexers)
        {
            await indexer.RemoveAsync(db, articleId, ct);
        }

        var mentioned = db.ArticlePersons.Where(ap => ap.ArticleId == articleId).Select(ap => ap.PersonId);
        await db.Persons.Where(p => mentioned.Contains(p.Id)).ExecuteUpdateAsync(s => s.SetProperty(p => p.ArticleCount, p => p.ArticleCount - 1), ct);
        // Mentions, roles and events go with it (ON DELETE CASCADE; foreign keys are always on).
        await db.Articles.Where(a => a.Id == articleId).ExecuteDeleteAsync(ct);
    }

    private static SeedFile Track(ArchiveDbContext db, SeedFile? row, string key)
    {
        if (row is null)
        {
            return db.SeedFiles.Add(new SeedFile { Path = key, ContentHash = "" }).Entity;
        }

        if (db.Entry(row).State == EntityState.Detached)
        {
            db.SeedFiles.Attach(row);
        }

        return row;
    }

    private void Stamp(SeedFile row, SeedFileInfo file, string hash, int articleId)
    {
        row.Size = file.Size;
        row.ModifiedUtc = file.ModifiedUtc;
        row.ContentHash = hash;
        row.ArticleId = articleId;
        row.LastImportedAt = time.GetUtcNow();
    }

    private ImportRecord Record(Run run, string key, ImportOutcome outcome, int? articleId, int line = 0, string? reason = null) => new()
    {
        RunId = run.Id,
        StartedBy = run.Request.StartedBy,
        File = key,
        Outcome = outcome,
        ArticleId = articleId,
        Line = line,
        Reason = reason,
        At = time.GetUtcNow(),
    };

    /// <summary>The lead for lists: the first sentence, or the first words of a long one.</summary>
    internal static string LeadOf(IReadOnlyList<string> paragraphs)
    {
        var first = paragraphs.FirstOrDefault(p => !string.IsNullOrWhiteSpace(p))?.Trim() ?? "";
        var end = first.IndexOfAny(['.', '!', '?', '؟']);
        var sentence = end > 0 ? first[..(end + 1)] : first;
        if (sentence.Length <= LeadMaxLength)
        {
            return sentence;
        }

        var cut = sentence.LastIndexOf(' ', LeadMaxLength);
        return string.Concat(sentence.AsSpan(0, cut > 0 ? cut : LeadMaxLength), "…");
    }

    private sealed record KnownFile(int Id, long Size, long ModifiedTicks, int? ArticleId);

    private sealed class Run(ArchiveDbContext db, ImportRequest request, Guid id, string seedsPath, Dictionary<string, KnownFile> known)
    {
        private readonly string _seedsPath = Path.TrimEndingDirectorySeparator(Path.GetFullPath(seedsPath));

        public ArchiveDbContext Db { get; } = db;
        public ImportRequest Request { get; } = request;
        public Guid Id { get; } = id;
        public Dictionary<string, KnownFile> Known { get; } = known;
        /// <summary>Loaded when the first file needs parsing: a run of unchanged files never pays for it.</summary>
        public PersonDirectory? Persons { get; set; }

        public string KeyOf(string fullPath)
        {
            var relative = Path.GetRelativePath(_seedsPath, fullPath);
            var inside = !relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative);
            return (inside ? relative : fullPath).Replace('\\', '/');
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Import failed: {File}:{Line}: {Reason}")]
    private partial void LogFailed(string file, int line, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Outcome} {File} as article {ArticleId}: {Persons} persons, {Events} events")]
    private partial void LogImported(string file, ImportOutcome outcome, int articleId, int persons, int events);

    [LoggerMessage(Level = LogLevel.Information, Message = "{File} has the same content as article {ArticleId}")]
    private partial void LogDuplicate(string file, int articleId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Import {RunId}: {Done} of {Total} files")]
    private partial void LogProgress(int done, int total, Guid runId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Import by {StartedBy}: {Total} files, {Imported} imported, {Updated} updated, {Unchanged} unchanged, {Duplicate} duplicates, {Failed} failed in {Seconds:0.0}s (run {RunId})")]
    private partial void LogSummary(string startedBy, int total, int imported, int updated, int unchanged, int duplicate, int failed, double seconds, Guid runId);
}
