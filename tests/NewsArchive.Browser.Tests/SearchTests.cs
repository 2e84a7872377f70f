using Microsoft.Playwright;

namespace NewsArchive.Browser.Tests;

/// <summary>Finding things from the header search box, as a reader types them.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SearchTests(BrowserFixture fixture)
{
    [Theory]
    [InlineData("شويغو")]     // the article spells it شويجو
    [InlineData("اوستن")]     // without hamza
    [InlineData("البنتاجون")] // the article spells it البنتاغون
    [InlineData("هدّد")]      // with shadda
    public async Task Header_search_finds_the_article_for_a_spelling_variant(string query)
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/");
        var box = page.Locator("header input[name='q']");
        await box.FillAsync(query);
        await box.PressAsync("Enter");
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/search\\?"));

        var results = page.Locator("main");
        await Assertions.Expect(results.Locator("a[href^='/articles/']").First).ToBeVisibleAsync();
        await Assertions.Expect(results.Locator("mark").First).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Search_results_highlight_original_words_and_narrow_by_year_facet()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/search?q=" + Uri.EscapeDataString("وزير"));
        var main = page.Locator("main");
        await Assertions.Expect(main.Locator("mark").First).ToBeVisibleAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "search.png"), FullPage = true });

        await main.Locator("a[href*='from=2023']").First.ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("from=2023"));
        await Assertions.Expect(main).ToContainTextAsync("ملف الطاقة");
        await Assertions.Expect(main).Not.ToContainTextAsync("بيلوسوف");
    }
}
