using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using NewsArchive.Text.Dates;
using NewsArchive.Web.Data;
using NewsArchive.Web.Pages;
using NewsArchive.Web.Search;

namespace NewsArchive.Web.Api;

public sealed record ApiPage<T>(int Total, int Page, IReadOnlyList<T> Items);

public sealed record ApiSearchResult(int Total, int Page, IReadOnlyList<ApiSearchItem> Items, ApiFacets Facets);

public sealed record ApiSearchItem(int Id, string Title, DateOnly Published, string Url, string Snippet);

public sealed record ApiFacets(IReadOnlyList<ApiYearFacet> Years, IReadOnlyList<ApiPersonFacet> Persons);

public sealed record ApiYearFacet(int Year, int Count, IReadOnlyList<ApiMonthFacet> Months);

public sealed record ApiMonthFacet(string Month, int Count);

public sealed record ApiPersonFacet(int Id, string Name, int Count);

public sealed record ApiArticleSummary(int Id, string Title, DateOnly Published, string Url, string SourceFile);

public sealed record ApiArticle(
    int Id, string Title, DateOnly Published, string Url, string SourceFile, string? Subject, string? Caption, string? Credit,
    string Body, IReadOnlyList<ApiArticlePerson> Persons, IReadOnlyList<ApiEvent> Events);

public sealed record ApiArticlePerson(int Id, string Name, int Mentions, string? Role);

/// <param name="Date">ISO 8601 at the event's precision: <c>2014</c>, <c>2022-02</c>, <c>2024-06-26</c>.</param>
public sealed record ApiEvent(string Date, string Precision, string Text, int ArticleId, string Url, IReadOnlyList<ApiPersonRef> Persons);

public sealed record ApiPersonRef(int Id, string Name);

public sealed record ApiPersonSummary(int Id, string Name, int Articles);

public sealed record ApiPerson(
    int Id, string Name, IReadOnlyList<string> Aliases, IReadOnlyList<ApiRole> Roles, IReadOnlyList<int> ArticleIds, string Url);

public sealed record ApiRole(string Role, int Year);

/// <summary>The read-only JSON API: search, articles, people and events, documented with OpenAPI.</summary>
public static class ArchiveApi
{
    private const int DefaultPageSize = 20;

    internal static WebApplicationBuilder AddArchiveApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddOpenApi();
        // Arabic stays readable in the JSON instead of becoming \uXXXX escapes.
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All));
        return builder;
    }

    public static WebApplication MapArchiveApi(this WebApplication app)
    {
        app.MapOpenApi();
        var api = app.MapGroup("/api").WithTags("Archive");
        api.MapGet("/search", SearchAsync).WithSummary("Full-text search with person and date filters, snippets and facets.");
        api.MapGet("/articles", ArticlesAsync).WithSummary("Articles, newest first.");
        api.MapGet("/articles/{id:int}", ArticleAsync).WithSummary("One article with its persons and events.");
        api.MapGet("/people", PeopleAsync).WithSummary("Persons whose name or alias matches q (any spelling variant).");
        api.MapGet("/people/{id:int}", PersonAsync).WithSummary("One person with aliases, roles and article ids.");
        api.MapGet("/events", EventsAsync).WithSummary("Dated events overlapping [from, to], ordered by date.");
        return app;
    }

    private static async Task<Results<Ok<ApiSearchResult>, ProblemHttpResult>> SearchAsync(
        ArchiveDbContext db, ArchiveSearch search, CancellationToken ct,
        string? q = null, string? person = null, string? from = null, string? to = null, string? page = null, string? pageSize = null)
    {
        if (!TryPaging(page, pageSize, out var p, out var size, out var problem) || !TryRange(from, to, out var range, out problem))
        {
            return problem!;
        }

        var persons = await PersonLookup.ResolveAsync(db, person, ct);
        var result = await search.SearchAsync(new SearchRequest(q, persons, range, p, size), ct);
        return TypedResults.Ok(new ApiSearchResult(
            result.Total,
            result.Page,
            [.. result.Items.Select(i => new ApiSearchItem(i.Id, i.Title, i.Published, ArticleUrl(i.Id, i.Title), i.SnippetHtml))],
            new ApiFacets(
                [.. result.Years.Select(y => new ApiYearFacet(y.Year, y.Count,
                    [.. y.Months.Select(m => new ApiMonthFacet(new PartialDate(new DateOnly(m.Year, m.Month, 1), DatePrecision.Month).ToIso(), m.Count))]))],
                [.. result.Persons.Select(f => new ApiPersonFacet(f.Id, f.Name, f.Count))])));
    }

    private static async Task<Results<Ok<ApiPage<ApiArticleSummary>>, ProblemHttpResult>> ArticlesAsync(
        ArchiveDbContext db, CancellationToken ct, string? from = null, string? to = null, string? page = null, string? pageSize = null)
    {
        if (!TryPaging(page, pageSize, out var p, out var size, out var problem) || !TryRange(from, to, out var range, out problem))
        {
            return problem!;
        }

        var articles = db.Articles.AsNoTracking().Where(a => a.Published >= range.From && a.Published <= range.To);
        var total = await articles.CountAsync(ct);
        var items = await articles
            .OrderByDescending(a => a.Published).ThenByDescending(a => a.Id)
            .Skip((p - 1) * size).Take(size)
            .Select(a => new { a.Id, a.Title, a.Published, a.SourceFile })
            .ToListAsync(ct);
        return TypedResults.Ok(new ApiPage<ApiArticleSummary>(total, p,
            [.. items.Select(a => new ApiArticleSummary(a.Id, a.Title, a.Published, ArticleUrl(a.Id, a.Title), a.SourceFile))]));
    }

    private static async Task<Results<Ok<ApiArticle>, NotFound>> ArticleAsync(ArchiveDbContext db, int id, CancellationToken ct)
    {
        var a = await db.Articles.AsNoTracking()
            .Where(x => x.Id == id)
            .Select(x => new
            {
                x.Id, x.Title, x.Published, x.SourceFile, x.Subject, x.Caption, x.Credit, x.Body,
                Persons = x.Persons.OrderByDescending(p => p.Mentions).ThenBy(p => p.PersonId)
                    .Select(p => new ApiArticlePerson(p.PersonId, p.Person!.Name, p.Mentions, p.Role)).ToList(),
            })
            .SingleOrDefaultAsync(ct);
        if (a is null)
        {
            return TypedResults.NotFound();
        }

        var events = await EventQuery.ToRowsAsync(db.Events.Where(e => e.ArticleId == id), ct);
        return TypedResults.Ok(new ApiArticle(a.Id, a.Title, a.Published, ArticleUrl(a.Id, a.Title), a.SourceFile, a.Subject, a.Caption, a.Credit,
            a.Body, a.Persons, [.. events.Select(ToApi)]));
    }

    private static async Task<Results<Ok<ApiPage<ApiPersonSummary>>, ProblemHttpResult>> PeopleAsync(
        ArchiveDbContext db, CancellationToken ct, string? q = null, string? page = null, string? pageSize = null)
    {
        if (!TryPaging(page, pageSize, out var p, out var size, out var problem))
        {
            return problem!;
        }

        var persons = await PersonLookup.MatchingAsync(db, q, ct);
        var total = await persons.CountAsync(ct);
        var items = await persons
            .OrderByDescending(x => x.Articles.Count).ThenBy(x => x.Id)
            .Skip((p - 1) * size).Take(size)
            .Select(x => new ApiPersonSummary(x.Id, x.Name, x.Articles.Count))
            .ToListAsync(ct);
        return TypedResults.Ok(new ApiPage<ApiPersonSummary>(total, p, items));
    }

    private static async Task<Results<Ok<ApiPerson>, NotFound>> PersonAsync(ArchiveDbContext db, int id, CancellationToken ct)
    {
        var person = await db.Persons.AsNoTracking().Where(x => x.Id == id).Select(x => new { x.Id, x.Name }).SingleOrDefaultAsync(ct);
        if (person is null)
        {
            return TypedResults.NotFound();
        }

        var aliases = await db.PersonAliases.AsNoTracking().Where(a => a.PersonId == id).OrderBy(a => a.Id).Select(a => a.Alias).ToListAsync(ct);
        var roles = await db.PersonRoles.AsNoTracking().Where(r => r.PersonId == id)
            .Select(r => new { r.Role, r.Year }).Distinct()
            .OrderBy(r => r.Year).ThenBy(r => r.Role)
            .ToListAsync(ct);
        var articleIds = await db.ArticlePersons.AsNoTracking().Where(a => a.PersonId == id).OrderBy(a => a.ArticleId).Select(a => a.ArticleId).ToListAsync(ct);
        return TypedResults.Ok(new ApiPerson(person.Id, person.Name, aliases, [.. roles.Select(r => new ApiRole(r.Role, r.Year))], articleIds,
            Links.Person(person.Id, person.Name)));
    }

    private static async Task<Results<Ok<ApiPage<ApiEvent>>, ProblemHttpResult>> EventsAsync(
        ArchiveDbContext db, CancellationToken ct, string? from = null, string? to = null, string? person = null)
    {
        if (!TryRange(from, to, out var range, out var problem))
        {
            return problem!;
        }

        var persons = await PersonLookup.ResolveAsync(db, person, ct);
        var events = EventQuery.Overlapping(db, range, persons);
        var total = await events.CountAsync(ct);
        var rows = await EventQuery.ToRowsAsync(events, ct);
        return TypedResults.Ok(new ApiPage<ApiEvent>(total, 1, [.. rows.Select(ToApi)]));
    }

    private static ApiEvent ToApi(EventRow e) => new(
        e.DateIso,
        e.Precision.ToString().ToLowerInvariant(),
        e.Text,
        e.ArticleId,
        ArticleUrl(e.ArticleId, e.ArticleTitle),
        [.. e.Persons.Select(p => new ApiPersonRef(p.Id, p.Name))]);

    private static string ArticleUrl(int id, string title) => Links.Article(id, title);

    private static bool TryPaging(string? page, string? pageSize, out int p, out int size, out ProblemHttpResult? problem)
    {
        p = 1;
        size = DefaultPageSize;
        problem = null;
        if (!string.IsNullOrWhiteSpace(page) && (!int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out p) || p < 1 || p > ArchiveSearch.MaxPage))
        {
            problem = BadRequest($"'page' must be a whole number from 1 to {ArchiveSearch.MaxPage}.");
            return false;
        }

        if (!string.IsNullOrWhiteSpace(pageSize))
        {
            if (!int.TryParse(pageSize, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size < 1)
            {
                problem = BadRequest($"'pageSize' must be a whole number from 1 to {ArchiveSearch.MaxPageSize}.");
                return false;
            }

            size = Math.Min(size, ArchiveSearch.MaxPageSize);
        }

        return true;
    }

    private static bool TryRange(string? from, string? to, out DateRange range, out ProblemHttpResult? problem)
    {
        problem = DateRange.TryParse(from, to, out range, out var error) ? null : BadRequest(error!);
        return problem is null;
    }

    private static ProblemHttpResult BadRequest(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status400BadRequest, title: "Bad parameter");
}
