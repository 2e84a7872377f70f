using System.Diagnostics;
using System.Text;
using NewsArchive.Web;

namespace NewsArchive.Web.Tests.Robustness;

/// <summary>
/// The real app as a child process: <c>dotnet NewsArchive.Web.dll import &lt;folder&gt;</c> on a
/// given seeds folder and database, so it can be killed as an operator's crash would kill it.
/// </summary>
public static class AppProcess
{
    /// <summary>The app built beside these tests (same configuration as the test assembly).</summary>
    public static string AppDll()
    {
        var repo = ArchivePaths.FindRepoRoot(AppContext.BaseDirectory) ?? throw new InvalidOperationException("repository root not found");
        // …/tests/NewsArchive.Web.Tests/bin/<Configuration>/net10.0/
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var dll = Path.Combine(repo, "src", "NewsArchive.Web", "bin", configuration, "net10.0", "NewsArchive.Web.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("build the web app first", dll);
    }

    public static Process StartImport(string seedsPath, string databasePath, string workingDirectory, Action<string>? onLine = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { AppDll(), "import", seedsPath, $"--Archive:SeedsPath={seedsPath}", $"--ConnectionStrings:Archive=Data Source={databasePath}" })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        // Always drained, so a full pipe can never block the child.
        process.OutputDataReceived += (_, e) => OnLine(onLine, e.Data);
        process.ErrorDataReceived += (_, e) => OnLine(onLine, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>Runs an import to completion and returns its exit code and what it printed.</summary>
    public static async Task<(int Code, string Output)> ImportAsync(string seedsPath, string databasePath, string workingDirectory)
    {
        var output = new StringBuilder();
        using var process = StartImport(seedsPath, databasePath, workingDirectory, line => Append(output, line));
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        lock (output)
        {
            return (process.ExitCode, output.ToString());
        }
    }

    private static void OnLine(Action<string>? onLine, string? line)
    {
        if (line is not null)
        {
            onLine?.Invoke(line);
        }
    }

    private static void Append(StringBuilder output, string line)
    {
        lock (output)
        {
            output.AppendLine(line);
        }
    }
}
