using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using NewsArchive.Web.Data;
using NewsArchive.Web.Import;

namespace NewsArchive.Web.Search;

/// <summary>
/// Keeps the full-text index in step with the articles. An import stages each article's analyzed
/// text and writes the whole batch just before it commits: FTS5 turns every savepoint into a
/// flush of its pending terms, so writing inside each file's savepoint made one index segment per
/// article and kept the automerge rewriting them.
/// </summary>
public sealed class ArticleIndexer(SearchAnalyzer analyzer) : IArticleIndexer
{
    /// <summary>
    /// Stems whose spelling was already written (or found present) in this process: most words of an
    /// article are old words, and skipping them keeps the spellings table nearly free at import time.
    /// Keyed by the stem alone, since its key is a function of it: a set of strings tests faster than of pairs.
    /// </summary>
    private readonly ConcurrentDictionary<string, byte> _known = new(StringComparer.Ordinal);

    /// <summary>The batch's staged writes in import order (<see cref="Staged.Text"/> null: the article was removed).</summary>
    private readonly List<Staged> _staged = [];

    /// <summary>Stems the last flush added to <see cref="_known"/>: taken back if its batch rolls back.</summary>
    private readonly List<string> _flushedSpellings = [];

    /// <summary>Where the current file's staged writes begin.</summary>
    private int _fileStart;

    /// <summary>Analyses done by <see cref="Prepare"/> on the read-ahead thread, until the writer indexes the article (or drops it).</summary>
    private readonly ConditionalWeakTable<Article, IndexedText> _prepared = [];

    private readonly record struct Staged(int Id, IndexedText? Text, bool IsNew);

    public void Prepare(Article article)
    {
        try
        {
            _prepared.AddOrUpdate(article, Analyze(article));
        }
        catch (Exception)
        {
            // IndexAsync analyzes again and fails the file with the error.
        }
    }

    public Task IndexAsync(ArchiveDbContext db, Article article, bool isNew, CancellationToken ct)
    {
        if (!_prepared.TryGetValue(article, out var text))
        {
            text = Analyze(article);
        }

        _prepared.Remove(article);
        // The persons have ids only now (the read-ahead's analysis ran before they were resolved).
        text = text with { Period = SearchAnalyzer.PeriodWithPersons(text.Period, article.Persons.Select(p => p.PersonId)) };
        _staged.Add(new Staged(article.Id, text, isNew));
        return Task.CompletedTask;
    }

    /// <summary>
    /// After a run that wrote at least <see cref="MergeMinArticles"/> articles and a tenth of the
    /// archive (a bulk load or a rebuild), the index is merged into one segment: the merge rewrites
    /// the whole index (20 s at 1M here), so smaller runs leave it to FTS5's automerge.
    /// </summary>
    public async Task RunFinishedAsync(ArchiveDbContext db, int written, CancellationToken ct)
    {
        if (written < MergeMinArticles)
        {
            return;
        }

        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            if (written * 10L < Convert.ToInt64(await connection.ScalarAsync(SearchSql.ArticleCount, null, ct), CultureInfo.InvariantCulture))
            {
                return;
            }

            await SearchIndexMerge.MergeAllAsync(connection, ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The fewest articles a run writes before the index is merged after it.</summary>
    public const int MergeMinArticles = 1000;

    /// <summary>Removes the article's index entry; its spellings stay (other articles may use them, and a stale one only widens a query to a word that matches nothing).</summary>
    public async Task RemoveAsync(ArchiveDbContext db, int articleId, CancellationToken ct)
    {
        // An entry staged earlier in this batch must not be written for an article that is gone.
        if (_staged.Exists(s => s.Id == articleId))
        {
            _staged.Add(new Staged(articleId, null, false));
        }

        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var delete = connection.Command(SearchSql.Delete, db.Database.CurrentTransaction?.GetDbTransaction());
            delete.AddParameter("$id", articleId);
            await delete.ExecuteNonQueryAsync(ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    public void FileDone(bool kept)
    {
        if (!kept)
        {
            _staged.RemoveRange(_fileStart, _staged.Count - _fileStart);
        }

        _fileStart = _staged.Count;
    }

    public async Task FlushAsync(ArchiveDbContext db, CancellationToken ct)
    {
        _flushedSpellings.Clear();
        if (_staged.Count == 0)
        {
            return;
        }

        // The last write of an id wins; it replaces a previous entry only when one existed before the batch.
        var final = new SortedDictionary<int, (IndexedText? Text, bool DeleteFirst)>();
        foreach (var s in _staged)
        {
            final[s.Id] = final.TryGetValue(s.Id, out var earlier)
                ? (s.Text, s.Text is not null && earlier.DeleteFirst)
                : (s.Text, s.Text is not null && !s.IsNew);
        }

        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            await using var entries = new IndexEntryWriter(connection, transaction);
            await using var spelling = connection.Command(SearchSql.InsertSpelling, transaction);
            var key = spelling.AddParameter("$key", string.Empty);
            var stem = spelling.AddParameter("$stem", string.Empty);
            foreach (var (articleId, (text, deleteFirst)) in final)
            {
                if (text is null)
                {
                    continue;
                }

                await entries.WriteAsync(articleId, text, deleteFirst, ct);
                foreach (var s in text.Spellings)
                {
                    if (_known.TryAdd(s.Stem, 0))
                    {
                        _flushedSpellings.Add(s.Stem);
                        key.Value = s.Key;
                        stem.Value = s.Stem;
                        await spelling.ExecuteNonQueryAsync(ct);
                    }
                }
            }
        }
        finally
        {
            _staged.Clear();
            _fileStart = 0;
            await db.Database.CloseConnectionAsync();
        }
    }

    public void Abandon()
    {
        foreach (var s in _flushedSpellings)
        {
            _known.TryRemove(s, out _);
        }

        _flushedSpellings.Clear();
        _staged.Clear();
        _fileStart = 0;
    }

    /// <summary>
    /// The article's index text with only the spellings not known yet: nearly all are, and testing
    /// them here keeps the lookups on the read-ahead thread instead of the single writer.
    /// A spelling known now stays known while the run lasts (a failed flush ends the run).
    /// </summary>
    private IndexedText Analyze(Article a)
    {
        var text = analyzer.AnalyzeArticle(a.Title, a.Subject, a.Caption, a.Body, a.Published);
        var fresh = new List<Spelling>();
        foreach (var stem in text.KeyedStems)
        {
            if (!_known.ContainsKey(stem) && SearchAnalyzer.SpellingOf(stem) is { } spelling)
            {
                fresh.Add(spelling);
            }
        }

        // The stems are not kept: the staged batch holds only the spellings to write.
        return text with { KeyedStems = [], Spellings = fresh };
    }
}
