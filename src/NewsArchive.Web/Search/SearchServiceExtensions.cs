using NewsArchive.Web.Api;
using NewsArchive.Web.Import;

namespace NewsArchive.Web.Search;

public static class SearchServiceExtensions
{
    /// <summary>Registers the full-text search: analyzer, snippets, the indexer the importer calls, the search itself, the person-token upgrade of an older index, and the JSON API's OpenAPI document.</summary>
    public static WebApplicationBuilder AddArchiveSearch(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<SearchAnalyzer>();
        builder.Services.AddSingleton<SnippetBuilder>();
        builder.Services.AddSingleton<IArticleIndexer, ArticleIndexer>();
        builder.Services.AddScoped<ArchiveSearch>();
        // Registered after the database's migrator (AddArchiveDatabase), so it starts on a migrated archive.
        builder.Services.AddHostedService<PersonTokenUpgrade>();
        return builder.AddArchiveApi();
    }
}
