namespace NewsArchive.Web.Import;

/// <summary>The <c>Archive</c> configuration section.</summary>
public sealed class ArchiveOptions
{
    /// <summary>Full path of the seeds folder (<c>Archive:SeedsPath</c>, resolved; default: the repository's <c>seeds/</c>).</summary>
    public string SeedsPath { get; set; } = "";

    /// <summary>Import the seeds folder before serving (<c>Archive:ImportOnStartup</c>, default true).</summary>
    public bool ImportOnStartup { get; set; } = true;
}
