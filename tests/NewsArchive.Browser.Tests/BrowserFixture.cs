using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace NewsArchive.Browser.Tests;

/// <summary>
/// The real app on Kestrel (random loopback port) over a temporary seeds folder and SQLite file,
/// and Debian's Chromium driven by Playwright. One per test class.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "newsarchive-browser-" + Guid.NewGuid().ToString("N"));
    private WebApplicationFactory<Program>? _factory;
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Where screenshots go, so a person can look at what the tests saw.</summary>
    public static string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async Task InitializeAsync()
    {
        var seeds = Path.Combine(_root, "seeds");
        Directory.CreateDirectory(seeds);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepoRoot(), "seeds"), "*.txt"))
        {
            File.Copy(file, Path.Combine(seeds, Path.GetFileName(file)));
        }
        foreach (var (name, text) in SampleArticles.All)
        {
            await File.WriteAllTextAsync(Path.Combine(seeds, name), text);
        }

        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("Archive:SeedsPath", seeds);
            b.UseSetting("ConnectionStrings:Archive", $"Data Source={Path.Combine(_root, "archive.db")}");
            b.UseSetting("Admin:Email", "admin@example.test");
            b.UseSetting("Admin:Password", "Browser-Test-Pa55!");
            // Files are imported once at start; the drop-folder watcher has nothing to add here.
            b.UseSetting("Admin:WatchSeeds", "false");
        });
        _factory.UseKestrel(0);
        _factory.StartServer();
        var addresses = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        BaseAddress = new Uri(addresses.Addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal));

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            // The machine has no network beyond loopback: keep Chromium from reaching out.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        Directory.CreateDirectory(ScreenshotFolder);
    }

    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "ar",
        });
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }
        _playwright?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by SQLite on shutdown is harmless in a temp folder.
        }
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "NewsArchive.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("NewsArchive.sln not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>All browser tests share one running app and one Chromium: starting them is the slow part.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
