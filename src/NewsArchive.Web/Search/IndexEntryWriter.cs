using System.Data.Common;

namespace NewsArchive.Web.Search;

/// <summary>
/// Writes articles' full-text entries with two prepared statements: the import's batch flush and
/// the person-token upgrade both replace an entry by deleting it (by rowid) and inserting it again.
/// </summary>
internal sealed class IndexEntryWriter : IAsyncDisposable
{
    private readonly DbCommand _delete;
    private readonly DbParameter _deleteId;
    private readonly DbCommand _insert;
    private readonly DbParameter _id, _title, _subject, _caption, _body, _period;

    public IndexEntryWriter(DbConnection connection, DbTransaction? transaction)
    {
        _delete = connection.Command(SearchSql.Delete, transaction);
        _deleteId = _delete.AddParameter("$id", 0);
        _insert = connection.Command(SearchSql.Insert, transaction);
        _id = _insert.AddParameter("$id", 0);
        _title = _insert.AddParameter("$title", string.Empty);
        _subject = _insert.AddParameter("$subject", string.Empty);
        _caption = _insert.AddParameter("$caption", string.Empty);
        _body = _insert.AddParameter("$body", string.Empty);
        _period = _insert.AddParameter("$period", string.Empty);
    }

    /// <summary>Writes the entry of article <paramref name="articleId"/>, first removing its old one when <paramref name="deleteFirst"/>.</summary>
    public async Task WriteAsync(int articleId, IndexedText text, bool deleteFirst, CancellationToken ct)
    {
        if (deleteFirst)
        {
            _deleteId.Value = articleId;
            await _delete.ExecuteNonQueryAsync(ct);
        }

        _id.Value = articleId;
        _title.Value = text.Title;
        _subject.Value = text.Subject;
        _caption.Value = text.Caption;
        _body.Value = text.Body;
        _period.Value = text.Period;
        await _insert.ExecuteNonQueryAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _delete.DisposeAsync();
        await _insert.DisposeAsync();
    }
}
