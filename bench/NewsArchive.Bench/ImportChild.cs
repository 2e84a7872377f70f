using System.Diagnostics;
using System.Text.Json;

namespace NewsArchive.Bench;

/// <summary>
/// The <c>import-child</c> command: one import of a seeds folder into a fresh database through the
/// real importer, run in its own process so the peak RSS it reports is the import's alone.
/// </summary>
internal static class ImportChild
{
    public const string ResultPrefix = "IMPORT-RESULT ";

    public static int Run(string[] args)
    {
        string Arg(string name)
        {
            var at = Array.IndexOf(args, name);
            return at >= 0 && at + 1 < args.Length ? args[at + 1] : throw new ArgumentException($"import-child needs {name}");
        }
        var seeds = Arg("--seeds");
        var db = Arg("--db");

        var stopwatch = Stopwatch.StartNew();
        var outcome = ArchiveUnderTest.ImportAsync(seeds, db).GetAwaiter().GetResult();
        stopwatch.Stop();

        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var peak = Math.Max(process.PeakWorkingSet64, ProcStatus.PeakRss(Environment.ProcessId));
        // The file count is the run's own: counting them here first would hold a million paths and inflate the peak measured.
        var result = new ImportResult(outcome.Files, outcome.Articles, outcome.Failed, stopwatch.Elapsed.TotalSeconds,
            outcome.Articles / stopwatch.Elapsed.TotalSeconds, process.TotalProcessorTime.TotalSeconds, peak, outcome.FirstError);
        Console.WriteLine(ResultPrefix + JsonSerializer.Serialize(result));
        return 0;
    }
}
