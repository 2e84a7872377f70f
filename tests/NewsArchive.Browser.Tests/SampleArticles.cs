namespace NewsArchive.Browser.Tests;

/// <summary>Short articles written for these tests, in the seed format, beside the repository's seed file.</summary>
internal static class SampleArticles
{
    public static IReadOnlyList<(string Name, string Text)> All { get; } =
    [
        ("browser_001.txt", """
            ١٤-آذار-٢٠٢٣
            وزير الخارجية يبحث مع نظيره الفرنسي ملف الطاقة

            بحث وزير الخارجية الأردني أيمن الصفدي مع نظيره الفرنسي جان نويل بارو في عمّان اليوم ملف الطاقة والتعاون الإقليمي.

            وقال الصفدي إن البلدين اتفقا على تشكيل لجنة مشتركة تجتمع في أيار/مايو المقبل.
            """),
        ("browser_002.txt", """
            2019-11-03
            افتتاح معرض الكتاب الدولي بمشاركة واسعة

            افتتح محافظ المدينة سامر الحلبي معرض الكتاب الدولي في دورته الثلاثين بمشاركة أكثر من 400 دار نشر.

            وأكد الحلبي أن المعرض يستقبل زواره حتى منتصف الشهر الجاري.
            """),
    ];
}
