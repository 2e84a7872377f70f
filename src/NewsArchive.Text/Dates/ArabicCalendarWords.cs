using System.Collections.Frozen;
using NewsArchive.Text.Normalization;

namespace NewsArchive.Text.Dates;

/// <summary>A month name found in a token list: which month, in which calendar, and how many tokens it spans.</summary>
internal readonly record struct MonthMatch(int Month, bool Hijri, int TokenCount);

/// <summary>
/// The words Arabic papers use for months and weekdays, looked up in their search form
/// (<see cref="ArabicNormalizer"/>), so hamza seats, ة/ه and ى/ي variants all meet.
/// </summary>
internal static class ArabicCalendarWords
{
    private static readonly FrozenDictionary<string, int> GregorianMonths = Build(
        (1, ["يناير", "جانفي", "جانفييه", "كانون الثاني", "كانون ثاني", "january", "jan"]),
        (2, ["فبراير", "فبرایر", "فبرير", "فيفري", "شباط", "february", "feb"]),
        (3, ["مارس", "آذار", "اذار", "march", "mar"]),
        (4, ["أبريل", "إبريل", "ابريل", "أفريل", "افريل", "نيسان", "april", "apr"]),
        (5, ["مايو", "ماي", "أيار", "ايار", "may"]),
        (6, ["يونيو", "يونيه", "جوان", "حزيران", "june", "jun"]),
        (7, ["يوليو", "يوليه", "يوليوز", "جويلية", "تموز", "july", "jul"]),
        (8, ["أغسطس", "اغسطس", "أغسطوس", "أوغسطس", "أوت", "غشت", "آب", "august", "aug"]),
        (9, ["سبتمبر", "سيبتمبر", "شتنبر", "أيلول", "september", "sep", "sept"]),
        (10, ["أكتوبر", "اكتوبر", "أوكتوبر", "تشرين الأول", "تشرين أول", "october", "oct"]),
        (11, ["نوفمبر", "نونبر", "تشرين الثاني", "تشرين ثاني", "november", "nov"]),
        (12, ["ديسمبر", "ديسيمبر", "دجنبر", "كانون الأول", "كانون أول", "december", "dec"]));

    private static readonly FrozenDictionary<string, int> HijriMonths = Build(
        (1, ["محرم", "المحرم"]),
        (2, ["صفر"]),
        (3, ["ربيع الأول", "ربيع أول"]),
        (4, ["ربيع الآخر", "ربيع الثاني", "ربيع ثاني", "ربيع آخر"]),
        (5, ["جمادى الأولى", "جمادى الأول", "جمادى أولى"]),
        (6, ["جمادى الآخرة", "جمادى الثانية", "جمادى الآخر", "جمادى الثاني", "جمادى آخرة"]),
        (7, ["رجب"]),
        (8, ["شعبان"]),
        (9, ["رمضان"]),
        (10, ["شوال"]),
        (11, ["ذو القعدة", "ذي القعدة", "ذوالقعدة", "ذيالقعدة"]),
        (12, ["ذو الحجة", "ذي الحجة", "ذوالحجة", "ذيالحجة"]));

    // Both calendars in one table (no name is in both): the date finder asks about nearly every word of a
    // body, and nearly every answer is no.
    private static readonly FrozenDictionary<string, MonthMatch>.AlternateLookup<ReadOnlySpan<char>> MonthsBySpan =
        GregorianMonths.Select(m => KeyValuePair.Create(m.Key, new MonthMatch(m.Value, false, m.Key.Contains(' ') ? 2 : 1)))
            .Concat(HijriMonths.Select(m => KeyValuePair.Create(m.Key, new MonthMatch(m.Value, true, m.Key.Contains(' ') ? 2 : 1))))
            .ToFrozenDictionary(StringComparer.Ordinal)
            .GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly string[] GregorianNames =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    private static readonly string[] HijriNames =
        ["Muharram", "Safar", "Rabi al-Awwal", "Rabi al-Thani", "Jumada al-Ula", "Jumada al-Akhira", "Rajab", "Shaban", "Ramadan", "Shawwal", "Dhu al-Qada", "Dhu al-Hijja"];

    /// <summary>The English name of a month, for error messages read by editors and logs.</summary>
    public static string MonthName(int month, bool hijri) =>
        month is >= 1 and <= 12 ? (hijri ? HijriNames : GregorianNames)[month - 1] : month.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// Reads a month name that starts with <paramref name="word"/> (search form): one word (<c>يونيو</c>)
    /// or two, with <paramref name="next"/> (<c>كانون الثاني</c>, <c>ذو القعدة</c>; empty when no word
    /// follows). With <paramref name="allowPrefix"/> a clitic و ب ل ف glued to the first word is
    /// allowed (<c>وفبراير</c>).
    /// </summary>
    public static bool TryMonthAt(ReadOnlySpan<char> word, ReadOnlySpan<char> next, bool allowPrefix, out MonthMatch match)
    {
        match = default;
        if (word.IsEmpty)
        {
            return false;
        }

        if (TryMonthWords(word, next, out match))
        {
            return true;
        }

        if (allowPrefix && word.Length >= 4 && word[0] is 'و' or 'ب' or 'ل' or 'ف')
        {
            return TryMonthWords(word[1..], next, out match);
        }

        return false;
    }

    private static bool TryMonthWords(ReadOnlySpan<char> word, ReadOnlySpan<char> next, out MonthMatch match)
    {
        if (word is "كانون" or "تشرين" or "ربيع" or "جمادي" or "ذو" or "ذي" && !next.IsEmpty
            && MonthsBySpan.TryGetValue(string.Concat(word, " ", next), out match))
        {
            return true;
        }

        // A one-word lookup never finds a two-word name: a word holds no space.
        return MonthsBySpan.TryGetValue(word, out match);
    }

    /// <summary>Reads a weekday name in search form (<c>الاثنين</c>, <c>والخميس</c>); the article ال is required.</summary>
    public static bool TryWeekday(ReadOnlySpan<char> normalized, out DayOfWeek day)
    {
        if (normalized.Length > 5 && normalized[0] is 'و' or 'ف')
        {
            normalized = normalized[1..];
        }

        if (normalized.Length < 4 || normalized[0] != 'ا' || normalized[1] != 'ل')
        {
            day = default;
            return false;
        }

        return TryWeekdayStem(normalized[2..], out day);
    }

    /// <summary>Reads a weekday name without its article: <c>اثنين</c>, <c>خميس</c>.</summary>
    public static bool TryWeekdayStem(ReadOnlySpan<char> stem, out DayOfWeek day)
    {
        DayOfWeek? found = stem switch
        {
            "احد" => DayOfWeek.Sunday,
            "اثنين" or "اتنين" => DayOfWeek.Monday,
            "ثلاثاء" or "ثلاثا" => DayOfWeek.Tuesday,
            "اربعاء" or "اربعا" => DayOfWeek.Wednesday,
            "خميس" => DayOfWeek.Thursday,
            "جمعه" => DayOfWeek.Friday,
            "سبت" => DayOfWeek.Saturday,
            _ => null,
        };
        day = found.GetValueOrDefault();
        return found.HasValue;
    }

    private static FrozenDictionary<string, int> Build(params (int Month, string[] Names)[] months)
    {
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (month, names) in months)
        {
            foreach (var name in names)
            {
                map[ArabicNormalizer.Normalize(name)] = month;
            }
        }

        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
