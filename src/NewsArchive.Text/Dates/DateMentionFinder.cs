using System.Buffers;
using System.Globalization;
using NewsArchive.Text.Normalization;

namespace NewsArchive.Text.Dates;

/// <summary>
/// Scans running text for date expressions, word by word, and resolves each against the article's date.
/// The rules are documented on <see cref="ArabicDateParser.FindDates"/>.
/// </summary>
internal sealed class DateMentionFinder
{
    private static readonly UmAlQuraCalendar UmAlQura = new();

    private readonly string _text;
    private readonly DateOnly _article;
    private readonly List<(DateMention Mention, bool Hijri, int FirstToken, int EndToken)> _found = [];

    // The words of the text as ArabicTokenizer splits them, their search forms side by side in one
    // buffer: every word of every paragraph passes here, and most are only compared, never kept.
    // Both arrays are pooled.
    private readonly Token[] _tokens;
    private readonly int _count;
    private readonly char[] _folded;

    private readonly record struct Token(int Start, int End, int FoldStart, int FoldLength);

    private DateMentionFinder(string text, DateOnly article, char[] folded)
    {
        _text = text;
        _article = article;
        _folded = folded;
        // News text averages a word per six characters; a text of one-letter words grows the table.
        _tokens = ArrayPool<Token>.Shared.Rent(text.Length / 4 + 16);
        var i = 0;
        var n = 0;
        while (ArabicTokenizer.NextWord(text, ref i, out var start))
        {
            if (_count == _tokens.Length)
            {
                var larger = ArrayPool<Token>.Shared.Rent(_count * 2);
                _tokens.AsSpan(0, _count).CopyTo(larger);
                ArrayPool<Token>.Shared.Return(_tokens);
                _tokens = larger;
            }

            var length = ArabicNormalizer.FoldInto(text.AsSpan(start, i - start), folded.AsSpan(n));
            _tokens[_count++] = new Token(start, i, n, length);
            n += length;
        }
    }

    public static IReadOnlyList<DateMention> Find(string? text, DateOnly articleDate)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        // Words do not overlap and folding never lengthens one, so the text's length holds their search forms.
        var folded = ArrayPool<char>.Shared.Rent(text.Length);
        try
        {
            var finder = new DateMentionFinder(text, articleDate, folded);
            try
            {
                finder.Scan();
                return finder.Results();
            }
            finally
            {
                ArrayPool<Token>.Shared.Return(finder._tokens);
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(folded);
        }
    }

    private enum Direction
    {
        None,
        Past,
        Next,
        Current,
    }

    private void Scan()
    {
        var i = 0;
        while (i < _count)
        {
            var used = NumericDate(i);
            if (used == 0)
            {
                used = DayMonth(i);
            }

            if (used == 0)
            {
                used = MonthExpression(i);
            }

            if (used == 0)
            {
                used = CuedYear(i);
            }

            if (used == 0)
            {
                used = BareYear(i);
            }

            if (used == 0)
            {
                used = Relative(i);
            }

            i += Math.Max(used, 1);
        }
    }

    private List<DateMention> Results()
    {
        var results = new List<DateMention>(_found.Count);
        for (var k = 0; k < _found.Count; k++)
        {
            var (mention, hijri, _, end) = _found[k];

            // "26 شوال 1436 هـ الموافق 11 اغسطس 2015 م" states one date twice: keep the Gregorian side,
            // or the first side when both are in one calendar.
            if (k + 1 < _found.Count && hijri && !_found[k + 1].Hijri && JoinedByMuwafiq(end, _found[k + 1].FirstToken))
            {
                continue;
            }

            if (k > 0 && (hijri || !_found[k - 1].Hijri) && JoinedByMuwafiq(_found[k - 1].EndToken, _found[k].FirstToken))
            {
                continue;
            }

            results.Add(mention);
        }

        return results;
    }

    private bool JoinedByMuwafiq(int previousEnd, int nextFirst) =>
        nextFirst == previousEnd + 1 && Word(previousEnd) is "الموافق" or "والموافق";

    // 26/06/2024, 2024-06-26, 18/8/1436 (a year from 1300 to 1500 is Hijri).
    private int NumericDate(int i)
    {
        if (!IsNumber(i) || !IsNumber(i + 1) || !IsNumber(i + 2))
        {
            return 0;
        }

        var sep = Gap(i + 1);
        if (sep is not ("/" or "-" or ".") || !Gap(i + 2).SequenceEqual(sep))
        {
            return 0;
        }

        var (a, b, c) = (Number(i), Number(i + 1), Number(i + 2));
        int year, month, day;
        if (Digits(i) == 4 && Digits(i + 1) <= 2 && Digits(i + 2) <= 2)
        {
            (year, month, day) = (a, b, c);
        }
        else if (Digits(i) <= 2 && Digits(i + 1) <= 2 && Digits(i + 2) == 4)
        {
            (day, month, year) = (a, b, c);
        }
        else
        {
            return 0;
        }

        var used = 3;
        var hijri = year is >= 1300 and <= 1500;
        if (HijriMark(i + 3))
        {
            hijri = true;
            used++;
        }
        else if (GregorianMark(i + 3))
        {
            used++;
        }

        if (!hijri && !PlausibleYear(year, 1800))
        {
            return 0;
        }

        if (!ArabicDateParser.TryBuildDate(year, month, day, hijri, out var date, out _))
        {
            return 0;
        }

        Add(PartialDate.OfDay(date), i, i + used, hijri);
        return used;
    }

    // 26 يونيو 2024, 26 شوال 1436 هـ, 26 يونيو (حزيران) الماضي, 5 من شهر مايو, العاشر من أغسطس المقبل,
    // 31 من الشهر الجاري.
    private int DayMonth(int i)
    {
        int day, afterDay;
        if (IsNumber(i) && Digits(i) <= 2 && Number(i) is >= 1 and <= 31 && Gap(i + 1) is "" or "-" or "/")
        {
            (day, afterDay) = (Number(i), i + 1);
        }
        else if (!OrdinalDay(i, out day, out afterDay) || Word(afterDay) is not "من")
        {
            return 0;
        }

        var monthAt = Word(afterDay) is "من" ? afterDay + 1 : afterDay;
        if (Word(monthAt) is "شهر")
        {
            monthAt++;
        }

        if (monthAt > afterDay && Period(monthAt, out var unit) && unit == DatePrecision.Month)
        {
            return DayOfRelativeMonth(i, day, monthAt);
        }

        if (!TryMonth(monthAt, allowPrefix: false, out var month, out var monthEnd))
        {
            return 0;
        }

        if (YearAfter(monthEnd, month.Hijri, out var year, out var end) || OfYear(monthEnd, month.Hijri, out year, out end))
        {
            if (!ArabicDateParser.TryBuildDate(year, month.Month, day, month.Hijri, out var date, out _))
            {
                return 0;
            }

            Add(PartialDate.OfDay(date), i, end, month.Hijri);
            return end - i;
        }

        // Without a year, "3 - صفر" is a score and "3 صفر" may be one: a day needs a plain space and a real month word.
        if (IsNumber(i) && Gap(i + 1) is not "" || month.Hijri && Word(monthAt) is "صفر")
        {
            return 0;
        }

        var direction = Qualifier(monthEnd, out var qualifierEnd);
        if (!ResolveDay(day, month, direction, out var resolved))
        {
            return 0;
        }

        Add(PartialDate.OfDay(resolved), i, qualifierEnd, month.Hijri);
        return qualifierEnd - i;
    }

    private int DayOfRelativeMonth(int i, int day, int periodAt)
    {
        var direction = Qualifier(periodAt + 1, out var end);
        if (direction == Direction.None)
        {
            return 0;
        }

        var months = _article.Year * 12 + _article.Month - 1 + direction switch { Direction.Past => -1, Direction.Next => 1, _ => 0 };
        if (!ArabicDateParser.TryBuildDate(months / 12, months % 12 + 1, day, false, out var date, out _))
        {
            return 0;
        }

        Add(PartialDate.OfDay(date), i, end, false);
        return end - i;
    }

    // Day ordinals as papers write them before "من": الأول, العاشر, الحادي عشر, الثاني والعشرين, الثلاثين.
    private bool OrdinalDay(int i, out int day, out int end)
    {
        end = i + 1;

        // After a definite noun an ordinal is its adjective: الأسبوع الأول من الشهر المقبل is a week, not a day.
        if (Word(i - 1).StartsWith("ال", StringComparison.Ordinal) && !ArabicCalendarWords.TryWeekday(Word(i - 1), out _))
        {
            day = 0;
            return false;
        }

        day = Word(i) switch
        {
            "الاول" => 1,
            "الحادي" => -1,
            "الثاني" => 2,
            "الثالث" => 3,
            "الرابع" => 4,
            "الخامس" => 5,
            "السادس" => 6,
            "السابع" => 7,
            "الثامن" => 8,
            "التاسع" => 9,
            "العاشر" => 10,
            "العشرين" => 20,
            "الثلاثين" => 30,
            _ => 0,
        };
        if (day == 0)
        {
            return false;
        }

        var unit = Math.Abs(day);
        switch (Word(i + 1))
        {
            case "عشر" when unit < 10:
                (day, end) = (unit + 10, i + 2);
                break;
            case "والعشرين" when unit < 10:
                (day, end) = (unit + 20, i + 2);
                break;
            case "والثلاثين" when unit == 1:
                (day, end) = (31, i + 2);
                break;
        }

        return day > 0;
    }

    // شباط/ فبراير 2022, آذار/مارس 2023, أيار/ مايو المنصرم, في نيسان/إبريل, مايو من العام الماضي.
    private int MonthExpression(int i)
    {
        if (!TryMonth(i, allowPrefix: true, out var month, out var monthEnd))
        {
            return 0;
        }

        if (YearAfter(monthEnd, month.Hijri, out var year, out var end))
        {
            if (!TryMonthOf(year, month.Month, month.Hijri, out var date))
            {
                return 0;
            }

            Add(date, i, end, month.Hijri);
            return end - i;
        }

        if (OfYear(monthEnd, month.Hijri, out var ofYear, out end) && TryMonthOf(ofYear, month.Month, month.Hijri, out var inYear))
        {
            Add(inYear, i, end, month.Hijri);
            return end - i;
        }

        var direction = Qualifier(monthEnd, out var qualifierEnd);
        var dual = monthEnd - i > month.TokenCount;
        var afterMonthWord = Word(i - 1) is "شهر" or "الشهر" or "بشهر" or "وشهر" or "لشهر";
        var afterCue = IsMonthCue(Word(i - 1));

        // Without a year, a month name is read as a date only where it cannot be a word or a name:
        // آب is also "father", ماي a Maghreb spelling, رجب and صفر a name and "zero", English "may" a verb.
        var ambiguous = month.Hijri || Word(i) is "اب" or "ماي" or "مارس" || char.IsAsciiLetter(Word(i)[0]);
        var accepted = direction != Direction.None || dual || afterMonthWord || afterCue && !ambiguous;
        if (!accepted || !TryResolveMonth(month, direction, out var resolved))
        {
            return 0;
        }

        Add(resolved, i, qualifierEnd, month.Hijri);
        return qualifierEnd - i;
    }

    // عام 1962, العام 2014, سنة 1391 هـ, في 2014, منذ 2011 (the preposition is not part of the expression).
    private int CuedYear(int i)
    {
        var cue = Word(i);
        var yearWord = Indefinite(cue) is "عام" or "سنه" || Definite(cue, out var stem) && stem is "عام" or "سنه";
        if (yearWord)
        {
            if (!IsNumber(i + 1) || Digits(i + 1) != 4 || Gap(i + 1) is not "")
            {
                return 0;
            }

            var year = Number(i + 1);
            var end = i + 2;
            var hijri = HijriMark(end);
            if (hijri || GregorianMark(end))
            {
                end++;
            }

            if (!hijri && !PlausibleYear(year, 1000) || !TryYear(year, hijri, out var date))
            {
                return 0;
            }

            Add(date, i, end, hijri);
            return end - i;
        }

        if (!IsYearPreposition(cue) || !IsNumber(i + 1) || Digits(i + 1) != 4 || Gap(i + 1) is not "")
        {
            return 0;
        }

        var bare = Number(i + 1);
        var close = i + 2;
        var marked = HijriMark(close);
        if (marked || GregorianMark(close))
        {
            close++;
        }
        else if (!PlausibleYear(bare, 1900) || bare > _article.Year + 5 || !EndsYearPhrase(close))
        {
            return 0;
        }

        if (!TryYear(bare, marked, out var partial))
        {
            return 0;
        }

        Add(partial, i + 1, close, marked);
        return close - i;
    }

    // ضمتها روسيا 2014.  — a bare four-digit number, in a year's range, closing a clause, not an amount.
    private int BareYear(int i)
    {
        if (!IsNumber(i) || Digits(i) != 4 || IsNumber(i - 1) && Gap(i) is "/" or "-" or "." or "," or ":")
        {
            return 0;
        }

        var year = Number(i);
        var end = i + 1;
        var hijri = HijriMark(end);
        if (hijri || GregorianMark(end))
        {
            end++;
        }
        else if (!PlausibleYear(year, 1900) || year > _article.Year + 1 || !EndsYearPhrase(end) || IsAmountCue(Word(i - 1)))
        {
            return 0;
        }

        if (!TryYear(year, hijri, out var date))
        {
            return 0;
        }

        Add(date, i, end, hijri);
        return end - i;
    }

    // أمس, اليوم, غدا, الإثنين الماضي, الأسبوع الماضي, مطلع الأسبوع الجاري, الشهر الماضي, العام الماضي, السنة الماضية.
    private int Relative(int i)
    {
        var word = Word(i);
        if (Indefinite(word) is "امس" || Definite(word, out var s) && s is "امس")
        {
            var back = Word(i + 1) is "الاول" ? 2 : 1;
            var end = i + (back == 2 ? 2 : 1);
            return AddNamedDay(-back, i, end);
        }

        if (word is "اول" && Word(i + 1) is "امس")
        {
            return AddNamedDay(-2, i, i + 2);
        }

        if (word is "اول" && Word(i + 1) is "من" && Word(i + 2) is "امس")
        {
            return AddNamedDay(-2, i, i + 3);
        }

        if (Indefinite(word) is "غدا")
        {
            return AddNamedDay(1, i, i + 1);
        }

        if (Definite(word, out var stem))
        {
            if (stem is "يوم")
            {
                return Today(i);
            }

            if (ArabicCalendarWords.TryWeekdayStem(stem, out var weekday))
            {
                return Weekday(i, weekday);
            }
        }

        var start = i;
        var periodAt = i;
        if (IsPeriodEdge(word) && Gap(i + 1) is "")
        {
            periodAt = i + 1;
        }

        if (Word(periodAt) is "هذا" or "وهذا" or "هذه" or "وهذه")
        {
            if (!Period(periodAt + 1, out var thisUnit))
            {
                return 0;
            }

            return AddPeriod(thisUnit, Direction.Current, start, periodAt + 2);
        }

        if (!Period(periodAt, out var unit))
        {
            return 0;
        }

        var direction = Qualifier(periodAt + 1, out var qualifierEnd);
        if (direction == Direction.None)
        {
            return 0;
        }

        return AddPeriod(unit, direction, start, qualifierEnd);
    }

    private int Today(int i)
    {
        // "اليوم الوطني" (the national day), "صحيفة اليوم" and "عين اليوم" (papers) and "اليوم الأول" are not today.
        var next = Word(i + 1);
        if (Word(i - 1) is "صحيفه" or "جريده" or "لصحيفه" or "لجريده" or "بصحيفه" or "عين" or "يوم" || Gap(i) is "«" or "\"" or "(")
        {
            return 0;
        }

        if (next.StartsWith("ال", StringComparison.Ordinal) && !ArabicCalendarWords.TryWeekday(next, out _)
            && Gap(i + 1) is "" || next is "نفسه" or "ذاته" or "التالي" or "السابق")
        {
            return 0;
        }

        return AddNamedDay(0, i, i + 1);
    }

    // أمس, اليوم, غداً, optionally followed by the weekday they name (أمس الخميس). The article's date may be a
    // day or two after the paper's own (a crawl date), so a named weekday wins: the latest such weekday on or
    // before the day the word points to (the earliest on or after it for غداً).
    private int AddNamedDay(int offset, int first, int end)
    {
        if (!(end < _count && Gap(end) is "" && ArabicCalendarWords.TryWeekday(Word(end), out var weekday)))
        {
            return AddDay(offset, first, end);
        }

        var target = (int)_article.DayOfWeek + offset;
        var shift = offset > 0
            ? (7 + (int)weekday - ((target % 7) + 7) % 7) % 7
            : -((7 + ((target % 7) + 7) % 7 - (int)weekday) % 7);
        return AddDay(offset + shift, first, end + 1);
    }

    private int Weekday(int i, DayOfWeek weekday)
    {
        var direction = Qualifier(i + 1, out var end);
        if (direction is Direction.None or Direction.Current)
        {
            return 0;
        }

        var since = (7 + (int)_article.DayOfWeek - (int)weekday) % 7;
        var until = (7 - since) % 7;
        var offset = direction == Direction.Past ? -(since == 0 ? 7 : since) : (until == 0 ? 7 : until);
        return AddDay(offset, i, end);
    }

    private int AddDay(int offset, int first, int end)
    {
        var number = _article.DayNumber + offset;
        if (number < DateOnly.MinValue.DayNumber || number > DateOnly.MaxValue.DayNumber)
        {
            return 0;
        }

        Add(PartialDate.OfDay(DateOnly.FromDayNumber(number)), first, end, false);
        return end - first;
    }

    private int AddPeriod(DatePrecision unit, Direction direction, int first, int end)
    {
        var step = direction switch { Direction.Past => -1, Direction.Next => 1, _ => 0 };
        PartialDate date;
        switch (unit)
        {
            case DatePrecision.Week:
                var monday = _article.DayNumber - ((int)_article.DayOfWeek + 6) % 7 + 7 * step;
                if (monday < DateOnly.MinValue.DayNumber || monday + 6 > DateOnly.MaxValue.DayNumber)
                {
                    return 0;
                }

                date = new PartialDate(DateOnly.FromDayNumber(monday), DatePrecision.Week);
                break;
            case DatePrecision.Month:
                var months = _article.Year * 12 + _article.Month - 1 + step;
                if (!TryMonthOf(months / 12, months % 12 + 1, false, out date))
                {
                    return 0;
                }

                break;
            default:
                if (!TryYear(_article.Year + step, false, out date))
                {
                    return 0;
                }

                break;
        }

        Add(date, first, end, false);
        return end - first;
    }

    private bool Period(int i, out DatePrecision unit)
    {
        unit = DatePrecision.Year;
        if (!Definite(Word(i), out var stem))
        {
            return false;
        }

        switch (stem)
        {
            case "اسبوع":
                unit = DatePrecision.Week;
                return true;
            case "شهر":
                unit = DatePrecision.Month;
                return true;
            case "عام" or "سنه":
                unit = DatePrecision.Year;
                return true;
            default:
                return false;
        }
    }

    // Words that narrow a period without moving it: مطلع الأسبوع الجاري is still the article's week.
    private static bool IsPeriodEdge(ReadOnlySpan<char> word)
    {
        if (word.Length > 4 && word[0] is 'و' or 'ف')
        {
            word = word[1..];
        }

        return word is "مطلع" or "بدايه" or "اوائل" or "اول" or "منتصف" or "اواسط" or "نهايه" or "اواخر" or "اخر";
    }

    private Direction Qualifier(int i, out int end)
    {
        end = i;
        if (!Definite(Word(i), out var stem))
        {
            return Direction.None;
        }

        var direction = stem switch
        {
            "ماضي" or "ماضيه" or "منصرم" or "منصرمه" or "فائت" or "فائته" or "فاءت" or "فاءته" or "سابق" or "سابقه" or "منقضي" => Direction.Past,
            "مقبل" or "مقبله" or "قادم" or "قادمه" => Direction.Next,
            "جاري" or "جاريه" or "حالي" or "حاليه" => Direction.Current,
            _ => Direction.None,
        };
        if (direction != Direction.None)
        {
            end = i + 1;
        }

        return direction;
    }

    // After a month: "من العام الماضي", "العام الماضي", "من هذا العام", "من عام 2014", "عام 2005".
    private bool OfYear(int i, bool hijri, out int year, out int end)
    {
        year = end = 0;
        var at = Word(i) is "من" ? i + 1 : i;
        if (!hijri && Word(at) is "هذا" && Period(at + 1, out var thisUnit) && thisUnit == DatePrecision.Year)
        {
            (year, end) = (_article.Year, at + 2);
            return true;
        }

        if (!hijri && Period(at, out var unit) && unit == DatePrecision.Year)
        {
            var direction = Qualifier(at + 1, out var qualifierEnd);
            if (direction != Direction.None)
            {
                year = _article.Year + direction switch { Direction.Past => -1, Direction.Next => 1, _ => 0 };
                end = qualifierEnd;
                return true;
            }
        }

        if (Word(at) is "عام" or "العام" or "سنه" or "السنه" && YearAfter(at + 1, hijri, out year, out end))
        {
            return true;
        }

        return false;
    }

    private bool TryMonth(int i, bool allowPrefix, out MonthMatch month, out int end)
    {
        end = i;
        if (!ArabicCalendarWords.TryMonthAt(Word(i), Word(i + 1), allowPrefix, out month))
        {
            return false;
        }

        end = i + month.TokenCount;

        // Dual names: آذار/مارس, شباط/ فبراير, يونيو (حزيران), نيسان - إبريل; the names must agree.
        if (Gap(end) is "" or "/" or "(" or "-" or "–" or "\\" && ArabicCalendarWords.TryMonthAt(Word(end), Word(end + 1), false, out var other)
            && other.Month == month.Month && other.Hijri == month.Hijri)
        {
            end += other.TokenCount;
        }

        return true;
    }

    private bool YearAfter(int i, bool hijri, out int year, out int end)
    {
        year = 0;
        end = i;
        if (!IsNumber(i) || Digits(i) != 4 || Gap(i) is not ("" or ")" or "،" or "," or "-" or "/" or "),"))
        {
            return false;
        }

        year = Number(i);
        end = i + 1;
        if (HijriMark(end))
        {
            if (!hijri)
            {
                return false;
            }

            end++;
        }
        else if (GregorianMark(end))
        {
            end++;
        }

        return hijri ? year is >= 1300 and <= 1500 : PlausibleYear(year, 1000);
    }

    private bool ResolveDay(int day, MonthMatch month, Direction direction, out DateOnly date)
    {
        date = default;
        if (month.Hijri)
        {
            if (!InUmAlQuraRange(_article.ToDateTime(TimeOnly.MinValue)))
            {
                return false;
            }

            var hijriYear = UmAlQura.GetYear(_article.ToDateTime(TimeOnly.MinValue));
            var hijriMonth = UmAlQura.GetMonth(_article.ToDateTime(TimeOnly.MinValue));
            var hijriDay = UmAlQura.GetDayOfMonth(_article.ToDateTime(TimeOnly.MinValue));
            var year = PickYear(hijriYear, month.Month * 100 + day, hijriMonth * 100 + hijriDay, direction);
            return ArabicDateParser.TryBuildDate(year, month.Month, day, true, out date, out _);
        }

        var gregorian = PickYear(_article.Year, month.Month * 100 + day, _article.Month * 100 + _article.Day, direction);
        return ArabicDateParser.TryBuildDate(gregorian, month.Month, day, false, out date, out _);
    }

    private bool TryResolveMonth(MonthMatch month, Direction direction, out PartialDate date)
    {
        if (month.Hijri)
        {
            var articleTime = _article.ToDateTime(TimeOnly.MinValue);
            if (!InUmAlQuraRange(articleTime))
            {
                date = default;
                return false;
            }

            var year = PickYear(UmAlQura.GetYear(articleTime), month.Month, UmAlQura.GetMonth(articleTime), direction);
            return TryMonthOf(year, month.Month, true, out date);
        }

        return TryMonthOf(PickYear(_article.Year, month.Month, _article.Month, direction), month.Month, false, out date);
    }

    // Month and day without a year: "الماضي" is the latest one before the article's, "المقبل" the next one
    // after it, "الجاري" the article's year; a plain mention is the article's year unless that is after the article.
    private static int PickYear(int articleYear, int wanted, int articlePosition, Direction direction) => direction switch
    {
        Direction.Past => wanted < articlePosition ? articleYear : articleYear - 1,
        Direction.Next => wanted > articlePosition ? articleYear : articleYear + 1,
        Direction.Current => articleYear,
        _ => wanted <= articlePosition ? articleYear : articleYear - 1,
    };

    // A Hijri month or year is stored as the Gregorian month or year holding its middle day.
    private static bool TryMonthOf(int year, int month, bool hijri, out PartialDate date)
    {
        date = default;
        if (hijri)
        {
            if (!ArabicDateParser.TryBuildDate(year, month, 15, true, out var middle, out _))
            {
                return false;
            }

            date = PartialDate.OfMonth(middle.Year, middle.Month);
            return true;
        }

        if (year is < 1 or > 9999 || month is < 1 or > 12)
        {
            return false;
        }

        date = PartialDate.OfMonth(year, month);
        return true;
    }

    private static bool TryYear(int year, bool hijri, out PartialDate date)
    {
        date = default;
        if (hijri)
        {
            if (!ArabicDateParser.TryBuildDate(year, 7, 1, true, out var middle, out _))
            {
                return false;
            }

            date = PartialDate.OfYear(middle.Year);
            return true;
        }

        if (year is < 1 or > 9999)
        {
            return false;
        }

        date = PartialDate.OfYear(year);
        return true;
    }

    private static bool InUmAlQuraRange(DateTime time) =>
        time >= UmAlQura.MinSupportedDateTime && time <= UmAlQura.MaxSupportedDateTime;

    private bool PlausibleYear(int year, int earliest) => year >= earliest && year <= Math.Max(_article.Year, 2000) + 50;

    // A bare year ends its phrase: punctuation, the end of the text, or a word that cannot be a counted noun.
    private bool EndsYearPhrase(int next)
    {
        if (next >= _count)
        {
            return true;
        }

        var gap = Gap(next);
        if (IsNumber(next) && gap is "-" or "/" or "." or ":")
        {
            return false;
        }

        if (gap.Length > 0 && gap[0] is '.' or '،' or ',' or '؛' or ';' or '!' or '؟' or '?' or ')' or '»' or '"' or ':' or '\n' or '-' or '–')
        {
            return true;
        }

        var word = Word(next);
        return word.StartsWith("ال", StringComparison.Ordinal) || word is "و" or "بعد" or "قبل" or "عندما" or "حين" or "حيث"
            or "اثر" or "على" or "الى" or "ضد" or "مع" or "خلال" or "وذلك" or "لكن" or "ثم" or "او" or "كما" or "اذ" or "حتى"
            or "من" or "عن" or "في" or "بين" or "لم" or "لا" or "قد" or "وقد" or "ولم" or "ولكن" or "وهو" or "وهي";
    }

    private static bool IsYearPreposition(ReadOnlySpan<char> word) => word is "في" or "وفي" or "منذ" or "ومنذ" or "حتى" or "وحتى"
        or "خلال" or "قبل" or "بعد" or "مطلع" or "اوائل" or "اواخر" or "منتصف" or "نهايه" or "بدايه" or "الى" or "بحلول" or "لغايه";

    private static bool IsMonthCue(ReadOnlySpan<char> word) => word is "في" or "وفي" or "منذ" or "ومنذ" or "حتى" or "وحتى" or "خلال"
        or "مطلع" or "اوائل" or "اواخر" or "منتصف" or "نهايه" or "بدايه" or "بحلول" or "اواسط" or "قبل" or "بعد" or "الى" or "من";

    private static bool IsAmountCue(ReadOnlySpan<char> word) => word is "بقيمه" or "قيمه" or "بلغ" or "بلغت" or "نحو" or "حوالي" or "قرابه"
        or "رقم" or "الرقم" or "برقم" or "هاتف" or "عدد" or "مبلغ" or "بمبلغ" or "مجموع" or "اجمالي" or "بنحو" or "الي" or "بحوالي" or "اكثر" or "اقل";

    private bool HijriMark(int i) => Word(i) is "ه" or "هجري" or "هجريه" && Word(i + 1) is not "شمسي";

    private bool GregorianMark(int i) => Word(i) is "م" or "ميلادي" or "ميلاديه" && Gap(i) is "";

    private ReadOnlySpan<char> Word(int i) =>
        i >= 0 && i < _count ? _folded.AsSpan(_tokens[i].FoldStart, _tokens[i].FoldLength) : [];

    // As ArabicToken.IsNumber: Arabic-Indic digits are ASCII in the search form.
    private bool IsNumber(int i) => Word(i) is { IsEmpty: false } word && !word.ContainsAnyExceptInRange('0', '9');

    // As ArabicToken.NumberValue, saturated at int.MaxValue.
    private int Number(int i)
    {
        long value = 0;
        foreach (var c in Word(i))
        {
            value = Math.Min(value * 10 + (c - '0'), int.MaxValue);
        }

        return (int)value;
    }

    private int Digits(int i) => _tokens[i].FoldLength;

    // The text between token i-1 and token i, without spaces; empty when they are separated only by spaces.
    private ReadOnlySpan<char> Gap(int i)
    {
        if (i <= 0 || i >= _count)
        {
            return [];
        }

        var left = _tokens[i - 1].End;
        return _text.AsSpan(left, _tokens[i].Start - left).Trim();
    }

    private void Add(PartialDate date, int first, int end, bool hijri)
    {
        var start = _tokens[first].Start;
        var stop = _tokens[end - 1].End;

        // "30 أغسطس (آب)": keep the dual name's closing parenthesis so the quoted text is balanced.
        var open = _text.AsSpan(start, stop - start).Count('(') - _text.AsSpan(start, stop - start).Count(')');
        if (open > 0 && stop < _text.Length && _text[stop] == ')')
        {
            stop++;
        }
        _found.Add((new DateMention(date, start, stop - start, _text[start..stop]), hijri, first, end));
    }

    // A word with its conjunction (و ف) and preposition (ب ل ك) peeled off: لعام → عام, وأمس → امس.
    private static ReadOnlySpan<char> Indefinite(ReadOnlySpan<char> word)
    {
        if (word.Length > 3 && word[0] is 'و' or 'ف')
        {
            word = word[1..];
        }

        if (word.Length > 3 && word[0] is 'ب' or 'ل' or 'ك')
        {
            word = word[1..];
        }

        return word;
    }

    // The stem of a definite word: الأسبوع, والأسبوع, بالأمس, للعام → اسبوع, اسبوع, امس, عام.
    private static bool Definite(ReadOnlySpan<char> word, out ReadOnlySpan<char> stem)
    {
        if (word.Length > 4 && word[0] is 'و' or 'ف')
        {
            word = word[1..];
        }

        if (word.Length > 4 && word[0] is 'ب' or 'ك' && word[1] == 'ا' && word[2] == 'ل')
        {
            word = word[1..];
        }

        if (word.Length > 2 && word[0] is 'ا' or 'ل' && word[1] == 'ل')
        {
            stem = word[2..];
            return true;
        }

        stem = word;
        return false;
    }
}
