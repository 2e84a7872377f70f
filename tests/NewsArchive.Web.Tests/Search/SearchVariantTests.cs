using System.Net.Http.Json;
using System.Text.Json;

namespace NewsArchive.Web.Tests.Search;

/// <summary>Every spelling-variant class of the language issue finds its article, through the search API.</summary>
public sealed class SearchVariantTests(SearchFactory factory) : IClassFixture<SearchFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Theory]
    // Diacritics: typed without what the text has, and with what the text lacks.
    [InlineData(SearchFactory.Diacritics, "اتصالا هاتفيا")]
    [InlineData(SearchFactory.Diacritics, "فيينا")]
    [InlineData(SearchFactory.Prefixes, "المُحادَثات")]
    // Hamza seats and alef forms.
    [InlineData(SearchFactory.Hamza, "مسئول")]
    [InlineData(SearchFactory.Hamza, "مسؤول")]
    [InlineData(SearchFactory.Hamza, "ازمة")]
    [InlineData(SearchFactory.Hamza, "اعلن")]
    [InlineData(SearchFactory.Hamza, "اطلاق")]
    // ى / ي and ة / ه.
    [InlineData(SearchFactory.YaTaMarbuta, "مستشفي")]
    [InlineData(SearchFactory.YaTaMarbuta, "الحكومه")]
    [InlineData(SearchFactory.YaTaMarbuta, "وزيره الصحه")]
    // Attached prefixes, both ways.
    [InlineData(SearchFactory.Prefixes, "انتهت")]
    [InlineData(SearchFactory.Prefixes, "محادثات")]
    [InlineData(SearchFactory.Prefixes, "مقترحات")]
    [InlineData(SearchFactory.Prefixes, "مراقبين")]
    [InlineData(SearchFactory.Hamza, "والبلدية")]
    // Arabic-Indic digits and ASCII digits meet.
    [InlineData(SearchFactory.Digits, "1957")]
    [InlineData(SearchFactory.Digits, "٣٤٠")]
    [InlineData(ArchiveFactory.SeedFileName, "١٩٦٢")]
    // Foreign names spelled differently by different papers.
    [InlineData(ArchiveFactory.SeedFileName, "شويغو")]
    [InlineData(ArchiveFactory.SeedFileName, "البنتاجون")]
    [InlineData(ArchiveFactory.SeedFileName, "بيلوسوف")]
    [InlineData(ArchiveFactory.SeedFileName, "الأمريكي")]
    public async Task Search_finds_the_article_whatever_the_spelling(string file, string q)
    {
        var id = await factory.ArticleIdOfAsync(file);

        var ids = await SearchIdsAsync(q);

        Assert.Contains(id, ids);
    }

    [Fact]
    public async Task A_word_in_no_article_finds_nothing()
    {
        Assert.Empty(await SearchIdsAsync("كنغرلوس"));
    }

    [Fact]
    public async Task Spelling_variants_do_not_merge_different_words()
    {
        // مسلول shares the name key of مسؤول (hamza dropped, doubled ل merged) but is another word.
        var hamza = await factory.ArticleIdOfAsync(SearchFactory.Hamza);
        Assert.DoesNotContain(hamza, await SearchIdsAsync("مسلول"));
    }

    [Fact]
    public async Task A_phrase_matches_words_in_order_only()
    {
        var id = await factory.ArticleIdOfAsync(SearchFactory.Prefixes);

        Assert.Contains(id, await SearchIdsAsync("\"جولة المحادثات\""));
        Assert.DoesNotContain(id, await SearchIdsAsync("\"المحادثات جولة\""));
    }

    [Fact]
    public async Task A_minus_excludes_and_OR_widens()
    {
        var hamza = await factory.ArticleIdOfAsync(SearchFactory.Hamza);
        var ya = await factory.ArticleIdOfAsync(SearchFactory.YaTaMarbuta);

        var either = await SearchIdsAsync("مستشفى OR البلدية");
        var excluded = await SearchIdsAsync("مستشفى -الولادة");

        Assert.Contains(hamza, either);
        Assert.Contains(ya, either);
        Assert.DoesNotContain(ya, excluded);
    }

    private async Task<List<int>> SearchIdsAsync(string q)
    {
        var json = await _client.GetFromJsonAsync<JsonElement>($"/api/search?pageSize=100&q={Uri.EscapeDataString(q)}");
        return [.. json.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32())];
    }
}
