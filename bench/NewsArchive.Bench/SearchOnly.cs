using System.Diagnostics;
using System.Globalization;

namespace NewsArchive.Bench;

/// <summary>
/// The <c>search-only</c> command: the in-process query mix against an existing archive, without
/// import, peers or pages, for tuning search. The mix is the <c>queries.txt</c> a benchmark run wrote
/// beside the database (or <c>--queries FILE</c>; <c>--corpus DIR</c> builds it there when missing); it prints p50/p95/p99 per kind and overall, the
/// CPU time of the timed passes and, with <c>--slowest N</c>, the queries with the highest median.
/// </summary>
internal static class SearchOnly
{
    public static int Run(string[] args)
    {
        string? db = null, queriesFile = null, corpus = null, dump = null;
        var passes = 3;
        var slowest = 0;
        var migrate = false;
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--db": db = Value(); break;
                case "--queries": queriesFile = Value(); break;
                case "--corpus": corpus = Value(); break;
                case "--passes": passes = int.Parse(Value(), CultureInfo.InvariantCulture); break;
                case "--slowest": slowest = int.Parse(Value(), CultureInfo.InvariantCulture); break;
                case "--migrate": migrate = true; break;
                case "--dump": dump = Value(); break;
                default: throw new ArgumentException($"unknown option {args[i]}\n{BenchOptions.Usage}");
            }
        }
        if (db is null || !File.Exists(db))
        {
            throw new ArgumentException($"search-only needs --db FILE (an imported archive){(db is null ? "" : $"; not found: {db}")}");
        }
        if (migrate)
        {
            var stopwatch = Stopwatch.StartNew();
            ArchiveUnderTest.MigrateAsync(db).GetAwaiter().GetResult();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"migrated {db} in {stopwatch.Elapsed.TotalSeconds:0.0} s"));
        }
        queriesFile ??= Path.Combine(Path.GetDirectoryName(Path.GetFullPath(db))!, "queries.txt");
        if (!File.Exists(queriesFile) && corpus is not null)
        {
            // The same mix a benchmark run builds for this archive, kept for the next run.
            var (minYear, maxYear) = ArchiveUnderTest.YearRange(db);
            var mix = QueryMix.Build(Corpus.SourceFiles(corpus), ArchiveUnderTest.TopPersons(db, 20), minYear, maxYear);
            File.WriteAllLines(queriesFile, mix.Select(q => $"{q.Kind}\t{q.ToQueryString()}"));
        }
        if (!File.Exists(queriesFile))
        {
            throw new ArgumentException($"no query mix at {queriesFile} (a benchmark run writes queries.txt beside its database; or pass --queries FILE, or --corpus DIR to build it)");
        }
        var queries = File.ReadLines(queriesFile).Where(l => l.Length > 0).Select(BenchQuery.FromLine).ToList();

        if (dump is not null)
        {
            // Every answer once, one line each, to diff against another build's answers.
            using var dumping = ArchiveUnderTest.OpenSearch(db);
            File.WriteAllLines(dump, queries.Select(q => $"{q.Kind}\t{q.ToQueryString()}\t{dumping.SearchAsync(q).GetAwaiter().GetResult()}"));
        }
        var perQuery = new Dictionary<BenchQuery, List<double>>();
        var cpuByKind = new Dictionary<string, List<double>>();
        var timing = false;
        var warmUpRuns = 0;
        using var search = ArchiveUnderTest.OpenSearch(db);
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var (all, byKind, errors) = Latency.Measure(queries, passes, async q =>
        {
            var thread = Environment.CurrentManagedThreadId;
            var cpu = ThreadCpu.Milliseconds();
            var start = Stopwatch.GetTimestamp();
            await search.SearchAsync(q);
            if (!timing)
            {
                warmUpRuns++;
                return;
            }
            (perQuery.TryGetValue(q, out var list) ? list : perQuery[q] = []).Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            // SQLite's async calls complete synchronously, so the query ran on this thread; its CPU
            // time is what other processes on a shared machine disturb least.
            if (thread == Environment.CurrentManagedThreadId && cpu >= 0)
            {
                (cpuByKind.TryGetValue(q.Kind, out var times) ? times : cpuByKind[q.Kind] = []).Add(ThreadCpu.Milliseconds() - cpu);
            }
        }, () => timing = true);
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;

        Console.WriteLine($"{queries.Count} queries × {passes} passes on {db} after {warmUpRuns / Math.Max(1, queries.Count)} warm-up passes; {errors} errors{(errors > 0 ? $"; last: {Latency.LastError}" : "")}");
        Console.WriteLine("| kind | n | p50 ms | p95 ms | p99 ms | max ms |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        foreach (var (kind, l) in byKind.OrderBy(p => p.Key, StringComparer.Ordinal).Append(new("all", all)))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {kind} | {l.Count} | {l.P50:0.00} | {l.P95:0.00} | {l.P99:0.00} | {l.Max:0.00} |"));
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"process CPU {cpu.TotalSeconds:0.0} s (warm-up included)"));
        if (cpuByKind.Count > 0)
        {
            Console.WriteLine("CPU time of the searching thread per query:");
            Console.WriteLine("| kind | n | p50 CPU ms | p95 CPU ms | p99 CPU ms |");
            Console.WriteLine("|---|---:|---:|---:|---:|");
            foreach (var (kind, l) in cpuByKind.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => (p.Key, Latency.Of(p.Value)))
                .Append(("all", Latency.Of(cpuByKind.Values.SelectMany(v => v).ToList()))))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {kind} | {l.Count} | {l.P50:0.00} | {l.P95:0.00} | {l.P99:0.00} |"));
            }
        }
        foreach (var (q, times) in perQuery.Select(p => (p.Key, p.Value)).OrderByDescending(p => Median(p.Item2)).Take(slowest))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Median(times),8:0.00} ms  {q.Kind}\t{Uri.UnescapeDataString(q.ToQueryString())}"));
        }
        return errors == 0 ? 0 : 1;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    /// <summary>CPU time consumed by the calling thread (Linux); -1 where it cannot be read.</summary>
    private static class ThreadCpu
    {
        private const int ClockThreadCpuTimeId = 3;

        public static double Milliseconds() =>
            OperatingSystem.IsLinux() && clock_gettime(ClockThreadCpuTimeId, out var t) == 0 ? t.Seconds * 1000.0 + t.Nanoseconds / 1e6 : -1;

        [System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Sequential)]
        private struct TimeSpec
        {
            public long Seconds;
            public long Nanoseconds;
        }

        [System.Runtime.InteropServices.DllImport("libc")]
        private static extern int clock_gettime(int clockId, out TimeSpec time);
    }
}
