using System.Globalization;

namespace NewsArchive.Bench;

/// <summary>Command-line options of a benchmark run.</summary>
internal sealed record BenchOptions
{
    public IReadOnlyList<int> Sizes { get; init; } = [30_000, 300_000];
    public bool Quick { get; init; }
    /// <summary>An unpacked corpus folder (with <c>all/*.txt</c> or <c>*.txt</c>); when absent the tarball is unpacked to a temp folder.</summary>
    public string? CorpusDir { get; init; }
    public string? Tarball { get; init; }
    public string? JsonPath { get; init; }
    /// <summary>Where seeds, databases and indexes go; a temp folder (deleted afterwards) unless given.</summary>
    public string? WorkDir { get; init; }
    public TimeSpan WrkDuration { get; init; } = TimeSpan.FromSeconds(20);
    public int Connections { get; init; } = 64;
    /// <summary>Timed passes over the query mix (after one warm-up pass).</summary>
    public int Passes { get; init; } = 3;
    public bool SkipLucene { get; init; }
    public bool SkipPages { get; init; }
    /// <summary>Start the app as the build output instead of publishing it ReadyToRun first (faster; the smoke test uses it).</summary>
    public bool SkipPublish { get; init; }

    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            options = args[i] switch
            {
                "--quick" => options with { Quick = true, Sizes = [30_000], WrkDuration = TimeSpan.FromSeconds(5), Passes = 2 },
                "--sizes" => options with { Sizes = Value().Split(',').Select(ParseSize).ToArray() },
                "--corpus" => options with { CorpusDir = Value() },
                "--tarball" => options with { Tarball = Value() },
                "--json" => options with { JsonPath = Value() },
                "--work" => options with { WorkDir = Value() },
                "--duration" => options with { WrkDuration = TimeSpan.FromSeconds(double.Parse(Value().TrimEnd('s'), CultureInfo.InvariantCulture)) },
                "--connections" => options with { Connections = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--passes" => options with { Passes = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--no-lucene" => options with { SkipLucene = true },
                "--no-pages" => options with { SkipPages = true },
                "--no-publish" => options with { SkipPublish = true },
                _ => throw new ArgumentException($"unknown option {args[i]}\n{Usage}"),
            };
        }
        return options;
    }

    /// <summary>"30000", "300k", "1M".</summary>
    private static int ParseSize(string text)
    {
        text = text.Trim();
        var multiplier = char.ToLowerInvariant(text[^1]) switch { 'k' => 1_000, 'm' => 1_000_000, _ => 1 };
        var digits = multiplier == 1 ? text : text[..^1];
        return checked(int.Parse(digits, CultureInfo.InvariantCulture) * multiplier);
    }

    public const string Usage = """
        NewsArchive.Bench [--quick] [--sizes 30000,300000] [--corpus DIR | --tarball FILE] [--json out.json]
                          [--work DIR] [--duration 20] [--connections 64] [--passes 3] [--no-lucene] [--no-pages]
                          [--no-publish]
        NewsArchive.Bench eval [--corpus DIR] [--top N]           (the text library over the corpus: parse rate, persons, events,
                                            throughput; docs/quality.md)
        NewsArchive.Bench import-child --seeds DIR --db FILE      (used by the benchmark: one import, measured)
        NewsArchive.Bench search-only --db FILE [--queries FILE | --corpus DIR] [--passes 3] [--slowest N] [--migrate] [--dump FILE]
                                           (the in-process query mix alone on an imported archive; the mix is the
                                            queries.txt beside the database, built from --corpus when missing;
                                            --migrate applies this build's migrations first, as the app does at start,
                                            and the index upgrade the app then runs in the background (person tokens);
                                            --dump writes every answer as JSON, to compare two builds)
        NewsArchive.Bench fingerprint --db FILE                   (what an archive stores: row counts and hashes of every table
                                            and of the full-text vocabulary, to compare two builds' imports)
        NewsArchive.Bench index-alone --seeds DIR [--limit N] [--work DIR]
                                           (the full-text index's writes alone, timed on analyzed text, against
                                            Lucene.Net indexing the same files: the ceiling of the import's rate)
        NewsArchive.Bench serve-static --root DIR --urls URL      (used by the benchmark: the static-file ceiling)
        """;
}
