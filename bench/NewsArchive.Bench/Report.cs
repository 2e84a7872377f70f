using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace NewsArchive.Bench;

/// <summary>Prints the results as console tables (with the target each figure is held to) and writes the JSON.</summary>
internal static class Report
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static void WriteJson(BenchReport report, string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, JsonSerializer.Serialize(report, Json));
    }

    public static string Table(BenchReport report)
    {
        var text = new StringBuilder();
        var m = report.Machine;
        text.AppendLine(Invariant($"NewsArchive benchmark — {report.StartedAt:yyyy-MM-dd HH:mm} UTC — {m.Cores} cores, {m.Cpu}, {m.Memory}, {m.Runtime}"));
        text.AppendLine($"command: {report.Command}");
        text.AppendLine();
        text.AppendLine("| size | import art/s | Lucene art/s | ours/Lucene (≥1.0) | per CPU-s: ours / Lucene / ratio | import peak RSS | DB size | startup to serving (<10 s) | startup check done |");
        text.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var s in report.Sizes)
        {
            text.AppendLine(Invariant($"| {s.Size:N0} | {F(s.Import?.ArticlesPerSecond, "N0")} | {F(s.Lucene?.IndexArticlesPerSecond, "N0")} | {F(s.ImportVsLucene, "0.00")}× | {F(s.Import is { CpuSeconds: > 0 } i ? i.Articles / i.CpuSeconds : null, "N0")} / {F(s.Lucene is { IndexCpuSeconds: > 0 } l && s.Import is not null ? s.Import.Files / l.IndexCpuSeconds : null, "N0")} / {F(s.ImportCpuVsLucene, "0.00")}× | {Mb(s.Import?.PeakRssBytes)} | {Mb(s.DatabaseBytes)} | {F(s.StartupSeconds, "0.00")} s | {F(s.StartupCheckSeconds, "0.00")} s |"));
        }
        text.AppendLine();
        text.AppendLine("| size | search p50 / p95 / p99 in-process ms (p50 ≤5, p99 ≤50) | Lucene p50 / p95 / p99 ms | ours/Lucene p50, p99 (≤1.0) | HTTP /api/search p50 / p95 / p99 ms | errors |");
        text.AppendLine("|---:|---:|---:|---:|---:|---:|");
        foreach (var s in report.Sizes)
        {
            var errors = (s.SearchInProcess?.Errors ?? 0) + (s.SearchHttp?.Errors ?? 0) + (s.Lucene?.Search.Errors ?? 0);
            text.AppendLine(Invariant($"| {s.Size:N0} | {L(s.SearchInProcess?.All)} | {L(s.Lucene?.Search.All)} | {F(s.SearchP50VsLucene, "0.00")}×, {F(s.SearchP99VsLucene, "0.00")}× | {L(s.SearchHttp?.All)} | {errors} |"));
        }
        text.AppendLine();
        text.AppendLine("| size | query kind | ours p50 / p95 / p99 ms | Lucene p50 / p95 / p99 ms | HTTP p50 / p95 / p99 ms |");
        text.AppendLine("|---:|---|---:|---:|---:|");
        foreach (var s in report.Sizes)
        {
            var kinds = (s.SearchInProcess?.ByKind.Keys.AsEnumerable() ?? []).Union(s.Lucene?.Search.ByKind.Keys.AsEnumerable() ?? []).Order(StringComparer.Ordinal);
            foreach (var kind in kinds)
            {
                text.AppendLine(Invariant($"| {s.Size:N0} | {kind} | {L(s.SearchInProcess?.ByKind.GetValueOrDefault(kind))} | {L(s.Lucene?.Search.ByKind.GetValueOrDefault(kind))} | {L(s.SearchHttp?.ByKind.GetValueOrDefault(kind))} |"));
            }
        }
        text.AppendLine();
        text.AppendLine("| size | page (wrk, 64 connections) | req/s | p50 ms | p99 ms | errors | ours/ceiling |");
        text.AppendLine("|---:|---|---:|---:|---:|---:|---:|");
        foreach (var s in report.Sizes)
        {
            foreach (var page in s.Pages)
            {
                var ratio = page.Name == "article" ? F(s.ArticleVsCeiling, "0.00") + "× (≥0.3)" : "";
                text.AppendLine(page.Wrk.Requests == 0
                    ? Invariant($"| {s.Size:N0} | {page.Name} | 0 (no request completed in the run) | – | – | {page.Wrk.Errors} | {ratio} |")
                    : Invariant($"| {s.Size:N0} | {page.Name} | {page.Wrk.RequestsPerSecond:N0} | {page.Wrk.P50Ms:0.00} | {page.Wrk.P99Ms:0.00} | {page.Wrk.Errors} | {ratio} |"));
            }
            if (s.Ceiling is not null)
            {
                text.AppendLine(Invariant($"| {s.Size:N0} | ceiling ({s.CeilingKind}, same article HTML) | {s.Ceiling.RequestsPerSecond:N0} | {s.Ceiling.P50Ms:0.00} | {s.Ceiling.P99Ms:0.00} | {s.Ceiling.Errors} | 1.00× |"));
            }
        }
        foreach (var s in report.Sizes.Where(s => s.Notes.Count > 0))
        {
            text.AppendLine();
            foreach (var note in s.Notes)
            {
                text.AppendLine(Invariant($"note ({s.Size:N0}): {note}"));
            }
        }
        return text.ToString();
    }

    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string F(double? value, string format) => value is null || double.IsNaN(value.Value) ? "–" : value.Value.ToString(format, CultureInfo.InvariantCulture);

    private static string Mb(long? bytes) => bytes is null or 0 ? "–" : (bytes.Value / 1048576.0).ToString("N0", CultureInfo.InvariantCulture) + " MB";

    private static string L(Latency? l) => l is null || l.Count == 0 ? "–" : Invariant($"{l.P50:0.00} / {l.P95:0.00} / {l.P99:0.00}");
}
