using Microsoft.Extensions.DependencyInjection;
using NewsArchive.Web.Import;
using NewsArchive.Web.Search;

namespace NewsArchive.Web.Tests.Search;

/// <summary>
/// A phrase whose every word is common (in more than <see cref="ArchiveSearch.RankAllLimit"/>
/// articles) is ranked as a common term, newest first with headline matches first, even when the
/// phrase itself is rare: bm25 would read both words' position lists over the whole archive.
/// </summary>
public sealed class CommonWordPhraseTests(ArchiveFactory factory) : IClassFixture<ArchiveFactory>
{
    // Both words in more than RankAllLimit articles; the phrase in fewer, but more than the ranked candidates.
    private const int Together = ArchiveSearch.CandidateCount + 5;
    private const int Apart = ArchiveSearch.RankAllLimit - ArchiveSearch.CandidateCount;

    [Fact]
    public async Task Rare_phrase_of_common_words_is_ranked_newest_first_with_every_match_in_the_facets()
    {
        // The host starts (and imports the seeds folder) first, so this test's import does the work.
        var importer = factory.Importer;
        var folder = Path.Combine(factory.SeedsPath, "common_phrase");
        Directory.CreateDirectory(folder);
        for (var i = 0; i < Apart; i++)
        {
            await File.WriteAllTextAsync(Path.Combine(folder, $"b_apart_{i:D4}.txt"), $"""
                2020-02-{1 + (i % 28):D2}
                خبر رقم {i}

                افتتح مهرجان المدينة ثم زار وفد الزنبقية المعرض رقم {i}.
                """);
        }

        // The oldest of the phrase's articles says it three times: bm25 would put it first.
        await File.WriteAllTextAsync(Path.Combine(folder, "a_together.txt"), """
            2020-03-01
            خبر مكرر

            مهرجان الزنبقية ثم مهرجان الزنبقية ثم مهرجان الزنبقية في المدينة.
            """);
        for (var i = 1; i < Together; i++)
        {
            await File.WriteAllTextAsync(Path.Combine(folder, $"c_together_{i:D4}.txt"), $"""
                2020-03-{1 + (i % 28):D2}
                خبر عادي رقم {i}

                افتتح مهرجان الزنبقية في المدينة وحضره وفد كبير من الزوار والضيوف رقم {i}.
                """);
        }

        var summary = await importer.ImportFolderAsync(folder, new ImportRequest("test"));
        Assert.Equal(Apart + Together, summary.Imported);

        using var scope = factory.Services.CreateScope();
        var search = scope.ServiceProvider.GetRequiredService<ArchiveSearch>();
        var result = await search.SearchAsync(new SearchRequest("\"مهرجان الزنبقية\"", null, DateRange.All, 1, 20), CancellationToken.None);

        Assert.Equal(Together, result.Total);
        Assert.False(result.TotalCapped);
        var ids = result.Items.Select(i => i.Id).ToList();
        Assert.Equal(ids.OrderDescending(), ids);
        Assert.DoesNotContain(result.Items, i => i.Title == "خبر مكرر");
        Assert.False(result.FacetsPartial);
        Assert.Equal(Together, result.Years.Sum(y => y.Count));
    }
}
