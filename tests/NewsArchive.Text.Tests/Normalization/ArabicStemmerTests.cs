using NewsArchive.Text.Normalization;

namespace NewsArchive.Text.Tests.Normalization;

public class ArabicStemmerTests
{
    private static readonly HashSet<string> Names = ["بيلوسوف", "بوتين", "اوستن", "شويجو", "بايدن", "لويد"];

    // Lucene light10 behaviour on search-form words.
    [Theory]
    [InlineData("الكتاب", "كتاب")]
    [InlineData("والكتاب", "كتاب")]
    [InlineData("بالكتاب", "كتاب")]
    [InlineData("للكتاب", "كتاب")]
    [InlineData("وكتاب", "كتاب")]
    [InlineData("ومن", "ومن")]
    [InlineData("المعلمون", "معلم")]
    [InlineData("المعلمين", "معلم")]
    [InlineData("الحكومات", "حكوم")]
    [InlineData("سيارتها", "سيارت")]
    [InlineData("الروسيه", "روس")]
    [InlineData("الامريكيه", "امريك")]
    [InlineData("الاميركي", "اميرك")]
    [InlineData("ال", "ال")]
    [InlineData("وبيلوسوف", "بيلوسوف")]
    [InlineData("بوتين", "بوت")]
    [InlineData("hello", "hello")]
    [InlineData("", "")]
    public void Light10_prefixes_and_suffixes(string word, string expected) =>
        Assert.Equal(expected, ArabicStemmer.Stem(word));

    [Theory]
    [InlineData("وزير", "وزير")]
    [InlineData("والوزير", "وزير")]
    [InlineData("ووزير", "وزير")]
    [InlineData("وزيره", "وزير")]
    [InlineData("وزاره", "وزار")]
    [InlineData("وزارات", "وزار")]
    [InlineData("واشنطن", "واشنطن")]
    [InlineData("وواشنطن", "واشنطن")]
    [InlineData("وطنيه", "وطن")]
    [InlineData("وكاله", "وكال")]
    [InlineData("وفقا", "وفقا")]
    [InlineData("وبيروت", "بيروت")]
    public void Frequent_words_keep_the_waw_of_their_root(string word, string expected) =>
        Assert.Equal(expected, ArabicStemmer.Stem(word));

    [Theory]
    [InlineData("بوتين", "بوتين")]
    [InlineData("وبوتين", "بوتين")]
    [InlineData("لبوتين", "بوتين")]
    [InlineData("بيلوسوف", "بيلوسوف")]
    [InlineData("وبيلوسوف", "بيلوسوف")]
    [InlineData("لبيلوسوف", "بيلوسوف")]
    [InlineData("فلبيلوسوف", "بيلوسوف")]
    [InlineData("وباوستن", "اوستن")]
    [InlineData("الكتاب", "كتاب")]
    [InlineData("المعلمون", "معلم")]
    public void Protected_names_lose_only_their_glued_prefixes(string word, string expected) =>
        Assert.Equal(expected, ArabicStemmer.Stem(word, Names.Contains));

    [Fact]
    public void Seed_spellings_of_Belousov_meet_under_the_name_guard()
    {
        var stems = new[] { "وبيلوسوف", "لبيلوسوف", "بيلوسوف" }.Select(w => ArabicStemmer.Stem(w, Names.Contains)).Distinct();
        Assert.Equal(["بيلوسوف"], stems);
    }

    [Theory]
    [InlineData("والكتاب", "كتاب")]
    [InlineData("الكتابات", "كتابات")]
    [InlineData("وزير", "وزير")]
    [InlineData("وبيلوسوف", "بيلوسوف")]
    public void Strip_prefixes_keeps_suffixes(string word, string expected) =>
        Assert.Equal(expected, ArabicStemmer.StripPrefixes(word));

    [Fact]
    public void Strip_prefixes_with_names_finds_the_name_inside()
    {
        Assert.Equal("بيلوسوف", ArabicStemmer.StripPrefixes("لبيلوسوف", Names.Contains));
        Assert.Equal("لكتاب", ArabicStemmer.StripPrefixes("لكتاب", Names.Contains));
    }

    [Fact]
    public void Null_and_hostile_words_never_throw()
    {
        Assert.Equal(string.Empty, ArabicStemmer.Stem(null));
        Assert.Equal(string.Empty, ArabicStemmer.StripPrefixes(null, Names.Contains));
        foreach (var word in new[] { "و", "وو", "ال", "لل", "\uD800", "ه\0ه", new string('و', 10_240) })
        {
            ArabicStemmer.Stem(word);
            ArabicStemmer.Stem(word, Names.Contains);
            ArabicStemmer.StripPrefixes(word, Names.Contains);
        }
    }
}
