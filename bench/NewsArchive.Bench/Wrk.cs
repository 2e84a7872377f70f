using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace NewsArchive.Bench;

/// <summary>One wrk run: throughput, tail latency and every kind of error wrk counts.</summary>
internal sealed record WrkResult(string Url, double RequestsPerSecond, double P50Ms, double P99Ms, long Requests, long Errors, string? Note = null);

/// <summary>Drives <c>wrk</c> (64 connections, bounded duration) against a loopback URL and parses its report.</summary>
internal static partial class Wrk
{
    public static bool Available => Tools.Find("wrk") is not null;

    public static WrkResult Run(string url, int connections, TimeSpan duration, int threads = 2)
    {
        if (!new Uri(url).IsLoopback)
        {
            throw new ArgumentException($"load tests only run against loopback addresses, not {url}");
        }
        var wrk = Tools.Find("wrk") ?? throw new InvalidOperationException("wrk is not installed (apt-get install wrk)");
        var seconds = Math.Max(1, (int)duration.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        var output = Tools.Run(wrk, ["-t", threads.ToString(CultureInfo.InvariantCulture), "-c", connections.ToString(CultureInfo.InvariantCulture),
            "-d", seconds + "s", "--timeout", "5s", "--latency", url], duration + TimeSpan.FromSeconds(30));
        return Parse(url, output);
    }

    public static WrkResult Parse(string url, string output)
    {
        var rps = Number(RequestsPerSecond().Match(output));
        var requests = (long)Number(Requests().Match(output));
        var p50 = Duration(Percentile().Matches(output).FirstOrDefault(m => m.Groups[1].Value == "50"));
        var p99 = Duration(Percentile().Matches(output).FirstOrDefault(m => m.Groups[1].Value == "99"));
        long errors = 0;
        var non2xx = Non2xx().Match(output);
        if (non2xx.Success)
        {
            errors += long.Parse(non2xx.Groups[1].Value, CultureInfo.InvariantCulture);
        }
        var socket = SocketErrors().Match(output);
        if (socket.Success)
        {
            errors += Enumerable.Range(1, 4).Sum(i => long.Parse(socket.Groups[i].Value, CultureInfo.InvariantCulture));
        }
        // No completed request is a failure, not a quiet zero: every request outlived the run.
        var note = requests == 0 ? "no request completed during the run" : null;
        return new WrkResult(url, rps, p50, p99, requests, errors, note);
    }

    private static double Number(Match match) =>
        match.Success ? double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : 0;

    private static double Duration(Match? match)
    {
        if (match is null)
        {
            return 0;
        }
        var value = double.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
        return match.Groups[3].Value switch
        {
            "us" => value / 1000,
            "ms" => value,
            "s" => value * 1000,
            "m" => value * 60_000,
            _ => value,
        };
    }

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"(\d+) requests in")]
    private static partial Regex Requests();

    [GeneratedRegex(@"^\s+(\d+)%\s+([\d.]+)(us|ms|s|m)\s*$", RegexOptions.Multiline)]
    private static partial Regex Percentile();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(\d+)")]
    private static partial Regex Non2xx();

    [GeneratedRegex(@"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")]
    private static partial Regex SocketErrors();
}

/// <summary>Finding and running external tools with a bounded wait.</summary>
internal static class Tools
{
    public static string? Find(string name)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin").Split(Path.PathSeparator))
        {
            var candidate = Path.Combine(dir, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        return null;
    }

    public static string Run(string file, IEnumerable<string> args, TimeSpan timeout)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"cannot start {file}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} did not finish in {timeout}");
        }
        return stdout.Result + stderr.Result;
    }
}
