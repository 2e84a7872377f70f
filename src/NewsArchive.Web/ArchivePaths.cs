using Microsoft.Data.Sqlite;

namespace NewsArchive.Web;

/// <summary>
/// Where the archive keeps its files. Defaults are anchored at the repository (the folder holding
/// NewsArchive.sln), so `dotnet run` from any directory reads the same seeds and database.
/// </summary>
public static class ArchivePaths
{
    private const string SolutionFile = "NewsArchive.sln";

    /// <summary>The repository root, found by walking up from the content root or the app's folder; null when neither is inside the repo.</summary>
    public static string? FindRepoRoot(string? contentRoot)
    {
        foreach (var start in new[] { contentRoot, AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = string.IsNullOrEmpty(start) ? null : new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, SolutionFile)))
                {
                    return dir.FullName;
                }
            }
        }

        return null;
    }

    /// <summary><c>Archive:SeedsPath</c>, or the repository's <c>seeds/</c>, or <c>./seeds</c>.</summary>
    public static string SeedsFolder(IConfiguration configuration, string? contentRoot)
    {
        var configured = configuration["Archive:SeedsPath"];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured);
        }

        var root = FindRepoRoot(contentRoot);
        return Path.GetFullPath(root is null ? "seeds" : Path.Combine(root, "seeds"));
    }

    /// <summary>
    /// <c>ConnectionStrings:Archive</c>, or <c>data/newsarchive.db</c> in the repository; the
    /// database's folder is created, and foreign keys are always on.
    /// </summary>
    public static string ConnectionString(IConfiguration configuration, string? contentRoot)
    {
        var configured = configuration.GetConnectionString("Archive");
        var builder = new SqliteConnectionStringBuilder(configured);
        if (string.IsNullOrWhiteSpace(configured))
        {
            var root = FindRepoRoot(contentRoot) ?? Directory.GetCurrentDirectory();
            builder.DataSource = Path.Combine(root, "data", "newsarchive.db");
        }

        builder.ForeignKeys = true;
        if (builder.DataSource is { Length: > 0 } file && file != ":memory:" && builder.Mode != SqliteOpenMode.Memory)
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(file));
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }
        }

        return builder.ToString();
    }
}
