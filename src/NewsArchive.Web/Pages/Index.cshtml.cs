using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NewsArchive.Web.Data;

namespace NewsArchive.Web.Pages;

public sealed class IndexModel(ArchiveDbContext db) : PageModel
{
    private const int PageSize = 20;

    public IReadOnlyList<ArticleSummary> Articles { get; private set; } = [];

    public Pagination Paging { get; private set; } = null!;

    public async Task OnGetAsync(int page = 1, CancellationToken ct = default)
    {
        page = Pagination.Clamp(page, PageSize);
        Paging = new Pagination(page, PageSize, await db.Articles.CountAsync(ct), p => p == 1 ? "/" : $"/?page={p}");
        Articles = await db.Articles.AsNoTracking().ToSummaries().Skip(Paging.Skip).Take(PageSize).ToListAsync(ct);
    }
}
