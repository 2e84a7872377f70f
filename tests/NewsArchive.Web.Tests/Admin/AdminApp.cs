using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using NewsArchive.Web.Admin;

namespace NewsArchive.Web.Tests.Admin;

/// <summary>
/// The app on a real SQLite file and a seeds folder, both in a fresh temp folder. The seeds
/// folder starts with the repository's seed file.
/// </summary>
public class AdminApp : WebApplicationFactory<Program>
{
    public const string AdminEmail = "admin@test.local";
    public const string AdminPassword = "Admin-Passw0rd!";
    public const string ReaderEmail = "reader@test.local";
    public const string ReaderPassword = "Reader-Passw0rd!";
    public const int MaxFileBytes = 64 * 1024;

    private readonly bool _watch;

    public AdminApp() : this(watch: false)
    {
    }

    protected AdminApp(bool watch)
    {
        _watch = watch;
        Root = Directory.CreateTempSubdirectory("newsarchive-admin-").FullName;
        Directory.CreateDirectory(SeedsPath);
        File.Copy(Seeds.RepoSeedPath, Path.Combine(SeedsPath, Path.GetFileName(Seeds.RepoSeedPath)));
    }

    public string Root { get; }
    public string SeedsPath => Path.Combine(Root, "seeds");
    public string DatabasePath => Path.Combine(Root, "archive.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Archive:SeedsPath", SeedsPath);
        builder.UseSetting("ConnectionStrings:Archive", $"Data Source={DatabasePath}");
        builder.UseSetting("Admin:Email", AdminEmail);
        builder.UseSetting("Admin:Password", AdminPassword);
        builder.UseSetting("Admin:MaxFileBytes", MaxFileBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Admin:WatchSeeds", _watch ? "true" : "false");
        builder.UseSetting("Admin:DropSettleTime", "00:00:00.500");
        builder.UseSetting("Admin:RescanInterval", "00:00:03");
    }

    /// <summary>A signed-in client (cookies kept, redirects not followed, so tests see them).</summary>
    public async Task<HttpClient> LoginAsync(string email = AdminEmail, string password = AdminPassword)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await PostLoginAsync(client, email, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    public static async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string email, string password)
    {
        var token = await TokenAsync(client, "/account/login");
        return await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = password,
            ["__RequestVerificationToken"] = token,
        }));
    }

    /// <summary>A signed-in user without the Admin role.</summary>
    public async Task<HttpClient> LoginReaderAsync()
    {
        using (var scope = Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
            if (await users.FindByEmailAsync(ReaderEmail) is null)
            {
                var created = await users.CreateAsync(new IdentityUser { UserName = ReaderEmail, Email = ReaderEmail }, ReaderPassword);
                Assert.True(created.Succeeded, AdminAccounts.Describe(created));
            }
        }

        return await LoginAsync(ReaderEmail, ReaderPassword);
    }

    /// <summary>A page's text with character references decoded (Razor encodes Arabic in expressions as &amp;#x...;).</summary>
    public static async Task<string> HtmlAsync(HttpResponseMessage response) =>
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    public static async Task<string> GetHtmlAsync(HttpClient client, string url) =>
        WebUtility.HtmlDecode(await client.GetStringAsync(url));

    /// <summary>The anti-forgery token of the form on a page (the cookie half stays in the client).</summary>
    public static async Task<string> TokenAsync(HttpClient client, string page)
    {
        var html = await client.GetStringAsync(page);
        var match = Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"");
        Assert.True(match.Success, $"no anti-forgery token on {page}");
        return match.Groups[1].Value;
    }

    /// <summary>Uploads files through /admin/import and waits for the background import to finish.</summary>
    public static async Task<AdminExtensions.ImportStatus> UploadAsync(HttpClient client, params (string Name, byte[] Content)[] files)
    {
        var token = await TokenAsync(client, "/admin/import");
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(token), "__RequestVerificationToken");
        foreach (var (name, content) in files)
        {
            var part = new ByteArrayContent(content);
            part.Headers.ContentType = new("application/octet-stream");
            form.Add(part, "files", name);
        }

        var response = await client.PostAsync("/admin/import", form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/admin/imports/", location);
        return await WaitAsync(client, Guid.Parse(location["/admin/imports/".Length..]));
    }

    public static async Task<AdminExtensions.ImportStatus> WaitAsync(HttpClient client, Guid runId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var status = await client.GetFromJsonAsync<AdminExtensions.ImportStatus>($"/api/admin/imports/{runId}");
            Assert.NotNull(status);
            if (status.Finished)
            {
                Assert.Null(status.Error);
                return status;
            }

            Assert.True(DateTime.UtcNow < deadline, $"import {runId} did not finish: {status.Done}/{status.Total}");
            await Task.Delay(100);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless; a failing dispose would hide the test's result.
        }
    }
}

/// <summary>Seed files for tests: the repository's seed and distinct variants of it.</summary>
public static class Seeds
{
    public static string RepoSeedPath { get; } = FindRepoSeed();

    public static string RepoSeedText => File.ReadAllText(RepoSeedPath, Encoding.UTF8);

    /// <summary>The seed published on another day of June 2024: a different article with the same persons.</summary>
    public static string Variant(int day)
    {
        var lines = RepoSeedText.Replace("\r\n", "\n").Split('\n');
        lines[0] = $"{day}-يونيو-2024";
        return string.Join('\n', lines);
    }

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static string FindRepoSeed()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "NewsArchive.sln")))
            {
                return Directory.GetFiles(Path.Combine(dir.FullName, "seeds"), "*.txt").Order().First();
            }
        }

        throw new InvalidOperationException("repository root not found");
    }
}
