using NewsArchive.Web.Pages;

namespace NewsArchive.Web.Tests;

public sealed class LinksTests
{
    [Theory]
    [InlineData("وزير الدفاع الأميركي يتصل بنظيره الروسي", "وزير-الدفاع-الأميركي-يتصل-بنظيره-الروسي")]
    [InlineData("  قمة «جدة» 2023: ماذا بعد؟ ", "قمة-جدة-2023-ماذا-بعد")]
    [InlineData("اتصالًا هاتفيًا", "اتصالا-هاتفيا")]
    [InlineData("Putin's War", "putin-s-war")]
    [InlineData("؟!", "")]
    [InlineData("", "")]
    public void Slug_keeps_letters_and_joins_words_with_dashes(string title, string slug) =>
        Assert.Equal(slug, Links.Slug(title));

    [Fact]
    public void Slug_is_bounded_for_long_titles() =>
        Assert.True(Links.Slug(string.Concat(Enumerable.Repeat("كلمة ", 100))).Length <= 60);

    [Fact]
    public void Article_link_escapes_the_slug() =>
        Assert.Equal("/articles/7/" + Uri.EscapeDataString("قمة-جدة"), Links.Article(7, "قمة جدة"));

    [Theory]
    [InlineData(2024, 6, 26, "26 يونيو 2024")]
    [InlineData(2022, 2, 1, "1 فبراير 2022")]
    public void Dates_are_shown_with_arabic_month_names(int y, int m, int d, string shown) =>
        Assert.Equal(shown, ArabicDates.Format(new DateOnly(y, m, d)));
}
