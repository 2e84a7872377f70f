using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsArchive.Web.Data;
using NewsArchive.Web.Import;
using NewsArchive.Web.Search;

namespace NewsArchive.Web.Tests.Search;

/// <summary>
/// Month facets count candidates from the in-memory dates table (<see cref="PublishedDays"/>),
/// which must never outlive a change: an article re-imported with another date moves to its new
/// month at once, before the table is reloaded.
/// </summary>
public sealed class PublishedDaysTests(ArchiveFactory factory) : IClassFixture<ArchiveFactory>
{
    private const string Word = "البنفسجية";

    [Fact]
    public async Task Dates_table_holds_each_article_date_and_is_dropped_when_an_article_is_redated()
    {
        // The host starts (and imports the seeds folder) first, so this test's imports do the work.
        var importer = factory.Importer;
        var folder = Path.Combine(factory.SeedsPath, "redated");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "redated.txt");
        await File.WriteAllTextAsync(file, Article("2020-05-14"));
        Assert.Equal(1, (await importer.ImportFolderAsync(folder, new ImportRequest("test"))).Imported);

        var (id, days) = await LoadedAsync();
        Assert.Equal(20200514, days[id]);
        Assert.Equal((2020, 5), await OnlyMonthAsync());

        await File.WriteAllTextAsync(file, Article("2021-08-02"));
        Assert.Equal(1, (await importer.ImportFolderAsync(folder, new ImportRequest("test"))).Updated);

        Assert.Null(await TryGetAsync());
        Assert.Equal((2021, 8), await OnlyMonthAsync());
    }

    private static string Article(string date) => $"""
        {date}
        حديقة {Word} تفتح أبوابها

        افتتحت البلدية حديقة {Word} للزوار.
        """;

    private async Task<(int Id, IReadOnlyList<int> Days)> LoadedAsync()
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ArchiveDbContext>();
        var id = await db.Articles.Where(a => a.Title.Contains(Word)).Select(a => a.Id).SingleAsync();
        for (var i = 0; i < 100; i++)
        {
            if (await TryGetAsync() is { } days)
            {
                return (id, days);
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("the dates table was not loaded in 5 s");
    }

    private async Task<IReadOnlyList<int>?> TryGetAsync()
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ArchiveDbContext>();
        await db.Database.OpenConnectionAsync();
        return await PublishedDays.TryGetAsync(db.Database.GetDbConnection(), CancellationToken.None);
    }

    private async Task<(int Year, int Month)> OnlyMonthAsync()
    {
        using var scope = factory.Services.CreateScope();
        var search = scope.ServiceProvider.GetRequiredService<ArchiveSearch>();
        var result = await search.SearchAsync(new SearchRequest(Word, null, DateRange.All, 1, 20), CancellationToken.None);
        var month = Assert.Single(Assert.Single(result.Years).Months);
        return (month.Year, month.Month);
    }
}
