using System.Diagnostics;

namespace NewsArchive.Bench;

/// <summary>Wall-clock and CPU seconds of this process (all its threads), from its start or its last lap.</summary>
internal sealed class ProcessClock : IDisposable
{
    private readonly Process _process = Process.GetCurrentProcess();
    private readonly Stopwatch _watch = Stopwatch.StartNew();
    private TimeSpan _cpu;

    public ProcessClock() => _cpu = _process.TotalProcessorTime;

    /// <summary>The time since the start or the last lap; the next lap counts from now.</summary>
    public (double Seconds, double CpuSeconds) Lap()
    {
        var seconds = _watch.Elapsed.TotalSeconds;
        _process.Refresh();
        var cpu = _process.TotalProcessorTime;
        var lap = (seconds, (cpu - _cpu).TotalSeconds);
        _cpu = cpu;
        _watch.Restart();
        return lap;
    }

    public void Dispose() => _process.Dispose();
}
