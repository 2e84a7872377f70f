namespace NewsArchive.Text.Tests.Seeds;

/// <summary>Finds files of the repository (the seed example, the gold set) from the test's output folder.</summary>
internal static class RepoFiles
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(string relative) => Path.Combine(Root, relative);

    public static byte[] SeedExample() => File.ReadAllBytes(PathOf("seeds/000_2ef5bfdfb831a724.txt"));

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "NewsArchive.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("NewsArchive.sln not found above " + AppContext.BaseDirectory);
    }
}
