using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using NewsArchive.Web.Data;

namespace NewsArchive.Web.Search;

/// <summary>What the reader asked for: words (optional), persons (null: anyone), a publication range, a page.</summary>
public sealed record SearchRequest(string? Q, IReadOnlyList<int>? PersonIds, DateRange Range, int Page, int PageSize);

public sealed record SearchHit(int Id, string Title, string TitleHtml, DateOnly Published, string SnippetHtml);

public sealed record YearFacet(int Year, int Count, IReadOnlyList<MonthFacet> Months);

public sealed record MonthFacet(int Year, int Month, int Count);

public sealed record PersonFacet(int Id, string Name, int Count);

/// <param name="Total">Matching articles (at most <see cref="ArchiveSearch.CountCap"/>; words with a person filter, <see cref="ArchiveSearch.PersonCountCap"/>; a query with a phrase, <see cref="ArchiveSearch.PhraseCountCap"/>).</param>
/// <param name="TotalCapped">True when there are more matches than were counted.</param>
/// <param name="FacetsPartial">True when the facets count only the newest <see cref="ArchiveSearch.CandidateCount"/> matches.</param>
public sealed record SearchResult(
    int Total,
    bool TotalCapped,
    int Page,
    int PageSize,
    IReadOnlyList<SearchHit> Items,
    IReadOnlyList<YearFacet> Years,
    IReadOnlyList<PersonFacet> Persons,
    bool FacetsPartial)
{
    public int PageCount => Total == 0 ? 0 : (Total + PageSize - 1) / PageSize;
}

/// <summary>
/// Full-text search over the archive, with bounded work per request. Queries whose terms are rare
/// (each in at most <see cref="RankAllLimit"/> articles, and each phrase with a word that is too) are
/// ranked in full by bm25 (title and subject weigh most). For a common term bm25 alone would read its
/// whole doclist, so the newest <see cref="CandidateCount"/> matches are ranked instead, headline
/// matches first, and pages past them continue newest first. Counting stops at <see cref="CountCap"/>. Facets count the ranked set.
/// </summary>
public sealed class ArchiveSearch(ArchiveDbContext db, SearchAnalyzer analyzer, SnippetBuilder snippets)
{
    /// <summary>How many of the newest matches of a common query are ranked (and counted by the facets).</summary>
    public const int CandidateCount = 1000;
    /// <summary>Queries whose terms each match at most this many articles are ranked in full with bm25.</summary>
    public const int RankAllLimit = 2000;
    /// <summary>Counting stops here: past it the total reads "more than".</summary>
    public const int CountCap = 10_000;
    /// <summary>
    /// With a person filter counting stops here instead: with the set test (an archive still being
    /// re-indexed for person tokens) the person test runs on every match FTS5 walks, and a person's
    /// few matches of a very common word lie spread over that word's whole doclist (at 1M articles,
    /// 10,001 of them cost up to 200 ms; 2,001 a fifth of it). The tokens would count further
    /// cheaply; the cap stays so that a total does not depend on the state of the index.
    /// </summary>
    public const int PersonCountCap = RankAllLimit;
    /// <summary>
    /// A query with a phrase is counted up to here too: FTS5 matches a phrase by reading its words'
    /// position lists, and a phrase of two common words ("العام والذي", 6,809 matches at 1M) took
    /// 120 ms to count to the end, against 40 ms for its newest 2,001.
    /// </summary>
    public const int PhraseCountCap = RankAllLimit;
    public const int MaxPageSize = 100;
    /// <summary>Pages past this are refused: nobody reads them and OFFSET costs grow with them.</summary>
    public const int MaxPage = 1000;

    public async Task<SearchResult> SearchAsync(SearchRequest request, CancellationToken ct)
    {
        var query = SearchQuery.Parse(request.Q, analyzer);
        var pageSize = Math.Clamp(request.PageSize, 1, MaxPageSize);
        var page = Math.Clamp(request.Page, 1, MaxPage);
        if (request.PersonIds is { Count: 0 } || (query.IsEmpty && !string.IsNullOrWhiteSpace(request.Q)))
        {
            return new SearchResult(0, false, page, pageSize, [], [], [], false);
        }

        return query.IsEmpty
            ? await BrowseAsync(request, page, pageSize, ct)
            : await MatchAsync(query, request, page, pageSize, ct);
    }

    private async Task<SearchResult> MatchAsync(SearchQuery query, SearchRequest request, int page, int pageSize, CancellationToken ct)
    {
        var dated = false;
        string? periodFilter = null;
        var byPerson = request.PersonIds is not null;
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            query = await WithSpellingsAsync(connection, query, ct);
            var match = query.ToFtsMatch();
            // The candidates' walk also says which of them are headline matches, when the function
            // can be registered; otherwise a second MATCH of the headline terms does (below).
            var clauses = HeadlineFunction.TryRegister(connection) ? HeadlineFunction.ClauseMap(query) : null;
            // A person filter is the persons' tokens in the index (FTS5 skips through the words'
            // doclists), or, in an archive still being re-indexed for them, a set test on each match.
            string? personFilter = null;
            if (request.PersonIds is { } personIds && await PersonTokens.ReadyAsync(connection, ct))
            {
                personFilter = $"period : ({string.Join(" OR ", personIds.Distinct().Select(id => '"' + SearchAnalyzer.PersonToken(id) + '"'))})";
                match = $"({match}) AND {personFilter}";
            }

            var setTest = byPerson && personFilter is null;
            if (!request.Range.IsAll)
            {
                var span = await PublishedSpanAsync(connection, ct);
                if (span is null)
                {
                    return new SearchResult(0, false, page, pageSize, [], [], [], false);
                }

                var (tokens, checkDays) = request.Range.PeriodTokens(span.Value.First, span.Value.Last);
                if (tokens is not null)
                {
                    periodFilter = $"period : ({string.Join(" OR ", tokens.Select(t => '"' + t + '"'))})";
                    match = $"({match}) AND {periodFilter}";
                }

                dated = checkDays;
            }

            // With a person filter every walk of the doclists tests each match against the persons'
            // articles, and with a phrase it reads the words' positions; both stop at a lower cap, and
            // one walk gives both the count and the newest candidates (see WalkAsync).
            var byPhrase = query.PositiveTerms.Any(t => t.IsPhrase);
            var countCap = byPerson ? PersonCountCap : byPhrase ? PhraseCountCap : CountCap;
            var walked = byPerson || byPhrase ? await WalkAsync(connection, match, request, dated, setTest, countCap, clauses, ct) : null;
            var total = walked?.Count ?? await CountAsync(connection, match, request, dated, setTest, countCap + 1, ct);
            if (total == 0)
            {
                return new SearchResult(0, false, page, pageSize, [], [], [], false);
            }

            List<int> ranked;
            List<int> candidateIds;
            // A lone term without filters: the total is that term's own count, no need to count it again.
            var loneTerm = !byPerson && request.Range.IsAll && query.AllTerms.Take(2).Count() == 1;
            if (total <= RankAllLimit && (loneTerm || await AllTermsRareAsync(connection, query, ct)) && await PhrasesHaveRareWordAsync(connection, query, ct))
            {
                // Few matches of rare terms: rank them all by bm25 (lower is better).
                var scored = await CandidatesAsync(connection, match, request, dated, setTest, scored: true, RankAllLimit, 0, ct);
                ranked = [.. scored.OrderBy(c => c.Score).ThenByDescending(c => c.Id).Select(c => c.Id)];
                candidateIds = ranked;
            }
            else
            {
                // A common term: bm25 would read its whole doclist. Take the newest matches and put
                // those whose headline (title, subject) carries the words first.
                var newest = walked?.Take(CandidateCount).ToList()
                    ?? await CandidatesAsync(connection, match, request, dated, setTest, scored: false, CandidateCount, 0, ct, clauses);
                candidateIds = [.. newest.Select(c => c.Id)];
                if (candidateIds.Count == 0)
                {
                    return new SearchResult(0, false, page, pageSize, [], [], [], false);
                }

                if (clauses is not null)
                {
                    // The walk marked them (HeadlineFunction).
                    ranked = [.. newest.Where(c => c.Headline).Select(c => c.Id), .. newest.Where(c => !c.Headline).Select(c => c.Id)];
                }
                else
                {
                    // The candidates are all the matches from the oldest of them on, so the headline
                    // matches among them are the headline matches in that rowid range. A candidate
                    // already matches the whole query, so the headline terms alone decide (with the
                    // period tokens, which let FTS5 skip): AND-ing the whole query again made FTS5
                    // walk each word's doclist twice.
                    var headlineMatch = string.Join(" AND ", new[] { $"({query.ToHeadlineMatch()})", periodFilter, personFilter }.OfType<string>());
                    var headline = await MatchingFromAsync(connection, headlineMatch, candidateIds[^1], ct);
                    ranked = [.. candidateIds.Where(headline.Contains), .. candidateIds.Where(id => !headline.Contains(id))];
                }
            }

            var start = (page - 1) * pageSize;
            var ids = ranked.Skip(start).Take(pageSize).ToList();
            if (ids.Count < pageSize && total > ranked.Count)
            {
                // Past the ranked candidates the results continue newest first.
                var from = Math.Max(start, ranked.Count);
                var rest = await CandidatesAsync(connection, match, request, dated, setTest, scored: false, pageSize - ids.Count, from, ct);
                ids.AddRange(rest.Select(r => r.Id));
            }

            // A phrase query with at most the cap was walked in full: its facets count every match
            // (as they did when bm25 ranked a rare phrase of common words), not only the ranked newest.
            List<int> faceted = byPhrase && !byPerson && walked is not null && total <= countCap && walked.Count > candidateIds.Count
                ? [.. walked.Select(c => c.Id)]
                : candidateIds;
            var items = await HitsAsync(ids, query, ct);
            var (years, persons) = await FacetsAsync(faceted, ct);
            return new SearchResult(Math.Min(total, countCap), total > countCap, page, pageSize, items, years, persons, total > faceted.Count);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// Widens each single-word term to the other spellings indexed under its name key that NameKey
    /// confirms (شويغو → شويجو, البنتاجون → البنتاغون); unrelated words sharing the key stay out.
    /// </summary>
    internal static async Task<SearchQuery> WithSpellingsAsync(DbConnection connection, SearchQuery query, CancellationToken ct)
    {
        var variants = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        await using var command = connection.CreateCommand();
        command.CommandText = SearchSql.SpellingsOf;
        var key = command.AddParameter("$key", string.Empty);
        foreach (var term in query.AllTerms.Where(t => !t.IsPhrase))
        {
            var stem = term.Stems[0];
            var k = SearchAnalyzer.KeyOf(stem);
            if (k.Length == 0 || variants.ContainsKey(stem))
            {
                continue;
            }

            key.Value = k;
            var found = new List<string>();
            await using (var reader = await command.ExecuteReaderAsync(ct))
            {
                while (await reader.ReadAsync(ct))
                {
                    var candidate = reader.GetString(0);
                    if (SearchAnalyzer.IsSpellingOf(stem, candidate))
                    {
                        found.Add(candidate);
                    }
                }
            }

            variants[stem] = found;
        }

        return query.Select(t => !t.IsPhrase && variants.TryGetValue(t.Stems[0], out var v) && v.Count > 0 ? t with { Variants = v } : t);
    }

    private static async Task<(DateOnly First, DateOnly Last)?> PublishedSpanAsync(DbConnection connection, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = SearchSql.PublishedSpan;
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct) || reader.IsDBNull(0))
        {
            return null;
        }

        return (DateOnly.Parse(reader.GetString(0), CultureInfo.InvariantCulture), DateOnly.Parse(reader.GetString(1), CultureInfo.InvariantCulture));
    }

    /// <summary>True when no term of the query (excluded ones included: bm25 scores them too) matches more than <see cref="RankAllLimit"/> articles.</summary>
    private static async Task<bool> AllTermsRareAsync(DbConnection connection, SearchQuery query, CancellationToken ct)
    {
        foreach (var term in query.PositiveTerms.Concat(query.Excluded))
        {
            if (!await IsRareAsync(connection, term, ct))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when <paramref name="term"/> matches at most <see cref="RankAllLimit"/> articles (counted no further).</summary>
    private static async Task<bool> IsRareAsync(DbConnection connection, SearchTerm term, CancellationToken ct) =>
        await CountAsync(connection, SearchQuery.ToFtsMatch(term), null, false, false, RankAllLimit + 1, ct) <= RankAllLimit;

    /// <summary>
    /// True when every phrase of the query has a word in at most <see cref="RankAllLimit"/> articles.
    /// bm25 walks a phrase's matches twice (its IDF, then the scores); FTS5 finds them from the
    /// rarest word's doclist, seeking in the others, so a phrase of common words reads their whole
    /// position lists however few its matches ("بناء الإنسان", 1,699 matches at 1M: 24 ms of CPU for
    /// bm25, 6 ms for its newest matches). Such a phrase is ranked as a common term.
    /// </summary>
    private static async Task<bool> PhrasesHaveRareWordAsync(DbConnection connection, SearchQuery query, CancellationToken ct)
    {
        foreach (var phrase in query.PositiveTerms.Concat(query.Excluded).Where(t => t.IsPhrase))
        {
            var rare = false;
            foreach (var stem in phrase.Stems.Distinct(StringComparer.Ordinal))
            {
                if (await IsRareAsync(connection, new SearchTerm([stem], [stem], []), ct))
                {
                    rare = true;
                    break;
                }
            }

            if (!rare)
            {
                return false;
            }
        }

        return true;
    }

    private static async Task<HashSet<int>> MatchingFromAsync(DbConnection connection, string match, int minId, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = SearchSql.MatchingFrom;
        command.AddParameter("$match", match);
        command.AddParameter("$minId", minId);
        var result = new HashSet<int>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            result.Add(reader.GetInt32(0));
        }

        return result;
    }

    /// <summary>Without words: the filtered articles, newest first.</summary>
    private async Task<SearchResult> BrowseAsync(SearchRequest request, int page, int pageSize, CancellationToken ct)
    {
        Func<int, int, Task<List<int>>> newestFirst;
        if (request.PersonIds is { } browsed && await PersonArticlesFromMemoryAsync(browsed, request.Range, ct) is { } sorted)
        {
            newestFirst = (limit, offset) => Task.FromResult(sorted.Skip(offset).Take(limit).ToList());
        }
        else if (request.PersonIds is { } personIds)
        {
            // Raw SQL for INDEXED BY: ids and dates of the persons' articles from the narrow
            // (Id, Published) index, where by rowid SQLite read a wide row per article.
            var personsJson = JsonSerializer.Serialize(personIds);
            newestFirst = (limit, offset) => db.Database.SqlQueryRaw<int>(SearchSql.PersonArticlesNewestFirst,
                    new SqliteParameter("$persons", personsJson),
                    new SqliteParameter("$from", request.Range.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                    new SqliteParameter("$to", request.Range.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                    new SqliteParameter("$limit", limit),
                    new SqliteParameter("$offset", offset))
                .ToListAsync(ct);
        }
        else
        {
            var ordered = db.Articles.AsNoTracking()
                .Where(a => a.Published >= request.Range.From && a.Published <= request.Range.To)
                .OrderByDescending(a => a.Published).ThenByDescending(a => a.Id).Select(a => a.Id);
            newestFirst = (limit, offset) => ordered.Skip(offset).Take(limit).ToListAsync(ct);
        }

        // One read of the ids, newest first, gives the count (up to the cap), the facets' candidates
        // and the first pages; each separate query would evaluate the filter again.
        var counted = await newestFirst(CountCap + 1, 0);
        var total = counted.Count;
        var newest = counted.Count > CandidateCount ? counted[..CandidateCount] : counted;
        var start = (page - 1) * pageSize;
        var ids = start + pageSize <= counted.Count || counted.Count <= CountCap
            ? [.. counted.Skip(start).Take(pageSize)]
            : await newestFirst(pageSize, start);
        var items = await HitsAsync(ids, null, ct);
        var (years, persons) = await FacetsAsync(newest, ct);
        return new SearchResult(Math.Min(total, CountCap), total > CountCap, page, pageSize, items, years, persons, total > newest.Count);
    }

    /// <summary>
    /// The persons' articles in the range, newest first (date, then id), from the in-memory tables:
    /// each person's articles and each article's date. In SQL that was a date seek per article
    /// (23,000 for the person in most articles at 1M), then, with the dates in memory, still a row
    /// read per article from the (PersonId, ArticleId) key (~2 ms of that person's browse).
    /// Null when the tables are not current.
    /// </summary>
    private async Task<List<int>?> PersonArticlesFromMemoryAsync(IReadOnlyList<int> personIds, DateRange range, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            if (await FacetTables.TryGetAsync(connection, ct) is not { } tables)
            {
                return null;
            }

            var from = DayKey(range.From);
            var to = DayKey(range.To);
            var keys = new List<long>();
            foreach (var personId in personIds.Distinct())
            {
                foreach (var id in tables.ArticlesOf(personId))
                {
                    var day = id < tables.DayById.Length ? tables.DayById[id] : 0;
                    if (day == 0)
                    {
                        return null;
                    }

                    if (day >= from && day <= to)
                    {
                        keys.Add(((long)day << 32) | (uint)id);
                    }
                }
            }

            keys.Sort();
            var result = new List<int>(keys.Count);
            for (var i = keys.Count - 1; i >= 0; i--)
            {
                // An article naming two of the persons comes once per person.
                if (i == keys.Count - 1 || keys[i] != keys[i + 1])
                {
                    result.Add((int)(keys[i] & 0xFFFFFFFF));
                }
            }

            return result;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static int DayKey(DateOnly date) => date.Year * 10_000 + date.Month * 100 + date.Day;

    private readonly record struct Candidate(int Id, double Score, bool Headline);

    private static async Task<int> CountAsync(
        DbConnection connection, string match, SearchRequest? request, bool dated, bool byPerson, int cap, CancellationToken ct)
    {
        await using var command = Command(connection, SearchSql.Count(dated, byPerson), match, request, dated, byPerson);
        command.AddParameter("$cap", cap);
        return Convert.ToInt32(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
    }

    /// <param name="clauses">The headline function's clause map: each candidate then says whether it is a headline match.</param>
    private static async Task<List<Candidate>> CandidatesAsync(
        DbConnection connection, string match, SearchRequest request, bool dated, bool byPerson, bool scored, int limit, int offset, CancellationToken ct,
        byte[]? clauses = null)
    {
        await using var command = Command(connection, SearchSql.Candidates(scored, dated, byPerson, headline: clauses is not null), match, request, dated, byPerson);
        command.AddParameter("$limit", limit);
        command.AddParameter("$offset", offset);
        if (clauses is not null)
        {
            command.AddParameter("$clauses", clauses);
        }

        return await ReadCandidatesAsync(command, marked: clauses is not null, scored, Math.Min(limit, CandidateCount), ct);
    }

    /// <summary>
    /// Up to <paramref name="cap"/> + 1 matches, newest first, of which the newest
    /// <see cref="CandidateCount"/> are all there is or the newest there are (the candidates).
    /// The walk reads the oldest <paramref name="cap"/> + 1 − <see cref="CandidateCount"/> matches
    /// oldest first, and only then the newest ones above them newest first: FTS5 walks a doclist
    /// backwards at a fifth more cost, and a query with fewer matches than the cap is read to the
    /// end either way. Without the function (<paramref name="clauses"/> null) it walks newest first.
    /// </summary>
    private static async Task<List<Candidate>> WalkAsync(
        DbConnection connection, string match, SearchRequest request, bool dated, bool byPerson, int cap, byte[]? clauses, CancellationToken ct)
    {
        if (clauses is null)
        {
            return await CandidatesAsync(connection, match, request, dated, byPerson, scored: false, cap + 1, 0, ct);
        }

        var oldest = await WalkPartAsync(connection, match, request, dated, byPerson, clauses, null, cap + 1 - CandidateCount, ct);
        oldest.Reverse();
        if (oldest.Count < cap + 1 - CandidateCount)
        {
            return oldest;
        }

        var newest = await WalkPartAsync(connection, match, request, dated, byPerson, clauses, oldest[0].Id, CandidateCount, ct);
        newest.AddRange(oldest);
        return newest;
    }

    private static async Task<List<Candidate>> WalkPartAsync(
        DbConnection connection, string match, SearchRequest request, bool dated, bool byPerson, byte[] clauses, int? after, int limit, CancellationToken ct)
    {
        await using var command = Command(connection, SearchSql.Walk(dated, byPerson, newestFirst: after is not null), match, request, dated, byPerson);
        command.AddParameter("$clauses", clauses);
        command.AddParameter("$limit", limit);
        if (after is { } id)
        {
            command.AddParameter("$after", id);
        }

        return await ReadCandidatesAsync(command, marked: true, scored: false, limit, ct);
    }

    /// <summary>The rows of <see cref="SearchSql.Candidates"/> or <see cref="SearchSql.Walk"/>: an id, or a marked id (<see cref="SearchSql.Unmark"/>), then the score when <paramref name="scored"/>.</summary>
    private static async Task<List<Candidate>> ReadCandidatesAsync(DbCommand command, bool marked, bool scored, int capacity, CancellationToken ct)
    {
        var result = new List<Candidate>(capacity);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var (id, headline) = marked ? SearchSql.Unmark(reader.GetInt64(0)) : (reader.GetInt32(0), false);
            result.Add(new Candidate(id, scored ? reader.GetDouble(1) : 0, headline));
        }

        return result;
    }

    private static DbCommand Command(DbConnection connection, string sql, string match, SearchRequest? request, bool dated, bool byPerson)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.AddParameter("$match", match);
        if (dated && request is not null)
        {
            command.AddParameter("$from", request.Range.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            command.AddParameter("$to", request.Range.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        if (byPerson && request is not null)
        {
            command.AddParameter("$persons", JsonSerializer.Serialize(request.PersonIds));
        }

        return command;
    }

    private async Task<List<SearchHit>> HitsAsync(List<int> ids, SearchQuery? query, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        // Raw SQL: for a page of 20 the EF query's own work (a millisecond) cost more than reading the rows.
        var byId = new Dictionary<int, (string Title, DateOnly Published, string? Subject, string? Caption, string Body)>(ids.Count);
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = SearchSql.Hits;
            command.AddParameter("$ids", JsonSerializer.Serialize(ids));
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                byId[reader.GetInt32(0)] = (reader.GetString(1), reader.GetFieldValue<DateOnly>(2),
                    reader.IsDBNull(3) ? null : reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4), reader.GetString(5));
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        var hits = new List<SearchHit>(ids.Count);
        foreach (var id in ids)
        {
            if (!byId.TryGetValue(id, out var a))
            {
                continue;
            }

            var snippet = query is null
                ? SnippetBuilder.Lead(a.Body)
                : snippets.Snippet(a.Body, query) ?? snippets.Snippet(a.Caption, query)
                  ?? snippets.Snippet(a.Subject, query) ?? SnippetBuilder.Lead(a.Body);
            var title = query is null ? System.Net.WebUtility.HtmlEncode(a.Title) : snippets.Highlight(a.Title, query);
            hits.Add(new SearchHit(id, a.Title, title, a.Published, snippet));
        }

        return hits;
    }

    /// <summary>The month facets of <paramref name="ids"/> from the in-memory tables; null when an id is not in them.</summary>
    private static List<MonthFacet>? MonthsFromMemory(List<int> ids, FacetTables tables)
    {
        var counts = new Dictionary<int, int>();
        foreach (var id in ids)
        {
            var day = id >= 0 && id < tables.DayById.Length ? tables.DayById[id] : 0;
            if (day == 0)
            {
                return null;
            }

            var month = day / 100;
            counts[month] = counts.GetValueOrDefault(month) + 1;
        }

        return [.. counts.Select(c => new MonthFacet(c.Key / 100, c.Key % 100, c.Value))];
    }

    /// <summary>The ten persons named in most of <paramref name="ids"/> (ties: lower id first), as ids and counts.</summary>
    private static List<(int Id, int Count)> TopPersonsFromMemory(List<int> ids, FacetTables tables)
    {
        var counts = new Dictionary<int, int>();
        foreach (var id in ids)
        {
            foreach (var person in tables.PersonsOf(id))
            {
                counts[person] = counts.GetValueOrDefault(person) + 1;
            }
        }

        return [.. counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key).Take(10).Select(c => (c.Key, c.Value))];
    }

    private async Task<(List<YearFacet>, List<PersonFacet>)> FacetsAsync(List<int> ids, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            return ([], []);
        }

        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            // The ids go to SQL as JSON only when the in-memory tables cannot count them.
            string Json() => JsonSerializer.Serialize(ids);
            var tables = await FacetTables.TryGetAsync(connection, ct);
            var months = tables is null ? null : MonthsFromMemory(ids, tables);
            if (months is null)
            {
                tables = null;
                months = [];
                await using var command = connection.CreateCommand();
                command.CommandText = SearchSql.MonthFacets;
                command.AddParameter("$ids", Json());
                await using var reader = await command.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct))
                {
                    months.Add(new MonthFacet(reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2)));
                }
            }

            var years = months
                .GroupBy(m => m.Year)
                .OrderByDescending(g => g.Key)
                .Select(g => new YearFacet(g.Key, g.Sum(m => m.Count), [.. g.OrderBy(m => m.Month)]))
                .ToList();

            var persons = new List<PersonFacet>();
            if (tables is not null)
            {
                var top = TopPersonsFromMemory(ids, tables);
                var names = new Dictionary<int, string>();
                if (top.Count > 0)
                {
                    await using var command = connection.CreateCommand();
                    command.CommandText = SearchSql.PersonNames;
                    command.AddParameter("$ids", JsonSerializer.Serialize(top.Select(t => t.Id)));
                    await using var reader = await command.ExecuteReaderAsync(ct);
                    while (await reader.ReadAsync(ct))
                    {
                        names[reader.GetInt32(0)] = reader.GetString(1);
                    }
                }

                persons.AddRange(top.Where(t => names.ContainsKey(t.Id)).Select(t => new PersonFacet(t.Id, names[t.Id], t.Count)));
            }
            else
            {
                await using var command = connection.CreateCommand();
                command.CommandText = SearchSql.PersonFacets;
                command.AddParameter("$ids", Json());
                await using var reader = await command.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct))
                {
                    persons.Add(new PersonFacet(reader.GetInt32(0), reader.GetString(1), reader.GetInt32(2)));
                }
            }

            return (years, persons);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
