using System.IO.Enumeration;

namespace NewsArchive.Web.Import;

/// <summary>A seed file on disk with what the incremental check compares: size and modification time.</summary>
public readonly record struct SeedFileInfo(string FullPath, long Size, DateTimeOffset ModifiedUtc)
{
    /// <summary>Reads size and time of one file; null when it does not exist.</summary>
    public static SeedFileInfo? Of(string path)
    {
        var info = new FileInfo(path);
        return info.Exists ? new SeedFileInfo(info.FullName, info.Length, info.LastWriteTimeUtc) : null;
    }
}

/// <summary>Lists the seed files of a folder.</summary>
public static class SeedFolder
{
    /// <summary>
    /// Every <c>*.txt</c> under <paramref name="folder"/>, recursively, in ordinal path order.
    /// Hidden folders (<c>.deleted/</c>, upload temp folders) are skipped. Size and time come from
    /// the directory listing, so no file is opened.
    /// </summary>
    public static List<SeedFileInfo> List(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return [];
        }

        var files = new FileSystemEnumerable<SeedFileInfo>(
            folder,
            (ref FileSystemEntry e) => new SeedFileInfo(e.ToFullPath(), e.Length, e.LastWriteTimeUtc),
            new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = 0 })
        {
            ShouldIncludePredicate = (ref FileSystemEntry e) =>
                !e.IsDirectory && e.FileName.EndsWith(".txt", StringComparison.OrdinalIgnoreCase) && !e.FileName.StartsWith('.'),
            ShouldRecursePredicate = (ref FileSystemEntry e) => !e.FileName.StartsWith('.'),
        };

        var list = files.ToList();
        list.Sort((a, b) => string.CompareOrdinal(a.FullPath, b.FullPath));
        return list;
    }
}
