using Microsoft.EntityFrameworkCore;
using NewsArchive.Web.Data;

namespace NewsArchive.Bench;

/// <summary>
/// The one place the benchmark touches the archive's own code: its importer, its search service and
/// its database (for the persons and pages to aim at). Everything else in the benchmark is generic.
/// </summary>
internal static class ArchiveUnderTest
{
    public sealed record ImportOutcome(int Articles, int Failed, string? FirstError);

    public interface ISearch : IDisposable
    {
        Task SearchAsync(BenchQuery query);
    }

    public static Task<ImportOutcome> ImportAsync(string seeds, string db) =>
        throw new NotSupportedException("wired when the importer lands");

    public static ISearch OpenSearch(string db) => throw new NotSupportedException("wired when search lands");

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
