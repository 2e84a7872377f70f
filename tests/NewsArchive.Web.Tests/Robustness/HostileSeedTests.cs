using System.Text;
using Microsoft.EntityFrameworkCore;
using NewsArchive.Web.Data;

namespace NewsArchive.Web.Tests.Robustness;

/// <summary>
/// Hostile seed files imported alongside good ones: each bad file is a failed import naming the
/// file, the line and the reason; every good file is imported; a file that turns bad keeps the
/// article it had.
/// </summary>
public sealed class HostileSeedTests(HostileSeedTests.Archive archive) : IClassFixture<HostileSeedTests.Archive>
{
    private const string Good = "2024-03-10\nعنوان الخبر\n\nقال وزير الخارجية الفرنسي ستيفان سيجورنيه إن بلاده تتابع الوضع في غزة.\n";

    private static readonly Encoding Cp1256 = CodePagesEncodingProvider.Instance.GetEncoding(1256)!;

    /// <summary>File name, content, the line the failure must name, a word its reason must contain.</summary>
    public static readonly TheoryData<string, int, string> BadFiles = new()
    {
        { "hostile-empty.txt", 0, "empty" },
        { "hostile-only-bom.txt", 0, "empty" },
        // A PNG header: its NUL bytes come after two line breaks.
        { "hostile-binary.txt", 3, "NUL" },
        { "hostile-invalid-utf8.txt", 3, "UTF-8" },
        { "hostile-cp1256.txt", 1, "UTF-8" },
        { "hostile-no-date.txt", 1, "date" },
        { "hostile-bad-date.txt", 1, "date" },
        { "hostile-date-only.txt", 2, "line 2" },
        { "hostile-blank-first-line.txt", 1, "date" },
    };

    private static readonly Dictionary<string, byte[]> BadContent = new()
    {
        ["hostile-empty.txt"] = [],
        ["hostile-only-bom.txt"] = [0xEF, 0xBB, 0xBF],
        ["hostile-binary.txt"] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52],
        ["hostile-invalid-utf8.txt"] = [.. Encoding.UTF8.GetBytes("2024-03-10\nعنوان\n"), 0xC3, 0x28, 0xA0, 0xA1, .. "\n"u8],
        ["hostile-cp1256.txt"] = Cp1256.GetBytes("10-مارس-2024\nعنوان الخبر\n\nقال الوزير إن بلاده تتابع الوضع.\n"),
        ["hostile-no-date.txt"] = Encoding.UTF8.GetBytes("عنوان بلا تاريخ\n\nقال الوزير إن بلاده تتابع الوضع.\n"),
        ["hostile-bad-date.txt"] = Encoding.UTF8.GetBytes("31-فبراير-2024\nعنوان الخبر\n\nقال الوزير إن بلاده تتابع الوضع.\n"),
        ["hostile-date-only.txt"] = Encoding.UTF8.GetBytes("26-يونيو-2024\n"),
        ["hostile-blank-first-line.txt"] = Encoding.UTF8.GetBytes("\n26-يونيو-2024\nعنوان الخبر\n\nنص الخبر.\n"),
    };

    /// <summary>Odd but good: each must become an article with this title.</summary>
    private static readonly Dictionary<string, (byte[] Content, string Title)> OddGoodContent = new()
    {
        ["hostile-cr-only.txt"] = (Encoding.UTF8.GetBytes("2024-03-10\rعنوان بنهايات أسطر قديمة\r\rقال الوزير إن بلاده تتابع الوضع.\r"), "عنوان بنهايات أسطر قديمة"),
        ["خبر اليوم مع مسافات.txt"] = (Encoding.UTF8.GetBytes("2024-03-11\nخبر باسم ملف عربي\n\nقال الوزير إن بلاده تتابع الوضع.\n"), "خبر باسم ملف عربي"),
        ["hostile-long-line.txt"] = (Encoding.UTF8.GetBytes("2024-03-12\nسطر طويل جدا\n\n" + string.Concat(Enumerable.Repeat("قال الوزير إن بلاده تتابع الوضع عن كثب ", 20_000)) + "\n"), "سطر طويل جدا"),
        ["hostile-5mb.txt"] = (Encoding.UTF8.GetBytes("2024-03-13\nملف كبير\n\n" + string.Concat(Enumerable.Repeat("قال الوزير إن بلاده تتابع الوضع عن كثب، وأضاف أن المحادثات مستمرة.\n\n", 40_000))), "ملف كبير"),
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task A_hostile_file_fails_with_its_name_line_and_reason(string file, int line, string reasonWord)
    {
        var record = await archive.QueryAsync(db => db.ImportRecords.AsNoTracking().Where(r => r.File == file).OrderBy(r => r.Id).FirstOrDefaultAsync());

        Assert.NotNull(record);
        Assert.Equal(ImportOutcome.Failed, record.Outcome);
        Assert.Equal(line, record.Line);
        Assert.Contains(reasonWord, record.Reason, StringComparison.OrdinalIgnoreCase);
        Assert.False(await archive.QueryAsync(db => db.SeedFiles.AnyAsync(s => s.Path == file && s.ArticleId != null)));
    }

    [Fact]
    public async Task Every_good_file_beside_the_hostile_ones_is_imported()
    {
        foreach (var name in archive.GoodFiles)
        {
            Assert.NotEqual(0, await archive.ArticleIdOfAsync(name));
        }

        foreach (var (name, (_, title)) in OddGoodContent)
        {
            var id = await archive.ArticleIdOfAsync(name);
            Assert.Equal(title, await archive.QueryAsync(db => db.Articles.Where(a => a.Id == id).Select(a => a.Title).SingleAsync()));
        }

        Assert.Empty(ArchiveCheck.Violations(archive.DatabasePath));
    }

    [Fact]
    public async Task A_file_that_turns_bad_keeps_its_article()
    {
        var path = archive.WriteSeed("turns-bad.txt", Good);
        await archive.Importer.ImportFileAsync(path, new("test"));
        var id = await archive.ArticleIdOfAsync("turns-bad.txt");
        var before = ArchiveCheck.Dump(archive.DatabasePath);

        foreach (var (name, bad) in BadContent)
        {
            await File.WriteAllBytesAsync(path, bad);
            File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(BadContent.Keys.ToList().IndexOf(name) + 1));
            var result = await archive.Importer.ImportFileAsync(path, new("test"));

            Assert.Equal(ImportOutcome.Failed, result.Outcome);
            Assert.Equal(id, await archive.ArticleIdOfAsync("turns-bad.txt"));
        }

        Assert.Equal(before, ArchiveCheck.Dump(archive.DatabasePath));
        Assert.Empty(ArchiveCheck.Violations(archive.DatabasePath));
    }

    /// <summary>The app with the hostile files, a few hundred generated good ones, started (so imported) once.</summary>
    public sealed class Archive : ArchiveFactory
    {
        public Archive()
        {
            GoodFiles = new SeedGenerator(seed: 5).WriteFolder(SeedsPath, 40);
            foreach (var (name, content) in BadContent)
            {
                File.WriteAllBytes(Path.Combine(SeedsPath, name), content);
            }

            foreach (var (name, (content, _)) in OddGoodContent)
            {
                File.WriteAllBytes(Path.Combine(SeedsPath, name), content);
            }

            _ = Server;
        }

        public List<string> GoodFiles { get; }
    }
}
