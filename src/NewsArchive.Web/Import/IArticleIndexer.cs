using NewsArchive.Web.Data;

namespace NewsArchive.Web.Import;

/// <summary>
/// Keeps a secondary index (full-text search, caches) in step with the articles. The importer
/// calls every registered indexer inside the article's own transaction, so the index never
/// disagrees with the tables: if an indexer throws, the file's import is rolled back and failed.
/// </summary>
public interface IArticleIndexer
{
    /// <summary>
    /// Adds or replaces the entry for <paramref name="article"/> (already saved: its
    /// <see cref="Article.Id"/> is set; <see cref="Article.Persons"/> and <see cref="Article.Events"/>
    /// hold this import's rows). Called for new and for updated articles alike.
    /// </summary>
    Task IndexAsync(ArchiveDbContext db, Article article, CancellationToken ct);

    /// <summary>Removes the entry of an article that is being deleted (it still exists when this runs).</summary>
    Task RemoveAsync(ArchiveDbContext db, int articleId, CancellationToken ct);
}
