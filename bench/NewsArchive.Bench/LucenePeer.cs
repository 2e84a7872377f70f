using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Ar;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace NewsArchive.Bench;

/// <summary>
/// The peer a user would reach for instead: Lucene.Net with its ArabicAnalyzer over the same seed files
/// (title + body), running the same query mix. Person filters become phrase queries on the person's
/// name (Lucene has no person extraction); date filters are numeric ranges; facets count years over
/// every hit, as our facets do.
/// </summary>
internal sealed class LucenePeer : IDisposable
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;
    private readonly Analyzer _analyzer = new ArabicAnalyzer(Version);
    private readonly FSDirectory _directory;
    private DirectoryReader? _reader;
    private IndexSearcher? _searcher;

    public LucenePeer(string indexDir)
    {
        System.IO.Directory.CreateDirectory(indexDir);
        _directory = FSDirectory.Open(indexDir);
    }

    /// <summary>Indexes every seed file (reading and splitting each one included) and commits; returns articles per second and the CPU seconds it took.</summary>
    public (double ArticlesPerSecond, double CpuSeconds) Index(string[] files)
    {
        using var clock = new ProcessClock();
        var config = new IndexWriterConfig(Version, _analyzer) { OpenMode = OpenMode.CREATE, RAMBufferSizeMB = 64 };
        using (var writer = new IndexWriter(_directory, config))
        {
            var id = new StringField("id", "", Field.Store.YES);
            var title = new TextField("title", "", Field.Store.YES);
            var body = new TextField("body", "", Field.Store.NO);
            var date = new Int32Field("date", 0, Field.Store.NO);
            var year = new NumericDocValuesField("year", 0);
            var document = new Document { id, title, body, date, year };
            foreach (var file in files)
            {
                var article = CorpusArticle.Read(file);
                id.SetStringValue(article.File);
                title.SetStringValue(article.Title);
                body.SetStringValue(article.Body);
                date.SetInt32Value(DateKey(article.Published));
                year.SetInt64Value(article.Published.Year);
                writer.AddDocument(document);
            }
            writer.Commit();
        }
        var (seconds, cpuSeconds) = clock.Lap();
        _reader = DirectoryReader.Open(_directory);
        _searcher = new IndexSearcher(_reader);
        return (files.Length / seconds, cpuSeconds);
    }

    /// <summary>Runs one query: the top 20 hits with their stored titles and the total, plus year facets for every query (as /api/search returns them).</summary>
    public int Search(BenchQuery query)
    {
        var searcher = _searcher ?? throw new InvalidOperationException("index first");
        var lucene = ToLucene(query);
        var facets = new YearFacetCollector();
        var top = TopScoreDocCollector.Create(20, true);
        searcher.Search(lucene, MultiCollector.Wrap(top, facets));
        var docs = top.GetTopDocs();
        foreach (var hit in docs.ScoreDocs)
        {
            _ = searcher.Doc(hit.Doc).Get("title");
        }
        return docs.TotalHits;
    }

    private Query ToLucene(BenchQuery query)
    {
        var all = new BooleanQuery();
        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            all.Add(TextQuery(query.Text.Trim('"')), Occur.MUST);
        }
        if (!string.IsNullOrWhiteSpace(query.Person))
        {
            all.Add(TextQuery(query.Person), Occur.MUST);
        }
        if (query.From is not null || query.To is not null)
        {
            var (from, _) = Bounds(query.From);
            var (_, to) = Bounds(query.To);
            all.Add(NumericRangeQuery.NewInt32Range("date", from, to, true, true), Occur.MUST);
        }
        return all;
    }

    /// <summary>A word or phrase in the title (boosted, as our bm25 weighs titles more) or the body.</summary>
    private BooleanQuery TextQuery(string text)
    {
        var terms = Analyze(text);
        var either = new BooleanQuery();
        foreach (var (field, boost) in new[] { ("title", 3f), ("body", 1f) })
        {
            Query fieldQuery;
            if (terms.Count == 1)
            {
                fieldQuery = new TermQuery(new Term(field, terms[0]));
            }
            else
            {
                var phrase = new PhraseQuery();
                foreach (var term in terms)
                {
                    phrase.Add(new Term(field, term));
                }
                fieldQuery = phrase;
            }
            fieldQuery.Boost = boost;
            either.Add(fieldQuery, Occur.SHOULD);
        }
        return either;
    }

    private List<string> Analyze(string text)
    {
        var terms = new List<string>();
        using var stream = _analyzer.GetTokenStream("body", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            terms.Add(term.ToString());
        }
        stream.End();
        // A query made only of stop words matches nothing rather than everything.
        return terms.Count == 0 ? ["\u0000"] : terms;
    }

    private static int DateKey(DateOnly date) => date.Year * 10000 + date.Month * 100 + date.Day;

    /// <summary>"2014" → 20140101..20141231; "2014-05" → that month; "2014-05-03" → that day.</summary>
    private static (int From, int To) Bounds(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return (0, 99991231);
        }
        var parts = value.Split('-').Select(int.Parse).ToArray();
        return parts.Length switch
        {
            1 => (parts[0] * 10000 + 101, parts[0] * 10000 + 1231),
            2 => (parts[0] * 10000 + parts[1] * 100 + 1, parts[0] * 10000 + parts[1] * 100 + 31),
            _ => (DateKey(new DateOnly(parts[0], parts[1], parts[2])), DateKey(new DateOnly(parts[0], parts[1], parts[2]))),
        };
    }

    public void Dispose()
    {
        _reader?.Dispose();
        _directory.Dispose();
        _analyzer.Dispose();
    }

    /// <summary>Counts hits per publication year from doc values, like the archive's year facet.</summary>
    private sealed class YearFacetCollector : ICollector
    {
        private readonly Dictionary<long, int> _counts = [];
        private NumericDocValues? _years;

        public bool AcceptsDocsOutOfOrder => true;

        public void Collect(int doc)
        {
            var year = _years!.Get(doc);
            _counts[year] = _counts.GetValueOrDefault(year) + 1;
        }

        public void SetNextReader(AtomicReaderContext context) => _years = context.AtomicReader.GetNumericDocValues("year");

        public void SetScorer(Scorer scorer)
        {
        }
    }
}
