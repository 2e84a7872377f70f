using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsArchive.Web.Data;
using NewsArchive.Web.Import;
using NewsArchive.Web.Search;

namespace NewsArchive.Web.Tests.Search;

/// <summary>
/// Facets count candidates from in-memory tables (<see cref="FacetTables"/>: dates and persons by
/// article), which must never outlive a change: an article re-imported with another date and
/// without its person moves at once, before the tables are reloaded.
/// </summary>
public sealed class FacetTablesTests(ArchiveFactory factory) : IClassFixture<ArchiveFactory>
{
    private const string Word = "البنفسجية";

    [Fact]
    public async Task Tables_hold_each_article_date_and_persons_and_are_dropped_when_an_article_changes()
    {
        // The host starts (and imports the seeds folder) first, so this test's imports do the work.
        var importer = factory.Importer;
        var folder = Path.Combine(factory.SeedsPath, "redated");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "redated.txt");
        await File.WriteAllTextAsync(file, Article("2020-05-14", "وقال وزير الدفاع الأميركي لويد أوستن إن الحديقة جميلة."));
        Assert.Equal(1, (await importer.ImportFolderAsync(folder, new ImportRequest("test"))).Imported);

        var (id, tables) = await LoadedAsync();
        Assert.Equal(20200514, tables.DayById[id]);
        var person = Assert.Single(tables.PersonsOf(id).ToArray());
        // By person, the tables hold the same pairs, each person's articles ascending.
        var byArticle = Enumerable.Range(0, tables.DayById.Length).SelectMany(a => tables.PersonsOf(a).ToArray().Select(p => (a, p))).Order().ToArray();
        var byPerson = Enumerable.Range(0, tables.ArticleStart.Length).SelectMany(p => tables.ArticlesOf(p).ToArray().Select(a => (a, p))).Order().ToArray();
        Assert.Equal(byArticle, byPerson);
        Assert.All(Enumerable.Range(0, tables.ArticleStart.Length), p => Assert.Equal(tables.ArticlesOf(p).ToArray().Order(), tables.ArticlesOf(p).ToArray()));
        Assert.Contains(id, tables.ArticlesOf(person).ToArray());
        var before = await SearchAsync();
        Assert.Equal((2020, 5), OnlyMonth(before));
        Assert.Equal(person, Assert.Single(before.Persons).Id);

        await File.WriteAllTextAsync(file, Article("2021-08-02", "وقال مدير الحديقة إنها جميلة."));
        Assert.Equal(1, (await importer.ImportFolderAsync(folder, new ImportRequest("test"))).Updated);

        Assert.Null(await TryGetAsync());
        var after = await SearchAsync();
        Assert.Equal((2021, 8), OnlyMonth(after));
        Assert.Empty(after.Persons);
    }

    private static string Article(string date, string sentence) => $"""
        {date}
        حديقة {Word} تفتح أبوابها

        افتتحت البلدية حديقة {Word} للزوار. {sentence}
        """;

    private static (int Year, int Month) OnlyMonth(SearchResult result)
    {
        var month = Assert.Single(Assert.Single(result.Years).Months);
        return (month.Year, month.Month);
    }

    private async Task<(int Id, FacetTables Tables)> LoadedAsync()
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ArchiveDbContext>();
        var id = await db.Articles.Where(a => a.Title.Contains(Word)).Select(a => a.Id).SingleAsync();
        for (var i = 0; i < 100; i++)
        {
            if (await TryGetAsync() is { } tables)
            {
                return (id, tables);
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("the facet tables were not loaded in 5 s");
    }

    private async Task<FacetTables?> TryGetAsync()
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ArchiveDbContext>();
        await db.Database.OpenConnectionAsync();
        return await FacetTables.TryGetAsync(db.Database.GetDbConnection(), CancellationToken.None);
    }

    private async Task<SearchResult> SearchAsync()
    {
        using var scope = factory.Services.CreateScope();
        var search = scope.ServiceProvider.GetRequiredService<ArchiveSearch>();
        return await search.SearchAsync(new SearchRequest(Word, null, DateRange.All, 1, 20), CancellationToken.None);
    }
}
