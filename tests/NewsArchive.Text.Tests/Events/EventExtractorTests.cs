using NewsArchive.Text.Dates;
using NewsArchive.Text.Events;
using NewsArchive.Text.Persons;

namespace NewsArchive.Text.Tests.Events;

public class EventExtractorTests
{
    private static IReadOnlyList<ExtractedEvent> Events(string text, string published)
    {
        var paragraphs = text.Split("\n\n");
        return EventExtractor.Extract(paragraphs, DateOnly.Parse(published, System.Globalization.CultureInfo.InvariantCulture), PersonExtractor.Extract(paragraphs));
    }

    [Fact]
    public void Lead_without_its_own_date_is_the_article_event()
    {
        var events = Events("أعلن وزير المالية إبراهيم العساف ميزانية العام، وفق بيان.", "2015-08-18");
        var own = Assert.Single(events, e => e.IsArticleEvent);
        Assert.Equal(PartialDate.OfDay(new DateOnly(2015, 8, 18)), own.Date);
        Assert.Equal("أعلن وزير المالية إبراهيم العساف ميزانية العام", own.Text);
        Assert.Equal(["إبراهيم العساف"], own.Persons);
    }

    [Fact]
    public void Lead_dated_yesterday_is_not_also_an_article_event()
    {
        var events = Events("افتتح الرئيس المصري عبد الفتاح السيسي أمس قناة السويس الجديدة.", "2015-08-06");
        var e = Assert.Single(events);
        Assert.False(e.IsArticleEvent);
        Assert.Equal("2015-08-05", e.Date.ToIso());
        Assert.Equal(["عبد الفتاح السيسي"], e.Persons);
    }

    [Fact]
    public void Two_dates_in_one_clause_make_two_events_cut_before_the_linking_word()
    {
        var events = Events("مقدمة الخبر.\n\nوتراجعت العلاقات إلى أدنى مستوى لها منذ أزمة الصواريخ الكوبية عام 1962 بعد الغزو الروسي الشامل لأوكرانيا في شباط/ فبراير 2022.", "2024-06-26");
        Assert.Equal("وتراجعت العلاقات إلى أدنى مستوى لها منذ أزمة الصواريخ الكوبية عام 1962", events.Single(e => e.Date.ToIso() == "1962").Text);
        Assert.Equal("بعد الغزو الروسي الشامل لأوكرانيا في شباط/ فبراير 2022", events.Single(e => e.Date.ToIso() == "2022-02").Text);
    }

    [Fact]
    public void Same_statement_with_the_same_date_is_kept_once()
    {
        var events = Events("مقدمة الخبر.\n\nشبه جزيرة القرم التي ضمتها روسيا 2014.\n\nومناطق روسية وشبه جزيرة القرم التي ضمّتها روسيا إليها في 2014.\n\nوضمت روسيا شبه جزيرة القرم في عام 2014 وتعتبرها جزءا من أراضيها.", "2024-06-26");
        Assert.Single(events, e => e.Date.ToIso() == "2014");
    }

    [Fact]
    public void Different_statements_with_the_same_date_are_both_kept()
    {
        var events = Events("مقدمة الخبر.\n\nافتتح المصنع في عام 2014.\n\nوفاز الفريق بالبطولة عام 2014.", "2024-06-26");
        Assert.Equal(2, events.Count(e => e.Date.ToIso() == "2014"));
    }

    [Fact]
    public void Clause_that_is_only_a_date_borrows_its_neighbours()
    {
        var events = Events("حدد رئيس الوزراء البريطاني ديفيد كاميرون، اليوم (الاثنين)، ملامح استراتيجية للتصدي للتطرف.", "2015-07-20");
        var e = Assert.Single(events);
        Assert.Equal("2015-07-20", e.Date.ToIso());
        Assert.Contains("ملامح استراتيجية", e.Text, StringComparison.Ordinal);
        Assert.Equal(["ديفيد كاميرون"], e.Persons);
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("،،،", 0)]
    [InlineData("2014", 1)]
    public void Degenerate_text_gives_few_events_and_no_exception(string text, int max)
    {
        Assert.True(Events(text, "2024-06-26").Count <= max + 1);
    }
}
