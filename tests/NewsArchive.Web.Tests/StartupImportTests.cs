using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using NewsArchive.Web.Data;
using NewsArchive.Web.Import;

namespace NewsArchive.Web.Tests;

/// <summary>
/// The startup import: an empty archive is imported before the app serves; one that holds
/// articles is served at once while the import checks the seeds folder in the background.
/// </summary>
public sealed class StartupImportTests : IDisposable
{
    private const string LateArticle = """
        2021-06-05
        مهرجان الزيتون في جرش

        افتتح في جرش مهرجان الزيتون السنوي بمشاركة مئات المزارعين من مختلف المحافظات.
        """;

    private readonly ArchiveFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task An_empty_archive_is_imported_before_serving()
    {
        using var app = _factory.WithWebHostBuilder(b =>
            b.ConfigureServices(s => s.AddSingleton<IArticleIndexer>(new SlowIndexer(TimeSpan.FromSeconds(2)))));
        var client = app.CreateClient();

        var startup = app.Services.GetRequiredService<StartupImportResult>();
        Assert.True(startup.Summary.IsCompletedSuccessfully);
        Assert.True((await startup.Summary)!.Imported > 0);
        Assert.Equal("Healthy", await client.GetStringAsync("/healthz"));
    }

    [Fact]
    public async Task An_archive_with_articles_is_served_while_the_startup_import_runs()
    {
        StartOnce();
        _factory.WriteSeed("late.txt", LateArticle);
        var gate = new GatedIndexer();
        using var app = _factory.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<IArticleIndexer>(gate)));
        try
        {
            // Were the import run before serving, the start would wait for the gate.
            var client = await Task.Run(app.CreateClient).WaitAsync(TimeSpan.FromSeconds(30));
            await gate.Entered.WaitAsync(TimeSpan.FromSeconds(30));

            var startup = app.Services.GetRequiredService<StartupImportResult>();
            Assert.False(startup.IsFinished);
            Assert.Equal("Degraded", await client.GetStringAsync("/healthz"));
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
            Assert.True(await TotalAsync(client, "شويغو") > 0);
            // The file being imported is not half there: its batch has not committed.
            Assert.Equal(0, await TotalAsync(client, "الزيتون"));

            gate.Release();
            var summary = await startup.Summary.WaitAsync(TimeSpan.FromSeconds(30));

            Assert.Equal(1, summary!.Imported);
            Assert.Equal("Healthy", await client.GetStringAsync("/healthz"));
            Assert.Equal(1, await TotalAsync(client, "الزيتون"));
        }
        finally
        {
            gate.Release();
        }
    }

    [Fact]
    public async Task Turned_off_serving_during_the_startup_import_waits_for_it()
    {
        StartOnce();
        _factory.WriteSeed("late.txt", LateArticle);
        using var app = _factory.WithWebHostBuilder(b =>
        {
            b.UseSetting("Archive:ServeDuringStartupImport", "false");
            b.ConfigureServices(s => s.AddSingleton<IArticleIndexer>(new SlowIndexer(TimeSpan.FromSeconds(2))));
        });
        var client = app.CreateClient();

        var startup = app.Services.GetRequiredService<StartupImportResult>();
        Assert.True(startup.Summary.IsCompletedSuccessfully);
        Assert.Equal(1, (await startup.Summary)!.Imported);
        Assert.Equal(1, await TotalAsync(client, "الزيتون"));
    }

    /// <summary>Starts the app once on the empty archive, which imports the seeds folder, and stops it.</summary>
    private void StartOnce()
    {
        using var first = _factory.WithWebHostBuilder(_ => { });
        _ = first.Server;
    }

    private static async Task<int> TotalAsync(HttpClient client, string q) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/search?q=" + Uri.EscapeDataString(q))).GetProperty("total").GetInt32();

    /// <summary>Holds the import inside an article's batch until released.</summary>
    private sealed class GatedIndexer : IArticleIndexer
    {
        private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Entered => _entered.Task;

        public void Release() => _released.TrySetResult();

        public async Task IndexAsync(ArchiveDbContext db, Article article, bool isNew, CancellationToken ct)
        {
            _entered.TrySetResult();
            await _released.Task.WaitAsync(ct);
        }

        public Task RemoveAsync(ArchiveDbContext db, int articleId, CancellationToken ct) => Task.CompletedTask;
    }

    /// <summary>
    /// Slows the import down at its first article, before any write (the read-ahead prepares
    /// articles outside the batch transaction), so a start that does not wait for it is seen.
    /// </summary>
    private sealed class SlowIndexer(TimeSpan delay) : IArticleIndexer
    {
        private int _calls;

        public void Prepare(Article article)
        {
            if (Interlocked.Increment(ref _calls) == 1)
            {
                Thread.Sleep(delay);
            }
        }

        public Task IndexAsync(ArchiveDbContext db, Article article, bool isNew, CancellationToken ct) => Task.CompletedTask;

        public Task RemoveAsync(ArchiveDbContext db, int articleId, CancellationToken ct) => Task.CompletedTask;
    }
}
