using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using NewsArchive.Web.Admin;

namespace NewsArchive.Web.Pages.Admin;

/// <summary>Upload of seed files (or zips of them): stored at once, imported in the background.</summary>
[RequestSizeLimit(MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxRequestBytes)]
public class ImportModel(SeedsFolder seeds, ImportJobs jobs, IOptions<AdminOptions> options, ILogger<ImportModel> logger) : PageModel
{
    public const long MaxRequestBytes = 200L * 1024 * 1024;

    public string? Error { get; private set; }
    public long MaxFileKb => options.Value.MaxFileBytes / 1024;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(List<IFormFile> files, CancellationToken ct)
    {
        if (files.Count == 0)
        {
            Error = "اختر ملفاً واحداً على الأقل.";
            return Page();
        }

        var incoming = new List<IncomingFile>();
        var tooLarge = new List<FileReport>();
        foreach (var file in files)
        {
            // A zip may hold many files; a single text file may not exceed the per-file limit.
            var limit = file.FileName.EndsWith(".zip", StringComparison.OrdinalIgnoreCase) ? MaxRequestBytes : options.Value.MaxFileBytes;
            if (file.Length > limit)
            {
                tooLarge.Add(new FileReport(file.FileName, Data.ImportOutcome.Failed, 0, $"الملف أكبر من الحد المسموح ({limit / 1024} ك.ب)"));
                continue;
            }

            using var buffer = new MemoryStream((int)file.Length);
            await file.CopyToAsync(buffer, ct);
            incoming.Add(new IncomingFile(file.FileName, buffer.ToArray()));
        }

        var intake = new SeedIntake(seeds.Path, options.Value, path => jobs.Claim(path));
        var (stored, refused) = intake.TakeIn(incoming);
        var user = User.Identity?.Name ?? "admin";
        var job = jobs.Enqueue(user, stored, [.. tooLarge, .. refused], claimed: true);
        logger.LogInformation("{User} uploaded {Stored} file(s) ({Refused} refused); import run {RunId}", user, stored.Count, job.Refused.Count, job.Id);
        return Redirect($"/admin/imports/{job.Id}");
    }
}
