using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NewsArchive.Text.Dates;
using NewsArchive.Web.Admin;
using NewsArchive.Web.Data;

namespace NewsArchive.Web.Pages.Admin;

/// <summary>
/// One import run: its progress while it runs (from memory), then its report per file (from the
/// history), with each article's link and the persons and events found in it.
/// </summary>
public class ImportRunModel(ArchiveDbContext db, ImportJobs jobs) : PageModel
{
    private const int DetailedRows = 300;
    private const int ShownRows = 1000;

    public record PersonLink(int Id, string Name);
    public record EventLine(DateOnly Date, DatePrecision Precision, string Text);
    public record FileRow(
        string File, ImportOutcome Outcome, int Line, string? Reason, int? ArticleId, string? Title, string? DuplicateOf,
        IReadOnlyList<PersonLink> Persons, IReadOnlyList<EventLine> Events);

    public Guid RunId { get; private set; }
    public string? StartedBy { get; private set; }
    public DateTimeOffset? StartedAt { get; private set; }
    public bool Running { get; private set; }
    public int Done { get; private set; }
    public int Total { get; private set; }
    public string? Error { get; private set; }
    public IReadOnlyList<FileRow> Files { get; private set; } = [];
    public Dictionary<ImportOutcome, int> Counts { get; private set; } = [];
    /// <summary>Rows not shown: a rebuild's report has every file of the archive; its failures are always shown.</summary>
    public int NotShown { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        RunId = id;
        var job = jobs.Find(id);
        List<FileReport> reports;
        if (job is { Finished: false })
        {
            (Running, StartedBy, StartedAt) = (true, job.StartedBy, job.StartedAt);
            reports = [.. job.Reports];
        }
        else
        {
            var records = await db.ImportRecords.AsNoTracking().Where(r => r.RunId == id).OrderBy(r => r.Id).ToListAsync();
            if (records.Count == 0 && job is null)
            {
                return NotFound();
            }

            StartedBy = job?.StartedBy ?? records[0].StartedBy;
            StartedAt = job?.StartedAt ?? records[0].At;
            Error = job?.Error;
            reports = [.. records.Select(r => new FileReport(r.File, r.Outcome, r.Line, r.Reason, r.ArticleId))];
            // A watcher run that found nothing new records nothing; the job still knows what it saw.
            if (records.Count == 0 && job is not null)
            {
                reports = [.. job.Reports];
            }
        }

        (Done, Total) = job is null ? (reports.Count, reports.Count) : (job.Done, job.Total);
        Counts = reports.GroupBy(r => r.Outcome).ToDictionary(g => g.Key, g => g.Count());
        // Failures first: they are what an admin has to act on.
        var failures = reports.Where(r => r.Outcome == ImportOutcome.Failed).ToList();
        var shown = failures.Concat(reports.Where(r => r.Outcome != ImportOutcome.Failed).Take(Math.Max(0, ShownRows - failures.Count))).ToList();
        NotShown = reports.Count - shown.Count;
        Files = await DescribeAsync(shown);
        return Page();
    }

    private async Task<List<FileRow>> DescribeAsync(List<FileReport> reports)
    {
        var ids = reports.Take(DetailedRows).Select(r => r.ArticleId).OfType<int>().Distinct().ToList();
        var articles = await db.Articles.AsNoTracking().Where(a => ids.Contains(a.Id))
            .ToDictionaryAsync(a => a.Id, a => new { a.Title, a.SourceFile });
        var persons = (await db.ArticlePersons.AsNoTracking().Where(ap => ids.Contains(ap.ArticleId))
                .OrderByDescending(ap => ap.Mentions)
                .Select(ap => new { ap.ArticleId, ap.PersonId, ap.Person!.Name })
                .ToListAsync())
            .ToLookup(p => p.ArticleId, p => new PersonLink(p.PersonId, p.Name));
        var events = (await db.Events.AsNoTracking().Where(e => ids.Contains(e.ArticleId))
                .OrderBy(e => e.Date)
                .Select(e => new { e.ArticleId, e.Date, e.Precision, e.Text })
                .ToListAsync())
            .ToLookup(e => e.ArticleId, e => new EventLine(e.Date, e.Precision, e.Text));

        return [.. reports.Select((r, i) =>
        {
            var article = r.ArticleId is int id && i < DetailedRows ? articles.GetValueOrDefault(id) : null;
            var detailed = article is not null && r.Outcome is ImportOutcome.Imported or ImportOutcome.Updated or ImportOutcome.Unchanged;
            return new FileRow(
                r.File, r.Outcome, r.Line, r.Reason, article is null ? null : r.ArticleId, article?.Title,
                r.Outcome == ImportOutcome.Duplicate && article?.SourceFile != r.File ? article?.SourceFile : null,
                detailed ? [.. persons[r.ArticleId!.Value]] : [],
                detailed ? [.. events[r.ArticleId!.Value]] : []);
        })];
    }
}
