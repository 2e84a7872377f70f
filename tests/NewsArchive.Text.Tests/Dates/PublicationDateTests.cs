using NewsArchive.Text.Dates;

namespace NewsArchive.Text.Tests.Dates;

public class PublicationDateTests
{
    [Theory]
    [InlineData("26-يونيو-2024", "2024-06-26")]
    [InlineData("2024-06-26", "2024-06-26")]
    [InlineData("26/06/2024", "2024-06-26")]
    [InlineData("26.06.2024", "2024-06-26")]
    [InlineData("06/26/2024", "2024-06-26")]
    [InlineData("26 يونيو 2024", "2024-06-26")]
    [InlineData("26 يونيه 2024", "2024-06-26")]
    [InlineData("26 حزيران 2024", "2024-06-26")]
    [InlineData("٢٦-يونيو-٢٠٢٤", "2024-06-26")]
    [InlineData("۲۶/۰۶/۲۰۲۴", "2024-06-26")]
    [InlineData("\uFEFF26-يونيو-2024  \r", "2024-06-26")]
    [InlineData("26 جوان 2024", "2024-06-26")]
    [InlineData("5 جانفي 2015", "2015-01-05")]
    [InlineData("5 فيفري 2015", "2015-02-05")]
    [InlineData("5 أفريل 2015", "2015-04-05")]
    [InlineData("5 ماي 2015", "2015-05-05")]
    [InlineData("5 جويلية 2015", "2015-07-05")]
    [InlineData("5 أوت 2015", "2015-08-05")]
    [InlineData("5 كانون الثاني 2015", "2015-01-05")]
    [InlineData("5 تشرين الأول 2015", "2015-10-05")]
    [InlineData("5 آذار/مارس 2023", "2023-03-05")]
    [InlineData("5 شباط/ فبراير 2022", "2022-02-05")]
    [InlineData("5 نيسان/إبريل 2024", "2024-04-05")]
    [InlineData("5 نيسان / ابريل 2024", "2024-04-05")]
    [InlineData("26 يونيو (حزيران) 2024", "2024-06-26")]
    [InlineData("5 اغسطس 2015", "2015-08-05")]
    [InlineData("5 أغُسطس 2015", "2015-08-05")]
    [InlineData("5 ديسمبر 2015م", "2015-12-05")]
    [InlineData("الأربعاء 26 يونيو 2024", "2024-06-26")]
    [InlineData("يونيو 26، 2024", "2024-06-26")]
    [InlineData("26 يونيو 2024 10:30 ص", "2024-06-26")]
    [InlineData("26 شوال 1436 هـ", "2015-08-11")]
    [InlineData("26 شوال 1436هـ", "2015-08-11")]
    [InlineData("1 رمضان 1436", "2015-06-18")]
    [InlineData("10 ذو القعدة 1436", "2015-08-25")]
    [InlineData("18/8/1436", "2015-06-05")]
    [InlineData("الرياض 26 شوال 1436 هـ الموافق 11 اغسطس 2015 م", "2015-08-11")]
    [InlineData("الرياض 26 شوال 1436 هـ الموافق 11 اغسطس 2015 م واس", "2015-08-11")]
    [InlineData("26 شوال 1436 هـ الموافق 11 فلان 2015", "2015-08-11")]
    [InlineData("29 فبراير 2024", "2024-02-29")]
    [InlineData("جدة 5 يوليو 2015", "2015-07-05")]
    [InlineData("الأربعاء، 26 يونيو، 2024 - 10:30 ص", "2024-06-26")]
    [InlineData("2024/06/26", "2024-06-26")]
    [InlineData("26‏/06‏/2024", "2024-06-26")]
    [InlineData("2024-06-26T10:30:00Z", "2024-06-26")]
    [InlineData("2024-06-26 10:30:00 +03:00", "2024-06-26")]
    [InlineData("June 26, 2024", "2024-06-26")]
    [InlineData("26 Jun 2024", "2024-06-26")]
    [InlineData("26 ماي 2024", "2024-05-26")]
    [InlineData("26 فبرایر 2024", "2024-02-26")]
    public void Publication_date_forms_parse(string line, string expected)
    {
        Assert.True(ArabicDateParser.TryParsePublicationDate(line, out var date, out var error), error);
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), date);
        Assert.Equal(string.Empty, error);
    }

    [Theory]
    [InlineData("31 فبراير 2024", "February 2024 has 29 days")]
    [InlineData("29-فبراير-2023", "February 2023 has 28 days")]
    [InlineData("31/04/2024", "April 2024 has 30 days")]
    [InlineData("26 فلان 2024", "unknown month name 'فلان'")]
    [InlineData("26 يونيوو 2024", "unknown month name 'يونيوو'")]
    [InlineData("26 آذار/أبريل 2024", "disagree")]
    [InlineData("26/13/2024", "month 13")]
    [InlineData("26 يونيو", "lacks a day or a year")]
    [InlineData("يونيو 2024", "lacks a day or a year")]
    [InlineData("لويد أوستن", "no date")]
    [InlineData("", "empty")]
    [InlineData("   ", "empty")]
    [InlineData("26 يونيو 202", "not a year")]
    [InlineData("26 يونيو 2024 وزير", "unexpected 'وزير'")]
    [InlineData("26 يونيو 1436 هـ", "Gregorian month")]
    [InlineData("31 يونيو 2024", "June 2024 has 30 days")]
    [InlineData("26 يونيو 1024", "not a plausible publication year")]
    [InlineData("31 شوال 1436 هـ", "at most 30 days")]
    public void Impossible_or_unknown_dates_say_what_is_wrong(string line, string expectedInError)
    {
        Assert.False(ArabicDateParser.TryParsePublicationDate(line, out _, out var error));
        Assert.Contains(expectedInError, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Null_line_is_an_error_not_an_exception()
    {
        Assert.False(ArabicDateParser.TryParsePublicationDate(null, out _, out var error));
        Assert.NotEmpty(error);
    }

    [Fact]
    public void Day_30_of_a_29_day_Hijri_month_is_the_next_day()
    {
        // Ramadan 1436 has 29 days in Umm al-Qura; a paper following the sighted moon may still print 30.
        Assert.Equal(29, new System.Globalization.UmAlQuraCalendar().GetDaysInMonth(1436, 9));
        Assert.True(ArabicDateParser.TryParsePublicationDate("30 رمضان 1436 هـ", out var date, out _));
        Assert.True(ArabicDateParser.TryParsePublicationDate("1 شوال 1436 هـ", out var next, out _));
        Assert.Equal(next, date);
    }

    [Fact]
    public void Random_and_truncated_lines_never_throw()
    {
        var random = new Random(20240626);
        const string alphabet = "0123456789٠١٢٣٤٥٦٧٨٩۰۱۲۳ -/.:()،يونيوحزيرانشوالهـمالموافق\u064E\u0640\u200F\uD800\uDC00\0\r\n";
        var seeds = new[] { "الرياض 26 شوال 1436 هـ الموافق 11 اغسطس 2015 م", "٢٦-يونيو-٢٠٢٤", "5 شباط/ فبراير 2022" };
        foreach (var seed in seeds)
        {
            for (var cut = 0; cut <= seed.Length; cut++)
            {
                ArabicDateParser.TryParsePublicationDate(seed[..cut], out _, out _);
                ArabicDateParser.TryParsePublicationDate(seed[cut..], out _, out _);
            }
        }

        for (var n = 0; n < 5000; n++)
        {
            var chars = new char[random.Next(0, 40)];
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = random.Next(10) == 0 ? (char)random.Next(0, 0x10000) : alphabet[random.Next(alphabet.Length)];
            }

            var ok = ArabicDateParser.TryParsePublicationDate(new string(chars), out _, out var error);
            Assert.True(ok || error.Length > 0);
        }
    }
}
