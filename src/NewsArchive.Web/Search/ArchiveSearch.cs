using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NewsArchive.Web.Data;

namespace NewsArchive.Web.Search;

/// <summary>What the reader asked for: words (optional), persons (null: anyone), a publication range, a page.</summary>
public sealed record SearchRequest(string? Q, IReadOnlyList<int>? PersonIds, DateRange Range, int Page, int PageSize);

public sealed record SearchHit(int Id, string Title, string TitleHtml, DateOnly Published, string SnippetHtml);

public sealed record YearFacet(int Year, int Count, IReadOnlyList<MonthFacet> Months);

public sealed record MonthFacet(int Year, int Month, int Count);

public sealed record PersonFacet(int Id, string Name, int Count);

/// <param name="Total">Matching articles (at most <see cref="ArchiveSearch.CountCap"/>).</param>
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
/// Full-text search over the archive. Ranking is bounded: the newest <see cref="CandidateCount"/>
/// matches are scored with bm25 and ranked, and pages past them continue newest first, so a word
/// found in half the archive costs as much as a rare one. Facets count the same candidate set.
/// </summary>
public sealed class ArchiveSearch(ArchiveDbContext db, SearchAnalyzer analyzer, SnippetBuilder snippets)
{
    public const int CandidateCount = 1000;
    public const int CountCap = 100_000;
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
        var match = query.ToFtsMatch();
        var dated = !request.Range.IsAll;
        var byPerson = request.PersonIds is not null;
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var total = await CountAsync(connection, match, request, dated, byPerson, ct);
            var candidates = await CandidatesAsync(connection, match, request, dated, byPerson, CandidateCount, 0, ct);
            var ranked = candidates.OrderBy(c => c.Score).ThenByDescending(c => c.Id).Select(c => c.Id).ToList();

            var start = (page - 1) * pageSize;
            var ids = ranked.Skip(start).Take(pageSize).ToList();
            if (ids.Count < pageSize && candidates.Count == CandidateCount)
            {
                // Past the ranked candidates the results continue newest first.
                var from = Math.Max(start, CandidateCount);
                var rest = await CandidatesAsync(connection, match, request, dated, byPerson, pageSize - ids.Count, from, ct);
                ids.AddRange(rest.Select(r => r.Id));
            }

            var items = await HitsAsync(ids, query, ct);
            var (years, persons) = await FacetsAsync(candidates.Select(c => c.Id).ToList(), ct);
            return new SearchResult(total, total >= CountCap, page, pageSize, items, years, persons, total > candidates.Count);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Without words: the filtered articles, newest first.</summary>
    private async Task<SearchResult> BrowseAsync(SearchRequest request, int page, int pageSize, CancellationToken ct)
    {
        var articles = db.Articles.AsNoTracking()
            .Where(a => a.Published >= request.Range.From && a.Published <= request.Range.To);
        if (request.PersonIds is { } personIds)
        {
            articles = articles.Where(a => a.Persons.Any(p => personIds.Contains(p.PersonId)));
        }

        var total = await articles.Take(CountCap).CountAsync(ct);
        var ordered = articles.OrderByDescending(a => a.Published).ThenByDescending(a => a.Id);
        var newest = await ordered.Select(a => a.Id).Take(CandidateCount).ToListAsync(ct);
        var ids = await ordered.Select(a => a.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        var items = await HitsAsync(ids, null, ct);
        var (years, persons) = await FacetsAsync(newest, ct);
        return new SearchResult(total, total >= CountCap, page, pageSize, items, years, persons, total > newest.Count);
    }

    private readonly record struct Candidate(int Id, double Score);

    private static async Task<int> CountAsync(DbConnection connection, string match, SearchRequest request, bool dated, bool byPerson, CancellationToken ct)
    {
        await using var command = Command(connection, SearchSql.Count(dated, byPerson), match, request, dated, byPerson);
        Add(command, "$cap", CountCap);
        return Convert.ToInt32(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
    }

    private static async Task<List<Candidate>> CandidatesAsync(
        DbConnection connection, string match, SearchRequest request, bool dated, bool byPerson, int limit, int offset, CancellationToken ct)
    {
        await using var command = Command(connection, SearchSql.Candidates(dated, byPerson), match, request, dated, byPerson);
        Add(command, "$limit", limit);
        Add(command, "$offset", offset);
        var result = new List<Candidate>(Math.Min(limit, CandidateCount));
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            result.Add(new Candidate(reader.GetInt32(0), reader.GetDouble(1)));
        }

        return result;
    }

    private static DbCommand Command(DbConnection connection, string sql, string match, SearchRequest request, bool dated, bool byPerson)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        Add(command, "$match", match);
        if (dated)
        {
            Add(command, "$from", request.Range.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            Add(command, "$to", request.Range.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        if (byPerson)
        {
            Add(command, "$persons", JsonSerializer.Serialize(request.PersonIds));
        }

        return command;
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        command.Parameters.Add(p);
    }

    private async Task<List<SearchHit>> HitsAsync(List<int> ids, SearchQuery? query, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var rows = await db.Articles.AsNoTracking()
            .Where(a => ids.Contains(a.Id))
            .Select(a => new { a.Id, a.Title, a.Published, a.Subject, a.Caption, a.Body })
            .ToListAsync(ct);
        var byId = rows.ToDictionary(r => r.Id);
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
            hits.Add(new SearchHit(a.Id, a.Title, title, a.Published, snippet));
        }

        return hits;
    }

    private async Task<(List<YearFacet>, List<PersonFacet>)> FacetsAsync(List<int> ids, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            return ([], []);
        }

        var dates = await db.Articles.AsNoTracking().Where(a => ids.Contains(a.Id)).Select(a => a.Published).ToListAsync(ct);
        var years = dates
            .GroupBy(d => d.Year)
            .OrderByDescending(g => g.Key)
            .Select(g => new YearFacet(g.Key, g.Count(), g
                .GroupBy(d => d.Month)
                .OrderBy(m => m.Key)
                .Select(m => new MonthFacet(g.Key, m.Key, m.Count()))
                .ToList()))
            .ToList();

        var persons = await db.ArticlePersons.AsNoTracking()
            .Where(ap => ids.Contains(ap.ArticleId))
            .GroupBy(ap => ap.PersonId)
            .Select(g => new { PersonId = g.Key, Count = g.Count() })
            .OrderByDescending(x => x.Count).ThenBy(x => x.PersonId)
            .Take(10)
            .Join(db.Persons, x => x.PersonId, p => p.Id, (x, p) => new PersonFacet(p.Id, p.Name, x.Count))
            .ToListAsync(ct);
        return (years, persons.OrderByDescending(p => p.Count).ThenBy(p => p.Id).ToList());
    }
}
