using System.Diagnostics;
using System.Formats.Tar;
using System.Globalization;
using System.IO.Compression;
using NewsArchive.Text.Dates;
using NewsArchive.Text.Normalization;
using NewsArchive.Text.Seeds;

namespace NewsArchive.Bench.Eval;

/// <summary>
/// <c>eval [--corpus DIR] [--top N]</c>: runs <see cref="SeedFileReader"/> over the real corpus and prints
/// what docs/quality.md records: files parsed, date-parse rate, persons per article, the most frequent
/// person records (spelling variants merged with <see cref="NameKey"/>), events per article by precision,
/// and the text library's throughput.
/// </summary>
public static class EvalCommand
{
    private const string Usage = "usage: eval [--corpus DIR] [--top N]   (DIR holds the seed files, e.g. an unpacked corpus's all/)";

    /// <summary>Runs the evaluation; returns the process exit code.</summary>
    public static int Run(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        string? corpus = null;
        var top = 100;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--corpus" when i + 1 < args.Length:
                    corpus = args[++i];
                    break;
                case "--top" when i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var n):
                    top = n;
                    i++;
                    break;
                default:
                    Console.Error.WriteLine(Usage);
                    return 2;
            }
        }

        string? unpacked = null;
        try
        {
            if (corpus is null)
            {
                var tarball = FindTarball();
                if (tarball is null)
                {
                    Console.Error.WriteLine("corpus tarball not found (../shared/corpus/saudinewsnet-seed-format.tar.gz beside the repository); pass --corpus DIR");
                    return 2;
                }

                unpacked = Directory.CreateTempSubdirectory("newsarchive-eval-").FullName;
                Console.WriteLine($"unpacking {tarball} to {unpacked}");
                using (var gz = new GZipStream(File.OpenRead(tarball), CompressionMode.Decompress))
                {
                    TarFile.ExtractToDirectory(gz, unpacked, overwriteFiles: true);
                }

                corpus = unpacked;
            }

            return Evaluate(corpus, top);
        }
        finally
        {
            if (unpacked is not null)
            {
                Directory.Delete(unpacked, recursive: true);
            }
        }
    }

    private static int Evaluate(string corpus, int top)
    {
        var files = Directory.EnumerateFiles(corpus, "*.txt", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0)
        {
            Console.Error.WriteLine($"no *.txt files under {corpus}");
            return 2;
        }

        // Read everything first so the timing below is the text library alone, not the disk.
        var contents = files.Select(File.ReadAllBytes).ToList();
        var megabytes = contents.Sum(c => (long)c.Length) / 1024.0 / 1024.0;

        var results = new SeedReadResult[files.Count];
        // CPU time as well as wall time: on a shared machine the wall clock measures the neighbours too.
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < files.Count; i++)
        {
            results[i] = SeedFileReader.Read(Path.GetFileName(files[i]), contents[i]);
        }

        clock.Stop();
        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
        var articles = results.Where(r => r.Succeeded).Select(r => r.Article!).ToList();
        var errors = results.Where(r => !r.Succeeded).Select(r => r.Error!).ToList();
        var dateErrors = errors.Count(e => e.Line == 1);

        Console.WriteLine($"# Corpus evaluation ({DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC)");
        Console.WriteLine();
        Console.WriteLine($"files: {files.Count:N0} ({megabytes:F1} MB) under {corpus}");
        Console.WriteLine($"parsed: {articles.Count:N0} ({Percent(articles.Count, files.Count)}); errors: {errors.Count:N0}");
        Console.WriteLine($"date-parse rate (line 1): {Percent(files.Count - dateErrors, files.Count)} ({dateErrors:N0} dates not read)");
        foreach (var group in errors.GroupBy(e => e.Line).OrderBy(g => g.Key))
        {
            Console.WriteLine($"  line {group.Key}: {group.Count():N0} files, e.g. {group.First()}");
        }

        Console.WriteLine($"throughput (SeedFileReader.Read, one thread): {files.Count / clock.Elapsed.TotalSeconds:N0} articles/s wall, {megabytes / clock.Elapsed.TotalSeconds:F1} MB/s ({clock.Elapsed.TotalSeconds:F1} s); " +
            $"{files.Count / cpu:N0} articles/s of CPU time ({cpu:F1} CPU s, GC included)");
        Console.WriteLine();

        ReportPersons(articles, top);
        ReportEvents(articles);
        return 0;
    }

    private static void ReportPersons(List<SeedArticle> articles, int top)
    {
        var perArticle = articles.Select(a => a.Persons.Count).Order().ToList();
        Console.WriteLine("## Persons");
        Console.WriteLine($"persons per article: mean {perArticle.Average():F2}, median {perArticle[perArticle.Count / 2]}, " +
            $"none in {Percent(perArticle.Count(n => n == 0), perArticle.Count)} of articles, total {perArticle.Sum():N0} mentions-records");
        Console.WriteLine($"roles kept: {Percent(articles.Sum(a => a.Persons.Count(p => p.Roles.Count > 0)), perArticle.Sum())} of person records carry a role");

        // One record per person across articles: candidates share a NameKey, AreVariants confirms the pair.
        var records = new List<PersonRecord>();
        var byKey = new Dictionary<string, List<PersonRecord>>(StringComparer.Ordinal);
        foreach (var person in articles.SelectMany(a => a.Persons))
        {
            var key = NameKey.For(person.Name);
            if (!byKey.TryGetValue(key, out var candidates))
            {
                byKey[key] = candidates = [];
            }

            var record = candidates.FirstOrDefault(r => NameKey.AreVariants(r.Name, person.Name));
            if (record is null)
            {
                record = new PersonRecord(person.Name);
                candidates.Add(record);
                records.Add(record);
            }

            record.Articles++;
            record.Spellings[person.Name] = record.Spellings.GetValueOrDefault(person.Name) + 1;
        }

        Console.WriteLine($"person records across the corpus: {records.Count:N0} (from {articles.Sum(a => a.Persons.Count):N0} article mentions)");
        Console.WriteLine();
        Console.WriteLine($"### Top {top} person records (articles)");
        var rank = 0;
        foreach (var r in records.OrderByDescending(r => r.Articles).ThenBy(r => r.Name, StringComparer.Ordinal).Take(top))
        {
            rank++;
            var name = r.Spellings.OrderByDescending(s => s.Value).First().Key;
            var variants = r.Spellings.Count > 1 ? "  [" + string.Join(" / ", r.Spellings.OrderByDescending(s => s.Value).Select(s => $"{s.Key} {s.Value}")) + "]" : string.Empty;
            Console.WriteLine($"{rank,3}. {name} — {r.Articles}{variants}");
        }

        var merged = records.Where(r => r.Spellings.Count > 1).OrderByDescending(r => r.Articles).ToList();
        Console.WriteLine();
        Console.WriteLine($"### Merged spelling variants: {merged.Count:N0} records joined {merged.Sum(r => r.Spellings.Count):N0} spellings");
        foreach (var r in merged.Take(25))
        {
            Console.WriteLine("  " + string.Join(" / ", r.Spellings.OrderByDescending(s => s.Value).Select(s => $"{s.Key} ({s.Value})")));
        }

        Console.WriteLine();
    }

    private static void ReportEvents(List<SeedArticle> articles)
    {
        Console.WriteLine("## Events");
        var all = articles.SelectMany(a => a.Events).ToList();
        Console.WriteLine($"events per article: {all.Count / (double)articles.Count:F2} ({all.Count:N0} in all); article's own event in {Percent(articles.Count(a => a.Events.Any(e => e.IsArticleEvent)), articles.Count)} of articles");
        foreach (var precision in Enum.GetValues<DatePrecision>())
        {
            var n = all.Count(e => e.Date.Precision == precision && !e.IsArticleEvent);
            Console.WriteLine($"  {precision,-5}: {n / (double)articles.Count:F2} per article ({n:N0})");
        }

        Console.WriteLine($"  with persons named: {Percent(all.Count(e => e.Persons.Count > 0), all.Count)} of events");
    }

    private static string Percent(int part, int whole) =>
        whole == 0 ? "n/a" : (part / (double)whole).ToString("P1", CultureInfo.InvariantCulture);

    private static string? FindTarball()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "corpus", "saudinewsnet-seed-format.tar.gz");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private sealed class PersonRecord(string name)
    {
        public string Name { get; } = name;

        public int Articles { get; set; }

        public Dictionary<string, int> Spellings { get; } = new(StringComparer.Ordinal);
    }
}
