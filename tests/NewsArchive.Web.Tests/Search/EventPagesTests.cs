using System.Net;

namespace NewsArchive.Web.Tests.Search;

/// <summary>/events, /archive/on-this-day and /search as pages.</summary>
public sealed class EventPagesTests(SearchFactory factory) : IClassFixture<SearchFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Events_page_groups_by_year_and_links_each_event_to_its_article()
    {
        var seed = await factory.ArticleIdOfAsync(ArchiveFactory.SeedFileName);

        var html = await _client.GetStringAsync("/events?from=2014&to=2014");

        Assert.Contains("<h2>2014</h2>", html);
        Assert.DoesNotContain("<h2>2024</h2>", html);
        Assert.Contains($"href=\"/articles/{seed}/", html);
    }

    [Fact]
    public async Task Events_page_reports_a_bad_date_instead_of_failing()
    {
        using var response = await _client.GetAsync("/events?from=" + Uri.EscapeDataString("أمس"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("role=\"alert\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task On_this_day_lists_the_articles_and_the_day_events_of_that_date()
    {
        var seed = await factory.ArticleIdOfAsync(ArchiveFactory.SeedFileName);
        var other = await factory.ArticleIdOfAsync(SearchFactory.Hamza);

        var html = await _client.GetStringAsync("/archive/on-this-day/6/26");

        Assert.Contains($"href=\"/articles/{seed}/", html);
        Assert.DoesNotContain($"href=\"/articles/{other}/", html);
        Assert.Contains("datetime=\"2024-06-26\"", html);
    }

    [Theory]
    [InlineData("/archive/on-this-day/13/1")]
    [InlineData("/archive/on-this-day/2/30")]
    [InlineData("/archive/on-this-day/0/0")]
    public async Task On_this_day_of_a_day_that_does_not_exist_is_404(string url)
    {
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task Search_page_facet_links_narrow_the_search()
    {
        var html = await _client.GetStringAsync("/search?q=" + Uri.EscapeDataString(SearchFactory.SharedWord));

        Assert.Contains("from=2019&amp;to=2019", html);
        Assert.Contains("from=2019-11&amp;to=2019-11", html);
    }

    [Fact]
    public async Task Search_page_with_a_bad_date_says_so()
    {
        var html = await _client.GetStringAsync("/search?q=x&from=abc");

        Assert.Contains("role=\"alert\"", html);
    }

    [Theory]
    [InlineData("اوستن", "لويد أوستن")]
    [InlineData("أوستن", "لويد أوستن")]
    [InlineData("شويغو", "سيرجي شويجو")]
    public async Task People_page_finds_a_person_by_any_spelling(string q, string name)
    {
        var html = await _client.GetStringAsync("/people?q=" + Uri.EscapeDataString(q));

        Assert.Contains(name, html);
        Assert.DoesNotContain("جو بايدن", html);
    }
}
