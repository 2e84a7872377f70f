using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace NewsArchive.Bench;

/// <summary>
/// The benchmark corpus: the real articles unpacked once, then replicated to N seed files. Copy k of an
/// article is shifted back k years (and a few weeks, so dates fill the calendar, not just two summer
/// months) and carries "(k)" after its title, so its content hash differs and dates span decades.
/// </summary>
internal static class Corpus
{
    private static readonly string[] Months =
        ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"];

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Unpacks the corpus tarball into <paramref name="dir"/> with tar and returns the folder that holds the articles.</summary>
    public static string Unpack(string tarball, string dir)
    {
        Directory.CreateDirectory(dir);
        using var tar = Process.Start(new ProcessStartInfo("tar", ["-xzf", tarball, "-C", dir]) { RedirectStandardError = true })
            ?? throw new InvalidOperationException("cannot start tar");
        var error = tar.StandardError.ReadToEnd();
        tar.WaitForExit();
        if (tar.ExitCode != 0)
        {
            throw new InvalidOperationException($"tar -xzf {tarball} failed: {error}");
        }
        var all = Path.Combine(dir, "all");
        return Directory.Exists(all) ? all : dir;
    }

    /// <summary>The article files of an unpacked corpus, in a stable order.</summary>
    public static string[] SourceFiles(string corpusDir)
    {
        var all = Path.Combine(corpusDir, "all");
        var dir = Directory.Exists(all) ? all : corpusDir;
        var files = Directory.GetFiles(dir, "*.txt");
        Array.Sort(files, StringComparer.Ordinal);
        if (files.Length == 0)
        {
            throw new InvalidOperationException($"no *.txt articles in {dir}");
        }
        return files;
    }

    /// <summary>
    /// Writes <paramref name="count"/> seed files into <paramref name="seedsDir"/> (flat, one folder).
    /// Files a smaller size already wrote are hard-linked from <paramref name="reuseFrom"/> instead of rewritten:
    /// the replication is deterministic, so the first n files of every size are the same.
    /// </summary>
    public static void Replicate(string[] sources, string seedsDir, int count, string? reuseFrom = null)
    {
        Directory.CreateDirectory(seedsDir);
        var reusable = reuseFrom is null ? 0 : Directory.GetFiles(reuseFrom, "*.txt").Length;
        for (var i = 0; i < count; i++)
        {
            var copy = i / sources.Length;
            var source = sources[i % sources.Length];
            var name = $"c{copy:D3}_{Path.GetFileName(source)}";
            var target = Path.Combine(seedsDir, name);
            if (File.Exists(target))
            {
                continue;
            }
            if (i < reusable && TryHardLink(Path.Combine(reuseFrom!, name), target))
            {
                continue;
            }
            File.WriteAllBytes(target, copy == 0 ? File.ReadAllBytes(source) : Shift(File.ReadAllBytes(source), copy));
        }
    }

    /// <summary>Rewrites line 1 (the date) and line 2 (the title) of one article for copy number <paramref name="copy"/>.</summary>
    public static byte[] Shift(byte[] content, int copy)
    {
        var first = Array.IndexOf(content, (byte)'\n');
        var second = first < 0 ? -1 : Array.IndexOf(content, (byte)'\n', first + 1);
        if (second < 0)
        {
            return content;
        }
        var dateLine = Encoding.UTF8.GetString(content, 0, first).TrimEnd('\r');
        var titleLine = Encoding.UTF8.GetString(content, first + 1, second - first - 1);
        var cr = titleLine.EndsWith('\r') ? "\r" : "";
        titleLine = titleLine.TrimEnd('\r');

        var date = TryParseDate(dateLine, out var parsed) ? FormatDate(ShiftDate(parsed, copy)) : dateLine;
        var head = Utf8.GetBytes($"{date}{cr}\n{titleLine} ({copy.ToString(CultureInfo.InvariantCulture)}){cr}\n");
        var result = new byte[head.Length + content.Length - second - 1];
        head.CopyTo(result, 0);
        Array.Copy(content, second + 1, result, head.Length, content.Length - second - 1);
        return result;
    }

    /// <summary>Copy k moves back k years and k·47 days modulo a year, so 35 copies of two summer months cover 1980–2015 all year round.</summary>
    public static DateOnly ShiftDate(DateOnly date, int copy) => date.AddYears(-copy).AddDays(-(copy * 47 % 330));

    /// <summary>Parses the corpus's own date line form, <c>21-يوليو-2015</c>.</summary>
    public static bool TryParseDate(string line, out DateOnly date)
    {
        date = default;
        var parts = line.Trim().TrimStart('\uFEFF').Split('-');
        if (parts.Length != 3
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var day)
            || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            return false;
        }
        var month = Array.IndexOf(Months, parts[1]) + 1;
        if (month == 0 || year < 1 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }
        date = new DateOnly(year, month, day);
        return true;
    }

    public static string FormatDate(DateOnly date) =>
        $"{date.Day:D2}-{Months[date.Month - 1]}-{date.Year.ToString(CultureInfo.InvariantCulture)}";

    private static bool TryHardLink(string existing, string target)
    {
        if (!File.Exists(existing))
        {
            return false;
        }
        return OperatingSystem.IsWindows() is false && Link(existing, target) == 0;
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "link", SetLastError = true)]
    private static extern int Link(string existing, string target);
}

/// <summary>An article as the peer engine sees it: the seed file split into date, title and body, nothing extracted.</summary>
internal sealed record CorpusArticle(string File, DateOnly Published, string Title, string Body)
{
    public static CorpusArticle Read(string path)
    {
        var text = System.IO.File.ReadAllText(path);
        var first = text.IndexOf('\n');
        var second = first < 0 ? -1 : text.IndexOf('\n', first + 1);
        var dateLine = first < 0 ? text : text[..first];
        var title = second < 0 ? "" : text[(first + 1)..second].Trim();
        var body = second < 0 ? "" : text[(second + 1)..];
        Corpus.TryParseDate(dateLine, out var date);
        return new CorpusArticle(Path.GetFileName(path), date, title, body);
    }
}
