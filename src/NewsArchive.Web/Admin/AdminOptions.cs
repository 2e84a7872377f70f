namespace NewsArchive.Web.Admin;

/// <summary>The <c>Admin</c> configuration section.</summary>
public sealed class AdminOptions
{
    public const string Section = "Admin";
    public const string Role = "Admin";
    public const string Policy = "Admin";

    /// <summary>The first admin, created at startup when no admin exists.</summary>
    public string Email { get; set; } = "admin@newsarchive.local";

    /// <summary>The first admin's password; when empty a password is generated and logged once.</summary>
    public string? Password { get; set; }

    /// <summary>Largest seed file accepted (the corpus's biggest article is far below this).</summary>
    public long MaxFileBytes { get; set; } = 2 * 1024 * 1024;

    /// <summary>Most files taken from one zip.</summary>
    public int MaxZipEntries { get; set; } = 50_000;

    /// <summary>Import files copied into the seeds folder while the app runs.</summary>
    public bool WatchSeeds { get; set; } = true;

    /// <summary>How long a dropped file's size and time must stay unchanged before it is imported.</summary>
    public TimeSpan DropSettleTime { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How often the seeds folder is rescanned in case the file watcher missed an event.</summary>
    public TimeSpan RescanInterval { get; set; } = TimeSpan.FromMinutes(1);
}
