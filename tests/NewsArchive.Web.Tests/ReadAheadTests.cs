using NewsArchive.Web.Import;
using NewsArchive.Web.Tests.Robustness;

namespace NewsArchive.Web.Tests;

/// <summary>The import reads ahead on another thread: stopping a run mid-way must leave nothing running and nothing half-written.</summary>
public sealed class ReadAheadTests : IDisposable
{
    private const string Article = """
        2020-01-{0:D2}
        تقرير رقم {0} عن الاقتصاد

        قال وزير المالية محمد الجدعان إن الإنفاق في الربع {0} ارتفع، وأضاف أن الميزانية تبقى متوازنة.
        """;

    private readonly ArchiveFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task A_cancelled_run_stops_cleanly_and_the_next_run_finishes_the_folder()
    {
        _ = _factory.Server;
        var paths = Enumerable.Range(1, 28).Select(i => _factory.WriteSeed($"readahead_{i:D2}.txt", string.Format(Article, i))).ToList();
        using var cancel = new CancellationTokenSource();
        var seen = 0;
        var request = new ImportRequest("test") { OnFile = (_, _) => { if (++seen == 5) { cancel.Cancel(); } } };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _factory.Importer.ImportFilesAsync(paths, request, cancel.Token));

        Assert.Empty(ArchiveCheck.Violations(_factory.DatabasePath));
        // The gate is free again (the read-ahead ended with the run): a new run neither waits nor races.
        var next = _factory.Importer.ImportFilesAsync(paths, new ImportRequest("test"));
        Assert.Same(next, await Task.WhenAny(next, Task.Delay(TimeSpan.FromMinutes(1))));
        var summary = await next;
        Assert.Equal(0, summary.Failed);
        Assert.Equal(28, summary.Imported + summary.Unchanged);
        Assert.Empty(ArchiveCheck.Violations(_factory.DatabasePath));
    }
}
