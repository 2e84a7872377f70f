using System.Text;

namespace NewsArchive.Bench.Tests;

/// <summary>
/// A small corpus in the real corpus's format (date line, headline, blank line, paragraphs), made
/// from a fixed vocabulary and a few well-known names so words repeat like real news does.
/// </summary>
internal static class TinyCorpus
{
    private static readonly string[] Months = ["يوليو", "أغسطس"];

    private static readonly string[] Names = ["فلاديمير بوتين", "جو بايدن", "لويد أوستن", "سيرجي شويجو"];

    private static readonly string[] Words =
    [
        "الحكومة", "الاقتصاد", "المملكة", "الرياض", "الوزارة", "المشروع", "التعليم", "الصحة", "المواطنين", "السوق",
        "النفط", "الأسعار", "المدينة", "الطلاب", "الجامعة", "المستشفى", "الشركة", "الاستثمار", "التنمية", "المنطقة",
        "الأمن", "الدفاع", "الرئيس", "المجلس", "القرار", "الاجتماع", "البرنامج", "الخدمات", "الطرق", "المياه",
    ];

    public static string Create(int articles)
    {
        var dir = Directory.CreateTempSubdirectory("tiny-corpus-").FullName;
        var all = Directory.CreateDirectory(Path.Combine(dir, "all")).FullName;
        var random = new Random(7);
        for (var i = 1; i <= articles; i++)
        {
            var text = new StringBuilder();
            text.Append($"{random.Next(1, 29):D2}-{Months[i % 2]}-2015\n");
            text.Append($"{Sentence(random, 6)} {Words[i % Words.Length]}\n\n");
            for (var p = 0; p < 4; p++)
            {
                var name = Names[(i + p) % Names.Length];
                text.Append($"وقال الرئيس {name} إن {Sentence(random, 12)}. وأضاف {name} أن {Sentence(random, 10)}.\n\n");
            }
            File.WriteAllText(Path.Combine(all, $"snn_{i:D5}.txt"), text.ToString(), new UTF8Encoding(false));
        }
        return dir;
    }

    private static string Sentence(Random random, int words) =>
        string.Join(' ', Enumerable.Range(0, words).Select(_ => Words[random.Next(Words.Length)]));
}
