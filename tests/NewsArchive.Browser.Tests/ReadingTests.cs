using Microsoft.Playwright;

namespace NewsArchive.Browser.Tests;

/// <summary>A reader's path through the archive in a real Chromium: home, article, person, archive.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ReadingTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Home_page_is_arabic_right_to_left_and_lists_the_seed_article()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/");

        Assert.Equal("rtl", await page.EvaluateAsync<string>("getComputedStyle(document.body).direction"));
        Assert.Equal("ar", await page.GetAttributeAsync("html", "lang"));
        // The seed file has no headline: its title is derived from the lead.
        await Assertions.Expect(page.Locator("main a[href^='/articles/']").Filter(new LocatorFilterOptions { HasText = "وزيرا الدفاع" }).First).ToBeVisibleAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("home.png"), FullPage = true });
    }

    [Fact]
    public async Task Reader_opens_an_article_and_sees_its_caption_body_persons_and_events()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/");
        await page.Locator("main a[href^='/articles/']").Filter(new LocatorFilterOptions { HasText = "وزيرا الدفاع" }).First.ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/articles/\\d+"));

        var main = page.Locator("main");
        await Assertions.Expect(main.Locator("h1")).ToBeVisibleAsync();
        await Assertions.Expect(main).ToContainTextAsync("بوليتيكو");
        await Assertions.Expect(main).ToContainTextAsync("أزمة الصواريخ الكوبية");
        // The paragraph the file repeats is shown once as a quote, once in the text.
        await Assertions.Expect(main.Locator("blockquote")).ToContainTextAsync("بتسليم أسلحة مماثلة");
        Assert.Equal(2, await main.GetByText("بتسليم أسلحة مماثلة", new LocatorGetByTextOptions { Exact = false }).CountAsync());
        await Assertions.Expect(main.Locator("a[href^='/people/']").Filter(new LocatorFilterOptions { HasText = "بيلوسوف" }).First).ToBeVisibleAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("article.png"), FullPage = true });
    }

    [Fact]
    public async Task Reader_follows_a_person_link_to_their_page_and_back_to_the_article()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/people");
        await page.Locator("main a[href^='/people/']").Filter(new LocatorFilterOptions { HasText = "بوتين" }).First.ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/people/\\d+"));

        await Assertions.Expect(page.Locator("main h1")).ToContainTextAsync("فلاديمير بوتين");
        await page.Locator("main a[href^='/articles/']").First.ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/articles/\\d+"));
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("بوتين");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("person.png"), FullPage = true });
    }

    [Fact]
    public async Task Archive_by_year_lists_only_that_years_articles()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/archive/2019");

        var main = page.Locator("main");
        await Assertions.Expect(main).ToContainTextAsync("معرض الكتاب");
        await Assertions.Expect(main).Not.ToContainTextAsync("أوستن");
    }

    [Fact]
    public async Task Pages_fit_a_phone_screen_without_sideways_scrolling()
    {
        var page = await fixture.NewPageAsync(width: 375, height: 740);
        foreach (var path in new[] { "/", "/people" })
        {
            await page.GotoAsync(path);
            var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
            Assert.True(overflow <= 0, $"{path} scrolls sideways by {overflow}px on a phone");
        }
        await page.GotoAsync("/");
        await page.Locator("main a[href^='/articles/']").First.ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/articles/\\d+"));
        var articleOverflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(articleOverflow <= 0, $"the article page scrolls sideways by {articleOverflow}px on a phone");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("article-phone.png"), FullPage = true });
    }

    private static string Shot(string name) => Path.Combine(BrowserFixture.ScreenshotFolder, name);
}
