namespace NewsArchive.Web.Tests.Search;

/// <summary>
/// The archive of <see cref="ArchiveFactory"/> (the seed file and web's fixtures) plus articles
/// written for search: one per spelling-variant class, each with a word no other article has, and
/// three articles in different years sharing one word, for facets and date filters.
/// </summary>
public sealed class SearchFactory : ArchiveFactory
{
    public const string Diacritics = "s_diacritics.txt";
    public const string Hamza = "s_hamza.txt";
    public const string YaTaMarbuta = "s_ya_ta.txt";
    public const string Prefixes = "s_prefixes.txt";
    public const string Digits = "s_digits.txt";
    public const string Year2011 = "s_year_2011.txt";
    public const string Year2019a = "s_year_2019a.txt";
    public const string Year2019b = "s_year_2019b.txt";

    /// <summary>The word the three year articles share, and no other article has.</summary>
    public const string SharedWord = "الزعفرانية";

    public SearchFactory()
    {
        WriteSeed(Diacritics, """
            2015-07-21
            مُفاوَضاتٌ طويلةٌ في فيينّا

            أجرى الوفدان اتّصالًا هاتفيًّا طويلًا قبل استئناف المُفاوَضاتِ في فيينّا حول البرنامج النوويّ.
            """);
        WriteSeed(Hamza, """
            2015-07-22
            مسؤول في البلدية يتحدث عن أزمة المياه

            قال مسؤولٌ في بلدية جدة إن أزمة المياه ستنتهي، وأعلن إطلاق خطة جديدة لإنشاء الخزانات.
            """);
        WriteSeed(YaTaMarbuta, """
            2015-07-23
            افتتاح مستشفى الولادة

            افتتحت الحكومة مستشفى جديدا للولادة في مدينة أبها، وحضرت الافتتاح وزيرة الصحة.
            """);
        WriteSeed(Prefixes, """
            2015-07-24
            جولة المحادثات الثالثة

            وانتهت جولة المحادثات الثالثة بين الطرفين، وقال المتحدث إن بالمقترحات الجديدة والمراقبين أسبابا للتفاؤل.
            """);
        WriteSeed(Digits, """
            2015-07-25
            ذكرى تأسيس النادي

            احتفل النادي بذكرى تأسيسه عام ١٩٥٧ في حي البطحاء، وحضر الاحتفال ٣٤٠ مدعوا، ثم سافر وفد النادي إلى فيينا.
            """);
        WriteSeed(Year2011, $"""
            2011-03-05
            مهرجان {SharedWord} الأول

            انطلق مهرجان {SharedWord} الأول للتراث في المدينة بحضور جمهور كبير.
            """);
        WriteSeed(Year2019a, $"""
            2019-03-10
            مهرجان {SharedWord} يعود

            عاد مهرجان {SharedWord} للتراث بعد غياب طويل.
            """);
        WriteSeed(Year2019b, $"""
            2019-11-02
            ختام مهرجان {SharedWord}

            اختتم مهرجان {SharedWord} دورته بتكريم الحرفيين.
            """);
    }
}
