using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsArchive.Web.Data;
using NewsArchive.Web.Import;

namespace NewsArchive.Web.Admin;

public static class AdminExtensions
{
    /// <summary>Accounts, the Admin policy, background imports and the drop-folder watcher.</summary>
    public static WebApplicationBuilder AddArchiveAdmin(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(AdminOptions.Section);
        builder.Services.Configure<AdminOptions>(section);

        builder.Services
            .AddIdentity<IdentityUser, IdentityRole>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Password.RequiredLength = 10;
            })
            .AddEntityFrameworkStores<ArchiveDbContext>()
            .AddDefaultTokenProviders();

        builder.Services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.Cookie.Name = "newsarchive.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            // API callers get a status code, not a login page. A signed-in non-admin gets a plain 403
            // everywhere (the error pages render it for browsers): logging in again would not help.
            o.Events.OnRedirectToLogin = context => RedirectOrUnauthorized(context.HttpContext, context.RedirectUri);
            o.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });

        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(AdminOptions.Policy, p => p.RequireAuthenticatedUser().RequireRole(AdminOptions.Role));

        // The whole folder, so a new admin page cannot be added without the policy.
        builder.Services.Configure<RazorPagesOptions>(o =>
        {
            o.Conventions.AuthorizeFolder("/Admin", AdminOptions.Policy);
            o.Conventions.AllowAnonymousToFolder("/Account");
        });

        builder.Services.AddSingleton(sp => new SeedsFolder(sp.GetRequiredService<IOptions<ArchiveOptions>>().Value.SeedsPath));
        builder.Services.AddSingleton<ImportJobs>();
        builder.Services.AddSingleton<ImportRunner>();
        builder.Services.AddScoped<AdminAccounts>();
        builder.Services.AddScoped<ArticleAdmin>();
        builder.Services.AddHostedService<FirstAdmin>();
        builder.Services.AddHostedService<ImportWorker>();
        builder.Services.AddHostedService<DropFolderWatcher>();

        return builder;
    }

    /// <summary>
    /// Authentication and authorization (call right after <c>UseRouting</c>: they need the matched
    /// endpoint) and the admin API (import progress).
    /// </summary>
    public static WebApplication UseArchiveAdmin(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        var api = app.MapGroup("/api/admin").RequireAuthorization(AdminOptions.Policy);
        api.MapGet("/imports/{id:guid}", (Guid id, ImportJobs jobs) =>
            jobs.Find(id) is { } job
                ? Results.Ok(ImportStatus.Of(job))
                : Results.NotFound());
        return app;
    }

    /// <summary>What the progress endpoint returns.</summary>
    public sealed record ImportStatus(
        Guid Id, string StartedBy, DateTimeOffset StartedAt, bool Finished, int Done, int Total, string? Error, IReadOnlyList<FileStatus> Files)
    {
        public static ImportStatus Of(ImportJob job) => new(
            job.Id, job.StartedBy, job.StartedAt, job.Finished, job.Done, job.Total, job.Error,
            [.. job.Reports.Select(r => new FileStatus(r.File, r.Outcome.ToString(), r.Line, r.Reason, r.ArticleId))]);
    }

    public sealed record FileStatus(string File, string Outcome, int Line, string? Reason, int? ArticleId);

    private static Task RedirectOrUnauthorized(HttpContext context, string redirectUri)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        }
        else
        {
            context.Response.Redirect(redirectUri);
        }

        return Task.CompletedTask;
    }
}

/// <summary>On startup, creates the configured admin when no admin exists yet.</summary>
internal sealed class FirstAdmin(IServiceScopeFactory scopes) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // The archive's migrator ran before (AddArchiveDatabase registers it first). Migrating
        // again here took EF's migration lock, a write, which waits for the batch of a startup
        // import that runs while the app serves.
        using var scope = scopes.CreateScope();
        await scope.ServiceProvider.GetRequiredService<AdminAccounts>().EnsureFirstAdminAsync();
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
