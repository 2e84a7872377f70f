using System.Globalization;

namespace NewsArchive.Text.Dates;

/// <summary>How much of a date a text states.</summary>
public enum DatePrecision
{
    /// <summary>A whole year: <c>عام 1962</c>.</summary>
    Year = 0,

    /// <summary>A month of a year: <c>شباط/ فبراير 2022</c>.</summary>
    Month = 1,

    /// <summary>A week, stored as the date of its Monday: <c>الأسبوع الماضي</c>.</summary>
    Week = 2,

    /// <summary>A single day: <c>26-يونيو-2024</c>, <c>أمس</c>.</summary>
    Day = 3,
}

/// <summary>
/// A date known to a given precision. <see cref="Start"/> is the first day the date covers
/// (1 January for a year, the 1st for a month, the Monday for a week).
/// </summary>
public readonly record struct PartialDate(DateOnly Start, DatePrecision Precision)
{
    /// <summary>A whole year.</summary>
    public static PartialDate OfYear(int year) => new(new DateOnly(year, 1, 1), DatePrecision.Year);

    /// <summary>A month of a year.</summary>
    public static PartialDate OfMonth(int year, int month) => new(new DateOnly(year, month, 1), DatePrecision.Month);

    /// <summary>A single day.</summary>
    public static PartialDate OfDay(DateOnly day) => new(day, DatePrecision.Day);

    /// <summary>The last day the date covers.</summary>
    public DateOnly End => Precision switch
    {
        DatePrecision.Year => new DateOnly(Start.Year, 12, 31),
        DatePrecision.Month => Start.AddMonths(1).AddDays(-1),
        DatePrecision.Week => Start.AddDays(6),
        _ => Start,
    };

    /// <summary>ISO 8601 at the date's own precision: <c>2014</c>, <c>2022-02</c>, <c>2024-W25</c>, <c>2024-06-26</c>.</summary>
    public string ToIso() => Precision switch
    {
        DatePrecision.Year => Start.Year.ToString("D4", CultureInfo.InvariantCulture),
        DatePrecision.Month => Start.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        DatePrecision.Week => string.Create(CultureInfo.InvariantCulture,
            $"{ISOWeek.GetYear(Start.ToDateTime(TimeOnly.MinValue)):D4}-W{ISOWeek.GetWeekOfYear(Start.ToDateTime(TimeOnly.MinValue)):D2}"),
        _ => Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    /// <inheritdoc />
    public override string ToString() => ToIso();
}

/// <summary>A date expression found in running text, with where it stands in that text.</summary>
/// <param name="Date">The date it denotes, resolved against the article's publication date.</param>
/// <param name="Start">Offset of the expression's first character in the text searched.</param>
/// <param name="Length">Length of the expression in the text searched.</param>
/// <param name="Text">The expression as written.</param>
public sealed record DateMention(PartialDate Date, int Start, int Length, string Text);
