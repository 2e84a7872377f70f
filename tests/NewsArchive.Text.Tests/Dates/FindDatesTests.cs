using System.Globalization;
using NewsArchive.Text.Dates;

namespace NewsArchive.Text.Tests.Dates;

public class FindDatesTests
{
    // The seed article's date: Wednesday 26 June 2024.
    private const string Article = "2024-06-26";

    /// <summary>
    /// Each case: a text, the article's date, and the expected mentions in text order, written
    /// <c>Precision:start-date=text as written</c> and separated by <c> | </c>; empty for none.
    /// </summary>
    [Theory]
    [InlineData("أزمة الصواريخ الكوبية عام 1962 بعد الغزو", Article, "Year:1962-01-01=عام 1962")]
    [InlineData("شبه جزيرة القرم التي ضمتها روسيا 2014.", Article, "Year:2014-01-01=2014")]
    [InlineData("التي ضمّتها روسيا إليها في 2014.", Article, "Year:2014-01-01=2014")]
    [InlineData("وضمت روسيا شبه جزيرة القرم في عام 2014 وتعتبرها جزءًا", Article, "Year:2014-01-01=عام 2014")]
    [InlineData("الغزو الروسي الشامل لأوكرانيا في شباط/ فبراير 2022.", Article, "Month:2022-02-01=شباط/ فبراير 2022")]
    [InlineData("أول مكالمة من نوعها منذ آذار/مارس 2023.", Article, "Month:2023-03-01=آذار/مارس 2023")]
    [InlineData("حل محل سيرجي شويجو في أيار/ مايو المنصرم.", Article, "Month:2024-05-01=أيار/ مايو المنصرم")]
    [InlineData("إمدادات الأسلحة إلى أوكرانيا في نيسان/إبريل بموافقة الكونغرس", Article, "Month:2024-04-01=نيسان/إبريل")]
    [InlineData("حزمة مساعدات بقيمة 61 مليار دولار لصالح كييف.", Article, "")]
    [InlineData("في الحرب المستمرة منذ 28 شهرًا.", Article, "")]
    [InlineData("والإثنين الماضي هدد المتحدّث باسم الكرملين", Article, "Day:2024-06-24=والإثنين الماضي")]
    [InlineData("وقالت موسكو الأسبوع الماضي إن الاتصالات", Article, "Week:2024-06-17=الأسبوع الماضي")]
    [InlineData("نفذته القوات الأوكرانية مطلع الأسبوع الجاري على شبه جزيرة القرم", Article, "Week:2024-06-24=مطلع الأسبوع الجاري")]
    [InlineData("وخلال عطلة نهاية الأسبوع، قالت روسيا", Article, "")]
    [InlineData("وقال الوزير أمس إن", Article, "Day:2024-06-25=أمس")]
    [InlineData("وصل الوفد بالأمس إلى الرياض", Article, "Day:2024-06-25=بالأمس")]
    [InlineData("وقعت الحادثة أمس الأول في جدة", Article, "Day:2024-06-24=أمس الأول")]
    [InlineData("وقعت الحادثة أول أمس في جدة", Article, "Day:2024-06-24=أول أمس")]
    [InlineData("قال مساء أمس الثلاثاء إن", Article, "Day:2024-06-25=أمس الثلاثاء")]
    [InlineData("يبدأ المؤتمر اليوم في الرياض", Article, "Day:2024-06-26=اليوم")]
    [InlineData("يبدأ المؤتمر اليوم الأربعاء في الرياض", Article, "Day:2024-06-26=اليوم الأربعاء")]
    [InlineData("يبدأ المؤتمر غداً في الرياض", Article, "Day:2024-06-27=غداً")]
    [InlineData("احتفلت المملكة باليوم الوطني", Article, "")]
    [InlineData("وقال لصحيفة اليوم إن", Article, "")]
    [InlineData("الاثنين الماضي", Article, "Day:2024-06-24=الاثنين الماضي")]
    [InlineData("الأربعاء الماضي", Article, "Day:2024-06-19=الأربعاء الماضي")]
    [InlineData("الخميس المقبل", Article, "Day:2024-06-27=الخميس المقبل")]
    [InlineData("الأربعاء القادم", Article, "Day:2024-07-03=الأربعاء القادم")]
    [InlineData("الجمعة الماضية", Article, "Day:2024-06-21=الجمعة الماضية")]
    [InlineData("ارتفعت الأسعار الشهر الماضي", Article, "Month:2024-05-01=الشهر الماضي")]
    [InlineData("ارتفعت الأسعار الشهر المقبل", "2024-12-10", "Month:2025-01-01=الشهر المقبل")]
    [InlineData("مقارنة بالعام الماضي", Article, "Year:2023-01-01=بالعام الماضي")]
    [InlineData("خلال السنة الماضية", Article, "Year:2023-01-01=السنة الماضية")]
    [InlineData("في العام المقبل", Article, "Year:2025-01-01=العام المقبل")]
    [InlineData("منذ بداية هذا العام", Article, "Year:2024-01-01=بداية هذا العام")]
    [InlineData("الأسبوع المقبل", Article, "Week:2024-07-01=الأسبوع المقبل")]
    [InlineData("في يوليو الماضي", Article, "Month:2023-07-01=يوليو الماضي")]
    [InlineData("في يوليو المقبل", Article, "Month:2024-07-01=يوليو المقبل")]
    [InlineData("في يونيو الماضي", Article, "Month:2023-06-01=يونيو الماضي")]
    [InlineData("منذ يوليو", Article, "Month:2023-07-01=يوليو")]
    [InlineData("في مايو من العام الماضي", Article, "Month:2023-05-01=مايو من العام الماضي")]
    [InlineData("في مارس من عام 2020", Article, "Month:2020-03-01=مارس من عام 2020")]
    [InlineData("وصل في 5 يونيو إلى جدة", Article, "Day:2024-06-05=5 يونيو")]
    [InlineData("يصل في 28 يونيو إلى جدة", Article, "Day:2023-06-28=28 يونيو")]
    [InlineData("يصل في 28 يونيو المقبل إلى جدة", Article, "Day:2024-06-28=28 يونيو المقبل")]
    [InlineData("وقعت في 6 أغسطس (آب) 2012، الموافق 17 رمضان", Article, "Day:2012-08-06=6 أغسطس (آب) 2012")]
    [InlineData("الموافق 26 يونيو (حزيران) الماضي، تجاوز", "2015-07-20", "Day:2015-06-26=26 يونيو (حزيران) الماضي")]
    [InlineData("كانون الثاني 2015", Article, "Month:2015-01-01=كانون الثاني 2015")]
    [InlineData("في 5 جانفي 2015 وفي أوت 2016", Article, "Day:2015-01-05=5 جانفي 2015 | Month:2016-08-01=أوت 2016")]
    [InlineData("الرياض 26 شوال 1436 هـ الموافق 11 اغسطس 2015 م واس", "2015-08-11", "Day:2015-08-11=11 اغسطس 2015 م")]
    [InlineData("تنتهي المهلة في 26 شوال 1436 هـ", "2015-08-01", "Day:2015-08-11=26 شوال 1436 هـ")]
    [InlineData("الجمعة الموافق 18/8/1436 موعد التسجيل", "2015-06-01", "Day:2015-06-05=18/8/1436")]
    [InlineData("بدءً من يوم السبت القادم الموافق 9 / 10 / 1436هـ", "2015-07-20", "Day:2015-07-25=السبت القادم")]
    [InlineData("نشر التقرير في 2024-06-01 صباحا", Article, "Day:2024-06-01=2024-06-01")]
    [InlineData("اعتبارا من العام 1391 هـ الموافق 1971م، الذي", Article, "Year:1971-01-01=1971م")]
    [InlineData("في رمضان الماضي", Article, "Month:2024-03-01=رمضان الماضي")]
    [InlineData("التقى رجب طيب أردوغان", Article, "")]
    [InlineData("قال أب الضحية إن", Article, "")]
    [InlineData("في آب/أغسطس", Article, "Month:2023-08-01=آب/أغسطس")]
    [InlineData("بلغ عدد الزوار 2000 شخص", Article, "")]
    [InlineData("وزعت في 2000 موقع", Article, "")]
    [InlineData("رؤية المملكة 2030", Article, "")]
    [InlineData("موسم 2014/2015", Article, "")]
    [InlineData("بلغ 1500.", Article, "")]
    [InlineData("للاستفسار على الرقم 1900.", Article, "")]
    [InlineData("He said in may be late", Article, "")]
    [InlineData("في May 2023 قال", Article, "Month:2023-05-01=May 2023")]
    [InlineData("وتوفي في الأول من أغسطس عام 2005.", Article, "Day:2005-08-01=الأول من أغسطس عام 2005")]
    [InlineData("يستمر حتى العاشر من شهر اغسطس المقبل", "2015-07-23", "Day:2015-08-10=العاشر من شهر اغسطس المقبل")]
    [InlineData("في الحادي والعشرين من سبتمبر من العام الماضي.", "2015-08-01", "Day:2014-09-21=الحادي والعشرين من سبتمبر من العام الماضي")]
    [InlineData("مباراة يوم ٣١ من الشهر الجاري", "2015-07-26", "Day:2015-07-31=٣١ من الشهر الجاري")]
    [InlineData("فرضت لأول مرة في أكتوبر العام الماضي ، وذلك", "2015-07-26", "Month:2014-10-01=أكتوبر العام الماضي")]
    [InlineData("في الأسبوع الأول من الشهر المقبل", "2015-07-26", "Month:2015-08-01=الشهر المقبل")]
    [InlineData("قالت الوزارة اليوم الأربعاء إن", "2015-07-31", "Day:2015-07-29=اليوم الأربعاء")]
    [InlineData("قالت الوزارة أمس الخميس إن", "2015-08-01", "Day:2015-07-30=أمس الخميس")]
    [InlineData("ويقيم المدربان غدا الثلاثاء المؤتمر", "2015-08-10", "Day:2015-08-11=غدا الثلاثاء")]
    [InlineData("حين تغلب عليه 3 - صفر في دوري الدرجة", Article, "")]
    [InlineData("نزلوا أول من أمس (السبت) إلى الشوارع", Article, "Day:2024-06-24=أول من أمس")]
    [InlineData("صارمة عمر إبراهيم – عين اليوم أوصى", Article, "")]
    [InlineData("في لوس أنجليس يوم 30 أغسطس (آب). ", Article, "Day:2023-08-30=30 أغسطس (آب)")]
    [InlineData("رفع أسعار الفائدة منذ نوفمبر تشرين الثاني و", Article, "Month:2023-11-01=نوفمبر تشرين الثاني")]
    public void Finds_date_expressions_resolved_against_the_article(string text, string articleDate, string expected)
    {
        var article = DateOnly.Parse(articleDate, CultureInfo.InvariantCulture);
        var mentions = ArabicDateParser.FindDates(text, article);

        foreach (var mention in mentions)
        {
            Assert.Equal(text.Substring(mention.Start, mention.Length), mention.Text);
        }

        var actual = string.Join(" | ", mentions.Select(m =>
            $"{m.Date.Precision}:{m.Date.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}={m.Text}"));
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Seed_article_dates_are_all_found_with_their_precision()
    {
        var body = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Dates", "seed-body.txt"));
        var found = ArabicDateParser.FindDates(body, new DateOnly(2024, 6, 26))
            .Select(m => m.Date.ToIso())
            .ToList();

        Assert.Equal(
            ["2024-W26", "2014", "2024-05", "2023-03", "1962", "2022-02", "2024-W25", "2014", "2024-06-24", "2014", "2024-04"],
            found);
    }

    [Fact]
    public void Date_after_a_run_of_one_character_words_is_found_at_its_offset()
    {
        // A letter and a digit side by side are two words: far more words than news text has for its length.
        var text = string.Concat(Enumerable.Repeat("ب1", 300)) + " ضمتها روسيا عام 1962.";

        var mention = Assert.Single(ArabicDateParser.FindDates(text, new DateOnly(2024, 6, 26)));

        Assert.Equal("1962", mention.Date.ToIso());
        Assert.Equal("عام 1962", mention.Text);
        Assert.Equal(text.IndexOf("عام", StringComparison.Ordinal), mention.Start);
    }

    [Fact]
    public void Random_and_truncated_text_never_throws()
    {
        var body = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Dates", "seed-body.txt"));
        var random = new Random(1962);
        var articleDates = new[] { DateOnly.MinValue, DateOnly.MaxValue, new DateOnly(2024, 6, 26), new DateOnly(1900, 1, 1) };
        for (var n = 0; n < 400; n++)
        {
            var start = random.Next(body.Length);
            var slice = body.Substring(start, random.Next(body.Length - start));
            foreach (var date in articleDates)
            {
                AssertOffsetsHold(slice, ArabicDateParser.FindDates(slice, date));
            }
        }

        const string alphabet = "0123456789٠١٢ /-.():،الماضيالمقبلأمساليومالأسبوعالشهرالعامشوالهـمالموافقآذار/مارس\u064E\u0640\u200F\uD800\uDC00\0\n";
        for (var n = 0; n < 3000; n++)
        {
            var chars = new char[random.Next(0, 80)];
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = random.Next(12) == 0 ? (char)random.Next(0, 0x10000) : alphabet[random.Next(alphabet.Length)];
            }

            var text = new string(chars);
            AssertOffsetsHold(text, ArabicDateParser.FindDates(text, articleDates[n % articleDates.Length]));
        }

        Assert.Empty(ArabicDateParser.FindDates(null, default));
        Assert.Empty(ArabicDateParser.FindDates(string.Empty, default));
    }

    private static void AssertOffsetsHold(string text, IReadOnlyList<DateMention> mentions)
    {
        foreach (var mention in mentions)
        {
            Assert.Equal(text.Substring(mention.Start, mention.Length), mention.Text);
        }
    }
}
