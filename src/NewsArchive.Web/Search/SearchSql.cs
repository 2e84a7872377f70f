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
    /// title, subject, caption and body as normalized light stems, and <c>period</c>, the
    /// publication year and month and the persons the article names as tokens
    /// (<c>y2015 m201507 p12 p40</c>), so a date or person filter is an index intersection rather
    /// than a lookup per matching article. <c>contentless_delete=1</c> lets a
    /// re-imported article be removed by rowid (= Article.Id).
    /// Beside it, SearchSpellings maps each name key (NameKey) to the stems indexed under it, so a
    /// query word is widened to its confirmed spelling variants (شويغو → شويجو) before MATCH.
    /// </summary>
    public const string CreateIndex = """
        CREATE VIRTUAL TABLE ArticleSearch USING fts5(
            title, subject, caption, body, period,
            content = '',
            contentless_delete = 1,
            tokenize = 'unicode61 remove_diacritics 0'
        );
        CREATE TABLE SearchSpellings (
            Key TEXT NOT NULL,
            Stem TEXT NOT NULL,
            PRIMARY KEY (Key, Stem)
        ) WITHOUT ROWID;
        """;

    public const string DropIndex = "DROP TABLE IF EXISTS ArticleSearch; DROP TABLE IF EXISTS SearchSpellings;";

    /// <summary>
    /// What the index holds besides the text. <c>PersonTokensMissingUpTo</c>: the index entries of
    /// articles with an id up to this may lack their person tokens (<see cref="PersonTokens"/>).
    /// The migration sets it to the archive's highest id: every entry written before it has none,
    /// every entry written after it has them. 0: every entry has them.
    /// </summary>
    public const string CreateIndexState = """
        CREATE TABLE SearchIndexState (
            Key TEXT NOT NULL PRIMARY KEY,
            Value INTEGER NOT NULL
        ) WITHOUT ROWID;
        INSERT INTO SearchIndexState (Key, Value) SELECT 'PersonTokensMissingUpTo', coalesce(max(Id), 0) FROM Articles;
        """;

    public const string DropIndexState = "DROP TABLE IF EXISTS SearchIndexState;";

    public const string PersonTokensMissingUpTo = "SELECT Value FROM SearchIndexState WHERE Key = 'PersonTokensMissingUpTo';";

    public const string SetPersonTokensMissingUpTo = "UPDATE SearchIndexState SET Value = $value WHERE Key = 'PersonTokensMissingUpTo';";

    /// <summary>How many articles the archive holds (counted from the smallest index).</summary>
    public const string ArticleCount = "SELECT count(*) FROM Articles;";

    /// <summary>One step of an FTS5 merge (<c>$pages</c> &lt; 0 starts one over every segment).</summary>
    public const string Merge = "INSERT INTO ArticleSearch (ArticleSearch, rank) VALUES ('merge', $pages);";

    public const string TotalChanges = "SELECT total_changes();";

    /// <summary>What the index holds of the articles with ids in (<c>$from</c>, <c>$to</c>].</summary>
    public const string ArticlesToIndex = """
        SELECT a.Id, a.Title, a.Subject, a.Caption, a.Body, a.Published FROM Articles a
        WHERE a.Id > $from AND a.Id <= $to ORDER BY a.Id;
        """;

    /// <summary>The persons of the articles with ids in (<c>$from</c>, <c>$to</c>], from the (ArticleId, PersonId) key.</summary>
    public const string PersonsToIndex = "SELECT ap.ArticleId, ap.PersonId FROM ArticlePersons ap WHERE ap.ArticleId > $from AND ap.ArticleId <= $to;";

    /// <summary>Column weights for bm25: title and subject first; the period tokens never score.</summary>
    private const string Score = "bm25(ArticleSearch, 10.0, 6.0, 2.0, 1.0, 0.0)";

    public const string Delete = "DELETE FROM ArticleSearch WHERE rowid = $id;";

    public const string Insert = """
        INSERT INTO ArticleSearch (rowid, title, subject, caption, body, period)
        VALUES ($id, $title, $subject, $caption, $body, $period);
        """;

    public const string InsertSpelling = "INSERT OR IGNORE INTO SearchSpellings (Key, Stem) VALUES ($key, $stem);";

    /// <summary>The stems indexed under one name key (candidates; the caller confirms them).</summary>
    public const string SpellingsOf = "SELECT Stem AS Value FROM SearchSpellings WHERE Key = $key LIMIT 200";

    /// <summary>
    /// Restricts matches to a publication range (ISO date strings, inclusive); needed only when the
    /// range starts or ends inside a month, since the period tokens in the MATCH cover whole months.
    /// </summary>
    private const string DateFilter = """
          AND EXISTS (SELECT 1 FROM Articles a WHERE a.Id = s.rowid AND a.Published >= $from AND a.Published <= $to)
        """;

    /// <summary>
    /// The FROM clause. A person filter is normally in <c>$match</c> (the persons' tokens, see
    /// <see cref="PersonTokens"/>); <paramref name="byPerson"/> is the set test an archive still
    /// being re-indexed for them uses, on each match: the persons' articles are read
    /// once into a temporary b-tree (the unary <c>+</c> keeps SQLite from handing the IN to FTS5 as
    /// one rowid lookup per article, each of which re-seeks every term's doclist), and FTS5 walks
    /// its doclists in order as without the filter.
    /// </summary>
    private static string From(bool byPerson) => byPerson
        ? """
          ArticleSearch s WHERE ArticleSearch MATCH $match
          AND +s.rowid IN (SELECT ap.ArticleId FROM ArticlePersons ap WHERE ap.PersonId IN (SELECT value FROM json_each($persons)))
          """
        : "ArticleSearch s WHERE ArticleSearch MATCH $match";

    /// <summary>
    /// A walked match's id and <see cref="HeadlineFunction"/>'s mark (given <c>$clauses</c>) in one
    /// column, rowid × 2 + mark (<see cref="Unmark"/>). Each column read costs two native calls
    /// (its type, then its value), and a common word's 1,000 candidates or a phrase's 2,001 walked
    /// matches are read one by one: the id, a constant score and the mark as three columns took
    /// seven calls a row, this takes three.
    /// </summary>
    private static string MarkedRowid => $"s.rowid * 2 + {HeadlineFunction.Name}(ArticleSearch, $clauses)";

    /// <summary>The id and the headline mark of a <see cref="MarkedRowid"/> column.</summary>
    public static (int Id, bool Headline) Unmark(long value) => ((int)(value >> 1), (value & 1) == 1);

    /// <summary>
    /// Matches newest first (FTS5 walks its doclists in rowid order and stops at <c>$limit</c>), with
    /// their bm25 score as a second column when <paramref name="scored"/>. Scoring costs a pass over every matching
    /// document of each term (bm25's IDF), so the search asks for it only when all terms are rare.
    /// With <paramref name="headline"/>, the first column also says whether the title or subject carries
    /// every clause (<see cref="MarkedRowid"/>).
    /// </summary>
    public static string Candidates(bool scored, bool dated, bool byPerson, bool headline = false) => $"""
        SELECT {(headline ? MarkedRowid : "s.rowid")}{(scored ? $", {Score}" : "")}
        FROM {From(byPerson)}
        {(dated ? DateFilter : "")}
        ORDER BY s.rowid DESC
        LIMIT $limit OFFSET $offset;
        """;

    /// <summary>
    /// The count walk of a phrase or person query, in two parts: up to <c>$limit</c> matches oldest
    /// first (<paramref name="newestFirst"/> false), then up to <c>$limit</c> matches newer than rowid
    /// <c>$after</c>, newest first. FTS5 walks a doclist forwards at less cost than backwards.
    /// Each row is a <see cref="MarkedRowid"/>, given <c>$clauses</c>.
    /// </summary>
    public static string Walk(bool dated, bool byPerson, bool newestFirst) => $"""
        SELECT {MarkedRowid}
        FROM {From(byPerson)}
        {(newestFirst ? "AND s.rowid > $after" : "")}
        {(dated ? DateFilter : "")}
        ORDER BY s.rowid {(newestFirst ? "DESC" : "")}
        LIMIT $limit;
        """;

    /// <summary>
    /// Which articles from rowid <c>$minId</c> on match <c>$match</c>: FTS5 seeks to the rowid
    /// range instead of walking the whole doclist.
    /// </summary>
    public const string MatchingFrom = """
        SELECT s.rowid FROM ArticleSearch s
        WHERE ArticleSearch MATCH $match AND s.rowid >= $minId;
        """;

    /// <summary>
    /// The articles of the persons in <c>$persons</c> published in [<c>$from</c>, <c>$to</c>], newest
    /// first (a person filter without words). Ids and dates come from the narrow (Id, Published)
    /// index: by rowid SQLite read a page of the wide table per article (60 → 15 ms for a person
    /// in 4,400 articles at 300k).
    /// </summary>
    public const string PersonArticlesNewestFirst = """
        SELECT a.Id AS Value FROM Articles a INDEXED BY IX_Articles_Id_Published
        WHERE a.Id IN (SELECT ap.ArticleId FROM ArticlePersons ap WHERE ap.PersonId IN (SELECT value FROM json_each($persons)))
          AND a.Published >= $from AND a.Published <= $to
        ORDER BY a.Published DESC, a.Id DESC
        LIMIT $limit OFFSET $offset
        """;

    /// <summary>
    /// The first and last publication dates in the archive: two index seeks. (SQLite answers a lone
    /// min() or max() from the index end; both in one SELECT scan the whole index.)
    /// </summary>
    public const string PublishedSpan = "SELECT (SELECT min(Published) FROM Articles), (SELECT max(Published) FROM Articles);";

    /// <summary>How many articles match, counted up to <c>$cap</c> so a common word stays cheap.</summary>
    public static string Count(bool dated, bool byPerson) => $"""
        SELECT count(*) FROM (
            SELECT s.rowid FROM {From(byPerson)}
            {(dated ? DateFilter : "")}
            LIMIT $cap);
        """;

    /// <summary>
    /// Publication year and month of the articles in <c>$ids</c>, with counts (dates are stored as
    /// yyyy-MM-dd). The dates come from the narrow (Id, Published) index: by rowid SQLite would read
    /// a page of the wide Articles table per article. SQLite prefers the rowid, hence INDEXED BY.
    /// </summary>
    public const string MonthFacets = """
        SELECT CAST(substr(a.Published, 1, 4) AS INTEGER) AS y, CAST(substr(a.Published, 6, 2) AS INTEGER) AS m, count(*)
        FROM Articles a INDEXED BY IX_Articles_Id_Published
        WHERE a.Id IN (SELECT value FROM json_each($ids))
        GROUP BY y, m;
        """;

    /// <summary>
    /// The ten persons named in most of the articles in <c>$ids</c>, counted from the
    /// (ArticleId, PersonId) key alone; only the ten winners' names are read.
    /// </summary>
    public const string PersonFacets = """
        SELECT t.PersonId, p.Name, t.c
        FROM (SELECT ap.PersonId, count(*) AS c
              FROM ArticlePersons ap
              WHERE ap.ArticleId IN (SELECT value FROM json_each($ids))
              GROUP BY ap.PersonId
              ORDER BY c DESC, ap.PersonId
              LIMIT 10) t
        JOIN Persons p ON p.Id = t.PersonId
        ORDER BY t.c DESC, t.PersonId;
        """;

    /// <summary>What a hit shows of the articles in <c>$ids</c> (one page).</summary>
    public const string Hits = "SELECT a.Id, a.Title, a.Published, a.Subject, a.Caption, a.Body FROM Articles a WHERE a.Id IN (SELECT value FROM json_each($ids));";

    /// <summary>The names of the persons in <c>$ids</c> (the winners of the person facet).</summary>
    public const string PersonNames = "SELECT p.Id, p.Name FROM Persons p WHERE p.Id IN (SELECT value FROM json_each($ids));";
}
