using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using NewsArchive.Web.Data;
using NewsArchive.Web.Search;

namespace NewsArchive.Web.Pages.Search;

/// <summary>
/// /search?q=&amp;person=&amp;from=&amp;to=&amp;page=: words, person and date, with snippets and facets.
/// Cached like the reading pages (keyed by the whole query string, evicted by every import): when
/// a name is in the news, many readers search for it at once.
/// </summary>
[OutputCache(PolicyName = PageCache.Policy)]
public class IndexModel(ArchiveDbContext db, ArchiveSearch search) : PageModel
{
    private const int PageSize = 20;

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Person { get; set; }
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public string? PageText { get; set; }

    public SearchResult? Result { get; private set; }
    public string? Error { get; private set; }
    public string? PersonName { get; private set; }

    public bool HasCriteria => !string.IsNullOrWhiteSpace(Q) || !string.IsNullOrWhiteSpace(Person)
        || !string.IsNullOrWhiteSpace(From) || !string.IsNullOrWhiteSpace(To);

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (!HasCriteria)
        {
            return;
        }

        if (!DateRange.TryParse(From, To, out var range, out var error))
        {
            Error = error;
            return;
        }

        // A page number that is not one is read as the first page rather than refused.
        var page = int.TryParse(PageText, out var p) ? p : 1;
        var persons = await PersonLookup.ResolveAsync(db, Person, ct);
        if (persons is { Count: > 0 })
        {
            var first = persons[0];
            PersonName = db.Persons.Where(x => x.Id == first).Select(x => x.Name).FirstOrDefault();
        }

        Result = await search.SearchAsync(new SearchRequest(Q, persons, range, page, PageSize), ct);
    }

    /// <summary>The current search with some parameters changed (for facets and pagination).</summary>
    public Dictionary<string, string?> With(string? person = null, string? from = null, string? to = null, int? page = null) => new()
    {
        ["q"] = Q,
        ["person"] = person ?? Person,
        ["from"] = from ?? From,
        ["to"] = to ?? To,
        ["page"] = page?.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
