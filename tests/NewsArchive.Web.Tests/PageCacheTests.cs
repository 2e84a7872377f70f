using NewsArchive.Web.Data;
using NewsArchive.Web.Import;

namespace NewsArchive.Web.Tests;

/// <summary>Article, person and search pages are served from the output cache, and an import evicts them.</summary>
public sealed class PageCacheTests(ArchiveFactory factory) : IClassFixture<ArchiveFactory>
{
    private const string Article = """
        2023-11-05
        {0}

        قال وزير الخارجية الفرنسي ستيفان سيجورنيه إن بلاده تتابع الوضع في غزة عن كثب.
        """;

    [Fact]
    public async Task Article_page_is_cached_and_a_reimport_shows_the_new_text()
    {
        var client = factory.CreateClient();
        var path = Path.Combine(factory.SeedsPath, "cache_probe.txt");
        await File.WriteAllTextAsync(path, string.Format(Article, "عنوان قبل التحديث"));
        var first = await factory.Importer.ImportFileAsync(path, new ImportRequest("test"));
        var url = $"/articles/{first.ArticleId}";

        Assert.Contains("عنوان قبل التحديث", await GetTextAsync(client, url));
        using (var cached = await client.GetAsync(url))
        {
            Assert.True(cached.Headers.Age is not null, "second request should come from the output cache");
        }

        await File.WriteAllTextAsync(path, string.Format(Article, "عنوان بعد التحديث"));
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(1));
        var second = await factory.Importer.ImportFileAsync(path, new ImportRequest("test"));

        Assert.Equal(first.ArticleId, second.ArticleId);
        var page = await GetTextAsync(client, url);
        Assert.Contains("عنوان بعد التحديث", page);
        Assert.DoesNotContain("عنوان قبل التحديث", page);
    }

    [Fact]
    public async Task Search_page_is_cached_and_an_import_shows_the_new_article()
    {
        var client = factory.CreateClient();
        var url = "/search?q=" + Uri.EscapeDataString("سيجورنيه");
        var before = await GetTextAsync(client, url);
        Assert.DoesNotContain("مقال عن الذاكرة المؤقتة", before);
        using (var cached = await client.GetAsync(url))
        {
            Assert.True(cached.Headers.Age is not null, "second request should come from the output cache");
        }

        var path = Path.Combine(factory.SeedsPath, "search_cache_probe.txt");
        await File.WriteAllTextAsync(path, string.Format(Article, "مقال عن الذاكرة المؤقتة"));
        var imported = await factory.Importer.ImportFileAsync(path, new ImportRequest("test"));

        Assert.Equal(ImportOutcome.Imported, imported.Outcome);
        Assert.Contains("مقال عن الذاكرة المؤقتة", await GetTextAsync(client, url));
    }

    /// <summary>The page as text: however Razor encodes Arabic, the words compare decoded.</summary>
    private static async Task<string> GetTextAsync(HttpClient client, string url) =>
        System.Net.WebUtility.HtmlDecode(await client.GetStringAsync(url));
}
