using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using NewsArchive.Web.Data;

namespace NewsArchive.Web.Search;

/// <summary>
/// Keeps the full-text index in step with the articles. The importer calls it inside each file's
/// transaction, so an article and its index entry are committed (or rolled back) together.
/// </summary>
public sealed class ArticleIndexer(SearchAnalyzer analyzer)
{
    public async Task IndexAsync(ArchiveDbContext db, Article article, CancellationToken ct)
    {
        var text = analyzer.AnalyzeArticle(article.Title, article.Subject, article.Caption, article.Body, article.Published);
        // Re-importing a changed file indexes the same article id again: replace, never duplicate.
        await RemoveAsync(db, article.Id, ct);
        await db.Database.ExecuteSqlRawAsync(SearchSql.Insert,
            [
                new SqliteParameter("$id", article.Id),
                new SqliteParameter("$title", text.Title),
                new SqliteParameter("$subject", text.Subject),
                new SqliteParameter("$caption", text.Caption),
                new SqliteParameter("$body", text.Body),
                new SqliteParameter("$names", text.Names),
                new SqliteParameter("$period", text.Period),
            ],
            ct);
    }

    public async Task RemoveAsync(ArchiveDbContext db, int articleId, CancellationToken ct) =>
        await db.Database.ExecuteSqlRawAsync(SearchSql.Delete, [new SqliteParameter("$id", articleId)], ct);
}
