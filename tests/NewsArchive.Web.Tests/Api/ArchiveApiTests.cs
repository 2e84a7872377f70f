using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NewsArchive.Web.Tests.Search;

namespace NewsArchive.Web.Tests.Api;

/// <summary>The JSON API's shapes, over HTTP on the imported archive.</summary>
public sealed class ArchiveApiTests(SearchFactory factory) : IClassFixture<SearchFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Search_returns_total_page_items_and_facets()
    {
        var json = await GetAsync("/api/search?q=" + Uri.EscapeDataString("بيلوسوف"));
        var item = json.GetProperty("items")[0];

        Assert.True(json.GetProperty("total").GetInt32() >= 1);
        Assert.Equal(1, json.GetProperty("page").GetInt32());
        Assert.Equal(JsonValueKind.Number, item.GetProperty("id").ValueKind);
        Assert.False(string.IsNullOrEmpty(item.GetProperty("title").GetString()));
        Assert.Equal("2024-06-26", item.GetProperty("published").GetString());
        Assert.StartsWith("/articles/", item.GetProperty("url").GetString());
        Assert.Contains("<mark>", item.GetProperty("snippet").GetString());
        Assert.Equal(JsonValueKind.Array, json.GetProperty("facets").GetProperty("years").ValueKind);
        Assert.Equal(JsonValueKind.Array, json.GetProperty("facets").GetProperty("persons").ValueKind);
    }

    [Fact]
    public async Task Articles_are_newest_first_with_their_source_file()
    {
        var json = await GetAsync("/api/articles?pageSize=100");
        var items = json.GetProperty("items").EnumerateArray().ToList();
        var dates = items.Select(i => i.GetProperty("published").GetString()!).ToList();

        Assert.Equal(json.GetProperty("total").GetInt32(), items.Count);
        Assert.Equal(dates.OrderDescending(StringComparer.Ordinal), dates);
        Assert.Contains(items, i => i.GetProperty("sourceFile").GetString() == ArchiveFactory.SeedFileName);
        Assert.All(items, i => Assert.StartsWith("/articles/", i.GetProperty("url").GetString()));
    }

    [Fact]
    public async Task Articles_filter_by_date_and_page()
    {
        var y2019 = await GetAsync("/api/articles?from=2019&to=2019");
        var page2 = await GetAsync("/api/articles?pageSize=1&page=2");

        Assert.Equal(2, y2019.GetProperty("total").GetInt32());
        Assert.Equal(1, page2.GetProperty("items").GetArrayLength());
        Assert.Equal(2, page2.GetProperty("page").GetInt32());
    }

    [Fact]
    public async Task Article_carries_persons_events_and_its_seed_fields()
    {
        var id = await factory.ArticleIdOfAsync(ArchiveFactory.SeedFileName);
        var json = await GetAsync($"/api/articles/{id}");

        Assert.Equal(id, json.GetProperty("id").GetInt32());
        Assert.Equal(ArchiveFactory.SeedFileName, json.GetProperty("sourceFile").GetString());
        Assert.Equal("لويد أوستن", json.GetProperty("subject").GetString());
        Assert.Equal("بوليتيكو", json.GetProperty("credit").GetString());
        Assert.Contains("وزير الدفاع", json.GetProperty("caption").GetString());
        var persons = json.GetProperty("persons").EnumerateArray().ToList();
        Assert.Contains(persons, p => p.GetProperty("name").GetString() == "لويد أوستن" && p.GetProperty("mentions").GetInt32() >= 1);
        Assert.All(persons, p => Assert.True(p.TryGetProperty("role", out _)));
        var events = json.GetProperty("events").EnumerateArray().ToList();
        Assert.Contains(events, e => e.GetProperty("date").GetString() == "2014" && e.GetProperty("precision").GetString() == "year");
        Assert.Contains(events, e => e.GetProperty("date").GetString() == "2022-02" && e.GetProperty("precision").GetString() == "month");
        Assert.Contains(events, e => e.GetProperty("date").GetString() == "2024-06-26" && e.GetProperty("precision").GetString() == "day");
        Assert.All(events, e => Assert.Equal(JsonValueKind.Array, e.GetProperty("persons").ValueKind));
    }

    [Fact]
    public async Task Unknown_article_or_person_is_404()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/api/articles/999999")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/api/people/999999")).StatusCode);
    }

    [Theory]
    [InlineData("اوستن")]
    [InlineData("أوستن")]
    [InlineData("شويغو")]
    public async Task People_search_finds_a_person_in_any_spelling(string q)
    {
        var json = await GetAsync("/api/people?q=" + Uri.EscapeDataString(q));

        Assert.True(json.GetProperty("total").GetInt32() >= 1);
        Assert.All(json.GetProperty("items").EnumerateArray(), p => Assert.True(p.GetProperty("articles").GetInt32() >= 0));
    }

    [Fact]
    public async Task Person_has_aliases_roles_and_article_ids()
    {
        var people = await GetAsync("/api/people?q=" + Uri.EscapeDataString("لويد أوستن"));
        var id = people.GetProperty("items")[0].GetProperty("id").GetInt32();
        var seed = await factory.ArticleIdOfAsync(ArchiveFactory.SeedFileName);

        var json = await GetAsync($"/api/people/{id}");

        Assert.Equal("لويد أوستن", json.GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Array, json.GetProperty("aliases").ValueKind);
        Assert.Equal(JsonValueKind.Array, json.GetProperty("roles").ValueKind);
        Assert.Contains(seed, json.GetProperty("articleIds").EnumerateArray().Select(a => a.GetInt32()));
    }

    [Fact]
    public async Task Events_overlap_the_range_whatever_the_article_date()
    {
        var seed = await factory.ArticleIdOfAsync(ArchiveFactory.SeedFileName);

        var y2014 = await GetAsync("/api/events?from=2014&to=2014");
        var y2022 = await GetAsync("/api/events?from=2022-02-10&to=2022-02-10");

        var events2014 = y2014.GetProperty("items").EnumerateArray().ToList();
        Assert.Contains(events2014, e => e.GetProperty("articleId").GetInt32() == seed && e.GetProperty("date").GetString() == "2014");
        Assert.All(events2014, e => Assert.StartsWith("2014", e.GetProperty("date").GetString()));
        // A month-precision event covers every day of its month.
        Assert.Contains(y2022.GetProperty("items").EnumerateArray(), e => e.GetProperty("date").GetString() == "2022-02");
    }

    [Fact]
    public async Task Events_are_ordered_by_date_and_filter_by_person()
    {
        var all = await GetAsync("/api/events");
        // Week dates (2024-W25) do not sort as text; the others do.
        var starts = all.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("date").GetString()!).Where(d => !d.Contains('W', StringComparison.Ordinal)).ToList();
        var putin = await GetAsync("/api/events?person=" + Uri.EscapeDataString("بوتين"));

        Assert.Equal(starts.Order(StringComparer.Ordinal), starts);
        Assert.True(putin.GetProperty("total").GetInt32() < all.GetProperty("total").GetInt32());
        Assert.All(putin.GetProperty("items").EnumerateArray(),
            e => Assert.Contains(e.GetProperty("persons").EnumerateArray(), p => p.GetProperty("name").GetString()!.Contains("بوتين", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("/api/search?page=0")]
    [InlineData("/api/search?page=abc")]
    [InlineData("/api/search?page=99999999999")]
    [InlineData("/api/search?pageSize=-1")]
    [InlineData("/api/search?from=yesterday")]
    [InlineData("/api/search?from=2024-13")]
    [InlineData("/api/search?from=2024-02-30")]
    [InlineData("/api/search?from=2020&to=2019")]
    [InlineData("/api/articles?to=%00")]
    [InlineData("/api/articles?page=-5")]
    [InlineData("/api/events?from=9999999")]
    [InlineData("/api/people?pageSize=x")]
    public async Task Bad_parameters_are_a_400_problem(string url)
    {
        using var response = await _client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task Page_size_is_capped()
    {
        var json = await GetAsync("/api/articles?pageSize=100000");

        Assert.True(json.GetProperty("items").GetArrayLength() <= 100);
    }

    [Fact]
    public async Task Openapi_document_describes_the_api()
    {
        var json = await GetAsync("/openapi/v1.json");
        var paths = json.GetProperty("paths");

        foreach (var path in new[] { "/api/search", "/api/articles", "/api/articles/{id}", "/api/people", "/api/people/{id}", "/api/events" })
        {
            Assert.True(paths.TryGetProperty(path, out _), path);
        }
    }

    private Task<JsonElement> GetAsync(string url) => _client.GetFromJsonAsync<JsonElement>(url);
}
