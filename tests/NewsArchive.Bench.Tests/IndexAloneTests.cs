using Microsoft.Data.Sqlite;
using NewsArchive.Web.Search;

namespace NewsArchive.Bench.Tests;

public class IndexAloneTests
{
    [Fact]
    public void Every_article_is_analyzed_and_indexed_and_both_engines_are_timed()
    {
        var corpus = TinyCorpus.Create(40);
        var work = Path.Combine(corpus, "work");
        try
        {
            var files = Directory.GetFiles(Path.Combine(corpus, "all"));

            var result = IndexAlone.Measure(files, work);

            Assert.Equal(40, result.Files);
            Assert.Equal(40, result.Articles);
            Assert.True(result.InsertSeconds > 0 && result.InsertCpu >= 0 && result.LuceneArticlesPerSecond > 0);
            using var connection = new SqliteConnection($"Data Source={Path.Combine(work, "index.db")};Pooling=False");
            connection.Open();
            using var count = connection.CreateCommand();
            // The entries hold the analyzed words: every article of the corpus quotes "الرئيس".
            count.CommandText = "SELECT (SELECT count(*) FROM ArticleSearch_docsize), (SELECT count(*) FROM ArticleSearch WHERE ArticleSearch MATCH $match)";
            count.Parameters.AddWithValue("$match", $"body:\"{new SearchAnalyzer().AnalyzeQueryTerm("الرئيس")!.Stems[0]}\"");
            using var reader = count.ExecuteReader();
            Assert.True(reader.Read());
            Assert.Equal(40, reader.GetInt32(0));
            Assert.Equal(40, reader.GetInt32(1));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(corpus, recursive: true);
        }
    }
}
