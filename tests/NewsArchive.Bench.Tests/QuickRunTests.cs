using System.Diagnostics;
using System.Text.Json;

namespace NewsArchive.Bench.Tests;

/// <summary>
/// The benchmark program end to end on a tiny generated corpus: the real import (child process),
/// in-process and HTTP search, the Lucene peer, the app under wrk and the static ceiling, with
/// one-second loads. It checks that every stage ran and reported, not how fast it was.
/// </summary>
public class QuickRunTests
{
    [Fact]
    public void Benchmark_completes_its_quick_path_on_a_tiny_corpus()
    {
        var corpus = TinyCorpus.Create(40);
        var json = Path.Combine(corpus, "out.json");
        try
        {
            var (exitCode, output) = RunBench(["--corpus", corpus, "--sizes", "60", "--duration", "1", "--passes", "1", "--no-publish", "--json", json]);

            Assert.True(exitCode == 0, output);
            using var report = JsonDocument.Parse(File.ReadAllText(json));
            var size = report.RootElement.GetProperty("sizes")[0];
            Assert.Equal(60, size.GetProperty("size").GetInt32());
            Assert.Equal(60, size.GetProperty("import").GetProperty("articles").GetInt32());
            Assert.True(size.GetProperty("import").GetProperty("peakRssBytes").GetInt64() > 0);
            Assert.True(size.GetProperty("databaseBytes").GetInt64() > 0);
            Assert.True(size.GetProperty("queries").GetInt32() >= 100, output);
            foreach (var search in new[] { size.GetProperty("searchInProcess"), size.GetProperty("searchHttp"), size.GetProperty("lucene").GetProperty("search") })
            {
                Assert.Equal(0, search.GetProperty("errors").GetInt32());
                Assert.True(search.GetProperty("all").GetProperty("count").GetInt32() > 0);
            }
            Assert.True(size.GetProperty("startupSeconds").GetDouble() > 0);
            Assert.True(size.GetProperty("startupCheckSeconds").GetDouble() >= size.GetProperty("startupSeconds").GetDouble());
            if (Wrk.Available)
            {
                Assert.Equal(["article", "person", "search"], size.GetProperty("pages").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
                Assert.All(size.GetProperty("pages").EnumerateArray(), p => Assert.Equal(0, p.GetProperty("wrk").GetProperty("errors").GetInt64()));
                Assert.True(size.GetProperty("ceiling").GetProperty("requestsPerSecond").GetDouble() > 0);
            }
            Assert.Contains("| size | import art/s |", output);
        }
        finally
        {
            Directory.Delete(corpus, recursive: true);
        }
    }

    [Fact]
    public void Unknown_option_is_refused_with_usage()
    {
        var (exitCode, output) = RunBench(["--sizes", "60", "--frobnicate"]);

        Assert.Equal(2, exitCode);
        Assert.Contains("unknown option --frobnicate", output);
    }

    private static (int ExitCode, string Output) RunBench(string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(typeof(BenchmarkRun).Assembly.Location);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("benchmark did not finish in 5 minutes:\n" + stdout.Result);
        }
        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
