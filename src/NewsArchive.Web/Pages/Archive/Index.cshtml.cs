using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NewsArchive.Web.Data;

namespace NewsArchive.Web.Pages.Archive;

/// <summary><c>/archive/{year}/{month?}/{day?}</c>: articles by publication date; <c>/archive</c> opens the latest year.</summary>
public sealed class IndexModel(ArchiveDbContext db) : PageModel
{
    private const int PageSize = 30;

    public int Year { get; private set; }

    public int? Month { get; private set; }

    public int? Day { get; private set; }

    public string Heading { get; private set; } = "";

    public int? PreviousYear { get; private set; }

    public int? NextYear { get; private set; }

    /// <summary>The months of the year with articles (or the days of the month), with counts.</summary>
    public IReadOnlyList<PeriodCount> Periods { get; private set; } = [];

    public IReadOnlyList<ArticleSummary> Articles { get; private set; } = [];

    public Pagination Paging { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int? year, int? month, int? day, int page = 1, CancellationToken ct = default)
    {
        if (year is null)
        {
            var latest = await db.Articles.MaxAsync(a => (DateOnly?)a.Published, ct);
            return latest is { } date ? Redirect(Links.Archive(date.Year)) : RedirectToPage("/Index");
        }

        if (year is < 1 or > 9999 || month is < 1 or > 12 || (day is not null && (month is null || day < 1 || day > DateTime.DaysInMonth(year.Value, month.Value))))
        {
            return NotFound();
        }

        (Year, Month, Day) = (year.Value, month, day);
        var from = new DateOnly(Year, Month ?? 1, Day ?? 1);
        var to = Day is not null ? from : Month is not null ? from.AddMonths(1).AddDays(-1) : new DateOnly(Year, 12, 31);
        Heading = Day is not null ? ArabicDates.Format(from) : Month is not null ? ArabicDates.FormatMonth(Year, Month.Value) : Year.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var yearStart = new DateOnly(Year, 1, 1);
        var yearEnd = new DateOnly(Year, 12, 31);
        PreviousYear = (await db.Articles.Where(a => a.Published < yearStart).MaxAsync(a => (DateOnly?)a.Published, ct))?.Year;
        NextYear = (await db.Articles.Where(a => a.Published > yearEnd).MinAsync(a => (DateOnly?)a.Published, ct))?.Year;

        Periods = Month is null
            ? await db.Articles.Where(a => a.Published >= yearStart && a.Published <= yearEnd)
                .GroupBy(a => a.Published.Month).OrderBy(g => g.Key)
                .Select(g => new PeriodCount(g.Key, g.Count())).ToListAsync(ct)
            : await db.Articles.Where(a => a.Published >= from.AddDays(1 - from.Day) && a.Published <= from.AddDays(1 - from.Day).AddMonths(1).AddDays(-1))
                .GroupBy(a => a.Published.Day).OrderBy(g => g.Key)
                .Select(g => new PeriodCount(g.Key, g.Count())).ToListAsync(ct);

        var inRange = db.Articles.AsNoTracking().Where(a => a.Published >= from && a.Published <= to);
        page = Pagination.Clamp(page, PageSize);
        var url = Links.Archive(Year, Month, Day);
        Paging = new Pagination(page, PageSize, await inRange.CountAsync(ct), p => p == 1 ? url : $"{url}?page={p}");
        Articles = await inRange.ToSummaries().Skip(Paging.Skip).Take(PageSize).ToListAsync(ct);
        return Page();
    }

    public sealed record PeriodCount(int Number, int Articles);
}
