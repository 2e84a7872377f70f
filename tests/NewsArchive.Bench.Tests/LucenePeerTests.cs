namespace NewsArchive.Bench.Tests;

public class LucenePeerTests
{
    [Fact]
    public void Peer_indexes_the_corpus_and_answers_every_kind_of_query_in_the_mix()
    {
        var corpus = TinyCorpus.Create(60);
        var files = Corpus.SourceFiles(corpus);
        var queries = QueryMix.Build(files, ["فلاديمير بوتين", "جو بايدن"], 2015, 2015);
        using var lucene = new LucenePeer(Path.Combine(corpus, "lucene"));

        var (rate, cpu) = lucene.Index(files);

        Assert.True(rate > 0 && cpu > 0);
        Assert.Equal(["common", "date", "facet", "person", "phrase"], queries.Select(q => q.Kind).Distinct().Order());
        Assert.Equal(60, lucene.Search(new BenchQuery("person", null, "فلاديمير بوتين")));
        Assert.All(queries.Where(q => q.Kind == "common"), q => Assert.True(lucene.Search(q) > 0, q.Text));
        Assert.Equal(0, lucene.Search(new BenchQuery("date", "الحكومة", From: "1999", To: "1999")));
        Directory.Delete(corpus, recursive: true);
    }

    [Fact]
    public void Mix_fills_every_kind_the_corpus_allows_and_is_deterministic()
    {
        var corpus = TinyCorpus.Create(60);
        var files = Corpus.SourceFiles(corpus);
        var queries = QueryMix.Build(files, ["جو بايدن"], 1990, 2015);

        // The tiny vocabulary has no rare words and fewer than 40 common ones; these kinds are always full.
        foreach (var kind in new[] { "person", "date", "facet" })
        {
            Assert.Equal(QueryMix.PerKind, queries.Count(q => q.Kind == kind));
        }
        Assert.Equal(queries, QueryMix.Build(files, ["جو بايدن"], 1990, 2015));
        Directory.Delete(corpus, recursive: true);
    }
}
