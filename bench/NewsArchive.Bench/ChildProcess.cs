using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace NewsArchive.Bench;

/// <summary>
/// A server the benchmark starts (the archive app, or the static-file ceiling) on a free loopback
/// port. Its output is drained (a full pipe would stall it) and kept for the error message; it is
/// stopped by its own process id when disposed.
/// </summary>
internal sealed class ChildProcess : IDisposable
{
    private readonly Process _process;
    private readonly Queue<string> _tail = new();

    private ChildProcess(Process process, string baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string BaseUrl { get; }

    public int Id => _process.Id;

    /// <summary>Time from process start until <see cref="WaitUntilServing"/> saw a success.</summary>
    public TimeSpan StartupTime { get; private set; }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Starts <c>dotnet <paramref name="dll"/></c> with the given arguments and environment on a free port (passed as <c>--urls</c>).</summary>
    public static ChildProcess StartDotnet(string dll, IEnumerable<string> args, IDictionary<string, string> environment, string? workingDirectory = null)
    {
        var port = FreePort();
        var baseUrl = $"http://127.0.0.1:{port}";
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory ?? Path.GetDirectoryName(dll)!,
        };
        info.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add(baseUrl);
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }
        var process = Process.Start(info) ?? throw new InvalidOperationException($"cannot start dotnet {dll}");
        return new ChildProcess(process, baseUrl);
    }

    /// <summary>Polls <paramref name="path"/> until it answers 200, and records how long that took from process start.</summary>
    public void WaitUntilServing(string path, TimeSpan timeout) =>
        StartupTime = PollUntil(path, "serving", timeout, _ => true);

    /// <summary>Time from process start until <see cref="WaitUntilHealthy"/> saw the app report healthy.</summary>
    public TimeSpan HealthyTime { get; private set; }

    /// <summary>
    /// Polls <paramref name="path"/> until its body reads <c>Healthy</c> (the archive app: its startup
    /// import has finished; it serves before that when the archive already holds articles), and
    /// records how long that took from process start.
    /// </summary>
    public void WaitUntilHealthy(string path, TimeSpan timeout) =>
        HealthyTime = PollUntil(path, "healthy", timeout, body => body == "Healthy");

    /// <summary>Time from process start until <paramref name="path"/> answered 200 with a body <paramref name="done"/> accepts.</summary>
    private TimeSpan PollUntil(string path, string what, TimeSpan timeout, Func<string, bool> done)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var started = _process.StartTime.ToUniversalTime();
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"server exited with code {_process.ExitCode} before {what}:\n{Tail()}");
            }
            try
            {
                using var response = client.GetAsync(BaseUrl + path).GetAwaiter().GetResult();
                if (response.IsSuccessStatusCode && done(response.Content.ReadAsStringAsync().GetAwaiter().GetResult()))
                {
                    return DateTime.UtcNow - started;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Listening but busy; keep polling.
            }
            Thread.Sleep(20);
        }
        throw new TimeoutException($"{BaseUrl}{path} not {what} after {timeout}:\n{Tail()}");
    }

    /// <summary>Peak resident memory so far (VmHWM), in bytes; 0 where /proc is not available.</summary>
    public long PeakRss() => ProcStatus.PeakRss(_process.Id);

    public string Tail()
    {
        lock (_tail)
        {
            return string.Join('\n', _tail);
        }
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_tail)
        {
            _tail.Enqueue(line);
            if (_tail.Count > 40)
            {
                _tail.Dequeue();
            }
        }
    }

    private bool _disposed;

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
        _process.Dispose();
    }
}

internal static class ProcStatus
{
    /// <summary>Reads VmHWM (peak resident set) of a live process from /proc.</summary>
    public static long PeakRss(int pid)
    {
        var path = $"/proc/{pid}/status";
        if (!File.Exists(path))
        {
            return 0;
        }
        foreach (var line in File.ReadLines(path))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                var kb = long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
                return kb * 1024;
            }
        }
        return 0;
    }
}
