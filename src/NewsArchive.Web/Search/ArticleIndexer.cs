using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using NewsArchive.Web.Data;
using NewsArchive.Web.Import;

namespace NewsArchive.Web.Search;

/// <summary>
/// Keeps the full-text index in step with the articles. The importer calls it inside each file's
/// transaction, so an article and its index entry are committed (or rolled back) together.
/// </summary>
public sealed class ArticleIndexer(SearchAnalyzer analyzer) : IArticleIndexer
{
    /// <summary>
    /// Spellings already written (or found present) in this process: most words of an article are
    /// old words, and skipping them keeps the spellings table nearly free at import time.
    /// </summary>
    private readonly ConcurrentDictionary<Spelling, byte> _known = new();

    public async Task IndexAsync(ArchiveDbContext db, Article article, CancellationToken ct)
    {
        var text = analyzer.AnalyzeArticle(article.Title, article.Subject, article.Caption, article.Body, article.Published);
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            // Re-importing a changed file indexes the same article id again: replace, never duplicate.
            await using (var delete = Command(connection, transaction, SearchSql.Delete))
            {
                Add(delete, "$id", article.Id);
                await delete.ExecuteNonQueryAsync(ct);
            }

            await using (var insert = Command(connection, transaction, SearchSql.Insert))
            {
                Add(insert, "$id", article.Id);
                Add(insert, "$title", text.Title);
                Add(insert, "$subject", text.Subject);
                Add(insert, "$caption", text.Caption);
                Add(insert, "$body", text.Body);
                Add(insert, "$period", text.Period);
                await insert.ExecuteNonQueryAsync(ct);
            }

            await using var spelling = Command(connection, transaction, SearchSql.InsertSpelling);
            var key = Add(spelling, "$key", string.Empty);
            var stem = Add(spelling, "$stem", string.Empty);
            foreach (var s in text.Spellings)
            {
                if (_known.TryAdd(s, 0))
                {
                    key.Value = s.Key;
                    stem.Value = s.Stem;
                    await spelling.ExecuteNonQueryAsync(ct);
                }
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Removes the article's index entry; its spellings stay (other articles may use them, and a stale one only widens a query to a word that matches nothing).</summary>
    public async Task RemoveAsync(ArchiveDbContext db, int articleId, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var delete = Command(connection, db.Database.CurrentTransaction?.GetDbTransaction(), SearchSql.Delete);
            Add(delete, "$id", articleId);
            await delete.ExecuteNonQueryAsync(ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    private static DbParameter Add(DbCommand command, string name, object value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        command.Parameters.Add(p);
        return p;
    }
}
