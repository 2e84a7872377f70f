using System.Text;
using NewsArchive.Text.Seeds;

namespace NewsArchive.Text.Tests.Seeds;

public class SeedFileParserTests
{
    private const string Basic = "26-يونيو-2024\nوزارة الداخلية تعايد منسوبيها\n\nاستقبل وكيل الوزارة المهنئين بعيد الفطر المبارك.\n\nوتبادل الجميع التهاني.\n";

    private static ParsedArticle Ok(string text) => Ok(Encoding.UTF8.GetBytes(text));

    private static ParsedArticle Ok(byte[] bytes)
    {
        var result = SeedFileParser.Parse("t.txt", bytes);
        Assert.Null(result.Error);
        return result.Article!;
    }

    private static SeedFileError Error(byte[] bytes)
    {
        var result = SeedFileParser.Parse("bad.txt", bytes);
        Assert.Null(result.Article);
        Assert.NotNull(result.Error);
        Assert.Equal("bad.txt", result.Error.File);
        return result.Error;
    }

    private static SeedFileError Error(string text) => Error(Encoding.UTF8.GetBytes(text));

    [Fact]
    public void Headline_line2_is_the_title_and_not_a_subject()
    {
        var a = Ok(Basic);
        Assert.Equal("وزارة الداخلية تعايد منسوبيها", a.Title);
        Assert.False(a.TitleDerived);
        Assert.Null(a.Subject);
        Assert.Null(a.Caption);
        Assert.Equal(["استقبل وكيل الوزارة المهنئين بعيد الفطر المبارك.", "وتبادل الجميع التهاني."], a.Paragraphs);
    }

    [Theory]
    [InlineData("\r\n")]
    [InlineData("\r")]
    [InlineData("  \n")]
    [InlineData("\u00A0\n")]
    [InlineData(" \t\u00A0 \r\n")]
    public void Line_endings_and_trailing_spaces_do_not_change_the_article(string lineEnd)
    {
        var variant = Basic.Replace("\n", lineEnd, StringComparison.Ordinal);
        var a = Ok(variant);
        var b = Ok(Basic);
        Assert.Equal(b.Title, a.Title);
        Assert.Equal(b.Paragraphs, a.Paragraphs);
        Assert.Equal(b.Published, a.Published);
    }

    [Fact]
    public void Utf8_bom_is_ignored()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Basic)).ToArray();
        Assert.Equal(new DateOnly(2024, 6, 26), Ok(bytes).Published);
    }

    [Fact]
    public void Windows_1256_file_is_rejected_as_not_utf8_with_its_line()
    {
        // "26-06-2024\n" then a headline in Windows-1256: bytes that are not valid UTF-8.
        var bytes = Encoding.ASCII.GetBytes("26-06-2024\n").Concat(new byte[] { 0xE6, 0xD2, 0xC7, 0xD1, 0xC9, 0x0A }).ToArray();
        var error = Error(bytes);
        Assert.Equal(2, error.Line);
        Assert.Contains("not UTF-8 text", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Binary_file_with_nul_bytes_is_rejected()
    {
        var error = Error(new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x0A, 0x00 });
        Assert.Equal(1, error.Line);
        Assert.Contains("not UTF-8 text", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Utf16_file_is_rejected_as_not_utf8()
    {
        Assert.Contains("not UTF-8 text", Error(Encoding.Unicode.GetBytes(Basic)).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Stray_control_character_in_real_text_is_dropped_not_fatal()
    {
        var a = Ok(Basic.Replace("المبارك", "المبارك\u001A", StringComparison.Ordinal));
        Assert.Equal("استقبل وكيل الوزارة المهنئين بعيد الفطر المبارك.", a.Paragraphs[0]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\n \r\n")]
    public void Import_rejects_empty_file(string text)
    {
        var error = Error(text);
        Assert.Equal(0, error.Line);
        Assert.Equal("the file is empty", error.Reason);
    }

    [Fact]
    public void Import_rejects_file_without_date_naming_line_1_and_its_text()
    {
        var error = Error("وزارة الداخلية تعايد منسوبيها\n\nنص الخبر.");
        Assert.Equal(1, error.Line);
        Assert.Contains("line 1 must be the publication date", error.Reason, StringComparison.Ordinal);
        Assert.Contains("وزارة الداخلية تعايد منسوبيها", error.Reason, StringComparison.Ordinal);
        Assert.Equal("bad.txt:1: " + error.Reason, error.ToString());
    }

    [Fact]
    public void Import_rejects_unparseable_date()
    {
        var error = Error("31-فبراير-2024\nعنوان\n\nنص.");
        Assert.Equal(1, error.Line);
        Assert.Contains("31-فبراير-2024", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_rejects_blank_first_line()
    {
        Assert.Equal(1, Error("\n26-يونيو-2024\nعنوان\n\nنص.").Line);
    }

    [Theory]
    [InlineData("26-يونيو-2024")]
    [InlineData("26-يونيو-2024\n")]
    [InlineData("26-يونيو-2024\n\nنص الخبر.")]
    public void Import_rejects_missing_line_2(string text)
    {
        var error = Error(text);
        Assert.Equal(2, error.Line);
        Assert.Contains("line 2", error.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2024-06-26")]
    [InlineData("26/06/2024")]
    [InlineData("26 يونيو 2024")]
    [InlineData("26 حزيران 2024")]
    [InlineData("٢٦-يونيو-٢٠٢٤")]
    public void Publication_date_forms_are_accepted(string line)
    {
        Assert.Equal(new DateOnly(2024, 6, 26), Ok(line + "\nعنوان الخبر هنا\n\nنص.").Published);
    }

    [Fact]
    public void Caption_with_credit_is_split_from_the_body()
    {
        var a = Ok("26-يونيو-2024\nعنوان الخبر هنا\n\nالرئيس الروسي خلال الاجتماع (أرشيفية)\n\nنص الخبر.");
        Assert.Equal("الرئيس الروسي خلال الاجتماع", a.Caption);
        Assert.Equal("أرشيفية", a.Credit);
        Assert.Equal(["نص الخبر."], a.Paragraphs);
    }

    [Fact]
    public void Sentence_with_parenthesis_is_not_a_caption()
    {
        var a = Ok("26-يونيو-2024\nعنوان الخبر هنا\n\nقال الوزير إن الاجتماع ناجح. وأضاف أن الوفد سيعود (غدا)\n\nنص الخبر.");
        Assert.Null(a.Caption);
        Assert.Equal(2, a.Paragraphs.Count);
    }

    [Fact]
    public void Verbatim_repeated_paragraph_is_a_pull_quote_kept_once()
    {
        const string quote = "لن نسمح بأي تهديد لأمن المنطقة مهما كان مصدره";
        var a = Ok($"26-يونيو-2024\nعنوان الخبر هنا\n\n{quote}.\n\nقال الوزير كلاما.\n\n{quote}\n");
        Assert.Equal([quote + "."], a.PullQuotes);
        Assert.Equal([quote + ".", "قال الوزير كلاما."], a.Paragraphs);
    }

    [Fact]
    public void Paragraph_contained_in_a_later_one_is_the_standalone_pull_quote()
    {
        const string quote = "هدد الرئيس بتسليم أسلحة مماثلة لأعداء دول غربية";
        var a = Ok($"26-يونيو-2024\nعنوان الخبر هنا\n\nفقرة أولى.\n\n{quote}\n\nبدوره، {quote}.\n");
        Assert.Equal([quote], a.PullQuotes);
        Assert.Equal(["فقرة أولى.", $"بدوره، {quote}."], a.Paragraphs);
    }

    [Theory]
    [InlineData("الخطوط مفتوحة.وقال المتحدث", "الخطوط مفتوحة. وقال المتحدث")]
    [InlineData("بلغ النمو 3.5 في المئة", "بلغ النمو 3.5 في المئة")]
    [InlineData("الموقع www.spa.gov.sa للمزيد", "الموقع www.spa.gov.sa للمزيد")]
    [InlineData("قال د.محمد إن", "قال د.محمد إن")]
    [InlineData("نما ٣.٥ بالمئة", "نما ٣.٥ بالمئة")]
    public void Missing_space_after_full_stop_is_repaired_without_breaking_numbers_urls_or_abbreviations(string input, string expected)
    {
        Assert.Equal(expected, SeedFileParser.RepairFullStops(input));
    }

    [Fact]
    public void Single_line_break_inside_a_paragraph_is_kept_as_a_soft_break()
    {
        var a = Ok("26-يونيو-2024\nعنوان الخبر هنا\n\nالسطر الأول\nالسطر الثاني\n\nفقرة ثانية.");
        Assert.Equal(["السطر الأول\nالسطر الثاني", "فقرة ثانية."], a.Paragraphs);
    }

    [Theory]
    [InlineData("أجرى وزيرا الدفاع الأميركي والروسي اتصالًا هاتفيًا، وصفته رويترز بالنادر.", "أجرى وزيرا الدفاع الأميركي والروسي اتصالًا هاتفيًا")]
    [InlineData("استقبل خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز آل سعود في قصر السلام بجدة اليوم وفد رابطة العالم الإسلامي برئاسة الأمين العام.", "استقبل خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز آل سعود")]
    [InlineData("قال الوزير: إن الخطة جاهزة.", "قال الوزير")]
    public void Derived_title_is_a_short_clause_of_the_lead(string lead, string title)
    {
        var derived = SeedFileParser.DeriveTitle(lead);
        Assert.Equal(title, derived);
        Assert.True(derived.Split(' ').Length <= 14);
    }

    [Fact]
    public void Subject_line_names_a_person_and_the_title_is_derived()
    {
        var a = Ok("26-يونيو-2024\nسيرغي لافروف\n\nبحث وزير الخارجية الروسي سيرغي لافروف مع نظيره التركي الأزمة، وفق بيان.\n");
        Assert.Equal("سيرغي لافروف", a.Subject);
        Assert.True(a.TitleDerived);
        Assert.Equal("بحث وزير الخارجية الروسي سيرغي لافروف مع نظيره التركي الأزمة", a.Title);
    }

    [Theory]
    [InlineData("مرسي للمحترفين: مكانة الوحدة تستوجب جهودكم")]
    [InlineData("بريطانيا تعلن استراتيجية جديدة")]
    [InlineData("وزارة الداخلية تعايد منسوبيها")]
    [InlineData("عيد الفطر المبارك")]
    public void Headline_is_not_mistaken_for_a_subject_name(string line2)
    {
        Assert.Null(Ok($"26-يونيو-2024\n{line2}\n\nنص الخبر.").Subject);
    }
}

public class SeedFileParserCorpusShapeTests
{
    private const string AgencyFile = "10-أغسطس-2015\nعام / نائب خادم الحرمين الشريفين يرأس جلسة مجلس الوزراء\n\nجدة 25 شوال 1436هـ الموافق 10 أغسطس 2015م واس\n\nرأس نائب خادم الحرمين الشريفين صاحب السمو الملكي الأمير محمد بن نايف بن عبدالعزيز آل سعود الجلسة التي عقدها مجلس الوزراء.\n";

    [Fact]
    public void Section_label_is_taken_off_the_headline()
    {
        var a = SeedFileReader.Read("snn.txt", System.Text.Encoding.UTF8.GetBytes(AgencyFile)).Article!.Article;
        Assert.Equal("عام", a.Section);
        Assert.Equal("نائب خادم الحرمين الشريفين يرأس جلسة مجلس الوزراء", a.Title);
    }

    [Fact]
    public void Agency_dateline_is_recognised_kept_in_the_body_and_not_the_lead_event()
    {
        var read = SeedFileReader.Read("snn.txt", System.Text.Encoding.UTF8.GetBytes(AgencyFile)).Article!;
        Assert.Equal("جدة 25 شوال 1436هـ الموافق 10 أغسطس 2015م واس", read.Article.Dateline);
        Assert.Equal(2, read.Article.Paragraphs.Count);
        var own = Assert.Single(read.Events, e => e.IsArticleEvent);
        Assert.StartsWith("رأس نائب خادم الحرمين الشريفين", own.Text, StringComparison.Ordinal);
        Assert.Equal(["محمد بن نايف بن عبدالعزيز آل سعود"], read.Persons.Select(p => p.Name));
    }

    [Theory]
    [InlineData("حزيران/ يونيو شهر الامتحانات")]
    [InlineData("الهلال / النصر: قمة الموسم")]
    public void Headline_with_a_slash_that_is_not_a_section_is_kept_whole(string line2)
    {
        var a = SeedFileParser.Parse("t.txt", System.Text.Encoding.UTF8.GetBytes($"26-يونيو-2024\n{line2}\n\nنص.")).Article!;
        Assert.Null(a.Section);
        Assert.Equal(line2, a.Title);
    }
}
