using System.Globalization;
using System.Text;
using NewsArchive.Text.Normalization;

namespace NewsArchive.Web.Search;

/// <summary>A word of an original text with its search forms, for highlighting.</summary>
public readonly record struct AnalyzedWord(int Start, int Length, string Stem, string Key);

/// <summary>The text of one article as the full-text index stores it: one string per column.</summary>
public sealed record IndexedText(string Title, string Subject, string Caption, string Body, string Names, string Period);

/// <summary>
/// Turns text into the forms the full-text index holds, the same way for articles and for queries:
/// words (ArabicTokenizer) → search form (ArabicNormalizer) → light stem (ArabicStemmer), plus the
/// word's name key (NameKey) so foreign-name spellings meet (شويغو / شويجو).
/// </summary>
public sealed class SearchAnalyzer
{
    /// <summary>Words longer than this are not words (URLs, runs of letters): they are cut, never rejected.</summary>
    private const int MaxWordChars = 64;

    public IndexedText AnalyzeArticle(string title, string? subject, string? caption, string body, DateOnly published)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var indexed = new IndexedText(
            Column(title, names),
            Column(subject, names),
            Column(caption, names),
            Column(body, names),
            string.Empty,
            $"{YearToken(published.Year)} {MonthToken(published.Year, published.Month)}");
        return indexed with { Names = string.Join(' ', names) };
    }

    /// <summary>The period-column token of a whole year.</summary>
    public static string YearToken(int year) => string.Create(CultureInfo.InvariantCulture, $"y{year:D4}");

    /// <summary>The period-column token of one month.</summary>
    public static string MonthToken(int year, int month) => string.Create(CultureInfo.InvariantCulture, $"m{year:D4}{month:D2}");

    /// <summary>The words of <paramref name="text"/> with their original offsets and search forms.</summary>
    public IEnumerable<AnalyzedWord> Words(string? text)
    {
        foreach (var token in ArabicTokenizer.Tokenize(text))
        {
            var stem = StemOf(token.Normalized);
            if (stem.Length > 0)
            {
                yield return new AnalyzedWord(token.Start, token.Length, stem, KeyOf(stem));
            }
        }
    }

    /// <summary>
    /// The search forms of one raw query term (a word, or a phrase when it holds several words:
    /// <c>"وزير الدفاع"</c> or <c>وزير-الدفاع</c>); null when it holds no word at all.
    /// </summary>
    public SearchTerm? AnalyzeQueryTerm(string raw)
    {
        var words = new List<string>();
        var stems = new List<string>();
        var keys = new List<string>();
        foreach (var token in ArabicTokenizer.Tokenize(raw))
        {
            var stem = StemOf(token.Normalized);
            if (stem.Length == 0)
            {
                continue;
            }

            words.Add(token.Original);
            stems.Add(stem);
            keys.Add(KeyOf(stem));
            if (stems.Count == SearchQuery.MaxTerms)
            {
                break;
            }
        }

        return stems.Count == 0 ? null : new SearchTerm(words, stems, keys);
    }

    private static string Column(string? text, HashSet<string> names)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var sb = new StringBuilder(text.Length);
        foreach (var token in ArabicTokenizer.Tokenize(text))
        {
            var stem = StemOf(token.Normalized);
            if (stem.Length == 0)
            {
                continue;
            }

            if (sb.Length > 0)
            {
                sb.Append(' ');
            }

            sb.Append(stem);
            var key = KeyOf(stem);
            if (key.Length > 0)
            {
                names.Add(key);
            }
        }

        return sb.ToString();
    }

    private static string StemOf(string normalized)
    {
        if (normalized.Length == 0)
        {
            return string.Empty;
        }

        var word = normalized.Length > MaxWordChars ? normalized[..MaxWordChars] : normalized;
        return word; // LANG-CORE: ArabicStemmer.Stem(word)
    }

    /// <summary>Only Arabic-script words have spelling variants worth a key; digits and Latin match as they are.</summary>
    internal static string KeyOf(string stem) =>
        stem.Length > 1 && stem[0] >= '\u0600' && stem[0] <= '\u06FF' ? stem /* LANG-CORE: NameKey.For(stem) */ : string.Empty;
}
