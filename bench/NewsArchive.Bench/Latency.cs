using System.Diagnostics;

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

    /// <summary>
    /// Runs the mix once to warm caches and JIT, then <paramref name="passes"/> timed passes; a query
    /// that throws counts as an error, not as a latency.
    /// </summary>
    public static (Latency All, Dictionary<string, Latency> ByKind, int Errors) Measure(
        IReadOnlyList<BenchQuery> queries, int passes, Func<BenchQuery, Task> run)
    {
        foreach (var query in queries)
        {
            Try(query, run);
        }
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
