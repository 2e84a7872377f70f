namespace NewsArchive.Web.Import;

/// <summary>The <c>Archive</c> configuration section.</summary>
public sealed class ArchiveOptions
{
    /// <summary>Full path of the seeds folder (<c>Archive:SeedsPath</c>, resolved; default: the repository's <c>seeds/</c>).</summary>
    public string SeedsPath { get; set; } = "";

    /// <summary>Import the seeds folder before serving (<c>Archive:ImportOnStartup</c>, default true).</summary>
    public bool ImportOnStartup { get; set; } = true;

    /// <summary>
    /// When the archive already holds articles, serve it while the startup import checks the seeds
    /// folder (<c>Archive:ServeDuringStartupImport</c>, default true). A million unchanged files
    /// take seconds to check, and every commit leaves a consistent archive, so readers get the
    /// archive as it was at the last stop while new or changed files come in. An empty archive
    /// (the first start) is always imported before serving.
    /// </summary>
    public bool ServeDuringStartupImport { get; set; } = true;
}
