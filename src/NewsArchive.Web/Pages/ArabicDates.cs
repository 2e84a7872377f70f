using System.Globalization;
using NewsArchive.Text.Dates;

namespace NewsArchive.Web.Pages;

/// <summary>Dates as readers see them: <c>26 يونيو 2024</c> (Western digits, as in the source files).</summary>
public static class ArabicDates
{
    private static readonly string[] MonthNames =
        ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"];

    public static string MonthName(int month) => MonthNames[month - 1];

    public static string Format(DateOnly date) => string.Create(CultureInfo.InvariantCulture, $"{date.Day} {MonthName(date.Month)} {date.Year}");

    public static string FormatMonth(int year, int month) => string.Create(CultureInfo.InvariantCulture, $"{MonthName(month)} {year}");

    /// <summary>A date at the precision the text gave: <c>2014</c>, <c>فبراير 2022</c>, <c>أسبوع 17 يونيو 2024</c>, <c>26 يونيو 2024</c>.</summary>
    public static string Format(DateOnly start, DatePrecision precision) => precision switch
    {
        DatePrecision.Year => start.Year.ToString(CultureInfo.InvariantCulture),
        DatePrecision.Month => FormatMonth(start.Year, start.Month),
        DatePrecision.Week => "أسبوع " + Format(start),
        _ => Format(start),
    };

    /// <summary>The machine-readable form for <c>&lt;time datetime&gt;</c>.</summary>
    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
