using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NewsArchive.Web.Admin;
using NewsArchive.Web.Data;

namespace NewsArchive.Web.Pages.Admin;

public class IndexModel(ArchiveDbContext db, ImportJobs jobs, SeedsFolder seeds) : PageModel
{
    public record Totals(int Articles, int Persons, int Events, int SeedFiles, int FailedFiles);

    public Totals Counts { get; private set; } = new(0, 0, 0, 0, 0);
    public IReadOnlyList<ImportJob> Running { get; private set; } = [];
    public string SeedsPath => seeds.Path;

    public async Task OnGetAsync()
    {
        // A file is failing when its latest record is a failure and it has produced no article since.
        var latest = db.ImportRecords.GroupBy(r => r.File).Select(g => g.Max(r => r.Id));
        var failing = await db.ImportRecords.CountAsync(r => latest.Contains(r.Id) && r.Outcome == ImportOutcome.Failed);
        Counts = new Totals(
            await db.Articles.CountAsync(),
            await db.Persons.CountAsync(),
            await db.Events.CountAsync(),
            await db.SeedFiles.CountAsync(),
            failing);
        Running = jobs.Running;
    }
}
