using NewsArchive.Web.Api;
using NewsArchive.Web.Import;

namespace NewsArchive.Web.Search;

public static class SearchServiceExtensions
{
    /// <summary>Registers the full-text search: analyzer, snippets, the indexer the importer calls, the search itself, and the JSON API's OpenAPI document.</summary>
    public static WebApplicationBuilder AddArchiveSearch(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<SearchAnalyzer>();
        builder.Services.AddSingleton<SnippetBuilder>();
        builder.Services.AddSingleton<IArticleIndexer, ArticleIndexer>();
        builder.Services.AddScoped<ArchiveSearch>();
        return builder.AddArchiveApi();
    }
}
