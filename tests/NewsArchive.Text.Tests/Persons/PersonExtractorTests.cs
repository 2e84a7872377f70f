using NewsArchive.Text.Persons;

namespace NewsArchive.Text.Tests.Persons;

public class PersonExtractorTests
{
    private static List<string> Names(string text) => PersonExtractor.Extract([text]).Select(p => p.Name).ToList();

    /// <summary>Each case: a sentence and the persons it names, separated by <c>|</c> (empty for none).</summary>
    [Theory]
    [InlineData("قال الرئيس الروسي فلاديمير بوتين إن بلاده مستعدة", "فلاديمير بوتين")]
    [InlineData("والإثنين الماضي هدد المتحدّث باسم الكرملين ديمتري الولايات المتّحدة", "ديمتري")]
    [InlineData("استدعت الخارجية السفيرة الأميركية في موسكو لين تريسي لتحذيرها", "لين تريسي")]
    [InlineData("استقبل خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز آل سعود الوفد", "سلمان بن عبدالعزيز آل سعود")]
    [InlineData("وقال وكيل الوزارة الدكتور أحمد بن محمد السالم إن", "أحمد بن محمد السالم")]
    [InlineData("وقال مدير الجامعة الدكتور بدران العمر إن", "بدران العمر")]
    [InlineData("وقال الرئيس التنفيذي للشركة أمين الناصر إن", "أمين الناصر")]
    [InlineData("تلقى أمير الكويت الشيخ صباح الأحمد الجابر الصباح برقية", "صباح الأحمد الجابر الصباح")]
    [InlineData("قال نائب رئيس المكتب السياسي لحركة حماس إسماعيل هنية إن", "إسماعيل هنية")]
    [InlineData("التقى الرئيس الأمريكي الأسبق جورج دبليو بوش", "جورج دبليو بوش")]
    [InlineData("احتفلت الملكة إليزابيث الثانية بعيد ميلادها", "إليزابيث الثانية")]
    [InlineData("وقال الرئيس التركي رجب طيب أردوغان إن", "رجب طيب أردوغان")]
    [InlineData("واجه الأمير خالد الفيصل ووزير الخارجية عادل الجبير الصحفيين", "خالد الفيصل|عادل الجبير")]
    [InlineData("قاد النجم الأرجنتيني ليونيل ميسي فريقه برشلونة", "ليونيل ميسي")]
    [InlineData("عين الرئيس اليمني عبد ربه منصور هادي اللواء نايف البكري محافظا لعدن", "عبد ربه منصور هادي|نايف البكري")]
    [InlineData("هدد الرئيس الروسي فلاديمير بوتين بتسليم أسلحة", "فلاديمير بوتين")]
    [InlineData("وقدم أمين الصندوق تقريرا", "")]
    [InlineData("أعلنت جامعة الملك سعود عن فتح باب القبول", "")]
    [InlineData("شهد مطار الملك عبدالعزيز الدولي بجدة حركة كثيفة", "")]
    [InlineData("أكد المشاركون على الرغم من الظروف على أهمية حسن الجوار", "")]
    [InlineData("وأكد علي أهمية التعاون على سبيل المثال", "")]
    [InlineData("هنأ المواطنون بعيد الفطر المبارك وشهر رمضان الكريم", "")]
    [InlineData("وصل الوفد إلى أبو ظبي قادما من غازي عنتاب", "")]
    [InlineData("قال البنتاغون إن الكونغرس والكرملين وموسكو وواشنطن ورويترز", "")]
    [InlineData("الرياض 26 شوال 1436 هـ الموافق 11 اغسطس 2015 م واس", "")]
    [InlineData("تابع الجمهور الحصة التدريبية وقال مطلق النار إنه", "")]
    [InlineData("ذكرت وكالة الأنباء السعودية واس أن مجلس الوزراء وافق", "")]
    public void Finds_persons_and_only_persons(string text, string expected)
    {
        var want = expected.Length == 0 ? [] : expected.Split('|');
        Assert.Equal(want.Order(), Names(text).Order());
    }

    [Fact]
    public void Bare_surname_with_attached_prefix_is_a_mention_of_the_full_name()
    {
        var persons = PersonExtractor.Extract(["التقى وزير الدفاع الروسي أندريه بيلوسوف نظيره.", "وقال البيان إن وبيلوسوف أكد، ولبيلوسوف رأي آخر."]);
        var belousov = Assert.Single(persons);
        Assert.Equal("أندريه بيلوسوف", belousov.Name);
        Assert.Equal(3, belousov.Mentions);
        Assert.Contains("بيلوسوف", belousov.Aliases);
        Assert.Equal(["وزير الدفاع الروسي"], belousov.Roles);
        Assert.StartsWith("التقى وزير الدفاع", belousov.FirstSentence, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_persons_with_one_surname_keep_their_own_mentions()
    {
        var persons = PersonExtractor.Extract(["قال المرشح جيب بوش إن والده الرئيس الأسبق جورج بوش دعمه.", "وأضاف بوش أن الحملة مستمرة."]);
        Assert.Equal(2, persons.Count);
        Assert.Equal(2, persons.Single(p => p.Name == "جورج بوش").Mentions);
        Assert.Equal(1, persons.Single(p => p.Name == "جيب بوش").Mentions);
    }

    [Theory]
    [InlineData("لويد أوستن", true)]
    [InlineData("سيرغي لافروف", true)]
    [InlineData("محمد بن سلمان", true)]
    [InlineData("وزارة الداخلية تعايد منسوبيها", false)]
    [InlineData("عيد الفطر المبارك", false)]
    [InlineData("بريطانيا: أربعة محاور لاستراتيجية جديدة", false)]
    [InlineData("رياضي / الهلال يفوز", false)]
    public void Subject_line_is_a_name_only_when_it_reads_like_one(string line, bool isName)
    {
        Assert.Equal(isName, PersonExtractor.LooksLikeName(line));
    }
}
