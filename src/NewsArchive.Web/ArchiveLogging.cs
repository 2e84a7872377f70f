using Serilog;

namespace NewsArchive.Web;

public static class ArchiveLogging
{
    private static int s_hosts;

    /// <summary>Stage two of the Serilog setup: the logger described by the <c>Serilog</c> configuration section.</summary>
    public static WebApplicationBuilder AddArchiveLogging(this WebApplicationBuilder builder)
    {
        // The bootstrap logger can be frozen only once per process; further hosts (test factories)
        // get their own logger and leave the static one alone.
        var firstHost = Interlocked.Increment(ref s_hosts) == 1;
        builder.Services.AddSerilog(
            (services, logger) => logger
                .ReadFrom.Configuration(services.GetRequiredService<IConfiguration>())
                .ReadFrom.Services(services)
                .Enrich.FromLogContext(),
            preserveStaticLogger: !firstHost);
        return builder;
    }

    /// <summary>One log event per request, with status and timing.</summary>
    public static WebApplication UseArchiveLogging(this WebApplication app)
    {
        app.UseSerilogRequestLogging();
        return app;
    }
}
