using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Data.Sqlite;
using NewsArchive.Text.Seeds;
using NewsArchive.Web.Import;
using NewsArchive.Web.Search;

namespace NewsArchive.Bench;

/// <summary>
/// The <c>index-alone</c> command: how fast the full-text index alone takes the articles, against
/// Lucene.Net indexing the same files in the same process. Every file is read, parsed and analyzed
/// first, untimed; then only the index's writes are timed: the analyzed text of each article
/// written by the importer's own index writer into a fresh FTS5 table made with the migration's
/// DDL, in batches of the importer's size, on a connection with the importer's settings, then the
/// closing merge the importer runs after a bulk load. The import does all of that plus reading, parsing, extracting
/// and the archive's rows, so its rate can never be higher than this one: when this one is below
/// Lucene.Net's, so is the import's, whatever the rest costs.
/// </summary>
internal static class IndexAlone
{
    private const int BatchFiles = ArchiveImporter.MaxBatchFiles;

    public static int Run(string[] args)
    {
        string? seeds = null, work = null;
        var limit = int.MaxValue;
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--seeds": seeds = Value(); break;
                case "--work": work = Value(); break;
                case "--limit": limit = int.Parse(Value(), CultureInfo.InvariantCulture); break;
                default: throw new ArgumentException($"unknown option {args[i]}\n{BenchOptions.Usage}");
            }
        }

        if (seeds is null || !Directory.Exists(seeds))
        {
            throw new ArgumentException($"index-alone needs --seeds DIR (a folder of seed files){(seeds is null ? "" : $"; not found: {seeds}")}");
        }

        work ??= Path.Combine(Path.GetTempPath(), "newsarchive-index-alone");
        var files = Directory.EnumerateFiles(seeds, "*.txt", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Take(limit).ToArray();
        Console.WriteLine(Report.Invariant($"{files.Length:N0} seed files; reading, parsing and analyzing them first (untimed)…"));
        var r = Measure(files, work);
        Console.WriteLine();
        Console.WriteLine("| what is timed | articles | s | CPU-s | art/s | art per CPU-s |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        Console.WriteLine(Report.Invariant($"| FTS5: inserts of analyzed text, batches of {BatchFiles:N0} | {r.Articles:N0} | {r.InsertSeconds:0.0} | {r.InsertCpu:0.0} | {r.Articles / r.InsertSeconds:N0} | {r.Articles / r.InsertCpu:N0} |"));
        Console.WriteLine(Report.Invariant($"| FTS5: the closing merge | | {r.MergeSeconds:0.0} | {r.MergeCpu:0.0} | | |"));
        Console.WriteLine(Report.Invariant($"| FTS5: inserts and merge | {r.Articles:N0} | {r.Seconds:0.0} | {r.Cpu:0.0} | {r.ArticlesPerSecond:N0} | {r.Articles / r.Cpu:N0} |"));
        Console.WriteLine(Report.Invariant($"| Lucene.Net: reading, splitting and indexing | {r.Files:N0} | {r.Files / r.LuceneArticlesPerSecond:0.0} | {r.LuceneCpu:0.0} | {r.LuceneArticlesPerSecond:N0} | {r.Files / r.LuceneCpu:N0} |"));
        Console.WriteLine();
        Console.WriteLine(Report.Invariant($"FTS5 alone / Lucene.Net: {r.ArticlesPerSecond / r.LuceneArticlesPerSecond:0.00}× (rate), {r.Articles / r.Cpu / (r.Files / r.LuceneCpu):0.00}× (per CPU-second)"));
        return 0;
    }

    /// <summary>Analyzes <paramref name="files"/>, then times the index's writes of them and Lucene.Net's indexing of them, in <paramref name="work"/>.</summary>
    public static IndexAloneResult Measure(string[] files, string work)
    {
        Directory.CreateDirectory(work);
        var texts = Analyze(files);
        var (insertSeconds, insertCpu, mergeSeconds, mergeCpu) = InsertAllAsync(texts, Path.Combine(work, "index.db")).GetAwaiter().GetResult();
        var lucene = Path.Combine(work, "lucene");
        if (Directory.Exists(lucene))
        {
            Directory.Delete(lucene, recursive: true);
        }

        GC.Collect();
        using var peer = new LucenePeer(lucene);
        var (luceneRate, luceneCpu) = peer.Index(files);
        return new IndexAloneResult(files.Length, texts.Length, insertSeconds, insertCpu, mergeSeconds, mergeCpu, luceneRate, luceneCpu);
    }

    /// <summary>
    /// Each article's index text as the importer stages it: its four analyzed columns and the period
    /// column of date and person tokens. The person ids stand in for the archive's (one per distinct
    /// name), which gives the same number of tokens.
    /// </summary>
    private static IndexedText[] Analyze(string[] files)
    {
        var analyzer = new SearchAnalyzer();
        var personIds = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var texts = new IndexedText?[files.Length];
        Parallel.For(0, files.Length, i =>
        {
            var read = SeedFileReader.Read(files[i], File.ReadAllBytes(files[i]));
            if (read.Article is not { } seed)
            {
                return;
            }

            var a = seed.Article;
            var text = analyzer.AnalyzeArticle(a.Title, a.Subject, a.Caption, a.Body, a.Published);
            var ids = seed.Persons.Select(p => personIds.GetOrAdd(p.Name, _ => personIds.Count + 1));
            texts[i] = text with { Period = SearchAnalyzer.PeriodWithPersons(text.Period, ids) };
        });
        return [.. texts.OfType<IndexedText>()];
    }

    private static async Task<(double InsertSeconds, double InsertCpu, double MergeSeconds, double MergeCpu)> InsertAllAsync(IndexedText[] texts, string path)
    {
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(file);
        }

        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        connection.Execute("PRAGMA journal_mode=WAL;");
        connection.Execute(SearchSql.CreateIndex);
        connection.Execute(ArchiveImporter.ConnectionSettings);

        GC.Collect();
        using var clock = new ProcessClock();
        for (var start = 0; start < texts.Length; start += BatchFiles)
        {
            // The importer's batch flush writes its entries with the same writer (ArticleIndexer.FlushAsync).
            await using var transaction = connection.BeginTransaction();
            await using (var entries = new IndexEntryWriter(connection, transaction))
            {
                for (var i = start; i < Math.Min(start + BatchFiles, texts.Length); i++)
                {
                    await entries.WriteAsync(i + 1, texts[i], deleteFirst: false, CancellationToken.None);
                }
            }

            await transaction.CommitAsync();
        }

        var (insertSeconds, insertCpu) = clock.Lap();
        await SearchIndexMerge.MergeAllAsync(connection, CancellationToken.None);
        var (mergeSeconds, mergeCpu) = clock.Lap();
        return (insertSeconds, insertCpu, mergeSeconds, mergeCpu);
    }
}

/// <summary>What <c>index-alone</c> measured: the full-text index's inserts and closing merge, and Lucene.Net on the same files.</summary>
internal sealed record IndexAloneResult(
    int Files, int Articles, double InsertSeconds, double InsertCpu, double MergeSeconds, double MergeCpu, double LuceneArticlesPerSecond, double LuceneCpu)
{
    public double Seconds => InsertSeconds + MergeSeconds;

    public double Cpu => InsertCpu + MergeCpu;

    public double ArticlesPerSecond => Articles / Seconds;
}
