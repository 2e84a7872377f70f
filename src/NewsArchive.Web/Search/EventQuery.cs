using Microsoft.EntityFrameworkCore;
using NewsArchive.Text.Dates;
using NewsArchive.Web.Data;

namespace NewsArchive.Web.Search;

/// <summary>A dated event as lists show it: its date at its own precision, its clause, its article and persons.</summary>
public sealed record EventRow(
    int Id,
    DateOnly Date,
    DatePrecision Precision,
    string Text,
    int ArticleId,
    string ArticleTitle,
    DateOnly ArticlePublished,
    IReadOnlyList<EventPersonRow> Persons)
{
    public string DateIso => new PartialDate(Date, Precision).ToIso();
}

public sealed record EventPersonRow(int Id, string Name);

/// <summary>Events by date, shared by <c>/events</c>, <c>/archive/on-this-day</c>, person timelines and the API.</summary>
public static class EventQuery
{
    public const int MaxEvents = 500;

    /// <summary>
    /// Events whose span [Date, DateEnd] overlaps <paramref name="range"/>: an event dated 2014 is
    /// found by a 2014 range whatever year its article is from. Ordered by date.
    /// </summary>
    public static IQueryable<ArticleEvent> Overlapping(ArchiveDbContext db, DateRange range, IReadOnlyList<int>? personIds)
    {
        var events = db.Events.AsNoTracking().Where(e => e.Date <= range.To && e.DateEnd >= range.From);
        if (personIds is not null)
        {
            events = events.Where(e => e.Persons.Any(p => personIds.Contains(p.PersonId)));
        }

        return events;
    }

    public static Task<List<EventRow>> ToRowsAsync(IQueryable<ArticleEvent> events, CancellationToken ct) =>
        events
            .OrderBy(e => e.Date).ThenBy(e => e.Precision).ThenBy(e => e.Id)
            .Take(MaxEvents)
            .Select(e => new EventRow(
                e.Id, e.Date, e.Precision, e.Text, e.ArticleId, e.Article!.Title, e.Article.Published,
                e.Persons.Select(p => new EventPersonRow(p.PersonId, p.Person!.Name)).ToList()))
            .ToListAsync(ct);
}
