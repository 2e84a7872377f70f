using Microsoft.AspNetCore.OutputCaching;
using NewsArchive.Web.Data;
using NewsArchive.Web.Import;

namespace NewsArchive.Web.Pages;

/// <summary>
/// Server-side output cache for the reading pages that cost several queries and a Markdown render
/// (article, person, search). Imports and deletions evict them through the importer's indexer hook; the
/// short expiry bounds staleness from any change made outside the importer.
/// </summary>
public static class PageCache
{
    public const string Policy = "archive-page";
    private const string Tag = "archive-pages";

    public static IServiceCollection AddArchivePageCache(this IServiceCollection services)
    {
        services.AddOutputCache(o => o.AddPolicy(Policy, b => b.Expire(TimeSpan.FromSeconds(60)).Tag(Tag)));
        services.AddSingleton<IArticleIndexer, Eviction>();
        return services;
    }

    /// <summary>Any article imported, changed or deleted can change any article or person page: evict them all.</summary>
    private sealed class Eviction(IOutputCacheStore store) : IArticleIndexer
    {
        public Task IndexAsync(ArchiveDbContext db, Article article, bool isNew, CancellationToken ct) => store.EvictByTagAsync(Tag, ct).AsTask();

        public Task RemoveAsync(ArchiveDbContext db, int articleId, CancellationToken ct) => store.EvictByTagAsync(Tag, ct).AsTask();
    }
}
