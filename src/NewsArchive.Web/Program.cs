using NewsArchive.Web;
using NewsArchive.Web.Admin;
using NewsArchive.Web.Api;
using NewsArchive.Web.Data;
using NewsArchive.Web.Import;
using NewsArchive.Web.Pages;
using NewsArchive.Web.Search;
using Serilog;

// Stage one: a console logger for everything before the host exists (bad configuration, failed migrations).
Log.Logger = new LoggerConfiguration().WriteTo.Console().CreateBootstrapLogger();

try
{
    var builder = WebApplication.CreateBuilder(AdminCommandLine.HostArgs(args));
    builder.AddArchiveLogging();
    builder.AddArchiveDatabase();
    builder.AddArchiveImport();
    builder.AddArchivePages();
    builder.AddArchiveSearch();
    builder.AddArchiveAdmin();

    var app = builder.Build();
    // import, rebuild, admin add|reset-password: run on the app's services, without serving.
    if (AdminCommandLine.IsCommand(args))
    {
        return await AdminCommandLine.RunAsync(app.Services, args);
    }

    app.UseArchiveLogging();
    app.UseArchiveErrorPages();
    // Explicit, after the error pages: their re-executed requests must be routed again.
    app.UseRouting();
    app.UseArchiveAdmin();
    app.MapArchivePages();
    app.MapArchiveApi();
    app.MapHealthChecks("/healthz");

    await app.RunAsync();
    return 0;
}
catch (Exception ex) when (ex is not HostAbortedException)
{
    Log.Fatal(ex, "NewsArchive stopped unexpectedly");
    return 1;
}
finally
{
    await Log.CloseAndFlushAsync();
}

/// <summary>The app's entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
