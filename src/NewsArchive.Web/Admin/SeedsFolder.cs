using NewsArchive.Web.Import;

namespace NewsArchive.Web.Admin;

/// <summary>
/// The seeds folder as the admin side sees it: seed files are the <c>*.txt</c> files in it and its
/// subfolders, except hidden folders (<c>.deleted/</c> keeps deleted articles' files,
/// <c>.incoming/</c> holds uploads being written).
/// </summary>
public sealed class SeedsFolder(string path)
{
    public const string DeletedFolder = ".deleted";

    public string Path { get; } = System.IO.Path.GetFullPath(path);

    /// <summary>The path relative to the seeds folder with '/' separators, or null when it is not a seed file.</summary>
    public string? Relative(string fullPath)
    {
        var relative = System.IO.Path.GetRelativePath(Path, System.IO.Path.GetFullPath(fullPath)).Replace('\\', '/');
        return IsSeedFile(relative) ? relative : null;
    }

    public string Full(string relative) => System.IO.Path.Combine(Path, relative);

    public static bool IsSeedFile(string relative) =>
        relative.EndsWith(".txt", StringComparison.OrdinalIgnoreCase)
        && !relative.StartsWith("../", StringComparison.Ordinal)
        && !System.IO.Path.IsPathRooted(relative)
        && relative.Split('/').All(segment => !segment.StartsWith('.'));

    /// <summary>Every seed file, as the importer lists them, by relative path.</summary>
    public IEnumerable<string> EnumerateSeedFiles() =>
        SeedFolder.List(Path).Select(f => Relative(f.FullPath)).OfType<string>();
}
