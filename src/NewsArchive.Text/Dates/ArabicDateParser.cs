using System.Globalization;
using NewsArchive.Text.Normalization;

namespace NewsArchive.Text.Dates;

/// <summary>
/// Reads Arabic dates: the publication date on a seed file's first line, and the date
/// expressions inside an article's text.
/// </summary>
public static class ArabicDateParser
{
    // A headline or a paragraph in the date position is not a date line; say so instead of hunting in it.
    private const int MaxDateLineLength = 200;

    private static readonly UmAlQuraCalendar UmAlQura = new();

    /// <summary>
    /// Parses a publication date line. Never throws: returns false with a reason a person can act on.
    /// </summary>
    /// <remarks>
    /// Accepted forms (digits in any script, separators <c>-</c> <c>/</c> <c>.</c> or spaces):
    /// <list type="bullet">
    /// <item><c>26-يونيو-2024</c>, <c>26 يونيو 2024</c>, <c>يونيو 26، 2024</c>, <c>2024-يونيو-26</c>;</item>
    /// <item>numeric <c>2024-06-26</c> (year first) or <c>26/06/2024</c> (day first; month first only when the
    /// day cannot be a month, <c>06/26/2024</c>); a two-digit year is 20yy below 70, else 19yy;</item>
    /// <item>month names of the Egyptian/Gulf, Levantine (<c>حزيران</c>, <c>كانون الثاني</c>) and Maghreb
    /// (<c>جوان</c>, <c>جويلية</c>, <c>أوت</c>) sets, in any hamza, ة/ه and ى/ي spelling, and dual names
    /// (<c>آذار/مارس</c>, <c>شباط/ فبراير</c>, <c>يونيو (حزيران)</c>), which must agree;</item>
    /// <item>Hijri dates (<c>26 شوال 1436 هـ</c>, or numeric with a year from 1300 to 1500) converted with
    /// the Umm al-Qura calendar; day 30 of a 29-day month is read as the next day, because papers follow
    /// the sighted moon;</item>
    /// <item>datelines: words before the date (a city, a weekday) are skipped; with <c>الموافق</c> the
    /// Gregorian side after it wins (<c>الرياض 26 شوال 1436 هـ الموافق 11 اغسطس 2015 م</c>), the side
    /// before it is used when the side after it is not a date;</item>
    /// <item>English month names and abbreviations (<c>June 26, 2024</c>, <c>26 Jun 2024</c>) and ISO date-times
    /// (<c>2024-06-26T10:30:00Z</c>, whose time is ignored);</item>
    /// <item>after the date only era marks (<c>م</c>, <c>هـ</c>), a weekday or a time of day may follow.</item>
    /// </list>
    /// </remarks>
    public static bool TryParsePublicationDate(string? line, out DateOnly date, out string error)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(line))
        {
            error = "the date line is empty";
            return false;
        }

        if (line.Length > MaxDateLineLength)
        {
            error = $"the date line is {line.Length} characters long; a date line holds only a date";
            return false;
        }

        var tokens = ArabicTokenizer.Tokenize(line);
        var pivot = -1;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].Normalized is "الموافق" or "والموافق")
            {
                pivot = i;
                break;
            }
        }

        if (pivot < 0)
        {
            return TryParseDateTokens(line, tokens, 0, tokens.Count, trailingWords: false, out date, out error);
        }

        // A dateline may end with its agency (… 2015 م واس), so words after the Gregorian side are allowed.
        if (TryParseDateTokens(line, tokens, pivot + 1, tokens.Count, trailingWords: true, out date, out error))
        {
            return true;
        }

        if (TryParseDateTokens(line, tokens, 0, pivot, trailingWords: false, out date, out _))
        {
            error = string.Empty;
            return true;
        }

        return false;
    }

    /// <summary>
    /// Finds the date expressions in <paramref name="text"/> (explicit, month without year,
    /// relative), each resolved against <paramref name="articleDate"/>, in text order, with offsets
    /// into the original <paramref name="text"/>. Never throws; null or empty text has no dates.
    /// </summary>
    /// <remarks>
    /// The rules, tried at each word in this order (the first that matches consumes its words):
    /// <list type="number">
    /// <item>Numeric dates <c>26/06/2024</c>, <c>2024-06-26</c>, <c>9 / 10 / 1436هـ</c> (one separator kind;
    /// a year from 1300 to 1500 or a هـ mark makes it Hijri) → Day.</item>
    /// <item>Day and month, with or without year: <c>26 يونيو 2024</c>, <c>6 أغسطس (آب) 2012</c>,
    /// <c>26 شوال 1436 هـ</c>, <c>5 من شهر مايو</c>, and ordinal days before من (<c>العاشر من أغسطس المقبل</c>,
    /// <c>الحادي والعشرين من سبتمبر من العام الماضي</c>; not after a definite noun: <c>الأسبوع الأول من …</c>) → Day.
    /// <c>31 من الشهر الجاري</c> is a day of the article's month (الماضي/المقبل: the month before/after).
    /// Without a year the day is placed like a month (rule 3).</item>
    /// <item>Month names (dual forms <c>شباط/ فبراير</c>, <c>يونيو (حزيران)</c> must agree; a glued و ب ل ف is
    /// allowed): with a year (<c>آذار/مارس 2023</c>, <c>أغسطس عام 2005</c>) → Month. With <c>(من) العام الماضي</c>,
    /// <c>من هذا العام</c>, <c>من عام 2020</c> → Month of that year. Without a year: followed by الماضي/المنصرم/الفائت/السابق → the
    /// latest such month before the article's month; by المقبل/القادم → the next one after it; by الجاري/الحالي
    /// → the article's year; with no qualifier → the article's year unless that is after the article's month,
    /// then the year before. A month without year, qualifier or dual form counts only after شهر or a
    /// preposition (في منذ حتى خلال مطلع …), and never for words that are also common words or names
    /// (آب, ماي, مارس, and Hijri months such as رجب and صفر).</item>
    /// <item>Cued years: <c>عام 1962</c>, <c>العام 2014</c>, <c>سنة 1391 هـ</c> (the cue is part of the
    /// expression) → Year; after a preposition (<c>في 2014</c>, <c>منذ 2011</c>; the preposition is not part of
    /// it) only from 1900 to five years after the article, and only when the number ends its phrase.</item>
    /// <item>Bare years (<c>ضمتها روسيا 2014.</c>): four digits from 1900 to the year after the article, ending
    /// the phrase (punctuation, the end of the text, a definite word or a function word such as و بعد على),
    /// not after an amount word (بقيمة بلغ نحو عدد …), not joined to another number (<c>2014/2015</c>);
    /// with a <c>م</c> or <c>هـ</c> mark any year counts. So <c>61 مليار</c>, <c>2000 شخص</c> and
    /// <c>في 2000 موقع</c> are not years.</item>
    /// <item>Relative expressions → Day: <c>أمس</c>/<c>بالأمس</c> (the day before), <c>أمس الأول</c>/<c>أول أمس</c>
    /// (two days before), <c>اليوم</c> (the article's day; not <c>اليوم الوطني</c> or <c>صحيفة اليوم</c>),
    /// <c>غداً</c> (the day after); a weekday name after them is part of them and wins (<c>اليوم الأربعاء</c> in a
    /// Friday article is that Wednesday: the latest such weekday on or before the day pointed to, the earliest on
    /// or after it for غداً), because an article's date may be a day or two after the paper's; a weekday with
    /// الماضي (the latest such weekday strictly before the article day) or المقبل/القادم (the next one strictly after).
    /// Periods: <c>الأسبوع</c> → Week (its Monday), <c>الشهر</c> → Month, <c>العام</c>/<c>السنة</c> → Year, each with
    /// الماضي (the one before the article's), المقبل (the one after), الجاري/الحالي or <c>هذا</c> (the article's own);
    /// مطلع بداية أوائل منتصف نهاية أواخر before them stay part of the expression and keep the period.</item>
    /// </list>
    /// A Hijri month or year is reported as the Gregorian month or year that holds its middle. When two
    /// expressions are joined by <c>الموافق</c> they state one date: the Gregorian side is kept (the first side
    /// when both are in one calendar). An expression's text keeps a glued conjunction (<c>والإثنين الماضي</c>).
    /// </remarks>
    public static IReadOnlyList<DateMention> FindDates(string? text, DateOnly articleDate) =>
        DateMentionFinder.Find(text, articleDate);

    /// <summary>Builds a Gregorian or Umm al-Qura date, or says why the parts are not a date.</summary>
    internal static bool TryBuildDate(int year, int month, int day, bool hijri, out DateOnly date, out string error)
    {
        date = default;
        if (month is < 1 or > 12)
        {
            error = $"month {month} does not exist (1 to 12)";
            return false;
        }

        if (hijri)
        {
            if (year < 1318 || year > 1500)
            {
                error = $"Hijri year {year} is outside the Umm al-Qura calendar (1318 to 1500)";
                return false;
            }

            var days = UmAlQura.GetDaysInMonth(year, month);
            if (day < 1 || day > 30)
            {
                error = $"{day} {ArabicCalendarWords.MonthName(month, true)} {year} AH is not a date: a Hijri month has at most 30 days";
                return false;
            }

            var clamped = Math.Min(day, days);
            var dateTime = UmAlQura.ToDateTime(year, month, clamped, 0, 0, 0, 0).AddDays(day - clamped);
            date = DateOnly.FromDateTime(dateTime);
            error = string.Empty;
            return true;
        }

        if (year is < 1 or > 9999)
        {
            error = $"year {year} is out of range";
            return false;
        }

        var inMonth = DateTime.DaysInMonth(year, month);
        if (day < 1 || day > inMonth)
        {
            error = $"{day} {ArabicCalendarWords.MonthName(month, false)} {year} is not a date: {ArabicCalendarWords.MonthName(month, false)} {year} has {inMonth} days";
            return false;
        }

        date = new DateOnly(year, month, day);
        error = string.Empty;
        return true;
    }

    private enum Kind
    {
        Number,
        Month,
        Word,
        GregorianMark,
        HijriMark,
        Time,
    }

    private readonly record struct Element(Kind Kind, int Value, bool Hijri, int Digits, string Text);

    private static bool TryParseDateTokens(string line, IReadOnlyList<ArabicToken> tokens, int from, int to, bool trailingWords, out DateOnly date, out string error)
    {
        date = default;
        var elements = ReadElements(line, tokens, from, to);

        // Leading words are the dateline's city or a weekday: "الرياض 26 شوال 1436".
        var first = 0;
        while (first < elements.Count && elements[first].Kind is Kind.Word or Kind.GregorianMark or Kind.HijriMark or Kind.Time)
        {
            first++;
        }

        if (first == elements.Count)
        {
            error = $"no date in '{Shorten(line)}': expected a day, a month and a year";
            return false;
        }

        // Merge dual month names (آذار/مارس, يونيو (حزيران)) into one month, after checking they agree.
        var core = new List<Element>(elements.Count - first);
        for (var i = first; i < elements.Count; i++)
        {
            var e = elements[i];
            if (e.Kind == Kind.Month && core.Count > 0 && core[^1].Kind == Kind.Month)
            {
                var previous = core[^1];
                if (previous.Value != e.Value || previous.Hijri != e.Hijri)
                {
                    error = $"the month names '{previous.Text}' ({ArabicCalendarWords.MonthName(previous.Value, previous.Hijri)}) and '{e.Text}' ({ArabicCalendarWords.MonthName(e.Value, e.Hijri)}) disagree";
                    return false;
                }

                continue;
            }

            core.Add(e);
        }

        if (!TryMatchDayMonthYear(core, out var day, out var month, out var year, out var monthElement, out var used, out error))
        {
            return false;
        }

        var hijri = monthElement is { Kind: Kind.Month, Hijri: true };
        if (used < core.Count && core[used].Kind == Kind.HijriMark)
        {
            if (monthElement is { Kind: Kind.Month, Hijri: false })
            {
                error = $"'{monthElement.Value.Text}' is a Gregorian month but the year {year} is marked Hijri";
                return false;
            }

            hijri = true;
            used++;
        }
        else if (used < core.Count && core[used].Kind == Kind.GregorianMark)
        {
            used++;
        }
        else if (monthElement is null && year is >= 1300 and <= 1500)
        {
            // Saudi papers write Hijri dates as plain numbers (18/8/1436) without the هـ mark.
            hijri = true;
        }

        for (var i = used; i < core.Count; i++)
        {
            if (core[i].Kind is Kind.Number or Kind.Month || core[i].Kind == Kind.Word && !trailingWords)
            {
                error = $"unexpected '{core[i].Text}' after the date in '{Shorten(line)}'";
                return false;
            }
        }

        if (!hijri && year is < 1800 or > 2200)
        {
            error = $"year {year} is not a plausible publication year in '{Shorten(line)}'";
            return false;
        }

        return TryBuildDate(year, month, day, hijri, out date, out error);
    }

    private static bool TryMatchDayMonthYear(List<Element> e, out int day, out int month, out int year, out Element? monthElement, out int used, out string error)
    {
        day = month = year = used = 0;
        monthElement = null;
        error = string.Empty;
        var kinds = (Kind: e[0].Kind, Second: e.Count > 1 ? e[1].Kind : (Kind?)null, Third: e.Count > 2 ? e[2].Kind : (Kind?)null);

        switch (kinds)
        {
            case (Kind.Number, Kind.Number, Kind.Number):
                used = 3;
                if (e[0].Digits == 4)
                {
                    (year, month, day) = (e[0].Value, e[1].Value, e[2].Value);
                }
                else
                {
                    (day, month, year) = (e[0].Value, e[1].Value, ExpandYear(e[2]));
                    if (month > 12 && day <= 12)
                    {
                        (day, month) = (month, day);
                    }
                }

                return CheckYearDigits(e[e[0].Digits == 4 ? 0 : 2], out error);
            case (Kind.Number, Kind.Month, Kind.Number):
                used = 3;
                monthElement = e[1];
                month = e[1].Value;
                if (e[0].Digits == 4 && e[2].Digits <= 2)
                {
                    (year, day) = (e[0].Value, e[2].Value);
                    return true;
                }

                (day, year) = (e[0].Value, e[2].Value);
                return CheckYearDigits(e[2], out error);
            case (Kind.Month, Kind.Number, Kind.Number):
                used = 3;
                monthElement = e[0];
                (month, day, year) = (e[0].Value, e[1].Value, e[2].Value);
                return CheckYearDigits(e[2], out error);
            case (Kind.Number, Kind.Word, _):
                error = $"unknown month name '{e[1].Text}' in '{Shorten(e)}'";
                return false;
            case (Kind.Number, Kind.Number, Kind.Word):
                error = $"unknown month or era word '{e[2].Text}' in '{Shorten(e)}'";
                return false;
            case (Kind.Month, Kind.Word, _):
                error = $"unknown word '{e[1].Text}' after the month '{e[0].Text}'";
                return false;
            case (Kind.Number, Kind.Month, _) or (Kind.Month, Kind.Number, _):
                error = $"'{Shorten(e)}' lacks a day or a year: a publication date needs day, month and year";
                return false;
            default:
                error = $"'{Shorten(e)}' is not a date: expected a day, a month and a year";
                return false;
        }
    }

    private static int ExpandYear(Element year) =>
        year.Digits <= 2 ? (year.Value < 70 ? 2000 + year.Value : 1900 + year.Value) : year.Value;

    private static bool CheckYearDigits(Element year, out string error)
    {
        if (year.Digits is 2 or 4)
        {
            error = string.Empty;
            return true;
        }

        error = $"'{year.Text}' is not a year: a year has four digits";
        return false;
    }

    private static List<Element> ReadElements(string line, IReadOnlyList<ArabicToken> tokens, int from, int to)
    {
        var elements = new List<Element>(to - from);
        for (var i = from; i < to; i++)
        {
            var token = tokens[i];
            if (token.IsNumber)
            {
                // hh:mm(:ss) is a time of day, not part of the date.
                if (i + 1 < to && tokens[i + 1].IsNumber && Gap(line, token, tokens[i + 1]) is ":")
                {
                    i++;
                    while (i + 1 < to && tokens[i + 1].IsNumber && Gap(line, tokens[i], tokens[i + 1]) is ":")
                    {
                        i++;
                    }

                    elements.Add(new Element(Kind.Time, 0, false, 0, token.Original));
                    continue;
                }

                var digits = token.Normalized.Length;
                var value = digits <= 6 ? token.NumberValue : int.MaxValue;
                elements.Add(new Element(Kind.Number, value, false, digits, token.Original));
                continue;
            }

            if (ArabicCalendarWords.TryMonthAt(token.Normalized, i + 1 < tokens.Count ? tokens[i + 1].Normalized : "", allowPrefix: false, out var month) && i + month.TokenCount <= to)
            {
                var text = month.TokenCount == 1 ? token.Original : line[token.Start..tokens[i + 1].End];
                elements.Add(new Element(Kind.Month, month.Month, month.Hijri, 0, text));
                i += month.TokenCount - 1;
                continue;
            }

            var word = token.Normalized;
            if (ArabicCalendarWords.TryWeekday(word, out _) || word is "يوم" or "من" or "شهر" or "الموافق" or "و")
            {
                continue;
            }

            var kind = word switch
            {
                "م" or "ميلادي" or "ميلاديه" or "ad" => Kind.GregorianMark,
                "ه" or "هجري" or "هجريه" or "ah" => Kind.HijriMark,
                "ص" or "صباحا" or "مساء" or "ظهرا" or "am" or "pm" or "t" or "z" or "utc" or "gmt" => Kind.Time,
                _ => Kind.Word,
            };
            elements.Add(new Element(kind, 0, false, 0, token.Original));
        }

        return elements;
    }

    private static ReadOnlySpan<char> Gap(string line, ArabicToken left, ArabicToken right) =>
        line.AsSpan(left.End, right.Start - left.End).Trim();

    private static string Shorten(string line) => line.Length <= 60 ? line.Trim() : string.Concat(line.AsSpan(0, 57).Trim(), "…");

    private static string Shorten(List<Element> elements) => Shorten(string.Join(' ', elements.Select(e => e.Text)));
}
