using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NewsArchive.Web.Admin;
using NewsArchive.Web.Data;

namespace NewsArchive.Web.Pages.Admin;

/// <summary>An article's seed files and history, with the two admin actions: re-import and delete.</summary>
public class ArticleModel(ArchiveDbContext db, ArticleAdmin admin) : PageModel
{
    public record Summary(int Id, string Title, DateOnly Published, string SourceFile, int Persons, int Events);
    public record FileLine(string Path, long Size, DateTimeOffset LastImportedAt);
    public record HistoryLine(Guid RunId, string File, ImportOutcome Outcome, string StartedBy, DateTimeOffset At, string? Reason);

    public Summary? Article { get; private set; }
    public IReadOnlyList<FileLine> Files { get; private set; } = [];
    public IReadOnlyList<HistoryLine> History { get; private set; } = [];
    public string? Message { get; private set; }
    public FileReport? Reimported { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostReimportAsync(int id, CancellationToken ct)
    {
        Reimported = await admin.ReimportAsync(id, UserName, ct);
        if (Reimported is null)
        {
            return NotFound();
        }

        Message = Reimported.Outcome == ImportOutcome.Failed
            ? $"فشل الاستيراد: {(Reimported.Line > 0 ? $"السطر {Reimported.Line}: " : "")}{Reimported.Reason}"
            : $"أعيد الاستيراد من ملف المصدر ({ImportOutcomeNames.Arabic(Reimported.Outcome)}): {Reimported.Persons} شخص، {Reimported.Events} حدث.";
        await LoadAsync(Reimported.ArticleId ?? id);
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken ct)
    {
        var moved = await admin.DeleteAsync(id, UserName, ct);
        if (moved is null)
        {
            return NotFound();
        }

        Message = moved.Count == 0
            ? "حُذف المقال. لم يكن له ملف مصدر في المجلد."
            : $"حُذف المقال، ونُقل ملف المصدر إلى: {string.Join("، ", moved)}. يُستعاد بإعادته إلى مجلد الملفات.";
        return Page();
    }

    private string UserName => User.Identity?.Name ?? "admin";

    private async Task<bool> LoadAsync(int id)
    {
        Article = await db.Articles.AsNoTracking().Where(a => a.Id == id)
            .Select(a => new Summary(a.Id, a.Title, a.Published, a.SourceFile, a.Persons.Count, a.Events.Count))
            .SingleOrDefaultAsync();
        if (Article is null)
        {
            return false;
        }

        Files = await db.SeedFiles.AsNoTracking().Where(s => s.ArticleId == id).OrderBy(s => s.Path)
            .Select(s => new FileLine(s.Path, s.Size, s.LastImportedAt)).ToListAsync();
        History = await db.ImportRecords.AsNoTracking().Where(r => r.ArticleId == id).OrderByDescending(r => r.Id).Take(20)
            .Select(r => new HistoryLine(r.RunId, r.File, r.Outcome, r.StartedBy, r.At, r.Reason)).ToListAsync();
        return true;
    }
}
