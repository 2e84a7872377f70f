using NewsArchive.Web.Data;

namespace NewsArchive.Web.Import;

/// <summary>
/// Keeps a secondary index (full-text search, caches) in step with the articles. The importer
/// calls every registered indexer inside the batch transaction that writes the article, so the
/// index never disagrees with the tables after a commit.
/// </summary>
/// <remarks>
/// An indexer may write at once or stage its writes until <see cref="FlushAsync"/>, which runs
/// just before the batch commits, outside every file's savepoint (the full-text index writes a
/// segment per savepoint otherwise). The importer brackets each file with
/// <see cref="FileDone"/>: a rolled-back file drops what it staged. If a flush throws, the whole
/// batch rolls back and the run fails; <see cref="Abandon"/> then drops everything staged.
/// </remarks>
public interface IArticleIndexer
{
    /// <summary>
    /// Work on an article's text that needs no database, done before <see cref="IndexAsync"/> for
    /// the same instance, possibly on another thread: the import reads ahead on a second core.
    /// Optional; it must not throw (a failure belongs in <see cref="IndexAsync"/>, where it fails the file).
    /// </summary>
    void Prepare(Article article)
    {
    }

    /// <summary>
    /// Adds or replaces the entry for <paramref name="article"/> (already saved: its
    /// <see cref="Article.Id"/> is set; <see cref="Article.Persons"/> and <see cref="Article.Events"/>
    /// hold this import's rows). <paramref name="isNew"/>: the id was created by this import, so
    /// there is no previous entry to replace.
    /// </summary>
    Task IndexAsync(ArchiveDbContext db, Article article, bool isNew, CancellationToken ct);

    /// <summary>Removes the entry of an article that is being deleted (it still exists when this runs).</summary>
    Task RemoveAsync(ArchiveDbContext db, int articleId, CancellationToken ct);

    /// <summary>
    /// The current file's savepoint was released (<paramref name="kept"/>) or rolled back: what
    /// was staged since the previous call is kept for the flush, or dropped.
    /// </summary>
    void FileDone(bool kept)
    {
    }

    /// <summary>The batch is about to commit: write what was staged, inside its transaction.</summary>
    Task FlushAsync(ArchiveDbContext db, CancellationToken ct) => Task.CompletedTask;

    /// <summary>The batch rolled back (a flush or the commit failed, or the run stopped): forget what was staged or flushed.</summary>
    void Abandon()
    {
    }

    /// <summary>
    /// A run committed its last batch, having written <paramref name="written"/> articles (imported
    /// or updated): upkeep of the index that is worth it only after much has changed. Runs outside
    /// any transaction, while the run still holds the importer.
    /// </summary>
    Task RunFinishedAsync(ArchiveDbContext db, int written, CancellationToken ct) => Task.CompletedTask;
}
