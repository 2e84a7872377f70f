using NewsArchive.Text.Normalization;

namespace NewsArchive.Text.Tests.Normalization;

public class ArabicNormalizerTests
{
    [Theory]
    [InlineData("هدّد", "هدد")]
    [InlineData("اتصالًا هاتفيًا", "اتصالا هاتفيا")]
    [InlineData("الصـــواريخ", "الصواريخ")]
    [InlineData("أإآٱ", "اااا")]
    [InlineData("مستوى", "مستوي")]
    [InlineData("مفتوحة", "مفتوحه")]
    [InlineData("٢٠٢٤ ۲۰۲۴", "2024 2024")]
    [InlineData("CNN Reuters", "cnn reuters")]
    [InlineData("بو\u200Fتين\u200C\uFEFF", "بوتين")]
    [InlineData("أزمة الصواريخ، عام 1962.", "ازمه الصواريخ، عام 1962.")]
    [InlineData("الْأَمْرِيكِيُّ", "الامريكي")]
    [InlineData("", "")]
    public void Search_form_folds_spelling_but_keeps_words_and_punctuation(string text, string expected) =>
        Assert.Equal(expected, ArabicNormalizer.Normalize(text));

    [Theory]
    [InlineData("هدّد", "هدد")]
    [InlineData("الصـــواريخ", "الصواريخ")]
    [InlineData("أوستن", "اوستن")]
    [InlineData("\u200F", "")]
    public void Folding_into_a_buffer_writes_the_search_form_and_its_length(string text, string expected)
    {
        Span<char> buffer = stackalloc char[text.Length];

        var written = ArabicNormalizer.FoldInto(text, buffer);

        Assert.Equal(expected, new string(buffer[..written]));
        Assert.Equal(ArabicNormalizer.Normalize(text), new string(buffer[..written]));
    }

    [Fact]
    public void Text_already_in_search_form_is_returned_as_is()
    {
        const string text = "موسكو وواشنطن";
        Assert.Same(text, ArabicNormalizer.Normalize(text));
    }

    [Fact]
    public void Hostile_text_never_throws()
    {
        var random = new Random(3);
        var inputs = new List<string?> { null, "\0", "\uD800", "\uDFFF\uD800", "\u0001\u0002\u001F\u007F", new string('ً', 10_240) };
        for (var n = 0; n < 300; n++)
        {
            var chars = new char[random.Next(0, 12_000)];
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = (char)random.Next(0, 0x10000);
            }

            inputs.Add(new string(chars));
        }

        foreach (var input in inputs)
        {
            var normalized = ArabicNormalizer.Normalize(input);
            Assert.True(normalized.Length <= (input?.Length ?? 0));
        }
    }
}
