using System.Globalization;
using System.Text;

namespace NewsArchive.Web.Tests.Robustness;

/// <summary>
/// Writes realistic seed files from a fixed seed: publication dates in every accepted form,
/// headlines or subject lines, captions with credits, paragraphs naming persons from a small pool
/// (with titles, and later by surname), dated sentences, CRLF and BOM now and then.
/// </summary>
public sealed class SeedGenerator(int seed)
{
    private static readonly string[] Months =
        ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"];

    private static readonly string[] Levantine =
        ["كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول", "تشرين الأول", "تشرين الثاني", "كانون الأول"];

    private static readonly (string Role, string Name, string Surname)[] People =
    [
        ("وزير الخارجية السعودي", "فيصل بن فرحان", "بن فرحان"),
        ("الرئيس الأمريكي", "جو بايدن", "بايدن"),
        ("الرئيس الروسي", "فلاديمير بوتين", "بوتين"),
        ("وزير الدفاع الأميركي", "لويد أوستن", "أوستن"),
        ("الأمين العام للأمم المتحدة", "أنطونيو غوتيريش", "غوتيريش"),
        ("وزير الطاقة", "عبدالعزيز بن سلمان", "بن سلمان"),
        ("الرئيس الفرنسي", "إيمانويل ماكرون", "ماكرون"),
        ("المستشارة الألمانية", "أنغيلا ميركل", "ميركل"),
        ("وزير المالية", "محمد الجدعان", "الجدعان"),
        ("رئيس الوزراء البريطاني", "ريشي سوناك", "سوناك"),
    ];

    private static readonly string[] Places = ["الرياض", "جدة", "واشنطن", "موسكو", "باريس", "جنيف", "القاهرة", "دبي"];

    private static readonly string[] Topics =
    [
        "التعاون الاقتصادي بين البلدين", "أسعار النفط في الأسواق العالمية", "الأوضاع الإنسانية في المنطقة",
        "مشاريع الطاقة المتجددة", "الاستثمار في البنية التحتية", "التجارة الحرة", "الأمن الإقليمي",
    ];

    private static readonly string[] Credits = ["رويترز", "واس", "أ ف ب", "أسوشيتد برس", "بوليتيكو"];

    private readonly Random _random = new(seed);

    /// <summary>Writes <paramref name="count"/> files into <paramref name="folder"/> and returns their names.</summary>
    public List<string> WriteFolder(string folder, int count)
    {
        Directory.CreateDirectory(folder);
        var names = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var name = $"{i:D4}_{_random.Next():x8}.txt";
            var text = Article();
            var crlf = _random.Next(6) == 0;
            var bom = _random.Next(8) == 0;
            if (crlf)
            {
                text = text.Replace("\n", "\r\n", StringComparison.Ordinal);
            }

            var bytes = Encoding.UTF8.GetBytes(text);
            File.WriteAllBytes(Path.Combine(folder, name), bom ? [0xEF, 0xBB, 0xBF, .. bytes] : bytes);
            names.Add(name);
        }

        return names;
    }

    /// <summary>One article: date line, headline or subject line, maybe a caption, paragraphs.</summary>
    public string Article()
    {
        var date = new DateOnly(2010, 1, 1).AddDays(_random.Next(5000));
        var cast = People.OrderBy(_ => _random.Next()).Take(_random.Next(1, 4)).ToArray();
        var place = Pick(Places);
        var topic = Pick(Topics);
        var text = new StringBuilder();
        text.Append(DateLine(date)).Append('\n');
        text.Append(_random.Next(3) == 0 ? cast[0].Name : $"{cast[0].Name} يبحث {topic} في {place}").Append('\n');
        text.Append('\n');
        if (_random.Next(2) == 0)
        {
            text.Append($"{cast[0].Role} خلال مؤتمر صحفي ({Pick(Credits)})\n\n");
        }

        text.Append($"{place} - قال {cast[0].Role} {cast[0].Name} اليوم إن {topic} يحظى بأولوية كبيرة لدى حكومته، مشيرا إلى أن المحادثات ستستمر خلال الأسابيع المقبلة.\n\n");
        foreach (var (role, name, surname) in cast.Skip(1))
        {
            text.Append($"من جهته، أكد {role} {name} أن بلاده تدعم الجهود المبذولة، وأضاف {surname} أن الحوار هو السبيل الوحيد.\n\n");
        }

        var past = date.AddMonths(-_random.Next(1, 60));
        text.Append(_random.Next(3) switch
        {
            0 => $"وكان {cast[0].Surname} قد زار {Pick(Places)} في {Months[past.Month - 1]} {past.Year} لبحث الملف نفسه.\n\n",
            1 => $"وفي عام {past.Year} وقع الطرفان اتفاقية إطارية للتعاون في مجال {topic}.\n\n",
            _ => $"وأعلن {cast[0].Surname} في {past.Day} {Months[past.Month - 1]} {past.Year} عن حزمة من الإجراءات الجديدة.\n\n",
        });
        text.Append($"وأوضح {cast[0].Surname} أن الاجتماع المقبل سيعقد في {Pick(Places)} بمشاركة عدد من الوزراء والخبراء.{(_random.Next(4) == 0 ? "  " : "")}\n");
        return text.ToString();
    }

    private string DateLine(DateOnly d) => _random.Next(6) switch
    {
        0 => $"{d.Day:D2}-{Months[d.Month - 1]}-{d.Year}",
        1 => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        2 => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
        3 => $"{d.Day} {Months[d.Month - 1]} {d.Year}",
        4 => $"{d.Day} {Levantine[d.Month - 1]} {d.Year}",
        _ => ArabicIndic($"{d.Day:D2}-{Months[d.Month - 1]}-{d.Year}"),
    };

    private static string ArabicIndic(string s) =>
        string.Concat(s.Select(c => c is >= '0' and <= '9' ? (char)('٠' + (c - '0')) : c));

    private T Pick<T>(T[] items) => items[_random.Next(items.Length)];
}
