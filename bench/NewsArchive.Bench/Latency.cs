using System.Diagnostics;
using System.Runtime;

namespace NewsArchive.Bench;

/// <summary>Latency percentiles in milliseconds (nearest rank).</summary>
internal sealed record Latency(int Count, double P50, double P95, double P99, double Max)
{
    public static Latency Of(IReadOnlyCollection<double> milliseconds)
    {
        if (milliseconds.Count == 0)
        {
            return new Latency(0, 0, 0, 0, 0);
        }
        var sorted = milliseconds.Order().ToArray();
        double At(double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
        return new Latency(sorted.Length, At(0.50), At(0.95), At(0.99), sorted[^1]);
    }

    /// <summary>A warm-up pass that compiles fewer methods than this leaves the JIT settled.</summary>
    public const int SettledMethods = 50;

    /// <summary>Warm-up passes stop here even if the JIT is still compiling.</summary>
    public const int MaxWarmUpPasses = 10;

    /// <summary>
    /// Runs the mix until the JIT has settled (<see cref="WarmUp"/>), then <paramref name="passes"/>
    /// timed passes; a query that throws counts as an error, not as a latency.
    /// <paramref name="timing"/> is called once, before the first timed query.
    /// </summary>
    public static (Latency All, Dictionary<string, Latency> ByKind, int Errors) Measure(
        IReadOnlyList<BenchQuery> queries, int passes, Func<BenchQuery, Task> run, Action? timing = null)
    {
        WarmUp(queries, run);
        timing?.Invoke();
        var all = new List<double>();
        var byKind = new Dictionary<string, List<double>>();
        var errors = 0;
        for (var pass = 0; pass < passes; pass++)
        {
            foreach (var query in queries)
            {
                var start = Stopwatch.GetTimestamp();
                if (!Try(query, run))
                {
                    errors++;
                    continue;
                }
                var ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                all.Add(ms);
                if (!byKind.TryGetValue(query.Kind, out var list))
                {
                    byKind[query.Kind] = list = [];
                }
                list.Add(ms);
            }
        }
        return (Of(all), byKind.ToDictionary(p => p.Key, p => Of(p.Value)), errors);
    }

    /// <summary>
    /// Runs the mix, and again while a pass still compiles <see cref="SettledMethods"/> methods or more,
    /// so that the timed passes measure the code a running server runs (the same for every peer).
    /// Tiered compilation first runs a method unoptimized and recompiles it in the background once it
    /// is hot, and that goes on long after the first pass: on the 30k archive (~0.5–1 s a pass) the
    /// second to seventh passes still compiled 1,345, 1,277, 766, 226, 345 and 372 methods, and after
    /// one warm-up pass the search's p50 was 3.1–3.7 ms against 1.8 ms after eight; on the 1M
    /// archive (~1 s a pass) it settled after the fourth.
    /// </summary>
    public static int WarmUp(IReadOnlyList<BenchQuery> queries, Func<BenchQuery, Task> run)
    {
        var pass = 0;
        while (pass < MaxWarmUpPasses)
        {
            var compiled = JitInfo.GetCompiledMethodCount();
            foreach (var query in queries)
            {
                Try(query, run);
            }
            pass++;
            if (JitInfo.GetCompiledMethodCount() - compiled < SettledMethods)
            {
                break;
            }
        }
        return pass;
    }

    private static bool Try(BenchQuery query, Func<BenchQuery, Task> run)
    {
        try
        {
            run(query).GetAwaiter().GetResult();
            return true;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LastError = $"{query.Kind} {query.ToQueryString()}: {e.GetType().Name}: {e.Message}";
            return false;
        }
    }

    /// <summary>The last failure seen, printed once so a broken search path is visible, not just counted.</summary>
    public static string? LastError { get; private set; }
}
