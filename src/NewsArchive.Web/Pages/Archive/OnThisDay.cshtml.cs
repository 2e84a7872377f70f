using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NewsArchive.Web.Data;
using NewsArchive.Web.Search;

namespace NewsArchive.Web.Pages.Archive;

/// <summary>/archive/on-this-day/{month}/{day}: the articles published and the day-precise events of that day, across all years.</summary>
public class OnThisDayModel(ArchiveDbContext db) : PageModel
{
    private const int MaxArticles = 200;

    public int Month { get; private set; }
    public int Day { get; private set; }
    public IReadOnlyList<DayArticle> Articles { get; private set; } = [];
    public IReadOnlyList<EventRow> Events { get; private set; } = [];

    public sealed record DayArticle(int Id, string Title, DateOnly Published);

    public async Task<IActionResult> OnGetAsync(int month, int day, CancellationToken ct)
    {
        // 29 February is a real day in leap years, so the check uses one.
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(2000, month))
        {
            return NotFound();
        }

        (Month, Day) = (month, day);
        Articles = await db.Articles.AsNoTracking()
            .Where(a => a.Published.Month == month && a.Published.Day == day)
            .OrderByDescending(a => a.Published).ThenBy(a => a.Id)
            .Take(MaxArticles)
            .Select(a => new DayArticle(a.Id, a.Title, a.Published))
            .ToListAsync(ct);
        var events = db.Events.AsNoTracking()
            .Where(e => e.Precision == Text.Dates.DatePrecision.Day && e.Date.Month == month && e.Date.Day == day);
        Events = [.. (await EventQuery.ToRowsAsync(events, ct)).OrderByDescending(e => e.Date)];
        return Page();
    }
}
