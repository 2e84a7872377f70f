using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NewsArchive.Web.Data;
using NewsArchive.Web.Search;

namespace NewsArchive.Web.Pages.Events;

/// <summary>/events?from=&amp;to=&amp;person=: the dated events stated in articles, by date, grouped by year.</summary>
public class IndexModel(ArchiveDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    [BindProperty(SupportsGet = true)] public string? Person { get; set; }

    public IReadOnlyList<IGrouping<int, EventRow>> Years { get; private set; } = [];
    public int Total { get; private set; }
    public string? Error { get; private set; }
    public string? PersonName { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (!DateRange.TryParse(From, To, out var range, out var error))
        {
            Error = error;
            return;
        }

        var persons = await PersonLookup.ResolveAsync(db, Person, ct);
        if (persons is { Count: > 0 })
        {
            var first = persons[0];
            PersonName = await db.Persons.Where(p => p.Id == first).Select(p => p.Name).FirstOrDefaultAsync(ct);
        }

        var events = EventQuery.Overlapping(db, range, persons);
        Total = await events.CountAsync(ct);
        var rows = await EventQuery.ToRowsAsync(events, ct);
        Years = [.. rows.GroupBy(e => e.Date.Year)];
    }
}
