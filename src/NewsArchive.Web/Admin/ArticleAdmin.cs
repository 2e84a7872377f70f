using Microsoft.EntityFrameworkCore;
using NewsArchive.Web.Data;
using NewsArchive.Web.Import;

namespace NewsArchive.Web.Admin;

/// <summary>What an admin can do to one article: import it again from its seed file, or delete it.</summary>
public sealed class ArticleAdmin(
    ArchiveImporter importer,
    IDbContextFactory<ArchiveDbContext> dbFactory,
    SeedsFolder seeds,
    ImportJobs jobs,
    TimeProvider time,
    ILogger<ArticleAdmin> logger)
{
    /// <summary>Parses the article's seed file again and replaces its records (after an engine upgrade, say).</summary>
    public async Task<FileReport?> ReimportAsync(int articleId, string user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var source = await db.Articles.Where(a => a.Id == articleId).Select(a => a.SourceFile).SingleOrDefaultAsync(ct);
        if (source is null)
        {
            return null;
        }

        var result = await importer.ImportFileAsync(seeds.Full(source), new ImportRequest(user) { Force = true }, ct);
        return ImportRunner.ToReport(result);
    }

    /// <summary>
    /// Deletes the article's records and moves its seed files into <c>.deleted/</c>, so nothing is
    /// lost: moving a file back into the seeds folder imports it again. Returns the moved files.
    /// </summary>
    public async Task<IReadOnlyList<string>?> DeleteAsync(int articleId, string user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var source = await db.Articles.Where(a => a.Id == articleId).Select(a => a.SourceFile).SingleOrDefaultAsync(ct);
        if (source is null)
        {
            return null;
        }

        // Keeps the drop-folder watcher from importing a file between the delete and the move.
        var claimed = await db.SeedFiles.Where(s => s.ArticleId == articleId).Select(s => s.Path).ToListAsync(ct);
        jobs.Claim(claimed);
        try
        {
            var files = await importer.DeleteArticleAsync(articleId, ct);
            var moved = new List<string>();
            foreach (var file in files.Append(source).Distinct(StringComparer.Ordinal))
            {
                if (MoveToDeleted(file) is { } target)
                {
                    moved.Add(target);
                }
            }

            var runId = Guid.NewGuid();
            db.ImportRecords.AddRange(files.Select(f => new ImportRecord
            {
                RunId = runId,
                StartedBy = user,
                File = f,
                Outcome = ImportOutcome.Deleted,
                ArticleId = articleId,
                Reason = $"moved to {SeedsFolder.DeletedFolder}/",
                At = time.GetUtcNow(),
            }));
            await db.SaveChangesAsync(ct);
            logger.LogInformation("{User} deleted article {ArticleId}; seed files moved: {Files}", user, articleId, moved);
            return moved;
        }
        finally
        {
            jobs.Release(claimed);
        }
    }

    /// <summary>Moves a seed file to the same relative path under <c>.deleted/</c>, never overwriting an earlier one.</summary>
    private string? MoveToDeleted(string file)
    {
        if (!SeedsFolder.IsSeedFile(file) || !File.Exists(seeds.Full(file)))
        {
            return null;
        }

        var target = $"{SeedsFolder.DeletedFolder}/{file}";
        if (File.Exists(seeds.Full(target)))
        {
            target = $"{SeedsFolder.DeletedFolder}/{file[..^4]}.{time.GetUtcNow():yyyyMMddHHmmss}.txt";
        }

        Directory.CreateDirectory(Path.GetDirectoryName(seeds.Full(target))!);
        File.Move(seeds.Full(file), seeds.Full(target));
        return target;
    }
}
