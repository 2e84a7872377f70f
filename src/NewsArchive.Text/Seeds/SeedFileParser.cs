using System.Buffers;
using System.Collections.Frozen;
using System.Text;
using System.Text.RegularExpressions;
using NewsArchive.Text.Dates;
using NewsArchive.Text.Normalization;
using NewsArchive.Text.Persons;

namespace NewsArchive.Text.Seeds;

/// <summary>The outcome of parsing one seed file: an article or an error, never both.</summary>
public sealed record SeedParseResult(ParsedArticle? Article, SeedFileError? Error);

/// <summary>
/// Parses the seed format (docs/seed-format.md): line 1 the publication date, line 2 a headline or
/// the subject's name, an optional photo caption with its credit, then paragraphs separated by
/// blank lines. Tolerates a BOM, CRLF/CR line endings, trailing spaces and NBSP, pull-quote repeats
/// and a missing space after a full stop; anything it cannot read is an error naming file, line and reason.
/// </summary>
public static partial class SeedFileParser
{
    private const int MaxCaptionLength = 160;
    private const int MaxTitleWords = 14;

    /// <summary>Decodes and parses a seed file's bytes. Never throws for bad content.</summary>
    public static SeedParseResult Parse(string fileName, ReadOnlySpan<byte> content)
    {
        fileName ??= string.Empty;
        if (content.StartsWith("\xEF\xBB\xBF"u8))
        {
            content = content[3..];
        }

        if (content.IndexOf((byte)0) is var nul and >= 0)
        {
            return Fail(fileName, LineOf(content, nul), "not UTF-8 text: the file contains NUL bytes (a binary or UTF-16 file?)");
        }

        var text = Decode(content, out var badOffset);
        if (text is null)
        {
            return Fail(fileName, LineOf(content, badOffset),
                "not UTF-8 text: invalid byte sequence (a legacy encoding such as Windows-1256?); save the file as UTF-8");
        }

        return Parse(fileName, text);
    }

    /// <summary>Parses a seed file already decoded to text. Never throws for bad content.</summary>
    public static SeedParseResult Parse(string fileName, string text)
    {
        fileName ??= string.Empty;
        text ??= string.Empty;
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        var lines = SplitLines(text);
        for (var n = 0; n < lines.Length; n++)
        {
            var line = lines[n];
            if (line.AsSpan().IndexOfAny(ControlChars) < 0)
            {
                continue;
            }

            // Real articles carry the odd stray control character (U+001A from old editors): drop a few,
            // but a line made of them is binary data, not text.
            var controls = line.Count(ControlChars.Contains);
            if (controls > 8 && controls * 20 > line.Length)
            {
                return Fail(fileName, n + 1, "not UTF-8 text: the line is mostly control characters (a binary file?)");
            }

            lines[n] = string.Concat(line.Where(c => !ControlChars.Contains(c))).Trim();
        }

        if (lines.All(string.IsNullOrEmpty))
        {
            return Fail(fileName, 0, "the file is empty");
        }

        if (lines[0].Length == 0)
        {
            return Fail(fileName, 1, "line 1 must be the publication date (for example 26-يونيو-2024), but it is empty");
        }

        if (!ArabicDateParser.TryParsePublicationDate(lines[0], out var published, out var dateError))
        {
            return Fail(fileName, 1, $"line 1 must be the publication date, but «{Shorten(lines[0])}» is not a date: {dateError}");
        }

        if (lines.Length < 2 || lines[1].Length == 0)
        {
            return Fail(fileName, 2, "line 2 must be the headline or the name of the person the article is about, but it is missing");
        }

        var line2 = CollapseSpaces(lines[1]);
        string? section = null;
        if (SectionRegex().Match(line2) is { Success: true } sm && Sections.Contains(ArabicNormalizer.Normalize(sm.Groups["section"].Value)))
        {
            section = sm.Groups["section"].Value;
            line2 = sm.Groups["rest"].Value.Trim();
        }

        var paragraphs = Paragraphs(lines, 2);

        string? caption = null;
        string? credit = null;
        if (paragraphs.Count > 0 && paragraphs[0].Length <= MaxCaptionLength && CaptionRegex().Match(paragraphs[0]) is { Success: true } m)
        {
            caption = m.Groups["caption"].Value.Trim();
            credit = m.Groups["credit"].Value.Trim();
            paragraphs.RemoveAt(0);
        }

        for (var i = 0; i < paragraphs.Count; i++)
        {
            paragraphs[i] = RepairFullStops(paragraphs[i]);
        }

        var pullQuotes = ExtractPullQuotes(paragraphs);
        var isSubject = PersonExtractor.LooksLikeName(line2, paragraphs);
        string title;
        var derived = false;
        if (isSubject && paragraphs.Count > 0 && DeriveTitle(paragraphs[0]) is { Length: > 0 } lead)
        {
            title = lead;
            derived = true;
        }
        else
        {
            title = line2;
        }

        var article = new ParsedArticle(published, title, derived, isSubject ? line2 : null, caption, credit, paragraphs, pullQuotes)
        {
            Section = section,
            Dateline = paragraphs.Count > 1 && IsDateline(paragraphs[0]) ? paragraphs[0] : null,
        };
        return new SeedParseResult(article, null);
    }

    /// <summary>A short opening paragraph that is only a place, a date and an agency: <c>جدة 25 شوال 1436هـ الموافق 10 أغسطس 2015م واس</c>.</summary>
    internal static bool IsDateline(string paragraph) =>
        paragraph.Length <= 100 && !paragraph.Contains('\n') && paragraph.IndexOfAny(['.', '،', '؟', '!', ':']) < 0
        && ArabicDateParser.TryParsePublicationDate(paragraph, out _, out _);

    // Section labels papers put before a headline: «عام / نائب خادم الحرمين الشريفين يرأس جلسة مجلس الوزراء».
    private static readonly HashSet<string> Sections = new(
        new[] { "عام", "اقتصادي", "إقتصادي", "ثقافي", "سياسي", "رياضي", "اجتماعي", "تقرير", "محلي", "دولي", "صحي", "تقني", "فني", "متابعات" }
            .Select(ArabicNormalizer.Normalize),
        StringComparer.Ordinal);

    private static SeedParseResult Fail(string file, int line, string reason) => new(null, new SeedFileError(file, line, reason));

    private static string Shorten(string s) => s.Length <= 40 ? s : string.Concat(s.AsSpan(0, 40), "…");

    private static readonly SearchValues<char> ControlChars = SearchValues.Create(
        "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000E\u000F\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F\uFFFD");

    private static string? Decode(ReadOnlySpan<byte> content, out int badOffset)
    {
        badOffset = 0;
        if (System.Text.Unicode.Utf8.IsValid(content))
        {
            return Encoding.UTF8.GetString(content);
        }

        // Only a bad file pays for locating the first invalid sequence.
        var rest = content;
        while (!rest.IsEmpty && Rune.DecodeFromUtf8(rest, out _, out var consumed) == OperationStatus.Done)
        {
            rest = rest[consumed..];
        }

        badOffset = content.Length - rest.Length;
        return null;
    }

    private static int LineOf(ReadOnlySpan<byte> content, int offset) => content[..Math.Min(offset, content.Length)].Count((byte)'\n') + 1;

    /// <summary>Lines with CRLF, CR and Unicode line separators as line ends, trailing whitespace and NBSP removed.</summary>
    private static string[] SplitLines(string text)
    {
        var lines = LineBreakRegex().Split(text);
        for (var i = 0; i < lines.Length; i++)
        {
            lines[i] = lines[i].Trim().Trim('\u00A0', '\u200F', '\u200E', '\uFEFF').Trim();
        }

        // A final line break leaves an empty last line: not a line of the file.
        var count = lines.Length;
        while (count > 0 && lines[count - 1].Length == 0)
        {
            count--;
        }

        return count == lines.Length ? lines : lines[..Math.Max(count, 0)];
    }

    /// <summary>Paragraphs from line <paramref name="from"/> on: blank lines separate them; a single line break inside one is kept.</summary>
    private static List<string> Paragraphs(string[] lines, int from)
    {
        var paragraphs = new List<string>();
        var current = new List<string>();
        for (var i = from; i <= lines.Length; i++)
        {
            if (i == lines.Length || lines[i].Length == 0)
            {
                if (current.Count > 0)
                {
                    paragraphs.Add(string.Join("\n", current));
                    current.Clear();
                }

                continue;
            }

            current.Add(CollapseSpaces(lines[i]));
        }

        return paragraphs;
    }

    private static string CollapseSpaces(string line) => line.Contains("  ", StringComparison.Ordinal) || line.Contains('\u00A0') || line.Contains('\t')
        ? SpacesRegex().Replace(line, " ")
        : line;

    /// <summary>Inserts the missing space in <c>مفتوحة.وقال</c>; digits (3.5), Latin (a.m., URLs) and one-letter abbreviations (د.) are left alone.</summary>
    internal static string RepairFullStops(string paragraph) =>
        paragraph.Contains('.') ? GluedFullStopRegex().Replace(paragraph, ". ") : paragraph;

    /// <summary>
    /// Finds paragraphs the file repeats: an identical paragraph later on, or a standalone paragraph
    /// contained in another (<c>بدوره، &lt;same text&gt;.</c>). The standalone copy leaves the body and
    /// becomes a pull quote; the copy in context stays.
    /// </summary>
    private static List<string> ExtractPullQuotes(List<string> paragraphs)
    {
        var quotes = new List<string>();
        if (paragraphs.Count < 2)
        {
            return quotes;
        }

        var keys = paragraphs.Select(QuoteKey).ToList();
        var remove = new HashSet<int>();
        for (var i = 0; i < paragraphs.Count; i++)
        {
            if (keys[i].Length < 20)
            {
                continue;
            }

            for (var j = 0; j < paragraphs.Count; j++)
            {
                if (i == j || remove.Contains(j) || remove.Contains(i))
                {
                    continue;
                }

                var equal = keys[i] == keys[j];
                // An identical pair keeps its first copy; a contained paragraph is the standalone quote.
                if ((equal && j < i) || (!equal && keys[j].Length > keys[i].Length && keys[j].Contains(keys[i], StringComparison.Ordinal)))
                {
                    remove.Add(i);
                    quotes.Add(TrimQuote(equal ? paragraphs[j] : paragraphs[i]));
                    break;
                }
            }
        }

        if (remove.Count > 0)
        {
            var kept = paragraphs.Where((_, k) => !remove.Contains(k)).ToList();
            paragraphs.Clear();
            paragraphs.AddRange(kept);
        }

        return quotes;
    }

    private static string TrimQuote(string p) => p.Trim();

    // Spaces are already collapsed in paragraphs; the key only folds spelling and drops final punctuation.
    private static string QuoteKey(string paragraph) =>
        ArabicNormalizer.Normalize(paragraph).Trim().TrimEnd('.', '،', ',', '؛', ';', ':', '!', '؟', '?', '…', ' ');

    /// <summary>
    /// A readable title from the lead sentence: its first clause when short enough, otherwise cut at
    /// the last clause boundary (comma, relative pronoun, conjunction) within the first
    /// fourteen words, without dangling punctuation or function words.
    /// </summary>
    internal static string DeriveTitle(string lead)
    {
        var sentences = TextSpans.Sentences(lead);
        if (sentences.Count == 0)
        {
            return string.Empty;
        }

        var sentence = lead.Substring(sentences[0].Start, sentences[0].Length).Replace('\n', ' ');
        var words = TextSpans.Words(sentence);
        if (words.Count == 0)
        {
            return string.Empty;
        }

        var cut = Math.Min(words.Count, MaxTitleWords);
        for (var k = 1; k < Math.Min(words.Count, MaxTitleWords + 1); k++)
        {
            if (words[k].BreakBefore && !IsInnerPunctuation(sentence, words[k - 1].End, words[k].Start))
            {
                cut = k;
                break;
            }
        }

        if (cut == MaxTitleWords && words.Count > MaxTitleWords)
        {
            // No punctuation in reach: cut before the last relative pronoun or conjunction.
            for (var k = cut - 1; k >= 4; k--)
            {
                if (TitleCutWords.Contains(words[k].Norm) || (words[k].Norm.Length > 3 && words[k].Norm[0] == 'و' && k > 5))
                {
                    cut = k;
                    break;
                }
            }
        }

        while (cut > 1 && TitleCutWords.Contains(words[cut - 1].Norm) || (cut > 1 && DanglingWords.Contains(words[cut - 1].Norm)))
        {
            cut--;
        }

        var title = sentence[words[0].Start..words[cut - 1].End];
        // Keep a closing quote or bracket that belongs to the last word.
        var end = words[cut - 1].End;
        while (end < sentence.Length && sentence[end] is '"' or '»' or '”' or ')')
        {
            end++;
        }

        title = sentence[words[0].Start..end];
        return BalanceQuotes(title);
    }

    private static bool IsInnerPunctuation(string s, int from, int to)
    {
        // Quotes, slashes and hyphens inside a clause (بـ"عواقب"، أيار/ مايو) do not end it.
        for (var i = from; i < to; i++)
        {
            if (s[i] is '،' or ',' or '؛' or ';' or ':' or '(' or ')' or '-' or '–' or '—')
            {
                return false;
            }
        }

        return true;
    }

    private static string BalanceQuotes(string title)
    {
        var open = title.Count(c => c == '«');
        var close = title.Count(c => c == '»');
        if (open > close)
        {
            title += "»";
        }

        if (title.Count(c => c == '"') % 2 == 1)
        {
            title = title.Replace("\"", string.Empty, StringComparison.Ordinal).Trim();
        }

        return title;
    }

    private static readonly FrozenSet<string> TitleCutWords = FrozenSet.ToFrozenSet(
        ["التي", "الذي", "الذين", "حيث", "بينما", "فيما", "بعد", "قبل", "منذ", "حتى", "عندما", "وسط", "اثر", "على", "في"],
        StringComparer.Ordinal);

    private static readonly FrozenSet<string> DanglingWords = FrozenSet.ToFrozenSet(
        ["من", "الى", "إلى", "عن", "مع", "ان", "إن", "أن", "و", "او", "أو", "ثم", "بين", "لدى", "عند", "كما", "لكن", "قد", "لم", "لن", "لا", "ما", "هذا", "هذه", "ذلك", "تلك"],
        StringComparer.Ordinal);

    [GeneratedRegex(@"^(?<section>\w{2,12}) ?/ (?<rest>.+)$")]
    private static partial Regex SectionRegex();

    [GeneratedRegex(@"\r\n|\r|\n|\u2028|\u2029|\u0085")]
    private static partial Regex LineBreakRegex();

    [GeneratedRegex(@"[ \t\u00A0\u2007\u202F\u2000-\u200A]+")]
    private static partial Regex SpacesRegex();

    // Two Arabic letters, a full stop, an Arabic letter: the space a careless editor dropped.
    [GeneratedRegex(@"(?<=[\u0621-\u064A\u0671-\u06D3][\u064B-\u065F\u0670]*[\u0621-\u064A\u0671-\u06D3][\u064B-\u065F\u0670]*)\.(?=[\u0621-\u064A\u0671-\u06D3])")]
    private static partial Regex GluedFullStopRegex();

    // «وزير الدفاع الأميركي (بوليتيكو)»: a short line ending with its credit in parentheses.
    [GeneratedRegex(@"^(?<caption>[^()\n.!?؟]{2,140}?)\s*\((?<credit>[^()\n]{1,60})\)\s*$")]
    private static partial Regex CaptionRegex();
}
