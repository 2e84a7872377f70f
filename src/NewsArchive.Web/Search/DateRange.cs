using System.Globalization;
using NewsArchive.Text.Normalization;

namespace NewsArchive.Web.Search;

/// <summary>
/// An inclusive range of days read from <c>from</c>/<c>to</c> parameters, each an ISO date
/// (<c>2024-06-26</c>), a year-month (<c>2022-02</c>) or a year (<c>2014</c>): <c>from</c> takes the
/// first day it covers and <c>to</c> the last, so <c>from=2014&amp;to=2014</c> is the whole year.
/// </summary>
public readonly record struct DateRange(DateOnly From, DateOnly To)
{
    public static readonly DateRange All = new(DateOnly.MinValue, DateOnly.MaxValue);

    public bool IsAll => From == DateOnly.MinValue && To == DateOnly.MaxValue;

    /// <summary>Reads the two bounds; an empty bound is open. False, with the reason, when a bound is not a date.</summary>
    public static bool TryParse(string? from, string? to, out DateRange range, out string? error)
    {
        range = All;
        error = null;
        var start = DateOnly.MinValue;
        var end = DateOnly.MaxValue;
        if (!string.IsNullOrWhiteSpace(from) && !TryParseBound(from, atEnd: false, out start))
        {
            error = $"'from' must be a date (yyyy, yyyy-MM or yyyy-MM-dd), not '{Shorten(from)}'.";
            return false;
        }

        if (!string.IsNullOrWhiteSpace(to) && !TryParseBound(to, atEnd: true, out end))
        {
            error = $"'to' must be a date (yyyy, yyyy-MM or yyyy-MM-dd), not '{Shorten(to)}'.";
            return false;
        }

        if (start > end)
        {
            error = "'from' is after 'to'.";
            return false;
        }

        range = new DateRange(start, end);
        return true;
    }

    public static bool TryParseBound(string text, bool atEnd, out DateOnly date)
    {
        date = default;
        // Arabic-Indic digits are as good as ASCII ones.
        var s = ArabicNormalizer.Normalize(text.Trim());
        var inv = CultureInfo.InvariantCulture;
        switch (s.Length)
        {
            case 4 when int.TryParse(s, NumberStyles.None, inv, out var year) && year >= 1:
                date = atEnd ? new DateOnly(year, 12, 31) : new DateOnly(year, 1, 1);
                return true;
            case 7 when DateOnly.TryParseExact(s + "-01", "yyyy-MM-dd", inv, DateTimeStyles.None, out var month):
                date = atEnd ? new DateOnly(month.Year, month.Month, DateTime.DaysInMonth(month.Year, month.Month)) : month;
                return true;
            case 10 when DateOnly.TryParseExact(s, "yyyy-MM-dd", inv, DateTimeStyles.None, out var day):
                date = day;
                return true;
            default:
                return false;
        }
    }

    /// <summary>More period tokens than this and the filter is left to SQL alone.</summary>
    private const int MaxPeriodTokens = 120;

    /// <summary>
    /// The period-column tokens (whole years, then whole months) whose union covers this range
    /// within [<paramref name="first"/>, <paramref name="last"/>], the span the archive holds; and
    /// whether the exact days must still be checked in SQL (the range cuts a month, or would need
    /// too many tokens and is left to SQL alone). Null tokens and no check: the whole archive.
    /// </summary>
    public (IReadOnlyList<string>? Tokens, bool CheckDays) PeriodTokens(DateOnly first, DateOnly last)
    {
        var from = From > first ? From : first;
        var to = To < last ? To : last;
        if (from > to)
        {
            return (["y0000"], false);
        }

        if (From <= first && To >= last)
        {
            return (null, false);
        }

        // A bound outside the archive's span cuts nothing (no article is older than the first
        // date or newer than the last), so on that side the range widens to the whole year: fewer
        // tokens to merge, and no day check for a span that happens to start mid-month.
        from = From <= first ? new DateOnly(first.Year, 1, 1) : from;
        to = To >= last ? new DateOnly(last.Year, 12, 31) : to;
        var tokens = new List<string>();
        var d = new DateOnly(from.Year, from.Month, 1);
        while (d <= to && tokens.Count <= MaxPeriodTokens)
        {
            if (d.Month == 1 && (d.Year < to.Year || to.Month == 12))
            {
                tokens.Add(SearchAnalyzer.YearToken(d.Year));
                if (d.Year == DateOnly.MaxValue.Year)
                {
                    break;
                }

                d = new DateOnly(d.Year + 1, 1, 1);
            }
            else
            {
                tokens.Add(SearchAnalyzer.MonthToken(d.Year, d.Month));
                if (d.Year == DateOnly.MaxValue.Year && d.Month == 12)
                {
                    break;
                }

                d = d.AddMonths(1);
            }
        }

        var cutsMonth = from.Day != 1 || to.Day != DateTime.DaysInMonth(to.Year, to.Month);
        return tokens.Count > MaxPeriodTokens ? (null, true) : (tokens, cutsMonth);
    }

    private static string Shorten(string s) => s.Length > 40 ? s[..40] + "…" : s;
}
