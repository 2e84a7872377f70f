using NewsArchive.Web.Search;

namespace NewsArchive.Web.Tests.Search;

/// <summary>What the full-text index stores for an article's text: stems, separated by spaces.</summary>
public class SearchAnalyzerTests
{
    private static readonly DateOnly Published = new(2024, 6, 26);

    [Fact]
    public void Index_column_holds_stems_and_keyed_stems_of_the_text()
    {
        var indexed = new SearchAnalyzer().AnalyzeArticle("وبيلوسوف قال", null, null, "قال وزير الدفاع وبيلوسوف", Published);

        Assert.Equal("بيلوسوف قال", indexed.Title);
        Assert.Equal("قال وزير دفاع بيلوسوف", indexed.Body);
        Assert.Equal(string.Empty, indexed.Subject);
        Assert.Contains("بيلوسوف", indexed.KeyedStems);
        Assert.DoesNotContain("قال", indexed.KeyedStems);
    }

    [Fact]
    public void Marked_words_carry_their_original_offsets_and_mark_the_words_whose_stem_is_a_form()
    {
        // وبيلوسوف stems to بيلوسوف and قالَ (with its diacritic) to قال; قالب contains قال but is
        // another word; punctuation is no word.
        const string text = "قالَ وبيلوسوف، قالب والدفاع";

        var words = SearchAnalyzer.MarkedWords(text, new HashSet<string> { "بيلوسوف", "دفاع", "قال" });

        Assert.Equal(
            [new(0, 4, true), new(5, 8, true), new(15, 4, false), new(20, 7, true)],
            words);
        Assert.Empty(SearchAnalyzer.MarkedWords("", new HashSet<string> { "دفاع" }));
        Assert.Empty(SearchAnalyzer.MarkedWords(null, new HashSet<string> { "دفاع" }));
    }

    [Fact]
    public void Index_column_keeps_every_word_when_letters_and_digits_alternate()
    {
        // Each letter and each digit is a word of its own: the column, with its spaces, is twice the text.
        var text = string.Concat(Enumerable.Repeat("ب1", 512));

        var indexed = new SearchAnalyzer().AnalyzeArticle(text, null, null, text, Published);

        Assert.Equal(string.Join(' ', Enumerable.Repeat("ب 1", 512)), indexed.Body);
    }
}
