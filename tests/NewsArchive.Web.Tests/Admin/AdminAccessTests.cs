using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace NewsArchive.Web.Tests.Admin;

/// <summary>
/// Every admin route, found by enumerating the app's endpoints (so a new one is covered the day
/// it is added), refuses anonymous users and signed-in readers.
/// </summary>
public class AdminAccessTests(AdminApp app) : IClassFixture<AdminApp>
{
    public record Route(string Pattern, string Url, string[] Methods)
    {
        public bool IsApi => Url.StartsWith("/api/", StringComparison.Ordinal);
        public override string ToString() => $"{string.Join(',', Methods)} {Pattern}";
    }

    private IReadOnlyList<Route> AdminRoutes()
    {
        _ = app.Server; // endpoints exist once the app is built
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        return [.. endpoints
            .Select(e => (Pattern: "/" + (e.RoutePattern.RawText ?? "").TrimStart('/'), Endpoint: e))
            .Where(e => IsAdminPath(e.Pattern))
            .Select(e => new Route(
                e.Pattern,
                Concrete(e.Pattern),
                e.Endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.ToArray() ?? ["GET", "POST"]))
            .DistinctBy(r => r.ToString())];
    }

    private static bool IsAdminPath(string pattern) =>
        pattern.StartsWith("/admin", StringComparison.OrdinalIgnoreCase) || pattern.StartsWith("/api/admin", StringComparison.OrdinalIgnoreCase);

    /// <summary>A URL the pattern matches: ids get values of their type, optional parts are dropped.</summary>
    private static string Concrete(string pattern) =>
        Regex.Replace(pattern, @"\{([^}:?]+)(:[^}?]+)?(\?)?\}", m =>
            m.Groups[3].Success ? "" : m.Groups[2].Value.Contains("guid") ? Guid.NewGuid().ToString() : m.Groups[2].Value.Contains("int") ? "1" : "x")
        .Replace("//", "/");

    [Fact]
    public void The_admin_routes_are_found()
    {
        var patterns = AdminRoutes().Select(r => r.Pattern).ToHashSet();
        // If enumeration broke, every test below would pass vacuously.
        Assert.Contains("/admin", patterns);
        Assert.Contains("/admin/import", patterns);
        Assert.Contains("/admin/imports", patterns);
        Assert.Contains("/admin/imports/{id:guid}", patterns);
        Assert.Contains("/admin/articles/{id:int}", patterns);
        Assert.Contains("/api/admin/imports/{id:guid}", patterns);
    }

    [Fact]
    public void Every_import_endpoint_is_under_admin()
    {
        _ = app.Server;
        var importRoutes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => "/" + (e.RoutePattern.RawText ?? "").TrimStart('/'))
            .Where(p => p.Contains("import", StringComparison.OrdinalIgnoreCase));
        Assert.All(importRoutes, p => Assert.True(IsAdminPath(p), $"{p} is an import endpoint outside /admin"));
    }

    [Fact]
    public async Task Anonymous_requests_are_sent_to_login_or_get_401()
    {
        using var client = app.CreateClient(new() { AllowAutoRedirect = false });
        foreach (var route in AdminRoutes())
        {
            foreach (var method in route.Methods)
            {
                using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), route.Url));
                if (route.IsApi)
                {
                    Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{method} {route.Url}: {response.StatusCode}");
                }
                else
                {
                    Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{method} {route.Url}: {response.StatusCode}");
                    Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery);
                }
            }
        }
    }

    [Fact]
    public async Task A_reader_gets_403_everywhere()
    {
        using var client = await app.LoginReaderAsync();
        foreach (var route in AdminRoutes())
        {
            foreach (var method in route.Methods)
            {
                using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), route.Url));
                Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{method} {route.Url}: {response.StatusCode}");
                Assert.DoesNotContain("لوحة الإدارة", await AdminApp.HtmlAsync(response));
            }
        }
    }

    [Fact]
    public async Task An_admin_gets_in()
    {
        using var client = await app.LoginAsync();
        foreach (var route in AdminRoutes().Where(r => r.Methods.Contains("GET")))
        {
            using var response = await client.GetAsync(route.Url);
            // A made-up id is not found; what matters is that the door opened.
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound, $"GET {route.Url}: {response.StatusCode}");
        }
    }
}
