using System.Buffers;
using System.Globalization;
using System.Text;
using NewsArchive.Text.Normalization;

namespace NewsArchive.Web.Search;

/// <summary>A word of an original text, and whether its search form is one the query matched (for highlighting).</summary>
public readonly record struct MarkedWord(int Start, int Length, bool IsMatch);

/// <summary>A name key and a stem indexed under it (<c>شك</c> → <c>شويجو</c>).</summary>
public readonly record struct Spelling(string Key, string Stem);

/// <summary>
/// The text of one article as the full-text index stores it, the distinct stems that have a name key
/// (<see cref="SearchAnalyzer.SpellingOf"/>), and the spellings it adds (chosen by the indexer from those stems).
/// </summary>
public sealed record IndexedText(string Title, string Subject, string Caption, string Body, string Period, IReadOnlyCollection<string> KeyedStems)
{
    public IReadOnlyCollection<Spelling> Spellings { get; init; } = [];
}

/// <summary>
/// Turns text into the forms the full-text index holds, the same way for articles and for queries:
/// words (ArabicTokenizer) → search form (ArabicNormalizer, already applied by the tokenizer) →
/// light stem (ArabicStemmer). Each Arabic word's name key (NameKey) is recorded beside its stem,
/// so a query word can be widened to the other spellings of the same foreign name.
/// </summary>
public sealed class SearchAnalyzer
{
    /// <summary>Words longer than this are not words (URLs, runs of letters): they are cut, never rejected.</summary>
    private const int MaxWordChars = 64;

    /// <summary>Shorter stems have too many unrelated words under their key to be worth widening.</summary>
    private const int MinSpellingChars = 4;

    public IndexedText AnalyzeArticle(string title, string? subject, string? caption, string body, DateOnly published)
    {
        // Stems only: their keys are computed for the few that are new (nearly all are known already).
        var keyedStems = new HashSet<string>(StringComparer.Ordinal);
        return new IndexedText(
            Column(title, keyedStems),
            Column(subject, keyedStems),
            Column(caption, keyedStems),
            Column(body, keyedStems),
            $"{YearToken(published.Year)} {MonthToken(published.Year, published.Month)}",
            keyedStems);
    }

    /// <summary>The spelling a stem adds under its name key, or null when it has no key (see <see cref="KeyOf"/>).</summary>
    public static Spelling? SpellingOf(string stem) => KeyOf(stem) is { Length: > 0 } key ? new Spelling(key, stem) : null;

    /// <summary>The period-column token of a whole year.</summary>
    public static string YearToken(int year) => string.Create(CultureInfo.InvariantCulture, $"y{year:D4}");

    /// <summary>The period-column token of one month.</summary>
    public static string MonthToken(int year, int month) => string.Create(CultureInfo.InvariantCulture, $"m{year:D4}{month:D2}");

    /// <summary>The period-column token of an article that names the person <paramref name="personId"/>.</summary>
    public static string PersonToken(int personId) => string.Create(CultureInfo.InvariantCulture, $"p{personId}");

    /// <summary>
    /// The period column of an article: its date tokens (from <see cref="AnalyzeArticle"/>) and a token
    /// per person it names, so a person filter is an index intersection as a date filter is.
    /// </summary>
    public static string PeriodWithPersons(string datePeriod, IEnumerable<int> personIds)
    {
        var text = new StringBuilder(datePeriod);
        foreach (var id in personIds.Distinct())
        {
            text.Append(' ').Append(PersonToken(id));
        }

        return text.ToString();
    }

    /// <summary>
    /// The words of <paramref name="text"/> with their original offsets, each marked when its search
    /// form is one of <paramref name="forms"/>. A light stem is a piece of its word (light10 only cuts
    /// affixes), so a word that contains none of the forms cannot match and is not stemmed: most
    /// words of a body are decided by a substring test on their folded characters, without a string.
    /// </summary>
    public static List<MarkedWord> MarkedWords(string? text, IReadOnlySet<string> forms)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        // One pass over the words (NextWord), not a list of their ranges first: a page of hits
        // marks 20 whole bodies, and the list was a second walk and allocation per body.
        var words = new List<MarkedWord>(text.Length / 6 + 4);
        // An array, not the set: enumerating an IReadOnlySet boxes an enumerator for every word.
        var formList = forms.ToArray();
        Span<char> buffer = stackalloc char[128];
        var i = 0;
        while (ArabicTokenizer.NextWord(text, ref i, out var start))
        {
            // The word's search form, as ArabicTokenizer.Tokenize folds it.
            var length = i - start;
            var folded = length <= buffer.Length ? buffer : new char[length];
            var n = ArabicNormalizer.FoldInto(text.AsSpan(start, length), folded);

            if (n == 0)
            {
                continue;
            }

            var normalized = folded[..n];
            var isMatch = false;
            foreach (var form in formList)
            {
                if (normalized.IndexOf(form.AsSpan()) >= 0)
                {
                    isMatch = forms.Contains(StemOf(new string(normalized)));
                    break;
                }
            }

            words.Add(new MarkedWord(start, length, isMatch));
        }

        return words;
    }

    /// <summary>
    /// The search forms of one raw query term (a word, or a phrase when it holds several words:
    /// <c>"وزير الدفاع"</c> or <c>وزير-الدفاع</c>); null when it holds no word at all.
    /// </summary>
    public SearchTerm? AnalyzeQueryTerm(string raw)
    {
        var words = new List<string>();
        var stems = new List<string>();
        foreach (var token in ArabicTokenizer.Tokenize(raw))
        {
            var stem = StemOf(token.Normalized);
            if (stem.Length == 0)
            {
                continue;
            }

            words.Add(token.Original);
            stems.Add(stem);
            if (stems.Count == SearchQuery.MaxTerms)
            {
                break;
            }
        }

        return stems.Count == 0 ? null : new SearchTerm(words, stems, []);
    }

    /// <summary>The name key under which <paramref name="stem"/> is recorded, or empty when it has none.</summary>
    public static string KeyOf(string stem) => HasKey(stem) ? NameKey.For(stem) : string.Empty;

    private static bool HasKey(ReadOnlySpan<char> stem) => stem.Length >= MinSpellingChars && stem[0] >= '\u0621' && stem[0] <= '\u064A';

    /// <summary>
    /// True when <paramref name="candidate"/>, found under the same key, really spells the same word
    /// as <paramref name="stem"/>: NameKey confirms it, and the two differ only in long vowels,
    /// hamza and the letters papers swap for one foreign sound. The key also merges a doubled
    /// letter, which for ordinary words joins different words (مسؤول / مسلول): not here.
    /// </summary>
    public static bool IsSpellingOf(string stem, string candidate) =>
        candidate != stem && Skeleton(stem) == Skeleton(candidate) && NameKey.AreVariants(stem, candidate);

    private static string Skeleton(string word)
    {
        var sb = new StringBuilder(word.Length);
        for (var i = 0; i < word.Length; i++)
        {
            var c = word[i];
            if (i > 0 && c is 'ا' or 'و' or 'ي' or 'ء' or 'ى')
            {
                continue;
            }

            sb.Append(c switch
            {
                'ج' or 'غ' or 'ق' or 'ك' or 'گ' => 'ك',
                'ڤ' => 'ف',
                'پ' => 'ب',
                'ط' => 'ت',
                'ص' => 'س',
                'ذ' or 'ظ' => 'ز',
                _ => c,
            });
        }

        return sb.ToString();
    }

    private static string Column(string? text, HashSet<string> keyedStems)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        // Every word of every article passes here: fold and stem it in a buffer, so only the
        // column and each new keyed stem become strings. A stem is never longer than its word, and
        // a space per word at most doubles it (2014م is two words with no separator between them).
        var keyed = keyedStems.GetAlternateLookup<ReadOnlySpan<char>>();
        var column = ArrayPool<char>.Shared.Rent(text.Length * 2);
        var n = 0;
        Span<char> buffer = stackalloc char[128];
        var i = 0;
        while (ArabicTokenizer.NextWord(text, ref i, out var start))
        {
            // The word's search form, as ArabicTokenizer.Tokenize folds it.
            var length = i - start;
            var folded = length <= buffer.Length ? buffer : new char[length];
            var stem = StemOf(folded[..ArabicNormalizer.FoldInto(text.AsSpan(start, length), folded)]);
            if (stem.Length == 0)
            {
                continue;
            }

            if (n > 0)
            {
                column[n++] = ' ';
            }

            stem.CopyTo(column.AsSpan(n));
            n += stem.Length;
            if (HasKey(stem))
            {
                keyed.Add(stem);
            }
        }

        var result = new string(column, 0, n);
        ArrayPool<char>.Shared.Return(column);
        return result;
    }

    private static ReadOnlySpan<char> StemOf(ReadOnlySpan<char> normalized) =>
        normalized.Length == 0 ? [] : ArabicStemmer.Stem(normalized.Length > MaxWordChars ? normalized[..MaxWordChars] : normalized);

    private static string StemOf(string normalized)
    {
        if (normalized.Length == 0)
        {
            return string.Empty;
        }

        var word = normalized.Length > MaxWordChars ? normalized[..MaxWordChars] : normalized;
        return ArabicStemmer.Stem(word);
    }
}
