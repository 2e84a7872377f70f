using System.Globalization;
using System.Numerics;
using System.Text;
using NewsArchive.Text.Normalization;

namespace NewsArchive.Web.Search;

/// <summary>A word of an original text, and whether its search form is one the query matched (for highlighting).</summary>
public readonly record struct MarkedWord(int Start, int Length, bool IsMatch);

/// <summary>A name key and a stem indexed under it (<c>شك</c> → <c>شويجو</c>).</summary>
public readonly record struct Spelling(string Key, string Stem);

/// <summary>The text of one article as the full-text index stores it, and the spellings it adds.</summary>
public sealed record IndexedText(string Title, string Subject, string Caption, string Body, string Period, IReadOnlyCollection<Spelling> Spellings);

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

    /// <summary>
    /// Search forms already stemmed and keyed by <see cref="AnalyzeArticle"/>: news text repeats a
    /// small vocabulary, so most words cost one lookup instead of a stem, a key and their strings.
    /// Guarded by a lock: the importer analyzes on its read-ahead thread, a re-analysis may run on the writer.
    /// </summary>
    private readonly WordMemo _memo;

    public SearchAnalyzer()
        : this(WordMemo.DefaultCapacity)
    {
    }

    /// <param name="memoWords">How many distinct words the memo holds before it starts over (memory stays bounded).</param>
    internal SearchAnalyzer(int memoWords) => _memo = new WordMemo(memoWords);

    /// <summary>How many distinct words the memo holds now.</summary>
    internal int MemoWords => _memo.Count;

    public IndexedText AnalyzeArticle(string title, string? subject, string? caption, string body, DateOnly published)
    {
        lock (_memo)
        {
            _memo.BeginArticle();
            var spellings = new List<Spelling>();
            return new IndexedText(
                Column(title, spellings),
                Column(subject, spellings),
                Column(caption, spellings),
                Column(body, spellings),
                $"{YearToken(published.Year)} {MonthToken(published.Year, published.Month)}",
                spellings);
        }
    }

    /// <summary>The period-column token of a whole year.</summary>
    public static string YearToken(int year) => string.Create(CultureInfo.InvariantCulture, $"y{year:D4}");

    /// <summary>The period-column token of one month.</summary>
    public static string MonthToken(int year, int month) => string.Create(CultureInfo.InvariantCulture, $"m{year:D4}{month:D2}");

    /// <summary>
    /// The words of <paramref name="text"/> with their original offsets, each marked when its search
    /// form is one of <paramref name="forms"/>. A light stem is a piece of its word (light10 only cuts
    /// affixes), so a word that contains none of the forms cannot match and is not stemmed: most
    /// words of a body are decided by a substring test.
    /// </summary>
    public static List<MarkedWord> MarkedWords(string? text, IReadOnlySet<string> forms)
    {
        var tokens = ArabicTokenizer.Tokenize(text);
        var words = new List<MarkedWord>(tokens.Count);
        foreach (var token in tokens)
        {
            var normalized = token.Normalized;
            if (normalized.Length == 0)
            {
                continue;
            }

            var isMatch = false;
            foreach (var form in forms)
            {
                if (normalized.Contains(form, StringComparison.Ordinal))
                {
                    isMatch = forms.Contains(StemOf(normalized));
                    break;
                }
            }

            words.Add(new MarkedWord(token.Start, token.Length, isMatch));
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
    public static string KeyOf(string stem) =>
        stem.Length >= MinSpellingChars && stem[0] >= '\u0621' && stem[0] <= '\u064A' ? NameKey.For(stem) : string.Empty;

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

    /// <summary>
    /// The column's stems joined by spaces, as <see cref="StemOf"/> of each token's search form would give;
    /// each stem's spelling is added once per article.
    /// </summary>
    private string Column(string? text, List<Spelling> spellings)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var sb = new StringBuilder(text.Length);
        Span<char> buffer = stackalloc char[256];
        var i = 0;
        while (ArabicTokenizer.NextWord(text, ref i, out var start, out var length))
        {
            var word = text.AsSpan(start, length);
            var normalized = length <= buffer.Length ? buffer : new char[length];
            var n = ArabicTokenizer.Normalize(word, normalized);
            if (n == 0)
            {
                continue;
            }

            var form = _memo.For(normalized[..Math.Min(n, MaxWordChars)]);
            if (form.Stem.Length == 0)
            {
                continue;
            }

            if (sb.Length > 0)
            {
                sb.Append(' ');
            }

            sb.Append(form.Stem);
            if (form.Spelling is { } spelling && form.Article != _memo.Article)
            {
                form.Article = _memo.Article;
                spellings.Add(spelling);
            }
        }

        return sb.ToString();
    }

    /// <summary>A stem and its spelling (null when the stem has no key), shared by every word that stems to it.</summary>
    private sealed class StemForm(string stem, Spelling? spelling)
    {
        public string Stem { get; } = stem;

        public Spelling? Spelling { get; } = spelling;

        /// <summary>The last article whose spellings list holds this stem's spelling.</summary>
        public long Article { get; set; }
    }

    /// <summary>
    /// Search form (cut to <see cref="MaxWordChars"/>) → its stem, bounded: it starts over between articles
    /// once full. An open-addressing table looked up by the word's characters, so a known word costs no string;
    /// a Dictionary's span lookup was slower than stemming afresh.
    /// </summary>
    private sealed class WordMemo
    {
        /// <summary>About 20 MB at most; the words of a year of news fit, and each repeats often.</summary>
        public const int DefaultCapacity = 100_000;

        private readonly int _capacity;
        private readonly string?[] _words;
        private readonly StemForm?[] _forms;
        private readonly int _mask;
        private readonly Dictionary<string, StemForm> _byStem = new(StringComparer.Ordinal);

        public WordMemo(int capacity)
        {
            _capacity = capacity;

            // At most half full, so probes stay short.
            var slots = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, capacity * 2 + 1024));
            _words = new string?[slots];
            _forms = new StemForm?[slots];
            _mask = slots - 1;
        }

        public int Count { get; private set; }

        /// <summary>The article being analyzed (stamps <see cref="StemForm.Article"/>; never 0).</summary>
        public long Article { get; private set; }

        public void BeginArticle()
        {
            // Started over only between articles, so a stem's form stays one object within an article.
            if (Count >= _capacity)
            {
                Array.Clear(_words);
                Array.Clear(_forms);
                _byStem.Clear();
                Count = 0;
            }

            Article++;
        }

        public StemForm For(ReadOnlySpan<char> normalized)
        {
            // FNV-1a over the characters.
            var hash = 2166136261u;
            foreach (var c in normalized)
            {
                hash = (hash ^ c) * 16777619u;
            }

            var slot = (int)(hash & (uint)_mask);
            while (_words[slot] is { } known)
            {
                if (normalized.SequenceEqual(known))
                {
                    return _forms[slot]!;
                }

                slot = (slot + 1) & _mask;
            }

            var word = new string(normalized);
            var stem = ArabicStemmer.Stem(word);
            if (!_byStem.TryGetValue(stem, out var form))
            {
                var key = KeyOf(stem);
                form = new StemForm(stem, key.Length > 0 ? new Spelling(key, stem) : null);
                _byStem.Add(stem, form);
            }

            // A table past its capacity is cleared at the next article; until then it stops growing short of full.
            if (Count < (_mask + 1) / 4 * 3)
            {
                _words[slot] = word;
                _forms[slot] = form;
                Count++;
            }

            return form;
        }
    }

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
