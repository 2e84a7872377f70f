using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NewsArchive.Web.Data;
using NewsArchive.Web.Import;
using NewsArchive.Web.Search;

namespace NewsArchive.Bench;

/// <summary>
/// The one place the benchmark touches the archive's own code: its importer, its search service and
/// its database (for the persons and pages to aim at). Everything else in the benchmark is generic.
/// </summary>
internal static class ArchiveUnderTest
{
    public sealed record ImportOutcome(int Files, int Articles, int Failed, string? FirstError);

    public interface ISearch : IDisposable
    {
        /// <summary>Runs the query; the result as JSON (hits, totals, facets), so two builds' answers can be compared.</summary>
        Task<string> SearchAsync(BenchQuery query);
    }

    /// <summary>
    /// Imports a seeds folder through the app's own <see cref="ArchiveImporter"/>, composed with the
    /// app's own service registrations (database, import, and search, which registers its indexer), into a migrated database.
    /// </summary>
    public static async Task<ImportOutcome> ImportAsync(string seeds, string db)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [], ContentRootPath = Paths.WebProjectDir });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Archive"] = $"Data Source={db}",
            ["Archive:SeedsPath"] = seeds,
            ["Archive:ImportOnStartup"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:NewsArchive.Web.Import"] = "Information",
        });
        builder.AddArchiveDatabase();
        builder.AddArchiveImport();
        builder.AddArchiveSearch();
        using var app = builder.Build();
        await app.Services.MigrateArchiveDatabaseAsync();
        var importer = app.Services.GetRequiredService<ArchiveImporter>();
        var summary = await importer.ImportFolderAsync(seeds, new ImportRequest("bench"));
        var first = summary.Failures.FirstOrDefault();
        return new ImportOutcome(summary.Total, summary.Imported + summary.Updated, summary.Failed,
            first is null ? null : $"{first.File}:{first.Line}: {first.Reason}");
    }

    /// <summary>Brings an existing archive's schema up to this build's migrations, as the app does when it starts, and finishes the index upgrade it then runs in the background.</summary>
    public static async Task MigrateAsync(string db)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Archive"] = $"Data Source={db}",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        builder.AddArchiveDatabase();
        using var app = builder.Build();
        await app.Services.MigrateArchiveDatabaseAsync();
        // What the app then does in the background: an index written before person tokens gets them.
        await PersonTokens.UpgradeAsync($"Data Source={db}", new SearchAnalyzer(), null, CancellationToken.None);
    }

    /// <summary>
    /// The search the app runs for <c>/api/search</c>, step for step (person lookup, date range,
    /// ranked page of 20 with snippets and facets), with a context per query from a pool, as the
    /// app's requests get theirs (<see cref="ArchiveDatabase.AddArchiveDatabase"/>). A context built
    /// from scratch per query initialized its services on first use: ~0.4 ms of CPU a query that
    /// no request of the app pays.
    /// </summary>
    public static ISearch OpenSearch(string db) => new InProcessSearch(db);

    private sealed class InProcessSearch(string db) : ISearch
    {
        private readonly SearchAnalyzer _analyzer = new();
        private readonly PooledDbContextFactory<ArchiveDbContext> _contexts = new(
            ((DbContextOptionsBuilder<ArchiveDbContext>)ArchiveDatabase.Configure(new DbContextOptionsBuilder<ArchiveDbContext>(), $"Data Source={db}")).Options);

        public async Task<string> SearchAsync(BenchQuery query)
        {
            if (!DateRange.TryParse(query.From, query.To, out var range, out var error))
            {
                throw new ArgumentException($"bad date range in the mix: {error}");
            }
            await using var context = _contexts.CreateDbContext();
            var persons = await PersonLookup.ResolveAsync(context, query.Person, CancellationToken.None);
            var search = new ArchiveSearch(context, _analyzer, new SnippetBuilder());
            var result = await search.SearchAsync(new SearchRequest(query.Text, persons, range, 1, 20), CancellationToken.None);
            return System.Text.Json.JsonSerializer.Serialize(result);
        }

        public void Dispose()
        {
        }
    }

    public static (int Min, int Max) YearRange(string db)
    {
        using var context = Open(db);
        if (!context.Articles.Any())
        {
            return (DateTime.UtcNow.Year, DateTime.UtcNow.Year);
        }
        return (context.Articles.Min(a => a.Published.Year), context.Articles.Max(a => a.Published.Year));
    }

    /// <summary>The persons mentioned in the most articles: what a reader filters by.</summary>
    public static IReadOnlyList<string> TopPersons(string db, int count)
    {
        using var context = Open(db);
        return context.ArticlePersons.GroupBy(ap => ap.PersonId)
            .OrderByDescending(g => g.Count()).Select(g => g.Key).Take(count)
            .Join(context.Persons, id => id, p => p.Id, (_, p) => p.Name)
            .ToList();
    }

    /// <summary>An article with persons (a typical full page) and the most-mentioned person.</summary>
    public static (int ArticleId, int? PersonId) PageTargets(string db)
    {
        using var context = Open(db);
        var personId = context.ArticlePersons.GroupBy(ap => ap.PersonId)
            .OrderByDescending(g => g.Count()).Select(g => (int?)g.Key).FirstOrDefault();
        var articleId = context.ArticlePersons.OrderBy(ap => ap.ArticleId).Select(ap => (int?)ap.ArticleId).FirstOrDefault()
            ?? context.Articles.OrderBy(a => a.Id).Select(a => a.Id).First();
        return (articleId, personId);
    }

    private static ArchiveDbContext Open(string db) =>
        new(new DbContextOptionsBuilder<ArchiveDbContext>().UseSqlite($"Data Source={db}").Options);
}
