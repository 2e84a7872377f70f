using Microsoft.EntityFrameworkCore;
using System.Net.Http.Json;
using System.Text.Json;

namespace NewsArchive.Web.Tests.Search;

/// <summary>Snippets, facets and filters of /search and /api/search.</summary>
public sealed class SearchResultsTests(SearchFactory factory) : IClassFixture<SearchFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Snippet_shows_the_original_words_marked_though_the_query_is_spelled_otherwise()
    {
        var hit = await SingleHitAsync("مسئول", SearchFactory.Hamza);

        // The text says مسؤولٌ (hamza on waw, with tanween); the reader typed مسئول.
        Assert.Contains("<mark>مسؤولٌ</mark>", hit.GetProperty("snippet").GetString());
    }

    [Fact]
    public async Task Snippet_keeps_diacritics_and_marks_each_matched_word()
    {
        var hit = await SingleHitAsync("اتصالا هاتفيا", SearchFactory.Diacritics);
        var snippet = hit.GetProperty("snippet").GetString()!;

        Assert.Contains("<mark>اتّصالًا</mark> <mark>هاتفيًّا</mark>", snippet);
        Assert.Contains("قبل استئناف", snippet);
    }

    [Fact]
    public async Task Snippet_marks_a_foreign_name_spelled_as_the_article_spells_it()
    {
        var hit = await SingleHitAsync("شويغو", ArchiveFactory.SeedFileName);

        Assert.Contains("<mark>شويجو</mark>", hit.GetProperty("snippet").GetString());
    }

    [Fact]
    public async Task Snippet_encodes_markup_in_the_text()
    {
        var html = await _client.GetStringAsync("/search?q=" + Uri.EscapeDataString("الولادة"));

        Assert.Contains("<mark>", html);
        Assert.DoesNotContain("<mark><", html);
        Assert.Contains("مستشفى", html);
    }

    [Fact]
    public async Task Search_page_lists_results_with_marks_and_a_count()
    {
        var html = await _client.GetStringAsync("/search?q=" + Uri.EscapeDataString(SearchFactory.SharedWord));

        Assert.Contains("<span class=\"total\">3</span>", html);
        Assert.Contains($"<mark>{SearchFactory.SharedWord}</mark>", html);
        Assert.Contains("class=\"facet-years\"", html);
    }

    [Fact]
    public async Task Year_facets_count_the_results_and_their_filters_narrow_to_that_count()
    {
        var all = await SearchAsync(SearchFactory.SharedWord);
        var years = all.GetProperty("facets").GetProperty("years").EnumerateArray()
            .ToDictionary(y => y.GetProperty("year").GetInt32(), y => y.GetProperty("count").GetInt32());

        Assert.Equal(3, all.GetProperty("total").GetInt32());
        Assert.Equal(new Dictionary<int, int> { [2011] = 1, [2019] = 2 }, years);
        foreach (var (year, count) in years)
        {
            var narrowed = await SearchAsync(SearchFactory.SharedWord, $"&from={year}&to={year}");
            Assert.Equal(count, narrowed.GetProperty("total").GetInt32());
        }
    }

    [Theory]
    [InlineData("&from=2019-03&to=2019-03", 1)]
    [InlineData("&from=2019-03-10&to=2019-03-10", 1)]
    [InlineData("&from=2019-03-11&to=2019-11-01", 0)]
    [InlineData("&from=2012", 2)]
    [InlineData("&to=2018-12-31", 1)]
    [InlineData("&from=٢٠١١&to=٢٠١١", 1)]
    [InlineData("&from=1990&to=2000", 0)]
    public async Task Date_filter_takes_years_months_and_days(string filter, int expected)
    {
        var result = await SearchAsync(SearchFactory.SharedWord, filter);

        Assert.Equal(expected, result.GetProperty("total").GetInt32());
        Assert.Equal(expected, result.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Month_facets_link_to_their_month()
    {
        var all = await SearchAsync(SearchFactory.SharedWord);
        var months = all.GetProperty("facets").GetProperty("years").EnumerateArray()
            .SelectMany(y => y.GetProperty("months").EnumerateArray())
            .ToDictionary(m => m.GetProperty("month").GetString()!, m => m.GetProperty("count").GetInt32());

        Assert.Equal(new Dictionary<string, int> { ["2011-03"] = 1, ["2019-03"] = 1, ["2019-11"] = 1 }, months);
    }

    [Theory]
    [InlineData("اوستن")]
    [InlineData("أوستن")]
    [InlineData("لويد أوستن")]
    [InlineData("لويد اوستن")]
    public async Task Person_filter_finds_the_person_in_any_spelling(string person)
    {
        var seed = await factory.ArticleIdOfAsync(ArchiveFactory.SeedFileName);

        var result = await SearchAsync("", $"&person={Uri.EscapeDataString(person)}");

        Assert.Contains(seed, Ids(result));
    }

    [Fact]
    public async Task Person_filter_by_a_spelling_variant_of_the_surname()
    {
        var seed = await factory.ArticleIdOfAsync(ArchiveFactory.SeedFileName);

        Assert.Contains(seed, Ids(await SearchAsync("", "&person=" + Uri.EscapeDataString("شويغو"))));
    }

    [Fact]
    public async Task Person_filter_narrows_a_word_search_and_an_unknown_person_finds_nothing()
    {
        var seed = await factory.ArticleIdOfAsync(ArchiveFactory.SeedFileName);
        var hamza = await factory.ArticleIdOfAsync(SearchFactory.Hamza);
        // وزير appears in the seed and in the ya/ta fixture (وزيرة).
        var word = await SearchAsync("مسؤولة OR مسؤول");
        var narrowed = await SearchAsync("مسؤولة OR مسؤول", "&person=" + Uri.EscapeDataString("أوستن"));
        var nobody = await SearchAsync("مسؤول", "&person=" + Uri.EscapeDataString("زيد عمرو الخيالي"));

        Assert.Contains(hamza, Ids(word));
        Assert.Contains(seed, Ids(word));
        Assert.Contains(seed, Ids(narrowed));
        Assert.DoesNotContain(hamza, Ids(narrowed));
        Assert.True(narrowed.GetProperty("total").GetInt32() < word.GetProperty("total").GetInt32());
        Assert.Equal(0, nobody.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Person_filter_by_an_alias_or_an_id_finds_the_persons_articles_and_an_unknown_id_finds_none()
    {
        // An alias that is no person's name, so only the alias lookup can resolve it.
        var (personId, alias, articleId) = await factory.QueryAsync(async db =>
        {
            var a = await db.PersonAliases
                .Where(a => !db.Persons.Any(p => p.NormalizedName == a.NormalizedAlias))
                .Where(a => db.ArticlePersons.Any(ap => ap.PersonId == a.PersonId))
                .OrderBy(a => a.PersonId)
                .FirstAsync();
            var article = await db.ArticlePersons.Where(ap => ap.PersonId == a.PersonId).Select(ap => ap.ArticleId).FirstAsync();
            return (a.PersonId, a.Alias, article);
        });
        var unknownId = await factory.QueryAsync(db => db.Persons.MaxAsync(p => p.Id)) + 1;

        Assert.Contains(articleId, Ids(await SearchAsync("", "&person=" + Uri.EscapeDataString(alias))));
        Assert.Contains(articleId, Ids(await SearchAsync("", $"&person={personId}")));
        Assert.Equal(0, (await SearchAsync("", $"&person={unknownId}")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Person_facets_count_articles_and_narrow_by_id()
    {
        var result = await SearchAsync("بيلوسوف");
        var persons = result.GetProperty("facets").GetProperty("persons").EnumerateArray().ToList();
        var belousov = persons.Single(p => p.GetProperty("name").GetString()!.Contains("بيلوسوف", StringComparison.Ordinal));
        var narrowed = await SearchAsync("بيلوسوف", $"&person={belousov.GetProperty("id").GetInt32()}");

        Assert.Equal(belousov.GetProperty("count").GetInt32(), narrowed.GetProperty("total").GetInt32());
        Assert.True(persons.Count <= 10);
    }

    [Fact]
    public async Task Pages_of_results_do_not_overlap_and_add_up_to_the_total()
    {
        var first = await SearchAsync(SearchFactory.SharedWord, "&pageSize=2&page=1");
        var second = await SearchAsync(SearchFactory.SharedWord, "&pageSize=2&page=2");

        Assert.Equal(2, first.GetProperty("items").GetArrayLength());
        Assert.Equal(1, second.GetProperty("items").GetArrayLength());
        Assert.Empty(Ids(first).Intersect(Ids(second)));
    }

    [Fact]
    public async Task Title_matches_rank_before_body_matches()
    {
        // فيينا is in the diacritics fixture's title and body, and only in the digits fixture's body.
        var inTitle = await factory.ArticleIdOfAsync(SearchFactory.Diacritics);
        var inBody = await factory.ArticleIdOfAsync(SearchFactory.Digits);

        var ids = Ids(await SearchAsync("فيينا"));

        Assert.Equal([inTitle, inBody], ids);
    }

    private async Task<JsonElement> SingleHitAsync(string q, string file)
    {
        var id = await factory.ArticleIdOfAsync(file);
        var result = await SearchAsync(q);
        return result.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetInt32() == id);
    }

    private Task<JsonElement> SearchAsync(string q, string extra = "") =>
        _client.GetFromJsonAsync<JsonElement>($"/api/search?q={Uri.EscapeDataString(q)}{(extra.Contains("pageSize", StringComparison.Ordinal) ? "" : "&pageSize=100")}{extra}");

    private static List<int> Ids(JsonElement result) =>
        [.. result.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32())];
}
