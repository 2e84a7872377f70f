namespace NewsArchive.Web.Search;

/// <summary>
/// Every SQL statement of the full-text index, in one place: the DDL the migration runs and the
/// parameterized statements the indexer and the search run. Reader text reaches SQLite only as the
/// <c>$match</c> parameter, built by <see cref="SearchQuery.ToFtsMatch"/> with every token quoted.
/// </summary>
public static class SearchSql
{
    /// <summary>
    /// Contentless FTS5 (the original text lives in Articles; the index holds only search forms):
    /// title, subject, caption and body as normalized light stems, and <c>names</c> holding the name
    /// key of each distinct word, matched with a low weight so exact spellings rank first.
    /// <c>contentless_delete=1</c> lets a re-imported article be removed by rowid (= Article.Id).
    /// </summary>
    public const string CreateIndex = """
        CREATE VIRTUAL TABLE ArticleSearch USING fts5(
            title, subject, caption, body, names,
            content = '',
            contentless_delete = 1,
            tokenize = 'unicode61 remove_diacritics 0'
        );
        """;

    public const string DropIndex = "DROP TABLE IF EXISTS ArticleSearch;";

    /// <summary>Column weights for bm25: title and subject first, the names column last.</summary>
    private const string Score = "bm25(ArticleSearch, 10.0, 6.0, 2.0, 1.0, 0.3)";

    public const string Delete = "DELETE FROM ArticleSearch WHERE rowid = $id;";

    public const string Insert = """
        INSERT INTO ArticleSearch (rowid, title, subject, caption, body, names)
        VALUES ($id, $title, $subject, $caption, $body, $names);
        """;

    /// <summary>Restricts matches to a publication range (ISO date strings, inclusive).</summary>
    private const string DateFilter = """
          AND EXISTS (SELECT 1 FROM Articles a WHERE a.Id = s.rowid AND a.Published >= $from AND a.Published <= $to)
        """;

    /// <summary>Restricts matches to the articles of the persons in <c>$persons</c> (a JSON array of ids).</summary>
    private const string PersonFilter = """
          AND s.rowid IN (SELECT ap.ArticleId FROM ArticlePersons ap WHERE ap.PersonId IN (SELECT value FROM json_each($persons)))
        """;

    /// <summary>
    /// The candidate set: the newest <c>$limit</c> matches after <c>$offset</c> (FTS5 walks its
    /// doclists in rowid order and stops there), each with its bm25 score; the caller ranks them.
    /// A common word thus costs <c>$limit</c> scores, not one per matching article.
    /// </summary>
    public static string Candidates(bool dated, bool byPerson) => $"""
        SELECT s.rowid, {Score}
        FROM ArticleSearch s
        WHERE ArticleSearch MATCH $match
        {(dated ? DateFilter : "")}{(byPerson ? PersonFilter : "")}
        ORDER BY s.rowid DESC
        LIMIT $limit OFFSET $offset;
        """;

    /// <summary>How many articles match, counted up to <c>$cap</c> so a common word stays cheap.</summary>
    public static string Count(bool dated, bool byPerson) => $"""
        SELECT count(*) FROM (
            SELECT s.rowid FROM ArticleSearch s
            WHERE ArticleSearch MATCH $match
            {(dated ? DateFilter : "")}{(byPerson ? PersonFilter : "")}
            LIMIT $cap);
        """;
}
