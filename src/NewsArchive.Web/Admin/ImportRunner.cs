using Microsoft.EntityFrameworkCore;
using NewsArchive.Web.Data;
using NewsArchive.Web.Import;

namespace NewsArchive.Web.Admin;

/// <summary>
/// Runs an admin import: files refused at intake go into the history as failures, the stored
/// files go through the archive's one import pipeline, and each file's report is added to the job
/// as it is done.
/// </summary>
public sealed class ImportRunner(ArchiveImporter importer, IDbContextFactory<ArchiveDbContext> dbFactory, SeedsFolder seeds, TimeProvider time)
{
    public const string WatcherUser = "watcher";
    public const string CommandLineUser = "cli";

    /// <param name="onFile">Called after each file (refused ones first), for a progress display.</param>
    public async Task<ImportSummary> RunAsync(ImportJob job, Action<FileReport>? onFile = null, CancellationToken ct = default)
    {
        await RecordRefusedAsync(job, ct);
        foreach (var refused in job.Refused)
        {
            onFile?.Invoke(refused);
        }

        var request = new ImportRequest(job.StartedBy)
        {
            RunId = job.Id,
            OnFile = (result, _) =>
            {
                var report = ToReport(result);
                job.Add(report);
                onFile?.Invoke(report);
            },
        };
        var summary = await importer.ImportFilesAsync(job.Paths.Select(seeds.Full), request, ct);
        await RecordUnchangedAsync(job, ct);
        return summary;
    }

    public static FileReport ToReport(ImportFileResult result) =>
        new(result.File, result.Outcome, result.Line, result.Reason, result.ArticleId, result.Persons.Count, result.Events.Count);

    private Task RecordRefusedAsync(ImportJob job, CancellationToken ct) => RecordAsync(job, job.Refused, ct);

    /// <summary>
    /// The pipeline records only what changed something; an admin who sent a file must still find
    /// it in the history. The watcher's unchanged files are not news to anyone.
    /// </summary>
    private Task RecordUnchangedAsync(ImportJob job, CancellationToken ct) =>
        job.StartedBy == WatcherUser
            ? Task.CompletedTask
            : RecordAsync(job, [.. job.Reports.Where(r => r.Outcome == ImportOutcome.Unchanged)], ct);

    private async Task RecordAsync(ImportJob job, IReadOnlyList<FileReport> reports, CancellationToken ct)
    {
        if (reports.Count == 0)
        {
            return;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.ImportRecords.AddRange(reports.Select(r => new ImportRecord
        {
            RunId = job.Id,
            StartedBy = job.StartedBy,
            File = r.File,
            Outcome = r.Outcome,
            Line = r.Line,
            Reason = r.Reason,
            ArticleId = r.ArticleId,
            At = time.GetUtcNow(),
        }));
        await db.SaveChangesAsync(ct);
    }
}
