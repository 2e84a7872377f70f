using Microsoft.Extensions.DependencyInjection;
using NewsArchive.Web.Data;
using NewsArchive.Web.Import;
using NewsArchive.Web.Search;

namespace NewsArchive.Web.Tests.Search;

/// <summary>
/// Words with a person filter are counted up to <see cref="ArchiveSearch.PersonCountCap"/>, past
/// which the total reads "more than"; without the filter the same words are counted exactly up to
/// <see cref="ArchiveSearch.CountCap"/>.
/// </summary>
public sealed class PersonCountCapTests(ArchiveFactory factory) : IClassFixture<ArchiveFactory>
{
    private const string Word = "القرنفلية";
    private const int Articles = ArchiveSearch.PersonCountCap + 5;

    [Fact]
    public async Task Person_filtered_total_stops_at_the_person_cap_and_says_so()
    {
        // The host starts (and imports the seeds folder) first, so this test's import does the work.
        var importer = factory.Importer;
        var folder = Path.Combine(factory.SeedsPath, "person_cap");
        Directory.CreateDirectory(folder);
        for (var i = 0; i < Articles; i++)
        {
            await File.WriteAllTextAsync(Path.Combine(folder, $"cap_{i:D4}.txt"), $"""
                2020-01-{1 + (i % 28):D2}
                مهرجان {Word} رقم {i}

                وقال وزير الدفاع الأميركي لويد أوستن في بيان إن مهرجان {Word} رقم {i} ناجح.
                """);
        }

        var summary = await importer.ImportFolderAsync(folder, new ImportRequest("test"));
        Assert.Equal(Articles, summary.Imported);

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ArchiveDbContext>();
        var search = scope.ServiceProvider.GetRequiredService<ArchiveSearch>();
        var persons = await PersonLookup.ResolveAsync(db, "لويد أوستن", CancellationToken.None);
        Assert.NotNull(persons);

        var filtered = await search.SearchAsync(new SearchRequest(Word, persons, DateRange.All, 1, 20), CancellationToken.None);
        var unfiltered = await search.SearchAsync(new SearchRequest(Word, null, DateRange.All, 1, 20), CancellationToken.None);

        Assert.Equal(ArchiveSearch.PersonCountCap, filtered.Total);
        Assert.True(filtered.TotalCapped);
        Assert.Equal(20, filtered.Items.Count);
        Assert.Equal(Articles, unfiltered.Total);
        Assert.False(unfiltered.TotalCapped);
    }
}
