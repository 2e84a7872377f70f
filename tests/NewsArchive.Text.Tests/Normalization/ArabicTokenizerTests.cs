using NewsArchive.Text.Normalization;

namespace NewsArchive.Text.Tests.Normalization;

public class ArabicTokenizerTests
{
    /// <summary>Expected tokens written <c>original→normalized</c>, separated by spaces.</summary>
    [Theory]
    [InlineData("هدّد الرئيس", "هدّد→هدد الرئيس→الرءيس")]
    [InlineData("اتصالًا هاتفيًا،", "اتصالًا→اتصالا هاتفيًا→هاتفيا")]
    [InlineData("بـ\"عواقب\"", "بـ→ب عواقب→عواقب")]
    [InlineData("مفتوحة.وقال", "مفتوحة→مفتوحه وقال→وقال")]
    [InlineData("أيار/ مايو", "أيار→ايار مايو→مايو")]
    [InlineData("٢٠١٤م", "٢٠١٤→2014 م→م")]
    [InlineData("F-16 وCNN", "F→f 16→16 وCNN→وcnn")]
    [InlineData("مستوًى", "مستوًى→مستوي")]
    [InlineData("الأمريكي\u200F.", "الأمريكي→الامريكي")]
    [InlineData("ال\u200Cكتاب", "ال\u200Cكتاب→الكتاب")]
    [InlineData("ـــ ً", "")]
    [InlineData("مسؤول مسئول", "مسؤول→مسءول مسئول→مسءول")]
    [InlineData("😀سلام\uD800عليكم", "سلام→سلام عليكم→عليكم")]
    public void Words_keep_their_original_form_and_get_a_search_form(string text, string expected)
    {
        var tokens = ArabicTokenizer.Tokenize(text);
        Assert.Equal(expected, string.Join(' ', tokens.Select(t => $"{t.Original}→{t.Normalized}")));
        foreach (var token in tokens)
        {
            Assert.Equal(token.Original, text.Substring(token.Start, token.Length));
        }
    }

    [Theory]
    [InlineData("هدّد الرئيس", "هدّد الرئيس")]
    [InlineData("بـ\"عواقب\"", "بـ عواقب")]
    [InlineData("٢٠١٤م", "٢٠١٤ م")]
    [InlineData("الأمريكي\u200F.", "الأمريكي")]
    [InlineData("ال\u200Cكتاب", "ال\u200Cكتاب")]
    [InlineData("ـــ ً", "")]
    [InlineData("😀سلام\uD800عليكم", "سلام عليكم")]
    public void Word_ranges_are_the_words_of_tokenize(string text, string expected)
    {
        var ranges = ArabicTokenizer.WordRanges(text);
        Assert.Equal(expected, string.Join(' ', ranges.Select(r => text.Substring(r.Start, r.Length))));
        Assert.Equal(ArabicTokenizer.Tokenize(text).Select(t => (t.Start, t.Length)), ranges);
    }

    [Fact]
    public void Offsets_point_back_into_the_original_text_for_highlighting()
    {
        const string text = "وقال البنتاغون إن أوستن وبيلوسوف ناقشا أهمية إبقاء خطوط الاتصال مفتوحة.";
        var token = ArabicTokenizer.Tokenize(text).Single(t => t.Normalized == "اوستن");
        Assert.Equal("أوستن", text.Substring(token.Start, token.Length));
        Assert.Equal(text.IndexOf("أوستن", StringComparison.Ordinal), token.Start);
    }

    [Fact]
    public void Unchanged_words_share_one_string()
    {
        var token = Assert.Single(ArabicTokenizer.Tokenize("موسكو"));
        Assert.Same(token.Original, token.Normalized);
    }

    [Fact]
    public void Numbers_know_their_value()
    {
        var tokens = ArabicTokenizer.Tokenize("٢٦ يونيو 99999999999");
        Assert.Equal(26, tokens[0].NumberValue);
        Assert.False(tokens[1].IsNumber);
        Assert.Equal(-1, tokens[1].NumberValue);
        Assert.Equal(int.MaxValue, tokens[2].NumberValue);
    }

    [Fact]
    public void Hostile_text_never_throws_and_offsets_stay_inside()
    {
        var random = new Random(7);
        var inputs = new List<string?> { null, "", "\0\0\0", "\uD800", "\uDC00\uD800", new string('ـ', 10_000), new string('ب', 10_240) };
        for (var n = 0; n < 500; n++)
        {
            var chars = new char[random.Next(0, 200)];
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = (char)random.Next(0, 0x10000);
            }

            inputs.Add(new string(chars));
        }

        foreach (var input in inputs)
        {
            var previousEnd = 0;
            foreach (var token in ArabicTokenizer.Tokenize(input))
            {
                Assert.True(token.Start >= previousEnd && token.Length > 0 && token.End <= input!.Length);
                Assert.Equal(token.Original, input.Substring(token.Start, token.Length));
                previousEnd = token.End;
            }
        }
    }
}
