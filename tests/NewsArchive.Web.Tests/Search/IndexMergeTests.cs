using Microsoft.Data.Sqlite;
using NewsArchive.Web.Import;
using NewsArchive.Web.Search;

namespace NewsArchive.Web.Tests.Search;

/// <summary>After a bulk load the full-text index is merged into one segment; a small import leaves it to FTS5's automerge.</summary>
public sealed class IndexMergeTests(ArchiveFactory factory) : IClassFixture<ArchiveFactory>
{
    [Fact]
    public async Task A_run_that_writes_a_tenth_of_the_archive_merges_the_index_and_a_small_one_does_not()
    {
        _ = factory.Server;
        var bulk = Enumerable.Range(1, ArticleIndexer.MergeMinArticles)
            .Select(i => factory.WriteSeed($"bulk_{i:D4}.txt", Article(i)))
            .ToList();

        var summary = await factory.Importer.ImportFilesAsync(bulk, new ImportRequest("test"));

        Assert.Equal(ArticleIndexer.MergeMinArticles, summary.Imported);
        Assert.Equal(1, Segments());

        var small = Enumerable.Range(1, 3).Select(i => factory.WriteSeed($"small_{i}.txt", Article(5000 + i))).ToList();
        Assert.Equal(3, (await factory.Importer.ImportFilesAsync(small, new ImportRequest("test"))).Imported);
        // The small batch flushed a segment of its own, and it was left as it is.
        Assert.Equal(2, Segments());
    }

    private static string Article(int i) => $"""
        {1 + (i % 28)}-مارس-2019
        تقرير رقم {i} عن موسم الحصاد

        أعلنت وزارة الزراعة أن موسم الحصاد رقم {i} بدأ في المحافظات الشمالية، وأن الإنتاج المتوقع يفوق العام الماضي.
        """;

    private int Segments()
    {
        using var connection = new SqliteConnection($"Data Source={factory.DatabasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(DISTINCT segid) FROM ArticleSearch_idx";
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
