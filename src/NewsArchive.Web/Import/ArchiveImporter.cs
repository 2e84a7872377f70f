using System.Diagnostics;
using System.Security.Cryptography;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
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
    // Files are committed in batches, each inside its own savepoint: one file is still all or
    // nothing, but a commit (and the WAL pages it writes) is shared by hundreds of files.
    internal const int MaxBatchFiles = 2000;
    private static readonly TimeSpan MaxBatchAge = TimeSpan.FromSeconds(4);
    // The import's connection settings. WAL makes NORMAL durable across crashes of the app; only a power loss
    // can drop the last commits. temp_store=MEMORY keeps each file's savepoint journal in memory instead of a
    // temp file (pwrite per page). wal_autocheckpoint: a checkpoint per 64 MB of WAL rather than per 4 MB (after
    // nearly every batch), so the pages each batch rewrites (b-tree interiors, index segments) are copied into
    // the database less often. Like cache_size it stays with the pooled connection, whose later writes just
    // checkpoint less often.
    internal const string ConnectionSettings =
        "PRAGMA synchronous=NORMAL; PRAGMA cache_size=-65536; PRAGMA temp_store=MEMORY; PRAGMA wal_autocheckpoint=16384;";
    // Files read ahead of the writer: enough that the reader keeps parsing through a batch's full-text flush
    // and commit (~0.5–0.7 s, about a thousand files' parsing). With 64 the writer waited for the reader
    // for a quarter of a 30k import; 1,024 costs ~15 MB of peak RSS, 2,048 ~50 MB.
    private const int ReadAhead = 1024;
    // They are handed over in chunks. Handed over one by one, every file the writer took woke the
    // reader's thread-pool thread for one file, and each wake-up ended in a spin before it slept again
    // (17 sched_yield calls an article); a chunk makes that one wake-up per sixteen files.
    private const int ReadChunk = 16;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly IArticleIndexer[] _indexers = indexers.ToArray();

    /// <summary>The seeds folder file keys are relative to.</summary>
    public string SeedsPath => options.Value.SeedsPath;

    /// <summary>Imports every seed file under <paramref name="folder"/> (see <see cref="SeedFolder.List"/>).</summary>
    /// <remarks>
    /// The folder is listed (one stat per file) on another thread while the run loads the known
    /// files from the database: on a start with a million unchanged files those are the two big costs.
    /// </remarks>
    public Task<ImportSummary> ImportFolderAsync(string folder, ImportRequest request, CancellationToken ct = default) =>
        ImportListedAsync(BeginListing(folder, ct), request, ct);

    /// <summary>
    /// Starts listing <paramref name="folder"/> on a thread of its own, for an import that begins
    /// later (<see cref="ImportListedAsync"/>): the app's start lists the seeds while the database
    /// is migrated.
    /// </summary>
    public FolderListing BeginListing(string folder, CancellationToken ct = default) =>
        new(ListAsync(Path.GetFullPath(folder), inBackground: false, ct));

    /// <summary>Imports every seed file of a folder listed by <see cref="BeginListing"/>.</summary>
    public Task<ImportSummary> ImportListedAsync(FolderListing listing, ImportRequest request, CancellationToken ct = default) =>
        RunAsync(listing.Files, request, ct);

    /// <summary>
    /// The seed files a run over the seeds folder would read now: new, changed (size or time), or
    /// not imported yet (failed before). Reads no file and writes nothing, and lists the folder on
    /// one thread: it runs while the app serves.
    /// </summary>
    public async Task<IReadOnlyList<SeedFileInfo>> FindPendingAsync(CancellationToken ct = default)
    {
        var seeds = options.Value.SeedsPath;
        var listing = ListAsync(seeds, inBackground: true, ct);
        KnownFiles known;
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            await db.Database.OpenConnectionAsync(ct);
            known = KnownFiles.Load((SqliteConnection)db.Database.GetDbConnection(), seeds, ct);
        }
        finally
        {
            // Never leave the listing running unobserved.
            await ((Task)listing).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        var files = await listing;
        var unchanged = known.UnchangedFiles(files, force: false, inBackground: true, ct);
        var pending = new List<int>();
        for (var i = 0; i < files.Count; i++)
        {
            if (!unchanged[i] && known.Check(files, i, force: false).NeedsReading)
            {
                pending.Add(i);
            }
        }

        InPathOrder(files, pending);
        return [.. pending.Select(i => files[i])];
    }

    /// <summary>
    /// Lists a folder on a thread of its own: seconds of blocking work at a million files, which on
    /// a pool thread would leave the run's own work waiting for the pool to grow.
    /// </summary>
    private static Task<IReadOnlyList<SeedFileInfo>> ListAsync(string folder, bool inBackground, CancellationToken ct) =>
        Task.Factory.StartNew<IReadOnlyList<SeedFileInfo>>(() => SeedFolder.List(folder, ct, inBackground, inPathOrder: false), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    /// <summary>Imports the given files, in order; a missing file is reported as failed.</summary>
    public Task<ImportSummary> ImportFilesAsync(IEnumerable<string> paths, ImportRequest request, CancellationToken ct = default) =>
        RunAsync(Task.FromResult<IReadOnlyList<SeedFileInfo>>([.. paths.Select(p => SeedFileInfo.Of(p) ?? new SeedFileInfo(Path.GetFullPath(p), -1, default))]), request, ct);

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

    private async Task<ImportSummary> RunAsync(Task<IReadOnlyList<SeedFileInfo>> listing, ImportRequest request, CancellationToken ct)
    {
        try
        {
            await _gate.WaitAsync(ct);
        }
        catch
        {
            // Never leave the listing unobserved; the wait's own error (a cancellation) is the one to report.
            await ((Task)listing).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            throw;
        }

        try
        {
            var watch = Stopwatch.StartNew();
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            await db.Database.OpenConnectionAsync(ct);
            await db.Database.ExecuteSqlRawAsync(ConnectionSettings, ct);
            db.Database.AutoSavepointsEnabled = false;

            using var writer = new ArticleWriter((SqliteConnection)db.Database.GetDbConnection());
            var known = KnownFiles.Load((SqliteConnection)db.Database.GetDbConnection(), options.Value.SeedsPath, ct);
            var files = await listing;
            await using var run = new Run(db, writer, _indexers, request, request.RunId, known);
            var counts = new int[Enum.GetValues<ImportOutcome>().Length];
            var failures = new List<ImportFileResult>();
            var lastLog = watch.Elapsed;
            var done = 0;
            // Null: an unchanged file no one listens for, which needs no result (and so no key).
            void Report(ImportFileResult? result)
            {
                done++;
                counts[(int)(result?.Outcome ?? ImportOutcome.Unchanged)]++;
                if (result is { Outcome: ImportOutcome.Failed })
                {
                    failures.Add(result);
                }

                if (result is not null)
                {
                    request.OnFile?.Invoke(result, new ImportProgress(done, files.Count));
                }

                if (watch.Elapsed - lastLog > TimeSpan.FromSeconds(10))
                {
                    lastLog = watch.Elapsed;
                    LogProgress(done, files.Count, run.Id);
                }
            }

            var pending = await PendingAsync(run, files, Report, ct);
            // The second core reads, hashes, parses and analyzes the next files while this one writes.
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var channel = Channel.CreateBounded<List<ReadFile>>(new BoundedChannelOptions(ReadAhead / ReadChunk) { SingleReader = true, SingleWriter = true });
            var readAhead = Task.Run(() => ReadAheadAsync(run, files, pending, channel.Writer, stop.Token), CancellationToken.None);
            List<ReadFile> chunk = [];
            var next = 0;
            async ValueTask<ReadFile> NextReadAsync()
            {
                if (next == chunk.Count)
                {
                    chunk = await channel.Reader.ReadAsync(ct);
                    next = 0;
                }

                return chunk[next++];
            }

            try
            {
                for (var i = 0; i < pending.Count; i++)
                {
                    var check = run.Check(files, pending[i]);
                    Report(check.NeedsReading
                        ? await ImportReadAsync(run, check.Known, await NextReadAsync(), ct)
                        : await SkipAsync(run, check, ct));
                    if (run.Batch is not null && (run.BatchFiles >= MaxBatchFiles || run.BatchAge.Elapsed > MaxBatchAge))
                    {
                        await run.CommitBatchAsync();
                    }
                }
            }
            finally
            {
                // The run never returns (or releases the gate) while a file is still being read for it.
                await stop.CancelAsync();
                await readAhead;
            }

            await run.CommitBatchAsync();
            foreach (var indexer in _indexers)
            {
                await indexer.RunFinishedAsync(db, counts[(int)ImportOutcome.Imported] + counts[(int)ImportOutcome.Updated], ct);
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
    /// The files of the run that the writer goes through, in order. A folder listed out of order
    /// has its unchanged files passed (and reported) here, and only the rest are put in path order:
    /// on a start with a million unchanged files that sorts nothing. A list of files keeps its order.
    /// </summary>
    private async Task<List<int>> PendingAsync(Run run, IReadOnlyList<SeedFileInfo> files, Action<ImportFileResult?> report, CancellationToken ct)
    {
        if (files is not SeedListing { InPathOrder: false })
        {
            return [.. Enumerable.Range(0, files.Count)];
        }

        var unchanged = run.UnchangedFiles(files, ct);
        var pending = new List<int>(unchanged.Count(u => !u));
        for (var i = 0; i < files.Count; i++)
        {
            if (unchanged[i])
            {
                report(run.Request.OnFile is null ? null : await SkipAsync(run, run.Check(files, i), ct));
            }
            else
            {
                pending.Add(i);
            }
        }

        InPathOrder(files, pending);
        return pending;
    }

    /// <summary>Puts a folder listing's files <paramref name="indices"/> in path order; other lists keep their order.</summary>
    private static void InPathOrder(IReadOnlyList<SeedFileInfo> files, List<int> indices)
    {
        if (files is SeedListing { InPathOrder: false } listing)
        {
            indices.Sort(listing.ComparePaths);
        }
    }

    /// <summary>A file the incremental check passes without reading (size and time unchanged), or one that is gone.</summary>
    private ValueTask<ImportFileResult> SkipAsync(Run run, FileCheck check, CancellationToken ct) =>
        check.Missing
            ? new(FailAsync(run, check.Key, check.Known?.ArticleId, 0, "file not found", ct))
            : new(new ImportFileResult(check.Key, ImportOutcome.Unchanged) { ArticleId = check.Known?.ArticleId });

    /// <summary>
    /// Reads, hashes, parses and analyzes, in order, every file <see cref="Run.Check"/> says needs reading:
    /// pure work, no database, on its own thread. Errors are carried to the writer per file.
    /// </summary>
    private async Task ReadAheadAsync(Run run, IReadOnlyList<SeedFileInfo> files, List<int> pending, ChannelWriter<List<ReadFile>> output, CancellationToken ct)
    {
        Exception? failure = null;
        try
        {
            var chunk = new List<ReadFile>(ReadChunk);
            foreach (var i in pending)
            {
                if (run.Check(files, i) is { NeedsReading: true } check)
                {
                    chunk.Add(Read(check.Key, files[i]));
                    if (chunk.Count == ReadChunk)
                    {
                        await output.WriteAsync(chunk, ct);
                        chunk = new List<ReadFile>(ReadChunk);
                    }
                }
            }

            if (chunk.Count > 0)
            {
                await output.WriteAsync(chunk, ct);
            }
        }
        catch (Exception ex)
        {
            failure = ex;
        }
        finally
        {
            output.TryComplete(failure);
        }
    }

    private ReadFile Read(string key, SeedFileInfo file)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(file.FullPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new ReadFile(key, file, "") { Error = $"cannot read the file: {ex.Message}" };
        }

        var read = new ReadFile(key, file, Convert.ToHexStringLower(SHA256.HashData(bytes)));
        try
        {
            read.Result = SeedFileReader.Read(key, bytes);
        }
        catch (Exception ex)
        {
            read.ReaderException = ex;
            return read;
        }

        if (read.Result.Article is { } seed)
        {
            read.Article = ArticleOf(seed.Article, key, read.Hash);
            read.Persons = [.. seed.Persons.Select(PersonDirectory.FormsOf)];
            foreach (var indexer in _indexers)
            {
                indexer.Prepare(read.Article);
            }
        }

        return read;
    }

    private async Task<ImportFileResult> ImportReadAsync(Run run, KnownFile? known, ReadFile read, CancellationToken ct)
    {
        var (key, file, hash) = (read.Key, read.File, read.Hash);
        if (read.Error is { } readError)
        {
            return await FailAsync(run, key, known?.ArticleId, 0, readError, ct);
        }

        var writer = run.Writer;
        await run.BatchAsync(ct);
        var stored = known is { } row ? writer.FindSeedFile(row.Id) : null;
        if (stored is { ArticleId: not null } && stored.Value.Hash == hash && !run.Request.Force)
        {
            // Touched but not changed (copied, restored from backup): remember the new time, parse nothing.
            writer.TouchSeedFile(known!.Value.Id, file);
            return new ImportFileResult(key, ImportOutcome.Unchanged) { ArticleId = stored.Value.ArticleId };
        }

        var previousArticle = stored?.ArticleId;
        if (writer.FindArticleByHash(hash) is int duplicateOf && duplicateOf != previousArticle)
        {
            return await LinkDuplicateAsync(run, key, file, hash, previousArticle, duplicateOf, ct);
        }

        if (read.ReaderException is { } ex)
        {
            // The reader promises errors, not exceptions; if it breaks that promise, one file fails, not the run.
            logger.LogError(ex, "Seed reader threw on {File}", key);
            return await FailAsync(run, key, previousArticle, 0, $"the reader failed: {ex.Message}", ct);
        }

        if (read.Result?.Article is not { } seed || read.Article is not { } article)
        {
            var error = read.Result?.Error ?? new SeedFileError(key, 0, "unreadable seed file");
            return await FailAsync(run, key, previousArticle, error.Line, error.Reason, ct);
        }

        run.Persons ??= await PersonDirectory.LoadAsync(run.Db, ct);
        return await PersistAsync(run, key, file, hash, previousArticle, seed, read.Persons, article, ct);
    }

    private async Task<ImportFileResult> LinkDuplicateAsync(Run run, string key, SeedFileInfo file, string hash, int? previousArticle, int articleId, CancellationToken ct)
    {
        await run.BatchAsync(ct);
        run.Writer.BeginFile();
        try
        {
            run.Writer.SaveSeedFile(key, file, hash, articleId, time.GetUtcNow());
            run.Writer.InsertRecord(Record(run, key, ImportOutcome.Duplicate, articleId));
            if (previousArticle is int old)
            {
                await DeleteIfOrphanedAsync(run.Db, old, ct);
            }

            run.Writer.KeepFile();
            FileDone(kept: true);
        }
        catch
        {
            run.Writer.UndoFile();
            FileDone(kept: false);
            throw;
        }

        run.BatchFiles++;
        LogDuplicate(key, articleId);
        return new ImportFileResult(key, ImportOutcome.Duplicate) { ArticleId = articleId };
    }

    private async Task<ImportFileResult> PersistAsync(Run run, string key, SeedFileInfo file, string hash, int? previousArticle, SeedArticle seed, PersonDirectory.Forms[] names, Article article, CancellationToken ct)
    {
        var (db, writer, persons) = (run.Db, run.Writer, run.Persons!);
        await run.BatchAsync(ct);
        run.Writer.BeginFile();
        try
        {
            var parsed = seed.Article;
            article.ImportedAt = time.GetUtcNow();

            // A changed file keeps its article (and its URL). Other files that held the old content
            // no longer match it: they are forgotten, so the next run imports them as their own article.
            List<int> previousPersons = [];
            if (previousArticle is int existing && writer.ArticleExists(existing))
            {
                article.Id = existing;
                // A forced re-import of unchanged content keeps the copies: they still hold that content.
                var contentChanged = writer.FindArticleByHash(hash) != existing;
                previousPersons = writer.ClearArticle(existing);
                if (contentChanged && writer.DetachOtherFiles(existing, key) is > 0 and var detached)
                {
                    LogDetached(detached, existing, key);
                }
            }

            // A known file with new content is an update, even when its old article stays with another file.
            var outcome = previousArticle is null ? ImportOutcome.Imported : ImportOutcome.Updated;

            // Two names in one article can be one person (variant spellings): one mention row, counts added.
            var mentioned = names
                .Select(p => (Found: p.Person, Forms: p, Entry: persons.Resolve(p, writer.InsertPerson)))
                .GroupBy(r => r.Entry)
                .ToList();
            article.SubjectPersonId = mentioned.FirstOrDefault(g => g.Any(r => r.Found.IsSubject))?.Key.Id;
            var isNew = article.Id == 0;
            article.Id = writer.SaveArticle(article);

            var idByName = new Dictionary<string, int>(StringComparer.Ordinal);
            var roles = new List<PersonRole>();
            foreach (var group in mentioned)
            {
                var entry = group.Key;
                var named = group.SelectMany(g => g.Found.Roles).Distinct(StringComparer.Ordinal).ToList();
                article.Persons.Add(new ArticlePerson
                {
                    ArticleId = article.Id,
                    PersonId = entry.Id,
                    Mentions = group.Sum(g => g.Found.Mentions),
                    FirstSentence = group.First().Found.FirstSentence,
                    Role = named.FirstOrDefault(),
                });
                roles.AddRange(named.Select(role => new PersonRole { PersonId = entry.Id, ArticleId = article.Id, Role = role, Year = parsed.Published.Year }));
                persons.AddAliases(entry, group.SelectMany(g => g.Forms.Aliases), writer.InsertAlias);
                foreach (var (person, _, _) in group)
                {
                    idByName.TryAdd(person.Name, entry.Id);
                }
            }

            writer.InsertMentions(article.Persons);
            writer.InsertRoles(roles);
            foreach (var found in seed.Events)
            {
                article.Events.Add(new ArticleEvent
                {
                    ArticleId = article.Id,
                    Date = found.Date.Start,
                    DateEnd = found.Date.End,
                    Precision = found.Date.Precision,
                    Text = found.Text,
                    IsArticleEvent = found.IsArticleEvent,
                });
            }

            writer.InsertEvents(article.Events);
            var eventPersons = new List<EventPerson>();
            for (var i = 0; i < seed.Events.Count; i++)
            {
                var ev = article.Events[i];
                foreach (var name in seed.Events[i].Persons)
                {
                    if (idByName.TryGetValue(name, out var personId))
                    {
                        var link = new EventPerson { EventId = ev.Id, PersonId = personId };
                        ev.Persons.Add(link);
                        eventPersons.Add(link);
                    }
                }
            }

            writer.InsertEventPersons(eventPersons);

            // Counts move by one per link gained or lost, so no article is ever counted twice.
            var current = article.Persons.Select(p => p.PersonId).ToHashSet();
            writer.CountPersons([.. previousPersons.Where(id => !current.Contains(id))], -1);
            writer.CountPersons([.. current.Where(id => !previousPersons.Contains(id))], +1);

            writer.SaveSeedFile(key, file, hash, article.Id, time.GetUtcNow());
            writer.InsertRecord(Record(run, key, outcome, article.Id));
            foreach (var indexer in _indexers)
            {
                await indexer.IndexAsync(db, article, isNew, ct);
            }

            run.Writer.KeepFile();
            FileDone(kept: true);
            persons.Commit();
            run.BatchFiles++;
            LogImported(key, outcome, article.Id, seed.Persons.Count, seed.Events.Count);
            return new ImportFileResult(key, outcome) { ArticleId = article.Id, Persons = seed.Persons, Events = seed.Events };
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            run.Writer.UndoFile();
            FileDone(kept: false);
            persons.Rollback();
            logger.LogError(ex, "Storing {File} failed; its previous records are kept", key);
            return await FailAsync(run, key, previousArticle, 0, $"could not be stored: {ex.GetBaseException().Message}", ct);
        }
        catch
        {
            run.Writer.UndoFile();
            FileDone(kept: false);
            persons.Rollback();
            throw;
        }
    }

    private void FileDone(bool kept)
    {
        foreach (var indexer in _indexers)
        {
            indexer.FileDone(kept);
        }
    }

    private async Task<ImportFileResult> FailAsync(Run run, string key, int? keptArticleId, int line, string reason, CancellationToken ct)
    {
        LogFailed(key, line, reason);
        await run.BatchAsync(ct);
        run.Writer.InsertRecord(Record(run, key, ImportOutcome.Failed, keptArticleId, line, reason));
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

    private static Article ArticleOf(ParsedArticle parsed, string key, string hash) => new()
    {
        Title = parsed.Title,
        TitleDerived = parsed.TitleDerived,
        Published = parsed.Published,
        Subject = parsed.Subject,
        Caption = parsed.Caption,
        Credit = parsed.Credit,
        Body = parsed.Body,
        Lead = LeadOf(parsed.Paragraphs),
        PullQuotes = [.. parsed.PullQuotes],
        SourceFile = key,
        ContentHash = hash,
    };

    /// <summary>What the read-ahead made of one file: its hash and parse, or why it could not be read.</summary>
    private sealed class ReadFile(string key, SeedFileInfo file, string hash)
    {
        public string Key { get; } = key;
        public SeedFileInfo File { get; } = file;
        public string Hash { get; } = hash;
        public string? Error { get; init; }
        public SeedReadResult? Result { get; set; }
        public Exception? ReaderException { get; set; }
        /// <summary>The name keys and search forms of <see cref="SeedArticle.Persons"/>, in their order.</summary>
        public PersonDirectory.Forms[] Persons { get; set; } = [];
        /// <summary>The article the parse describes (not saved yet), already handed to the indexers' <see cref="IArticleIndexer.Prepare"/>.</summary>
        public Article? Article { get; set; }
    }

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

    private sealed class Run(ArchiveDbContext db, ArticleWriter writer, IArticleIndexer[] indexers, ImportRequest request, Guid id, KnownFiles known) : IAsyncDisposable
    {
        public ArchiveDbContext Db { get; } = db;
        public ArticleWriter Writer { get; } = writer;
        public ImportRequest Request { get; } = request;
        public Guid Id { get; } = id;
        /// <summary>Loaded when the first file needs parsing: a run of unchanged files never pays for it.</summary>
        public PersonDirectory? Persons { get; set; }

        /// <summary>The open batch transaction, begun at the first write so a run of unchanged files never locks the database.</summary>
        public IDbContextTransaction? Batch { get; private set; }

        public int BatchFiles { get; set; }

        public Stopwatch BatchAge { get; } = new();

        /// <summary>The incremental check (see <see cref="KnownFiles.Check"/>); pure, so the read-ahead and the writer agree on it without talking.</summary>
        public FileCheck Check(IReadOnlyList<SeedFileInfo> files, int index) => known.Check(files, index, Request.Force);

        /// <summary>Which files the check passes without reading them (see <see cref="KnownFiles.UnchangedFiles"/>), on every core, building no key.</summary>
        public bool[] UnchangedFiles(IReadOnlyList<SeedFileInfo> files, CancellationToken ct) => known.UnchangedFiles(files, Request.Force, inBackground: false, ct);

        public async Task<IDbContextTransaction> BatchAsync(CancellationToken ct)
        {
            if (Batch is null)
            {
                Batch = await Db.Database.BeginTransactionAsync(ct);
                Writer.Enlist((SqliteTransaction)Batch.GetDbTransaction());
                BatchFiles = 0;
                BatchAge.Restart();
            }

            return Batch;
        }

        public async Task CommitBatchAsync()
        {
            if (Batch is null)
            {
                return;
            }

            try
            {
                // Every file in the batch is complete (or rolled back to its savepoint); a flush and a commit are not interrupted halfway.
                foreach (var indexer in indexers)
                {
                    await indexer.FlushAsync(Db, CancellationToken.None);
                }

                await Batch.CommitAsync(CancellationToken.None);
            }
            catch (Exception ex)
            {
                // Files of this batch were reported as imported: the run must fail loudly, and the next run imports them again.
                await DisposeAsync();
                throw new InvalidOperationException(
                    $"Import {Id}: the last {BatchFiles} file(s) could not be committed and were rolled back: {ex.GetBaseException().Message}", ex);
            }

            await EndBatchAsync();
        }

        /// <summary>Rolls back a batch that was not committed (the run failed or was cancelled).</summary>
        public async ValueTask DisposeAsync()
        {
            if (Batch is not null)
            {
                foreach (var indexer in indexers)
                {
                    indexer.Abandon();
                }

                await EndBatchAsync();
            }
        }

        private async ValueTask EndBatchAsync()
        {
            await Batch!.DisposeAsync();
            Batch = null;
            Writer.Enlist(null);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Import failed: {File}:{Line}: {Reason}")]
    private partial void LogFailed(string file, int line, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Outcome} {File} as article {ArticleId}: {Persons} persons, {Events} events")]
    private partial void LogImported(string file, ImportOutcome outcome, int articleId, int persons, int events);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} other file(s) held the old content of article {ArticleId}, now updated from {File}; they will be imported again")]
    private partial void LogDetached(int count, int articleId, string file);

    [LoggerMessage(Level = LogLevel.Information, Message = "{File} has the same content as article {ArticleId}")]
    private partial void LogDuplicate(string file, int articleId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Import {RunId}: {Done} of {Total} files")]
    private partial void LogProgress(int done, int total, Guid runId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Import by {StartedBy}: {Total} files, {Imported} imported, {Updated} updated, {Unchanged} unchanged, {Duplicate} duplicates, {Failed} failed in {Seconds:0.0}s (run {RunId})")]
    private partial void LogSummary(string startedBy, int total, int imported, int updated, int unchanged, int duplicate, int failed, double seconds, Guid runId);
}
