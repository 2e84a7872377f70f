using System.Net;
using Microsoft.EntityFrameworkCore;
using NewsArchive.Text.Dates;
using NewsArchive.Web.Data;

namespace NewsArchive.Web.Tests;

/// <summary>The reading pages, over HTTP, on the archive imported at startup.</summary>
public sealed class PageTests(ArchiveFactory factory) : IClassFixture<ArchiveFactory>
{
    private static readonly string[] SeedPersons =
    [
        "لويد أوستن", "أندريه بيلوسوف", "سيرجي شويجو", "فلاديمير بوتين", "جو بايدن",
        "باتريك رايدر", "لين تريسي", "سيرجي ريابكوف", "ديمتري",
    ];

    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Home_lists_the_seed_article_with_its_date()
    {
        var id = await factory.ArticleIdOfAsync(ArchiveFactory.SeedFileName);
        var html = await _client.GetStringAsync("/");

        Assert.Contains($"href=\"/articles/{id}/", html);
        Assert.Contains("26 يونيو 2024", html);
    }

    [Fact]
    public async Task Pages_are_arabic_and_right_to_left()
    {
        var html = await _client.GetStringAsync("/");

        Assert.Contains("<html lang=\"ar\" dir=\"rtl\">", html);
        Assert.Contains("action=\"/search\"", html);
        Assert.Contains("name=\"q\"", html);
        Assert.DoesNotContain("bootstrap", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Article_page_shows_subject_caption_credit_and_body()
    {
        var id = await factory.ArticleIdOfAsync(ArchiveFactory.SeedFileName);
        var html = await _client.GetStringAsync($"/articles/{id}");

        Assert.Contains("لويد أوستن", html);
        Assert.Contains("وزير الدفاع الأميركي", html);
        Assert.Contains("بوليتيكو", html);
        Assert.Contains("أجرى وزيرا الدفاع الأميركي والروسي اتصالًا هاتفيًا", html);
        Assert.Contains("نيسان/إبريل بموافقة الكونغرس", html);
    }

    [Fact]
    public async Task Seed_article_names_its_nine_persons_and_links_them()
    {
        var id = await factory.ArticleIdOfAsync(ArchiveFactory.SeedFileName);
        var names = await factory.QueryAsync(db => db.ArticlePersons.Where(ap => ap.ArticleId == id).Select(ap => ap.Person!.Name).ToListAsync());
        var html = await _client.GetStringAsync($"/articles/{id}");

        Assert.Equal(9, names.Count);
        foreach (var name in SeedPersons)
        {
            Assert.Contains(names, n => n.Contains(name, StringComparison.Ordinal));
            Assert.Contains($">{names.First(n => n.Contains(name, StringComparison.Ordinal))}</a>", html);
        }

        Assert.DoesNotContain(names, n => n is "رويترز" or "البنتاغون" or "الكرملين" or "موسكو" or "القرم" or "الكونغرس");
    }

    [Fact]
    public async Task Seed_article_states_its_dated_events_at_their_precision()
    {
        var id = await factory.ArticleIdOfAsync(ArchiveFactory.SeedFileName);
        var events = await factory.QueryAsync(db => db.Events.Where(e => e.ArticleId == id).Select(e => new { e.Date, e.Precision }).ToListAsync());
        var html = await _client.GetStringAsync($"/articles/{id}");

        (DateOnly Date, DatePrecision Precision, string Shown)[] expected =
        [
            (new DateOnly(1962, 1, 1), DatePrecision.Year, "1962"),
            (new DateOnly(2014, 1, 1), DatePrecision.Year, "2014"),
            (new DateOnly(2022, 2, 1), DatePrecision.Month, "فبراير 2022"),
            (new DateOnly(2023, 3, 1), DatePrecision.Month, "مارس 2023"),
            (new DateOnly(2024, 4, 1), DatePrecision.Month, "أبريل 2024"),
            (new DateOnly(2024, 5, 1), DatePrecision.Month, "مايو 2024"),
            (new DateOnly(2024, 6, 26), DatePrecision.Day, "26 يونيو 2024"),
        ];
        foreach (var (date, precision, shown) in expected)
        {
            Assert.Contains(events, e => e.Date == date && e.Precision == precision);
            Assert.Contains($">{shown}</time>", html);
        }
    }

    [Fact]
    public async Task Pull_quote_is_rendered_once_as_a_quote()
    {
        var id = await factory.ArticleIdOfAsync(ArchiveFactory.SeedFileName);
        var html = await _client.GetStringAsync($"/articles/{id}");
        var body = html[html.IndexOf("class=\"article-body\"", StringComparison.Ordinal)..html.IndexOf("</article>", StringComparison.Ordinal)];

        Assert.Equal(1, Occurrences(body, "<blockquote>"));
        Assert.Contains("بتسليم أسلحة مماثلة", body[body.IndexOf("<blockquote>", StringComparison.Ordinal)..]);
    }

    [Fact]
    public async Task Markup_in_a_seed_file_is_shown_as_text_never_run()
    {
        var id = await factory.ArticleIdOfAsync("markup_in_text.txt");
        var html = await _client.GetStringAsync($"/articles/{id}");

        Assert.DoesNotContain("<script>alert(1)</script>", html);
        Assert.Contains("&lt;script&gt;", html);
    }

    [Fact]
    public async Task People_page_lists_persons_with_article_counts()
    {
        var html = await _client.GetStringAsync("/people");

        Assert.Contains("فلاديمير بوتين", html);
        // Putin is named in the seed and in the February 2022 fixture.
        var putin = await factory.QueryAsync(db => db.Persons.SingleAsync(p => p.Name == "فلاديمير بوتين"));
        Assert.Equal(2, putin.ArticleCount);
        Assert.Contains("مقالان", html);
    }

    [Fact]
    public async Task Person_page_shows_aliases_roles_articles_and_timeline()
    {
        var seedId = await factory.ArticleIdOfAsync(ArchiveFactory.SeedFileName);
        var austin = await factory.QueryAsync(db => db.Persons.SingleAsync(p => p.Name == "لويد أوستن"));
        var html = await _client.GetStringAsync($"/people/{austin.Id}");

        Assert.Contains("<h1>لويد أوستن</h1>", html);
        Assert.Contains("أوستن", html[html.IndexOf("class=\"aliases\"", StringComparison.Ordinal)..]);
        Assert.Contains("وزير الدفاع", html);
        Assert.Contains("(2024)", html);
        Assert.Contains($"href=\"/articles/{seedId}/", html);
    }

    [Fact]
    public async Task Archive_pages_list_articles_by_date_and_link_years_and_months()
    {
        var seedId = await factory.ArticleIdOfAsync(ArchiveFactory.SeedFileName);

        var year = await _client.GetStringAsync("/archive/2024");
        var month = await _client.GetStringAsync("/archive/2024/6");
        var day = await _client.GetStringAsync("/archive/2024/6/26");
        var otherDay = await _client.GetStringAsync("/archive/2024/6/25");

        Assert.Contains($"href=\"/articles/{seedId}/", year);
        Assert.Contains("href=\"/archive/2024/6\"", year);
        Assert.Contains("href=\"/archive/2023\"", year);
        Assert.Contains($"href=\"/articles/{seedId}/", month);
        Assert.Contains($"href=\"/articles/{seedId}/", day);
        Assert.DoesNotContain($"href=\"/articles/{seedId}/", otherDay);
    }

    [Fact]
    public async Task Archive_without_a_year_opens_the_latest_year()
    {
        var response = await factory.CreateClient(new() { AllowAutoRedirect = false }).GetAsync("/archive");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/archive/2024", response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/?page=2")]
    [InlineData("/?page=-5")]
    [InlineData("/people")]
    [InlineData("/people?page=999999999")]
    [InlineData("/archive/2024")]
    [InlineData("/archive/2024/6")]
    [InlineData("/archive/2024/6/26")]
    [InlineData("/archive/1900")]
    public async Task Pages_answer_ok(string url)
    {
        var response = await _client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Article_and_person_pages_answer_ok_with_and_without_slug()
    {
        var id = await factory.ArticleIdOfAsync(ArchiveFactory.SeedFileName);
        var personId = await factory.QueryAsync(db => db.Persons.Select(p => p.Id).FirstAsync());

        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync($"/articles/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync($"/articles/{id}/any-slug")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync($"/people/{personId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync($"/people/{personId}/x?page=3")).StatusCode);
    }

    [Theory]
    [InlineData("/articles/999999")]
    [InlineData("/articles/999999/slug")]
    [InlineData("/articles/0")]
    [InlineData("/people/999999")]
    [InlineData("/archive/2024/13")]
    [InlineData("/archive/2024/2/30")]
    [InlineData("/archive/2024/0")]
    [InlineData("/archive/99999")]
    [InlineData("/articles/abc")]
    [InlineData("/no-such-page")]
    public async Task Unknown_ids_and_dates_are_not_found_with_an_arabic_page(string url)
    {
        var response = await _client.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("الصفحة غير موجودة", await response.Content.ReadAsStringAsync());
    }

    private static int Occurrences(string text, string value)
    {
        var count = 0;
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + value.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
