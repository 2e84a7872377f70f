using NewsArchive.Web.Import;

namespace NewsArchive.Web.Tests;

/// <summary>The seeds folder listing: which files, in which order, with the size and time the incremental check compares.</summary>
public sealed class SeedFolderTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("na-list-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Files_come_in_ordinal_order_of_their_full_paths_across_subfolders()
    {
        // '-' (0x2D) and '.' (0x2E) sort before '/' (0x2F), so "a-b.txt" and "a.txt" come before the folder "a/".
        string[] files = ["b.txt", "a.txt", "a-b.txt", "a/x.txt", "a/b/c.txt", "a/a.txt", "a0.txt", "A.txt", "ب/ملف.txt", "2024/06/26.txt", "2024/06.txt"];
        foreach (var file in files)
        {
            Write(file, file);
        }

        var listing = SeedFolder.List(_root);

        var expected = files.Select(f => Path.Join(_root, f)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, listing.Select(f => f.FullPath).ToList());
        Assert.Equal(files.Order(StringComparer.Ordinal), Enumerable.Range(0, listing.Count).Select(listing.RelativePath));
    }

    [Fact]
    public void A_listing_out_of_path_order_holds_the_same_files_and_orders_any_of_them_by_path()
    {
        string[] files = ["b.txt", "a.txt", "a-b.txt", "a/x.txt", "a/b/c.txt", "a/a.txt", "a0.txt", "A.txt", "ب/ملف.txt", "2024/06/26.txt", "2024/06.txt"];
        foreach (var file in files)
        {
            Write(file, file);
        }

        var listing = SeedFolder.List(_root, inPathOrder: false);

        Assert.False(listing.InPathOrder);
        var indices = Enumerable.Range(0, listing.Count).ToList();
        Assert.Equal(files.Order(StringComparer.Ordinal), indices.Select(listing.RelativePath).Order(StringComparer.Ordinal));
        indices.Sort(listing.ComparePaths);
        Assert.Equal(files.Order(StringComparer.Ordinal), indices.Select(listing.RelativePath));
        Assert.Equal(SeedFolder.List(_root).ToList(), indices.Select(i => listing[i]).ToList());
    }

    [Fact]
    public void Hidden_entries_other_extensions_and_linked_folders_are_left_out()
    {
        Write("keep.txt", "x");
        Write("KEEP2.TXT", "x");
        Write(".hidden.txt", "x");
        Write(".deleted/old.txt", "x");
        Write("notes.md", "x");
        Write("sub/inner.txt", "x");
        Directory.CreateDirectory(Path.Join(_root, "folder.txt"));
        Directory.CreateSymbolicLink(Path.Join(_root, "linked"), Path.Join(_root, "sub"));
        File.CreateSymbolicLink(Path.Join(_root, "broken.txt"), Path.Join(_root, "nowhere.txt"));
        File.CreateSymbolicLink(Path.Join(_root, "alias.txt"), Path.Join(_root, "sub", "inner.txt"));

        var listing = SeedFolder.List(_root);

        Assert.Equal(["KEEP2.TXT", "alias.txt", "keep.txt", "sub/inner.txt"], Enumerable.Range(0, listing.Count).Select(listing.RelativePath));
    }

    [Fact]
    public void Size_and_time_are_what_the_file_system_reports_to_the_tick()
    {
        Write("dated.txt", "نص عربي");
        var path = Path.Join(_root, "dated.txt");
        var time = new DateTime(2021, 3, 4, 5, 6, 7, DateTimeKind.Utc).AddTicks(1_234_567);
        File.SetLastWriteTimeUtc(path, time);

        var listed = Assert.Single(SeedFolder.List(_root));

        // The incremental check compares these with what SeedFileInfo.Of stored: they must agree exactly.
        Assert.Equal(SeedFileInfo.Of(path), listed);
        Assert.Equal(new FileInfo(path).Length, listed.Size);
        Assert.Equal(File.GetLastWriteTimeUtc(path), listed.ModifiedUtc.UtcDateTime);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_folder_of_many_files_is_complete_and_in_order(bool inBackground)
    {
        // More files than a start's listing stats on one thread; a background listing takes them on one.
        const int count = 9_000;
        var expected = new List<(string Name, long Size)>();
        for (var i = count - 1; i >= 0; i--)
        {
            var name = $"f{i * 7919 % count:x5}.txt";
            Write(name, new string('ن', i % 50));
            expected.Add((name, new FileInfo(Path.Join(_root, name)).Length));
        }

        var listing = SeedFolder.List(_root, inBackground: inBackground);

        Assert.Equal(
            expected.OrderBy(e => e.Name, StringComparer.Ordinal).ToList(),
            Enumerable.Range(0, listing.Count).Select(i => (listing.RelativePath(i), listing.Size(i))).ToList());
    }

    [Fact]
    public void A_missing_folder_lists_nothing() =>
        Assert.Empty(SeedFolder.List(Path.Join(_root, "absent")));

    private void Write(string relative, string text)
    {
        var path = Path.Join(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
