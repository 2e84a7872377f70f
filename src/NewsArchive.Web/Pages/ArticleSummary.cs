using NewsArchive.Web.Data;

namespace NewsArchive.Web.Pages;

/// <summary>An article in a list: what the home page, the archive and a person's page show.</summary>
public sealed record ArticleSummary(int Id, string Title, DateOnly Published, string Lead)
{
    public string Url => Links.Article(Id, Title);
}

public static class ArticleSummaryQueries
{
    /// <summary>Newest first, as every list reads; the id keeps pages stable between equal dates.</summary>
    public static IQueryable<ArticleSummary> ToSummaries(this IQueryable<Article> articles) =>
        articles.OrderByDescending(a => a.Published).ThenByDescending(a => a.Id)
            .Select(a => new ArticleSummary(a.Id, a.Title, a.Published, a.Lead));
}

/// <summary>Where a paginated list stands; <see cref="Url"/> builds the link to another page.</summary>
public sealed record Pagination(int Page, int PageSize, int Total, Func<int, string> Url)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public int Skip => (Page - 1) * PageSize;

    /// <summary>Clamps a requested page number into 1..int.MaxValue / size, so no query string can overflow the offset.</summary>
    public static int Clamp(int page, int pageSize) => Math.Clamp(page, 1, int.MaxValue / pageSize);
}
