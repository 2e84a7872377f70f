using NewsArchive.Text.Dates;
using NewsArchive.Text.Normalization;

namespace NewsArchive.Text.Tests.Normalization;

/// <summary>Every spelling pair the language-engine issue names, meeting through the library's public API.</summary>
public class IssueVariantPairsTests
{
    private static readonly HashSet<string> PersonNames = ["بيلوسوف", "بوتين", "اوستن", "شويجو", "لويد"];

    // The search form: tashkeel, tatweel, alef forms, ى, ة, hamza seats, digits, Latin case, invisible marks.
    [Theory]
    [InlineData("مسؤول", "مسئول")]
    [InlineData("هدّد", "هدد")]
    [InlineData("المتحدّث", "المتحدث")]
    [InlineData("الولايات المتّحدة", "الولايات المتحدة")]
    [InlineData("بـ\"عواقب\"", "ب\"عواقب\"")]
    [InlineData("أوستن", "اوستن")]
    [InlineData("إبريل", "ابريل")]
    [InlineData("آذار", "اذار")]
    [InlineData("مستوًى", "مستوي")]
    [InlineData("مفتوحة", "مفتوحه")]
    [InlineData("٢٠١٤", "2014")]
    [InlineData("۲۰۱۴", "2014")]
    [InlineData("CNN", "cnn")]
    [InlineData("الكرملين\u200F", "الكرملين")]
    [InlineData("\uFEFFموسكو", "موسكو")]
    [InlineData("زي\u200Dلينسكي", "زيلينسكي")]
    public void Normalizer_pairs_meet(string a, string b) =>
        Assert.Equal(ArabicNormalizer.Normalize(a), ArabicNormalizer.Normalize(b));

    // The light stem: وبيلوسوف, لبيلوسوف and بيلوسوف meet; a name is never stemmed into another word.
    [Theory]
    [InlineData("وبيلوسوف", "بيلوسوف")]
    [InlineData("لبيلوسوف", "بيلوسوف")]
    [InlineData("وبوتين", "بوتين")]
    [InlineData("لأوستن", "أوستن")]
    [InlineData("الأسلحة", "أسلحة")]
    [InlineData("والأسلحة", "الأسلحة")]
    [InlineData("الصواريخ", "صواريخ")]
    [InlineData("وزير", "والوزير")]
    [InlineData("الأوكرانية", "أوكرانية")]
    public void Stemmer_pairs_meet(string a, string b) =>
        Assert.Equal(SearchStem(a), SearchStem(b));

    [Theory]
    [InlineData("بوتين", "بوتين")]
    [InlineData("وزير", "وزير")]
    [InlineData("واشنطن", "واشنطن")]
    public void Stemmer_harms_are_guarded(string word, string expected) =>
        Assert.Equal(expected, SearchStem(word));

    // The name key: foreign-name spellings meet, confirmed by edit distance.
    [Theory]
    [InlineData("شويجو", "شويغو")]
    [InlineData("سيرجي", "سيرغي")]
    [InlineData("زيلينسكي", "زيلنسكي")]
    [InlineData("الأميركي", "الأمريكي")]
    [InlineData("البنتاغون", "البنتاجون")]
    [InlineData("سيرجي شويجو", "سيرغي شويغو")]
    [InlineData("وزير الدفاع الأميركي", "وزير الدفاع الأمريكي")]
    public void Name_key_pairs_meet(string a, string b)
    {
        Assert.Equal(NameKey.For(a), NameKey.For(b));
        Assert.True(NameKey.AreVariants(a, b));
    }

    // The date pairs the issue names: dual month names in both spacings and the Hijri dateline.
    [Theory]
    [InlineData("5 آذار/مارس 2023", "5 مارس 2023")]
    [InlineData("5 شباط/ فبراير 2022", "5-فبراير-2022")]
    [InlineData("5 نيسان/إبريل 2024", "5 أبريل 2024")]
    [InlineData("26 جوان 2024", "26 يونيو 2024")]
    [InlineData("الرياض 26 شوال 1436 هـ الموافق 11 اغسطس 2015 م", "11-أغسطس-2015")]
    [InlineData("26 شوال 1436 هـ", "2015-08-11")]
    public void Date_pairs_meet(string a, string b)
    {
        Assert.True(ArabicDateParser.TryParsePublicationDate(a, out var left, out var error), error);
        Assert.True(ArabicDateParser.TryParsePublicationDate(b, out var right, out error), error);
        Assert.Equal(left, right);
    }

    [Fact]
    public void Hostile_input_never_throws_anywhere_in_the_api()
    {
        var random = new Random(2014);
        var inputs = new List<string?> { null, "", " ", "\0", "\uD800", "\uDC00", "\uDBFF\uDBFF", "\u0007\u001B[31m", "ـًٌٍَُِّْ", new string('x', 10_240) };
        for (var n = 0; n < 200; n++)
        {
            var chars = new char[random.Next(0, 10_240)];
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = random.Next(3) == 0 ? (char)random.Next(0, 0x10000) : (char)random.Next(0x0600, 0x0700);
            }

            inputs.Add(new string(chars));
        }

        foreach (var input in inputs)
        {
            var normalized = ArabicNormalizer.Normalize(input);
            foreach (var token in ArabicTokenizer.Tokenize(input).Take(50))
            {
                ArabicStemmer.Stem(token.Normalized);
                ArabicStemmer.Stem(token.Normalized, PersonNames.Contains);
                ArabicStemmer.StripPrefixes(token.Normalized);
                NameKey.For(token.Original);
            }

            ArabicStemmer.Stem(normalized, PersonNames.Contains);
            NameKey.AreVariants(input, normalized);
            ArabicDateParser.TryParsePublicationDate(input, out _, out _);
            ArabicDateParser.FindDates(input, new DateOnly(2024, 6, 26));
        }
    }

    private static string SearchStem(string word) =>
        ArabicStemmer.Stem(ArabicNormalizer.Normalize(word), PersonNames.Contains);
}
