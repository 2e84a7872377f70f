using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NewsArchive.Web.Data;

namespace NewsArchive.Web.Pages.Admin;

/// <summary>The import history: one row per run (who, when, which files, outcome), newest first; or the files now failing.</summary>
public class ImportsModel(ArchiveDbContext db) : PageModel
{
    private const int PageSize = 50;

    public record RunRow(Guid RunId, string StartedBy, DateTimeOffset At, int Files, string FirstFile, int Imported, int Updated, int Duplicate, int Failed, int Deleted);

    public record FailingFile(string File, int Line, string? Reason, string StartedBy, DateTimeOffset At, Guid RunId);

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    [BindProperty(SupportsGet = true)]
    public bool Failed { get; set; }

    public IReadOnlyList<RunRow> Runs { get; private set; } = [];
    public IReadOnlyList<FailingFile> Failing { get; private set; } = [];
    public bool HasMore { get; private set; }

    public async Task OnGetAsync()
    {
        PageNumber = Math.Max(1, PageNumber);
        if (Failed)
        {
            var latest = db.ImportRecords.GroupBy(r => r.File).Select(g => g.Max(r => r.Id));
            Failing = await db.ImportRecords.AsNoTracking()
                .Where(r => latest.Contains(r.Id) && r.Outcome == ImportOutcome.Failed)
                .OrderBy(r => r.File)
                .Select(r => new FailingFile(r.File, r.Line, r.Reason, r.StartedBy, r.At, r.RunId))
                .ToListAsync();
            return;
        }

        // Record ids grow with time, so the run's first id orders runs (SQLite cannot order by DateTimeOffset).
        var runs = await db.ImportRecords.AsNoTracking()
            .GroupBy(r => r.RunId)
            .Select(g => new
            {
                RunId = g.Key,
                FirstId = g.Min(r => r.Id),
                Files = g.Count(),
                FirstFile = g.Min(r => r.File)!,
                Imported = g.Count(r => r.Outcome == ImportOutcome.Imported),
                Updated = g.Count(r => r.Outcome == ImportOutcome.Updated),
                Duplicate = g.Count(r => r.Outcome == ImportOutcome.Duplicate),
                Failed = g.Count(r => r.Outcome == ImportOutcome.Failed),
                Deleted = g.Count(r => r.Outcome == ImportOutcome.Deleted),
            })
            .OrderByDescending(r => r.FirstId)
            .Skip((PageNumber - 1) * PageSize)
            .Take(PageSize + 1)
            .ToListAsync();
        HasMore = runs.Count > PageSize;
        var firstIds = runs.Take(PageSize).Select(r => r.FirstId).ToList();
        var firsts = await db.ImportRecords.AsNoTracking()
            .Where(r => firstIds.Contains(r.Id))
            .ToDictionaryAsync(r => r.Id, r => (r.StartedBy, r.At));
        Runs = [.. runs.Take(PageSize).Select(r => new RunRow(
            r.RunId, firsts[r.FirstId].StartedBy, firsts[r.FirstId].At, r.Files, r.FirstFile,
            r.Imported, r.Updated, r.Duplicate, r.Failed, r.Deleted))];
    }
}
