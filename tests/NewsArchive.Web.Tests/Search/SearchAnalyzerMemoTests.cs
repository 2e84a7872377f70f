using NewsArchive.Text.Normalization;
using NewsArchive.Web.Search;

namespace NewsArchive.Web.Tests.Search;

/// <summary>The analyzer's word memo must give exactly what stemming each word afresh gives, and stay bounded.</summary>
public class SearchAnalyzerMemoTests
{
    private static readonly string[] Articles =
    [
        "قال وزيرُ الدفاع سيرغي شويغو إن الوزير والوزراء اجتمعوا في موسكو، وقال شويجو: «الاجتماع مهم».",
        "أعلنت وزارة الخارجية أن المسؤولين والمسئولين التقوا في واشنطن عام ٢٠١٤م مع زيلينسكي وزيلنسكي.",
        "الرئيـــس بوتين وبوتين ولبوتين؛ https://example.com/" + new string('ب', 80) + " والمملكة العربية السعودية",
        "ABC def 123 x1y2 ـــ ، . ؟ إلى الى على علي مصطفى مصطفي",
    ];

    [Fact]
    public void Article_analysis_matches_stemming_every_word_afresh()
    {
        var analyzer = new SearchAnalyzer();

        // Twice over: the second pass is served from the memo and must not differ.
        for (var pass = 0; pass < 2; pass++)
        {
            foreach (var text in Articles)
            {
                var analyzed = analyzer.AnalyzeArticle(text, text, null, text, new DateOnly(2014, 3, 9));
                var (expected, spellings) = Reference(text);
                Assert.Equal(expected, analyzed.Title);
                Assert.Equal(expected, analyzed.Subject);
                Assert.Equal(string.Empty, analyzed.Caption);
                Assert.Equal(expected, analyzed.Body);
                Assert.Equal("y2014 m201403", analyzed.Period);
                AssertSameSpellings(spellings, analyzed.Spellings);
            }
        }
    }

    [Fact]
    public void Memo_starts_over_when_full_and_keeps_giving_the_same_analysis()
    {
        var analyzer = new SearchAnalyzer(memoWords: 8);
        var texts = Articles.Concat(Articles).ToList();
        foreach (var text in texts)
        {
            var analyzed = analyzer.AnalyzeArticle(text, null, null, text, new DateOnly(2020, 1, 1));
            var (expected, spellings) = Reference(text);
            Assert.Equal(expected, analyzed.Body);
            AssertSameSpellings(spellings, analyzed.Spellings);

            // Full only between articles: at most the bound plus one article's words.
            Assert.InRange(analyzer.MemoWords, 1, 8 + 2 * ArabicTokenizer.Tokenize(text).Count);
        }

        Assert.True(analyzer.MemoWords < Articles.Sum(a => ArabicTokenizer.Tokenize(a).Count));
    }

    // Each spelling once per article, as the set the analysis used to build.
    private static void AssertSameSpellings(HashSet<Spelling> expected, IReadOnlyCollection<Spelling> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        Assert.True(expected.SetEquals(actual));
    }

    /// <summary>The analysis as it was before the memo: every token's search form stemmed and keyed.</summary>
    private static (string Column, HashSet<Spelling> Spellings) Reference(string text)
    {
        var stems = new List<string>();
        var spellings = new HashSet<Spelling>();
        foreach (var token in ArabicTokenizer.Tokenize(text))
        {
            var normalized = token.Normalized.Length > 64 ? token.Normalized[..64] : token.Normalized;
            if (normalized.Length == 0)
            {
                continue;
            }

            var stem = ArabicStemmer.Stem(normalized);
            stems.Add(stem);
            var key = SearchAnalyzer.KeyOf(stem);
            if (key.Length > 0)
            {
                spellings.Add(new Spelling(key, stem));
            }
        }

        return (string.Join(' ', stems), spellings);
    }
}
