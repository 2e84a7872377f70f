using System.Buffers;
using System.IO.Compression;
using System.Text;
using System.Text.Unicode;
using NewsArchive.Web.Data;

namespace NewsArchive.Web.Admin;

/// <summary>A file offered for import: an upload, a zip entry, or a file named on the command line.</summary>
public sealed record IncomingFile(string Name, byte[] Content);

/// <summary>
/// What taking in one file gave: the path it was stored under (relative to the seeds folder), or
/// why it was refused, with the 1-based line the reason refers to (0 for the whole file).
/// </summary>
public sealed record IntakeResult(string Name, string? StoredPath, int Line, string? Error, bool ConvertedFrom1256)
{
    public bool Stored => StoredPath is not null;
}

/// <summary>
/// Takes offered files into the seeds folder. Nothing the client says about paths is trusted: a
/// file is stored under a cleaned-up version of its bare name, directly in the seeds folder.
/// Contents must be UTF-8 text, or Windows-1256 Arabic text, which is converted to UTF-8.
/// </summary>
/// <param name="claim">Called with a file's path before it is written, so the drop-folder watcher leaves it to this import.</param>
public sealed class SeedIntake(string seedsPath, AdminOptions options, Action<string>? claim = null)
{
    private static readonly Encoding Windows1256 = CodePagesEncodingProvider.Instance.GetEncoding(1256)!;
    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    private readonly HashSet<string> _namesThisBatch = new(StringComparer.OrdinalIgnoreCase);

    public string SeedsPath { get; } = Path.GetFullPath(seedsPath);

    /// <summary>Takes in a batch: zips are expanded, every file validated and stored.</summary>
    /// <returns>The stored files (paths relative to the seeds folder) and a failure report for each refused one.</returns>
    public (List<string> Stored, List<FileReport> Refused) TakeIn(IEnumerable<IncomingFile> files)
    {
        var stored = new List<string>();
        var refused = new List<FileReport>();
        foreach (var (file, early) in files.SelectMany(Expand))
        {
            var result = early ?? Store(file!);
            if (result.StoredPath is { } path)
            {
                if (!stored.Contains(path, StringComparer.Ordinal))
                {
                    stored.Add(path);
                }
            }
            else
            {
                refused.Add(new FileReport(result.Name, ImportOutcome.Failed, result.Line, result.Error));
            }
        }

        return (stored, refused);
    }

    /// <summary>Expands a zip into its entries; any other file is returned as is.</summary>
    public IEnumerable<(IncomingFile? File, IntakeResult? Refused)> Expand(IncomingFile file)
    {
        if (!file.Name.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
        {
            return [(file, null)];
        }

        return ExpandZip(file);
    }

    private IEnumerable<(IncomingFile? File, IntakeResult? Refused)> ExpandZip(IncomingFile zip)
    {
        var results = new List<(IncomingFile?, IntakeResult?)>();
        ZipArchive archive;
        try
        {
            archive = new ZipArchive(new MemoryStream(zip.Content), ZipArchiveMode.Read);
        }
        catch (InvalidDataException)
        {
            return [(null, Refuse(zip.Name, "ليس ملف zip صالحاً"))];
        }

        using (archive)
        {
            // Folders and the resource forks macOS adds to zips it makes are not files anyone sent.
            var entries = archive.Entries
                .Where(e => !e.FullName.EndsWith('/') && !e.FullName.StartsWith("__MACOSX/", StringComparison.Ordinal))
                .ToList();
            if (entries.Count > options.MaxZipEntries)
            {
                return [(null, Refuse(zip.Name, $"يحتوي الملف المضغوط على أكثر من {options.MaxZipEntries} ملف"))];
            }

            foreach (var entry in entries)
            {
                // The entry's full name is shown in the report but never used as a path.
                var name = $"{zip.Name}/{entry.FullName}";
                if (entry.Length > options.MaxFileBytes)
                {
                    results.Add((null, TooLarge(name)));
                    continue;
                }

                try
                {
                    using var stream = entry.Open();
                    var content = ReadAtMost(stream, options.MaxFileBytes);
                    results.Add(content is null ? (null, TooLarge(name)) : (new IncomingFile(name, content), null));
                }
                catch (InvalidDataException)
                {
                    results.Add((null, Refuse(name, "مدخل تالف في الملف المضغوط")));
                }
            }
        }

        return results;
    }

    /// <summary>Validates a file and writes it atomically into the seeds folder.</summary>
    public IntakeResult Store(IncomingFile file)
    {
        var safeName = SafeName(file.Name);
        if (safeName is null)
        {
            return Refuse(file.Name, "ليس ملف نص (.txt) ولا ملفاً مضغوطاً (.zip)");
        }

        if (file.Content.Length == 0)
        {
            return Refuse(file.Name, "الملف فارغ");
        }

        if (file.Content.Length > options.MaxFileBytes)
        {
            return TooLarge(file.Name);
        }

        var (utf8, line, error, converted) = ToUtf8(file.Content);
        if (utf8 is null)
        {
            return new IntakeResult(file.Name, null, line, error, false);
        }

        var target = UniqueInBatch(safeName);
        var path = Path.Combine(SeedsPath, target);
        claim?.Invoke(target);
        // Same bytes as the file already there: leave it alone, the import reports it unchanged.
        if (!File.Exists(path) || !File.ReadAllBytes(path).AsSpan().SequenceEqual(utf8))
        {
            WriteAtomically(path, utf8);
        }

        return new IntakeResult(file.Name, target, 0, null, converted);
    }

    /// <summary>
    /// The bare file name with anything but letters, digits, '-', '_' and '.' replaced, no leading
    /// dots (no hidden files, no "..") and a .txt extension; null when the file is not .txt.
    /// </summary>
    public static string? SafeName(string clientName)
    {
        var bare = clientName.Replace('\\', '/');
        bare = bare[(bare.LastIndexOf('/') + 1)..];
        if (!bare.EndsWith(".txt", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var stem = bare[..^4];
        var cleaned = new StringBuilder(stem.Length);
        foreach (var c in stem)
        {
            cleaned.Append(char.IsLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_');
        }

        var safe = cleaned.ToString().Trim('.', '_', '-');
        if (safe.Length == 0)
        {
            safe = "upload";
        }

        return (safe.Length > 120 ? safe[..120] : safe) + ".txt";
    }

    /// <summary>
    /// The file as UTF-8 bytes: UTF-8 is kept byte for byte (so its hash is the file's own);
    /// Windows-1256 Arabic text is converted. Anything else is refused with the line at fault.
    /// </summary>
    public static (byte[]? Utf8, int Line, string? Error, bool Converted) ToUtf8(byte[] content)
    {
        var nul = Array.IndexOf(content, (byte)0);
        if (nul >= 0)
        {
            return (null, LineOf(content, nul), "ليس ملفاً نصياً (يحتوي على بايتات ثنائية)", false);
        }

        var invalidAt = FirstInvalidUtf8(content);
        if (invalidAt < 0)
        {
            return (content, 0, null, false);
        }

        if (!content.AsSpan().StartsWith(Utf8Bom) && LooksLikeArabic1256(content))
        {
            var text = Windows1256.GetString(content);
            return (Encoding.UTF8.GetBytes(text), 0, null, true);
        }

        return (null, LineOf(content, invalidAt), "ترميز غير صالح: ليس UTF-8 ولا Windows-1256 عربياً", false);
    }

    private static int FirstInvalidUtf8(byte[] content)
    {
        var buffer = ArrayPool<char>.Shared.Rent(content.Length + 1);
        try
        {
            var status = Utf8.ToUtf16(content, buffer, out var read, out _, replaceInvalidSequences: false);
            return status == OperationStatus.Done ? -1 : read;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    // Windows-1256 maps nearly every byte to something, so decoding alone proves nothing: the
    // decoded letters must be mostly Arabic for the guess to be trusted.
    private static bool LooksLikeArabic1256(byte[] content)
    {
        var text = Windows1256.GetString(content);
        int letters = 0, arabic = 0;
        foreach (var c in text)
        {
            if (char.IsLetter(c))
            {
                letters++;
                if (c is >= '\u0600' and <= '\u06FF')
                {
                    arabic++;
                }
            }
        }

        return letters > 0 && arabic * 2 >= letters;
    }

    private static int LineOf(byte[] content, int offset) =>
        content.AsSpan(0, offset).Count((byte)'\n') + 1;

    private string UniqueInBatch(string name)
    {
        var candidate = name;
        for (var i = 2; !_namesThisBatch.Add(candidate); i++)
        {
            candidate = $"{name[..^4]}-{i}.txt";
        }

        return candidate;
    }

    private void WriteAtomically(string path, byte[] content)
    {
        // The temporary file lives in a hidden folder inside the seeds folder: same file system, so
        // the move is an atomic rename, and neither the importer nor the watcher looks there.
        var incoming = Path.Combine(SeedsPath, ".incoming");
        Directory.CreateDirectory(incoming);
        var temp = Path.Combine(incoming, $"{Guid.NewGuid():N}.part");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
            {
                stream.Write(content);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    private static byte[]? ReadAtMost(Stream stream, long limit)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > limit)
            {
                return null;
            }
        }

        return buffer.ToArray();
    }

    private IntakeResult TooLarge(string name) =>
        Refuse(name, $"الملف أكبر من الحد المسموح ({options.MaxFileBytes / 1024} ك.ب)");

    private static IntakeResult Refuse(string name, string reason) => new(name, null, 0, reason, false);
}
