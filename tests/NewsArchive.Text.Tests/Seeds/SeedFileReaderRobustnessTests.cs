using System.Text;
using NewsArchive.Text.Seeds;

namespace NewsArchive.Text.Tests.Seeds;

public class SeedFileReaderRobustnessTests
{
    [Fact]
    public void Random_bytes_give_a_result_or_an_error_never_an_exception()
    {
        var random = new Random(1234);
        for (var n = 0; n < 300; n++)
        {
            var bytes = new byte[random.Next(0, 400)];
            random.NextBytes(bytes);
            var result = SeedFileReader.Read("random.bin", bytes);
            Assert.True(result.Succeeded ^ (result.Error is not null));
        }
    }

    [Fact]
    public void Random_arabic_text_after_a_valid_date_never_throws()
    {
        var random = new Random(99);
        const string alphabet = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي ءأإآةى،.؛:\"«»()/- 0123456789٠١٢٣\n\u064B\u0651\u00A0";
        for (var n = 0; n < 300; n++)
        {
            var sb = new StringBuilder("26-يونيو-2024\n");
            var length = random.Next(0, 600);
            for (var i = 0; i < length; i++)
            {
                sb.Append(alphabet[random.Next(alphabet.Length)]);
            }

            var result = SeedFileReader.Read("random.txt", Encoding.UTF8.GetBytes(sb.ToString()));
            Assert.True(result.Succeeded ^ (result.Error is not null));
        }
    }

    [Fact]
    public void Every_truncation_of_the_seed_example_reads_or_fails_cleanly()
    {
        var seed = RepoFiles.SeedExample();
        for (var cut = 0; cut <= seed.Length; cut += 7)
        {
            var result = SeedFileReader.Read("cut.txt", seed.AsSpan(0, cut));
            Assert.True(result.Succeeded ^ (result.Error is not null), $"cut at {cut}");
        }
    }
}

public class SeedFileReaderWordSaladTests
{
    // Words that trigger every extractor path: titles, names, connectors, dates, relative pronouns, punctuation.
    private static readonly string[] Vocabulary =
    [
        "الرئيس", "وزير", "الدفاع", "الروسي", "فلاديمير", "بوتين", "بن", "آل", "سعود", "عبد", "الله", "أبو", "قال", "إن",
        "عام", "2014", "في", "شباط/", "فبراير", "2022", "أيار/", "مايو", "المنصرم", "الإثنين", "الماضي", "أمس", "اليوم",
        "الأسبوع", "26", "شوال", "1436", "هـ", "الموافق", "التي", "الذي", "،", ".", "«", "»", "(", ")", "/", "على", "علي",
        "جامعة", "الملك", "واس", "الدكتور", "المتحدث", "باسم", "الكرملين", "ديمتري", "\n", "\n\n", "منذ", "بعد", "و",
    ];

    [Fact]
    public void Word_salad_of_names_titles_and_dates_never_throws()
    {
        var random = new Random(7);
        for (var n = 0; n < 500; n++)
        {
            var words = Enumerable.Range(0, random.Next(0, 80)).Select(_ => Vocabulary[random.Next(Vocabulary.Length)]);
            var text = "26-يونيو-2024\nعنوان\n\n" + string.Join(random.Next(3) == 0 ? "" : " ", words);
            var result = SeedFileReader.Read("salad.txt", System.Text.Encoding.UTF8.GetBytes(text));
            Assert.True(result.Succeeded ^ (result.Error is not null));
        }
    }
}
