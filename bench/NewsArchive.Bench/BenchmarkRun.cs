using System.Diagnostics;
using System.Text.Json;

namespace NewsArchive.Bench;

/// <summary>
/// One benchmark run: for each size, replicate the corpus, import it through the real importer in a
/// child process, measure search in-process and over HTTP, the Lucene.Net peer, the pages under wrk,
/// the static ceiling and startup on the unchanged archive.
/// </summary>
internal sealed class BenchmarkRun(BenchOptions options, string command)
{
    private static readonly string DefaultTarball = Path.Combine("..", "shared", "corpus", "saudinewsnet-seed-format.tar.gz");

    public int Execute()
    {
        var report = new BenchReport(MachineInfo.Current(), command, DateTimeOffset.UtcNow, options.Quick, []);
        var ownWork = options.WorkDir is null;
        var work = options.WorkDir ?? Directory.CreateTempSubdirectory("newsarchive-bench-").FullName;
        Directory.CreateDirectory(work);
        try
        {
            var sources = Corpus.SourceFiles(options.CorpusDir ?? UnpackCorpus(work));
            Log($"corpus: {sources.Length:N0} articles; sizes {string.Join(", ", options.Sizes.Select(s => s.ToString("N0")))}; work in {work}");
            var app = options.SkipPublish ? Paths.WebDll : Step("publish the app (Release, ReadyToRun)", () => PublishApp(work));
            string? previousSeeds = null;
            foreach (var size in options.Sizes.Order())
            {
                var result = new SizeResult(size);
                report.Sizes.Add(result);
                var seeds = Path.Combine(work, $"seeds-{size}");
                Step($"replicate {size:N0}", () => Corpus.Replicate(sources, seeds, size, previousSeeds));
                previousSeeds = seeds;
                RunSize(result, sources, seeds, Path.Combine(work, $"size-{size}"), app);
                if (options.JsonPath is not null)
                {
                    Report.WriteJson(report, options.JsonPath);
                }
            }
        }
        finally
        {
            if (ownWork)
            {
                Directory.Delete(work, recursive: true);
            }
        }
        Console.WriteLine();
        Console.WriteLine(Report.Table(report));
        if (options.JsonPath is not null)
        {
            Report.WriteJson(report, options.JsonPath);
            Console.WriteLine($"JSON: {options.JsonPath}");
        }
        return report.Sizes.All(s => s.Import is { Articles: > 0 }) ? 0 : 1;
    }

    private void RunSize(SizeResult result, string[] sources, string seeds, string dir, string appDll)
    {
        Directory.CreateDirectory(dir);
        var db = Path.Combine(dir, "archive.db");
        result.Import = Step($"import {result.Size:N0} (child process)", () => Import(seeds, db));
        result.DatabaseBytes = new[] { db, db + "-wal", db + "-shm" }.Where(File.Exists).Sum(f => new FileInfo(f).Length);
        Log($"  {result.Import.Articles:N0} articles, {result.Import.Failed:N0} failed, {result.Import.ArticlesPerSecond:N0}/s ({result.Import.Articles / result.Import.CpuSeconds:N0} per CPU-second), peak RSS {result.Import.PeakRssBytes / 1048576} MB, DB {result.DatabaseBytes / 1048576} MB");
        if (result.Import.FirstError is not null)
        {
            result.Notes.Add($"first import failure: {result.Import.FirstError}");
        }

        var (minYear, maxYear) = ArchiveUnderTest.YearRange(db);
        var persons = ArchiveUnderTest.TopPersons(db, 20);
        var queries = Step("build query mix", () => QueryMix.Build(sources, persons, minYear, maxYear));
        result.Queries = queries.Count;
        File.WriteAllLines(Path.Combine(dir, "queries.txt"), queries.Select(q => $"{q.Kind}\t{q.ToQueryString()}"));
        if (persons.Count == 0)
        {
            result.Notes.Add("no persons in the archive: the mix has no person-filter queries");
        }

        using (var search = ArchiveUnderTest.OpenSearch(db))
        {
            result.SearchInProcess = Step($"search in-process ({queries.Count} queries × {options.Passes})", () => MeasureSearch(queries, search.SearchAsync));
        }

        if (!options.SkipLucene)
        {
            result.Lucene = Step("Lucene.Net peer: index + queries", () => RunLucene(seeds, Path.Combine(dir, "lucene"), queries));
        }

        using var app = Step("start app on the unchanged archive", () => StartApp(appDll, db, seeds));
        result.StartupSeconds = app.StartupTime.TotalSeconds;
        result.StartupCheckSeconds = app.HealthyTime.TotalSeconds;
        Log($"  startup {result.StartupSeconds:0.00} s to serving, {result.StartupCheckSeconds:0.00} s to the end of the startup check");
        using (var client = new HttpClient { BaseAddress = new Uri(app.BaseUrl), Timeout = TimeSpan.FromSeconds(30) })
        {
            result.SearchHttp = Step("search over HTTP", () => MeasureSearch(queries, async q =>
            {
                using var response = await client.GetAsync("/api/search?" + q.ToQueryString());
                response.EnsureSuccessStatusCode();
                await response.Content.ReadAsByteArrayAsync();
            }));
        }

        if (options.SkipPages)
        {
            return;
        }
        if (!Wrk.Available)
        {
            result.Notes.Add("wrk is not installed: page throughput not measured");
            return;
        }
        var (articleId, personId) = ArchiveUnderTest.PageTargets(db);
        var pages = new List<(string Name, string Path)> { ("article", $"/articles/{articleId}") };
        if (personId is not null)
        {
            pages.Add(("person", $"/people/{personId}"));
        }
        var word = queries.First(q => q.Kind == "common").Text!;
        pages.Add(("search", "/search?q=" + Uri.EscapeDataString(word)));
        foreach (var (name, path) in pages)
        {
            var status = WarmUp(app.BaseUrl + path);
            if (status != 200)
            {
                result.Notes.Add($"{name} page {path} answered {status}");
            }
            var wrk = Step($"wrk {name} {path}", () => Wrk.Run(app.BaseUrl + path, options.Connections, options.WrkDuration));
            result.Pages.Add(new PageResult(name, wrk));
            Log($"  {wrk.RequestsPerSecond:N0} req/s, p99 {wrk.P99Ms:0.00} ms, {wrk.Errors} errors");
        }

        string html;
        using (var client = new HttpClient())
        {
            html = client.GetStringAsync(app.BaseUrl + pages[0].Path).GetAwaiter().GetResult();
        }
        app.Dispose();
        var (server, url, kind) = StaticCeiling.Start(html, Path.Combine(dir, "static"), BenchDll);
        using (server)
        {
            WarmUp(url);
            result.CeilingKind = kind;
            result.Ceiling = Step($"wrk static ceiling ({kind})", () => Wrk.Run(url, options.Connections, options.WrkDuration));
            Log($"  {result.Ceiling.RequestsPerSecond:N0} req/s, p99 {result.Ceiling.P99Ms:0.00} ms");
        }
    }

    /// <summary>A few sequential requests so wrk measures the page, not its first compilation; returns the status code.</summary>
    private static int WarmUp(string url)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        var status = 0;
        for (var i = 0; i < 20; i++)
        {
            using var response = client.GetAsync(url).GetAwaiter().GetResult();
            status = (int)response.StatusCode;
        }
        return status;
    }

    private SearchResult MeasureSearch(IReadOnlyList<BenchQuery> queries, Func<BenchQuery, Task> run)
    {
        var (all, byKind, errors) = Latency.Measure(queries, options.Passes, run);
        var last = errors > 0 ? Latency.LastError : null;
        if (last is not null)
        {
            Log($"  {errors} errors; last: {last}");
        }
        Log($"  p50 {all.P50:0.00} ms, p95 {all.P95:0.00} ms, p99 {all.P99:0.00} ms");
        return new SearchResult(all, byKind, errors, last);
    }

    private PeerResult RunLucene(string seeds, string indexDir, IReadOnlyList<BenchQuery> queries)
    {
        var files = Directory.GetFiles(seeds, "*.txt");
        Array.Sort(files, StringComparer.Ordinal);
        using var lucene = new LucenePeer(indexDir);
        var (rate, cpu) = lucene.Index(files);
        var bytes = Directory.GetFiles(indexDir).Sum(f => new FileInfo(f).Length);
        Log($"  Lucene indexed {rate:N0} articles/s ({files.Length / cpu:N0} per CPU-second), index {bytes / 1048576} MB");
        var search = MeasureSearch(queries, q =>
        {
            lucene.Search(q);
            return Task.CompletedTask;
        });
        return new PeerResult(rate, cpu, bytes, search);
    }

    /// <summary>Runs the import in a child process, so its peak RSS is the import's alone.</summary>
    private static ImportResult Import(string seeds, string db)
    {
        // Always a fresh archive: a work folder kept from an earlier run would make this a check of unchanged files.
        foreach (var file in new[] { db, db + "-wal", db + "-shm", db + ".migrate-lock" })
        {
            File.Delete(file);
        }

        var output = Tools.Run("dotnet", [BenchDll, "import-child", "--seeds", seeds, "--db", db], TimeSpan.FromHours(3));
        var line = output.Split('\n').LastOrDefault(l => l.StartsWith(ImportChild.ResultPrefix, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"import child gave no result:\n{output}");
        return JsonSerializer.Deserialize<ImportResult>(line[ImportChild.ResultPrefix.Length..])!;
    }

    /// <summary>
    /// The app as a deployment runs it: published in Release and compiled ahead of time
    /// (ReadyToRun), so its start is not spent in the JIT. Startup, HTTP search and pages measure this build.
    /// </summary>
    private static string PublishApp(string work)
    {
        var output = Path.Combine(work, "app");
        var log = Tools.Run("dotnet", ["publish", Path.Combine(Paths.WebProjectDir, "NewsArchive.Web.csproj"), "-c", "Release",
            "-r", System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier, "--self-contained", "false",
            "-p:PublishReadyToRun=true", "-o", output], TimeSpan.FromMinutes(10));
        var dll = Path.Combine(output, "NewsArchive.Web.dll");
        return File.Exists(dll) ? dll : throw new InvalidOperationException($"publishing the app failed:\n{log}");
    }

    private static ChildProcess StartApp(string dll, string db, string seeds)
    {
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ConnectionStrings__Archive"] = $"Data Source={db}",
            ["Archive__SeedsPath"] = seeds,
            // Request logging to a console nobody reads would be the bottleneck under wrk; warnings still show.
            ["Serilog__MinimumLevel__Default"] = "Warning",
            ["Serilog__MinimumLevel__Override__Microsoft"] = "Warning",
            ["Serilog__MinimumLevel__Override__Microsoft.AspNetCore"] = "Warning",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        // A published app runs from its own folder (its content root); the build output from the project's, as `dotnet run` does.
        var workingDirectory = dll == Paths.WebDll ? Paths.WebProjectDir : Path.GetDirectoryName(dll)!;
        var app = ChildProcess.StartDotnet(dll, [], environment, workingDirectory);
        try
        {
            app.WaitUntilServing("/", TimeSpan.FromMinutes(10));
            // The archive is served while its startup import checks the seeds; the measurements
            // that follow wait for the check, which would otherwise share the cores with them.
            app.WaitUntilHealthy("/healthz", TimeSpan.FromMinutes(10));
        }
        catch
        {
            app.Dispose();
            throw;
        }
        return app;
    }

    private static string BenchDll => typeof(BenchmarkRun).Assembly.Location;

    private string UnpackCorpus(string work)
    {
        var tarball = options.Tarball ?? Path.Combine(Paths.RepoRoot, DefaultTarball);
        if (!File.Exists(tarball))
        {
            throw new FileNotFoundException($"corpus tarball not found: {tarball} (use --corpus DIR or --tarball FILE)");
        }
        return Step("unpack corpus", () => Corpus.Unpack(tarball, Path.Combine(work, "corpus")));
    }

    private static T Step<T>(string name, Func<T> action)
    {
        Log(name + " …");
        var stopwatch = Stopwatch.StartNew();
        var result = action();
        Log($"  {name}: {stopwatch.Elapsed.TotalSeconds:0.0} s");
        return result;
    }

    private static void Step(string name, Action action) => Step(name, () =>
    {
        action();
        return 0;
    });

    private static void Log(string message) => Console.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] {message}");
}

/// <summary>Where the repository and the app's build output are, found from the benchmark's own location.</summary>
internal static class Paths
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string WebProjectDir => Path.Combine(RepoRoot, "src", "NewsArchive.Web");

    /// <summary>The app built in the same configuration as the benchmark (Release under <c>dotnet run -c Release</c>).</summary>
    public static string WebDll
    {
        get
        {
            var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent?.Name ?? "Release";
            var dll = Path.Combine(WebProjectDir, "bin", configuration, "net10.0", "NewsArchive.Web.dll");
            return File.Exists(dll) ? dll : throw new FileNotFoundException($"build the app first: {dll} is missing");
        }
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "NewsArchive.sln")))
            {
                return dir.FullName;
            }
        }
        return Directory.GetCurrentDirectory();
    }
}
