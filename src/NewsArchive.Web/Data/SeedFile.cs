namespace NewsArchive.Web.Data;

/// <summary>
/// What the archive knows of one file in the seeds folder: its size and modification time (so an
/// unchanged file is skipped without reading it), its hash, and the article it produced.
/// </summary>
public class SeedFile
{
    public int Id { get; set; }
    /// <summary>Path relative to the seeds folder, with '/' separators.</summary>
    public required string Path { get; set; }
    public long Size { get; set; }
    public DateTimeOffset ModifiedUtc { get; set; }
    public required string ContentHash { get; set; }
    public int? ArticleId { get; set; }
    public Article? Article { get; set; }
    public DateTimeOffset LastImportedAt { get; set; }
}

/// <summary>What happened to a file in an import.</summary>
public enum ImportOutcome
{
    Imported = 0,
    Updated = 1,
    Unchanged = 2,
    Duplicate = 3,
    Failed = 4,
    Deleted = 5,
}

/// <summary>One line of the import history: a file, what happened to it, and why.</summary>
public class ImportRecord
{
    public int Id { get; set; }
    /// <summary>Groups the records of one import run (startup, upload, command line).</summary>
    public Guid RunId { get; set; }
    /// <summary>Who started the run: "startup", "cli", "watcher" or an admin's user name.</summary>
    public required string StartedBy { get; set; }
    public required string File { get; set; }
    public ImportOutcome Outcome { get; set; }
    /// <summary>For failures: the 1-based line the reason refers to (0 for the whole file).</summary>
    public int Line { get; set; }
    public string? Reason { get; set; }
    public int? ArticleId { get; set; }
    public DateTimeOffset At { get; set; }
}
