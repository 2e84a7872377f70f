using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.WebEncoders;

namespace NewsArchive.Web.Pages;

public static class PagesSetup
{
    public static WebApplicationBuilder AddArchivePages(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorPages();
        // Arabic text goes out as UTF-8, not as &#x...; entities: half the bytes, and readable source.
        builder.Services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        builder.Services.AddArchivePageCache();
        return builder;
    }

    /// <summary>Error pages first, so they catch everything after them; JSON endpoints keep their own empty 404s.</summary>
    public static WebApplication UseArchiveErrorPages(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error");
        }

        app.UseWhen(
            context => !context.Request.Path.StartsWithSegments("/api"),
            branch => branch.UseStatusCodePagesWithReExecute("/Error", "?code={0}"));
        return app;
    }

    public static WebApplication MapArchivePages(this WebApplication app)
    {
        // After routing (the page's [OutputCache] is endpoint metadata) and after the admin's auth.
        app.UseOutputCache();
        app.MapStaticAssets();
        app.MapRazorPages().WithStaticAssets();
        return app;
    }
}
