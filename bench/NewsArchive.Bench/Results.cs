namespace NewsArchive.Bench;

/// <summary>Everything one benchmark run measured, as written to <c>--json</c>.</summary>
internal sealed record BenchReport(MachineInfo Machine, string Command, DateTimeOffset StartedAt, bool Quick, List<SizeResult> Sizes);

internal sealed record MachineInfo(int Cores, string Cpu, string Memory, string Os, string Runtime)
{
    public static MachineInfo Current()
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "?"
            : "?";
        var memory = File.Exists("/proc/meminfo")
            ? $"{long.Parse(File.ReadLines("/proc/meminfo").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1024 / 1024} GiB"
            : "?";
        return new MachineInfo(Environment.ProcessorCount, cpu, memory, System.Runtime.InteropServices.RuntimeInformation.OSDescription,
            System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription);
    }
}

/// <param name="CpuSeconds">User + system CPU of the import process: on a shared machine, articles per CPU-second is the figure other loads disturb least.</param>
internal sealed record ImportResult(int Files, int Articles, int Failed, double Seconds, double ArticlesPerSecond, double CpuSeconds, long PeakRssBytes, string? FirstError);

internal sealed record SearchResult(Latency All, Dictionary<string, Latency> ByKind, int Errors, string? LastError);

internal sealed record PeerResult(double IndexArticlesPerSecond, double IndexCpuSeconds, long IndexBytes, SearchResult Search);

internal sealed record PageResult(string Name, WrkResult Wrk);

internal sealed record SizeResult(int Size)
{
    public ImportResult? Import { get; set; }
    public long DatabaseBytes { get; set; }
    public int Queries { get; set; }
    public SearchResult? SearchInProcess { get; set; }
    public SearchResult? SearchHttp { get; set; }
    public PeerResult? Lucene { get; set; }
    /// <summary>Process start to the first page served, on the already-imported archive.</summary>
    public double? StartupSeconds { get; set; }
    /// <summary>Process start to the end of the startup import's check of the unchanged seeds (served meanwhile).</summary>
    public double? StartupCheckSeconds { get; set; }
    public List<PageResult> Pages { get; set; } = [];
    public WrkResult? Ceiling { get; set; }
    public string? CeilingKind { get; set; }
    public List<string> Notes { get; set; } = [];

    /// <summary>Our import rate over Lucene's indexing rate (≥ 1.0 is the target).</summary>
    public double? ImportVsLucene => Import is null || Lucene is null ? null : Import.ArticlesPerSecond / Lucene.IndexArticlesPerSecond;

    /// <summary>The same ratio in articles per CPU-second, which other processes on a shared machine disturb less.</summary>
    public double? ImportCpuVsLucene => Import is null || Lucene is null || Import.CpuSeconds == 0 || Lucene.IndexCpuSeconds == 0
        ? null
        : (Import.Articles / Import.CpuSeconds) / (Import.Files / Lucene.IndexCpuSeconds);

    /// <summary>Our in-process p50 over Lucene's (≤ 1.0 is the target).</summary>
    public double? SearchP50VsLucene => Ratio(SearchInProcess?.All.P50, Lucene?.Search.All.P50);

    public double? SearchP99VsLucene => Ratio(SearchInProcess?.All.P99, Lucene?.Search.All.P99);

    /// <summary>Article page throughput over the static ceiling's (≥ 0.3 is the target).</summary>
    public double? ArticleVsCeiling => Ratio(Pages.FirstOrDefault(p => p.Name == "article")?.Wrk.RequestsPerSecond, Ceiling?.RequestsPerSecond);

    private static double? Ratio(double? ours, double? theirs) => ours is null || theirs is null || theirs == 0 ? null : ours / theirs;
}
