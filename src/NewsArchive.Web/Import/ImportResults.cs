using NewsArchive.Text.Events;
using NewsArchive.Text.Persons;
using NewsArchive.Web.Data;

namespace NewsArchive.Web.Import;

/// <summary>What an import did with one file.</summary>
/// <param name="File">The file's key: its path relative to the seeds folder ('/' separators), or its full path when outside it.</param>
/// <param name="Outcome">Imported, Updated, Unchanged, Duplicate (of <see cref="ArticleId"/>) or Failed.</param>
public sealed record ImportFileResult(string File, ImportOutcome Outcome)
{
    /// <summary>For failures: the 1-based line the reason refers to, 0 for the whole file.</summary>
    public int Line { get; init; }

    /// <summary>For failures: why, in words an admin can act on.</summary>
    public string? Reason { get; init; }

    /// <summary>The article the file now stands for (for a failure: the one it still stands for, if any).</summary>
    public int? ArticleId { get; init; }

    /// <summary>Persons found in the file; empty when it was not parsed in this run (unchanged, duplicate, failed).</summary>
    public IReadOnlyList<ExtractedPerson> Persons { get; init; } = [];

    /// <summary>Events found in the file; empty when it was not parsed in this run.</summary>
    public IReadOnlyList<ExtractedEvent> Events { get; init; } = [];
}

/// <summary>How far a run has come: files done of the total.</summary>
public readonly record struct ImportProgress(int Done, int Total);

/// <summary>Who starts a run and how.</summary>
/// <param name="StartedBy">"startup", "cli", "watcher" or an admin's user name; recorded in the history.</param>
public sealed record ImportRequest(string StartedBy)
{
    /// <summary>Parse and persist files even when their size, time and hash are unchanged (re-import, rebuild).</summary>
    public bool Force { get; init; }

    /// <summary>The run's id in the history; set it to follow a run that another component started (admin uploads).</summary>
    public Guid RunId { get; init; } = Guid.NewGuid();

    /// <summary>Called after each file, in order, from the importing thread; keep it quick.</summary>
    public Action<ImportFileResult, ImportProgress>? OnFile { get; init; }
}

/// <summary>The totals of one run; <see cref="Failures"/> lists every failed file.</summary>
public sealed record ImportSummary(
    Guid RunId,
    int Total,
    int Imported,
    int Updated,
    int Unchanged,
    int Duplicate,
    int Failed,
    TimeSpan Elapsed,
    IReadOnlyList<ImportFileResult> Failures);

/// <summary>A folder being listed for an import (<see cref="ArchiveImporter.BeginListing"/>).</summary>
public sealed class FolderListing
{
    internal FolderListing(Task<IReadOnlyList<SeedFileInfo>> files) => Files = files;

    internal Task<IReadOnlyList<SeedFileInfo>> Files { get; }
}
