using Microsoft.Extensions.DependencyInjection;
using NewsArchive.Web.Import;
using NewsArchive.Web.Search;

namespace NewsArchive.Web.Tests.Search;

/// <summary>
/// A query with a phrase is counted up to <see cref="ArchiveSearch.PhraseCountCap"/>, past which the
/// total reads "more than"; the same words without quotes are counted exactly up to
/// <see cref="ArchiveSearch.CountCap"/>.
/// </summary>
public sealed class PhraseCountCapTests(ArchiveFactory factory) : IClassFixture<ArchiveFactory>
{
    private const string Phrase = "\"مهرجان الزنبقية\"";
    private const int Articles = ArchiveSearch.PhraseCountCap + 5;

    [Fact]
    public async Task Phrase_total_stops_at_the_phrase_cap_and_says_so()
    {
        // The host starts (and imports the seeds folder) first, so this test's import does the work.
        var importer = factory.Importer;
        var folder = Path.Combine(factory.SeedsPath, "phrase_cap");
        Directory.CreateDirectory(folder);
        for (var i = 0; i < Articles; i++)
        {
            await File.WriteAllTextAsync(Path.Combine(folder, $"cap_{i:D4}.txt"), $"""
                2020-01-{1 + (i % 28):D2}
                مهرجان الزنبقية رقم {i}

                افتتح مهرجان الزنبقية رقم {i} في المدينة.
                """);
        }

        var summary = await importer.ImportFolderAsync(folder, new ImportRequest("test"));
        Assert.Equal(Articles, summary.Imported);

        using var scope = factory.Services.CreateScope();
        var search = scope.ServiceProvider.GetRequiredService<ArchiveSearch>();
        var phrase = await search.SearchAsync(new SearchRequest(Phrase, null, DateRange.All, 1, 20), CancellationToken.None);
        var words = await search.SearchAsync(new SearchRequest(Phrase.Trim('"'), null, DateRange.All, 1, 20), CancellationToken.None);
        var lastPage = await search.SearchAsync(new SearchRequest(Phrase, null, DateRange.All, ArchiveSearch.PhraseCountCap / 20, 20), CancellationToken.None);

        Assert.Equal(ArchiveSearch.PhraseCountCap, phrase.Total);
        Assert.True(phrase.TotalCapped);
        Assert.Equal(20, phrase.Items.Count);
        Assert.Equal(20, lastPage.Items.Count);
        Assert.Equal(Articles, words.Total);
        Assert.False(words.TotalCapped);
    }
}
