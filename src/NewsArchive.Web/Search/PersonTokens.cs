using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using NewsArchive.Web.Data;

namespace NewsArchive.Web.Search;

/// <summary>
/// Person tokens: each article's index entry carries <c>p&lt;personId&gt;</c> in its period column
/// for every person it names (written by <see cref="ArticleIndexer"/> with the entry), so a person
/// filter with words is an FTS5 intersection, <c>(words) AND period : ("p12" OR "p40")</c>, in
/// which FTS5 skips through the word's doclist instead of testing each of its matches against the
/// persons' articles. Person ids never change (persons are created, never merged or deleted).
/// An archive indexed before the tokens existed is re-indexed by <see cref="UpgradeAsync"/>,
/// newest articles first, one batch per transaction, then merged; until it is done the search
/// keeps the set test (<see cref="ReadyAsync"/>).
/// </summary>
public static class PersonTokens
{
    /// <summary>Articles re-indexed per transaction: the writer lock is held for a fraction of a second.</summary>
    public const int BatchSize = 500;

    /// <summary>True when every index entry has its person tokens.</summary>
    public static async Task<bool> ReadyAsync(DbConnection connection, CancellationToken ct)
    {
        return Convert.ToInt64(await connection.ScalarAsync(SearchSql.PersonTokensMissingUpTo, null, ct) ?? 0L, CultureInfo.InvariantCulture) == 0;
    }

    /// <summary>
    /// Re-indexes the articles whose entries lack person tokens, newest first, and returns how many
    /// it re-indexed. Each batch reads the articles and writes their entries in one write
    /// transaction, so an import can never slip between the read and the write; after a stop it
    /// continues where it left off. Spellings are not written again: the text is the one indexed before.
    /// </summary>
    public static async Task<int> UpgradeAsync(string connectionString, SearchAnalyzer analyzer, Action<int, long>? progress, CancellationToken ct)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(ct);
        var done = 0;
        while (true)
        {
            // BEGIN IMMEDIATE: the state and the articles are read under the write lock.
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
            var missingUpTo = Convert.ToInt64(await connection.ScalarAsync(SearchSql.PersonTokensMissingUpTo, transaction, ct) ?? 0L, CultureInfo.InvariantCulture);
            if (missingUpTo <= 0)
            {
                await transaction.CommitAsync(ct);
                if (done > 0)
                {
                    await SearchIndexMerge.MergeAllAsync(connection, ct);
                }

                return done;
            }

            var from = Math.Max(0, missingUpTo - BatchSize);
            done += await ReindexAsync(connection, transaction, analyzer, from, missingUpTo, ct);
            await using (var update = connection.Command(SearchSql.SetPersonTokensMissingUpTo, transaction))
            {
                update.AddParameter("$value", from);
                await update.ExecuteNonQueryAsync(ct);
            }

            await transaction.CommitAsync(ct);
            progress?.Invoke(done, from);
        }
    }

    private static async Task<int> ReindexAsync(SqliteConnection connection, SqliteTransaction transaction, SearchAnalyzer analyzer, long from, long to, CancellationToken ct)
    {
        var persons = new Dictionary<int, List<int>>();
        await using (var command = connection.Command(SearchSql.PersonsToIndex, transaction))
        {
            command.AddParameter("$from", from);
            command.AddParameter("$to", to);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var articleId = reader.GetInt32(0);
                if (!persons.TryGetValue(articleId, out var list))
                {
                    persons[articleId] = list = [];
                }

                list.Add(reader.GetInt32(1));
            }
        }

        var entries = new List<(int Id, IndexedText Text)>();
        await using (var command = connection.Command(SearchSql.ArticlesToIndex, transaction))
        {
            command.AddParameter("$from", from);
            command.AddParameter("$to", to);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var id = reader.GetInt32(0);
                var text = analyzer.AnalyzeArticle(
                    reader.GetString(1),
                    reader.IsDBNull(2) ? null : reader.GetString(2),
                    reader.IsDBNull(3) ? null : reader.GetString(3),
                    reader.GetString(4),
                    DateOnly.Parse(reader.GetString(5), CultureInfo.InvariantCulture));
                entries.Add((id, text with { Period = SearchAnalyzer.PeriodWithPersons(text.Period, persons.GetValueOrDefault(id) ?? []) }));
            }
        }

        await using var writer = new IndexEntryWriter(connection, transaction);
        foreach (var (id, text) in entries)
        {
            await writer.WriteAsync(id, text, deleteFirst: true, ct);
        }

        return entries.Count;
    }
}

/// <summary>Runs <see cref="PersonTokens.UpgradeAsync"/> in the background once the archive is migrated; a stop resumes at the next start.</summary>
internal sealed class PersonTokenUpgrade(IDbContextFactory<ArchiveDbContext> dbFactory, SearchAnalyzer analyzer, ILogger<PersonTokenUpgrade> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Run(async () =>
    {
        string connectionString;
        await using (var db = await dbFactory.CreateDbContextAsync(stoppingToken))
        {
            connectionString = db.Database.GetConnectionString()!;
            await db.Database.OpenConnectionAsync(stoppingToken);
            if (await PersonTokens.ReadyAsync(db.Database.GetDbConnection(), stoppingToken))
            {
                return;
            }
        }

        logger.LogInformation("Adding person tokens to the search index of the existing articles; person filters use the slower set test until it is done");
        var total = 0;
        var last = Environment.TickCount64;
        while (true)
        {
            var before = total;
            try
            {
                await PersonTokens.UpgradeAsync(connectionString, analyzer, (done, left) =>
                {
                    // Called after each committed batch, so the count survives a retry.
                    total = before + done;
                    if (Environment.TickCount64 - last > 30_000)
                    {
                        last = Environment.TickCount64;
                        logger.LogInformation("Person tokens: {Done} articles re-indexed, ids up to {Left} to go", total, left);
                    }
                }, stoppingToken);
                logger.LogInformation("Person tokens: {Count} articles re-indexed; person filters now use the index", total);
                return;
            }
            catch (SqliteException ex) when (ex.SqliteErrorCode is 5 or 6 && !stoppingToken.IsCancellationRequested)
            {
                // SQLITE_BUSY/LOCKED: an import kept the writer lock past the command timeout. Its
                // committed batches stay; continue after it.
                await Task.Delay(TimeSpan.FromSeconds(10), stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                // The next start continues from the last committed batch.
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Adding person tokens to the search index failed; person filters keep the set test, and the next start tries again");
                return;
            }
        }
    }, stoppingToken);
}
