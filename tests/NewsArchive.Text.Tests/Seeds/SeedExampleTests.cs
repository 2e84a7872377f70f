using NewsArchive.Text.Dates;
using NewsArchive.Text.Seeds;

namespace NewsArchive.Text.Tests.Seeds;

public class SeedExampleTests
{
    private static readonly SeedArticle Seed = SeedFileReader.Read("000_2ef5bfdfb831a724.txt", RepoFiles.SeedExample()).Article
        ?? throw new InvalidOperationException("the seed example does not parse");

    [Fact]
    public void Seed_line2_is_the_subject_and_the_title_is_derived_from_the_lead()
    {
        var a = Seed.Article;
        Assert.Equal(new DateOnly(2024, 6, 26), a.Published);
        Assert.Equal("لويد أوستن", a.Subject);
        Assert.True(a.TitleDerived);
        Assert.Equal("أجرى وزيرا الدفاع الأميركي والروسي اتصالًا هاتفيًا", a.Title);
        Assert.Equal("وزير الدفاع الأميركي", a.Caption);
        Assert.Equal("بوليتيكو", a.Credit);
    }

    [Fact]
    public void Seed_pull_quote_is_listed_once_and_kept_once_in_the_body()
    {
        var a = Seed.Article;
        var quote = Assert.Single(a.PullQuotes);
        Assert.StartsWith("هدّد الرئيس الروسي فلاديمير بوتين بتسليم أسلحة مماثلة", quote);
        Assert.Single(a.Paragraphs, p => p.Contains("بتسليم أسلحة مماثلة", StringComparison.Ordinal));
        Assert.Contains(a.Paragraphs, p => p.StartsWith("بدوره، هدّد", StringComparison.Ordinal));
    }

    [Fact]
    public void Seed_missing_space_after_full_stop_is_repaired()
    {
        Assert.Contains(Seed.Article.Paragraphs, p => p.Contains("مفتوحة. وقال المتحدث", StringComparison.Ordinal));
    }

    [Fact]
    public void Seed_names_exactly_its_nine_persons()
    {
        string[] expected = ["لويد أوستن", "أندريه بيلوسوف", "سيرجي شويجو", "فلاديمير بوتين", "جو بايدن", "باتريك رايدر", "ديمتري", "لين تريسي", "سيرجي ريابكوف"];
        Assert.Equal(expected.Order(), Seed.Persons.Select(p => p.Name).Order());
    }

    [Fact]
    public void Seed_bare_surnames_count_as_mentions_of_the_full_name()
    {
        var austin = Seed.Persons.Single(p => p.Name == "لويد أوستن");
        Assert.True(austin.IsSubject);
        Assert.Contains("أوستن", austin.Aliases);
        Assert.True(austin.Mentions >= 4, $"mentions: {austin.Mentions}");
        Assert.Contains("وزير الدفاع الأمريكي", austin.Roles);

        var belousov = Seed.Persons.Single(p => p.Name == "أندريه بيلوسوف");
        Assert.Contains("بيلوسوف", belousov.Aliases);
        Assert.True(belousov.Mentions >= 4, $"mentions: {belousov.Mentions}");
        Assert.Contains("وزير الدفاع الروسي الجديد", belousov.Roles);
    }

    [Theory]
    [InlineData("باتريك رايدر", "اللواء")]
    [InlineData("ديمتري", "المتحدّث باسم الكرملين")]
    [InlineData("لين تريسي", "السفيرة الأميركية في موسكو")]
    [InlineData("سيرجي ريابكوف", "نائب وزير الخارجية الروسي")]
    [InlineData("فلاديمير بوتين", "الرئيس الروسي")]
    [InlineData("جو بايدن", "الرئيس")]
    public void Seed_keeps_the_role_seen_with_each_person(string name, string role)
    {
        Assert.Contains(role, Seed.Persons.Single(p => p.Name == name).Roles);
    }

    [Fact]
    public void Seed_first_sentence_is_the_evidence_of_the_first_mention()
    {
        var shoigu = Seed.Persons.Single(p => p.Name == "سيرجي شويجو");
        Assert.Contains("الذي حل محل سيرجي شويجو", shoigu.FirstSentence, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1962", DatePrecision.Year)]
    [InlineData("2014", DatePrecision.Year)]
    [InlineData("2022-02", DatePrecision.Month)]
    [InlineData("2023-03", DatePrecision.Month)]
    [InlineData("2024-04", DatePrecision.Month)]
    [InlineData("2024-05", DatePrecision.Month)]
    [InlineData("2024-06-24", DatePrecision.Day)]
    [InlineData("2024-06-26", DatePrecision.Day)]
    public void Seed_states_its_dated_events(string iso, DatePrecision precision)
    {
        Assert.Contains(Seed.Events, e => e.Date.ToIso() == iso && e.Date.Precision == precision);
    }

    [Fact]
    public void Seed_lead_is_the_article_event_and_the_2014_annexation_is_kept_once()
    {
        var own = Assert.Single(Seed.Events, e => e.IsArticleEvent);
        Assert.Equal("2024-06-26", own.Date.ToIso());
        Assert.StartsWith("أجرى وزيرا الدفاع", own.Text, StringComparison.Ordinal);
        Assert.Single(Seed.Events, e => e.Date.ToIso() == "2014");
    }

    [Fact]
    public void Seed_events_name_the_persons_of_their_clause()
    {
        var may = Seed.Events.Single(e => e.Date.ToIso() == "2024-05");
        Assert.Contains("سيرجي شويجو", may.Persons);
        var monday = Seed.Events.Single(e => e.Date.ToIso() == "2024-06-24");
        Assert.Contains("ديمتري", monday.Persons);
    }
}
