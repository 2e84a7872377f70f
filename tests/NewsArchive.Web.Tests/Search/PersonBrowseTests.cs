using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsArchive.Web.Data;
using NewsArchive.Web.Import;
using NewsArchive.Web.Search;

namespace NewsArchive.Web.Tests.Search;

/// <summary>
/// A person filter without words lists the persons' articles newest first, each once, in the date
/// range: the same whether the dates come from SQL or from the in-memory <see cref="FacetTables"/>.
/// </summary>
public sealed class PersonBrowseTests(ArchiveFactory factory) : IClassFixture<ArchiveFactory>
{
    [Fact]
    public async Task Persons_articles_come_newest_first_once_each_from_sql_and_from_memory()
    {
        var importer = factory.Importer;
        var folder = Path.Combine(factory.SeedsPath, "browse");
        Directory.CreateDirectory(folder);
        await Write(folder, "both.txt", "2020-01-01", "وقال وزير الدفاع الأميركي لويد أوستن ووزير الخارجية الأميركي جون كيري إن الحوار مستمر.");
        await Write(folder, "austin.txt", "2021-06-01", "وقال وزير الدفاع الأميركي لويد أوستن إن الحوار مستمر.");
        await Write(folder, "kerry.txt", "2019-03-01", "وقال وزير الخارجية الأميركي جون كيري إن الحوار مستمر.");
        await Write(folder, "kerry_same_day.txt", "2021-06-01", "وأكد وزير الخارجية الأميركي جون كيري أن الحوار مستمر.");
        Assert.Equal(4, (await importer.ImportFolderAsync(folder, new ImportRequest("test"))).Imported);

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ArchiveDbContext>();
        var austin = Assert.Single((await PersonLookup.ResolveAsync(db, "لويد أوستن", CancellationToken.None))!);
        var kerry = Assert.Single((await PersonLookup.ResolveAsync(db, "جون كيري", CancellationToken.None))!);
        var byFile = await db.Articles.Where(a => a.SourceFile.Contains("browse")).ToDictionaryAsync(a => Path.GetFileName(a.SourceFile), a => a.Id);
        var sameDay = new[] { byFile["austin.txt"], byFile["kerry_same_day.txt"] }.OrderDescending();
        int[] expected = [.. sameDay, byFile["both.txt"], byFile["kerry.txt"]];
        int[] since2020 = [.. sameDay, byFile["both.txt"]];

        // The first search finds the tables stale (SQL) and starts their load; later ones use them.
        // (Other fixtures' articles name them too: only this test's articles are compared.)
        var range = new DateRange(new DateOnly(2020, 1, 1), new DateOnly(2021, 12, 31));
        var fromSql = (await BrowseAsync([austin, kerry], DateRange.All)).Where(byFile.ContainsValue);
        var fromSqlRange = (await BrowseAsync([austin, kerry], range)).Where(byFile.ContainsValue);
        await WaitForTablesAsync(db);
        var fromMemory = (await BrowseAsync([austin, kerry], DateRange.All)).Where(byFile.ContainsValue);
        var fromMemoryRange = (await BrowseAsync([austin, kerry], range)).Where(byFile.ContainsValue);

        Assert.Equal(expected, fromSql);
        Assert.Equal(expected, fromMemory);
        Assert.Equal(since2020, fromSqlRange);
        Assert.Equal(since2020, fromMemoryRange);
    }

    private static Task Write(string folder, string name, string date, string sentence) =>
        File.WriteAllTextAsync(Path.Combine(folder, name), $"""
            {date}
            تصريحات حول الحوار {name}

            {sentence}
            """);

    private async Task<int[]> BrowseAsync(int[] persons, DateRange range)
    {
        using var scope = factory.Services.CreateScope();
        var search = scope.ServiceProvider.GetRequiredService<ArchiveSearch>();
        var result = await search.SearchAsync(new SearchRequest(null, persons, range, 1, 20), CancellationToken.None);
        Assert.Equal(result.Items.Count, result.Total);
        return [.. result.Items.Select(i => i.Id)];
    }

    private static async Task WaitForTablesAsync(ArchiveDbContext db)
    {
        await db.Database.OpenConnectionAsync();
        for (var i = 0; i < 100 && await FacetTables.TryGetAsync(db.Database.GetDbConnection(), CancellationToken.None) is null; i++)
        {
            await Task.Delay(50);
        }

        Assert.NotNull(await FacetTables.TryGetAsync(db.Database.GetDbConnection(), CancellationToken.None));
    }
}
