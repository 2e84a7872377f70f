using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NewsArchive.Web.Data;

namespace NewsArchive.Web.Pages.People;

/// <summary><c>/people</c>: everyone the archive names, most mentioned first.</summary>
public sealed class IndexModel(ArchiveDbContext db) : PageModel
{
    private const int PageSize = 50;

    public IReadOnlyList<PersonRow> Persons { get; private set; } = [];

    public Pagination Paging { get; private set; } = null!;

    /// <summary>A name to look for, in any spelling (أوستن / اوستن, شويغو / شويجو), or an alias.</summary>
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    public async Task OnGetAsync(int page = 1, CancellationToken ct = default)
    {
        page = Pagination.Clamp(page, PageSize);
        var listed = (await NewsArchive.Web.Search.PersonLookup.MatchingAsync(db, Q, ct)).Where(p => p.ArticleCount > 0);
        var query = string.IsNullOrWhiteSpace(Q) ? "" : "q=" + Uri.EscapeDataString(Q);
        Paging = new Pagination(page, PageSize, await listed.CountAsync(ct),
            p => p == 1 ? (query.Length == 0 ? "/people" : $"/people?{query}") : $"/people?{(query.Length == 0 ? "" : query + "&")}page={p}");
        Persons = await listed
            .OrderByDescending(p => p.ArticleCount).ThenBy(p => p.Name).ThenBy(p => p.Id)
            .Skip(Paging.Skip).Take(PageSize)
            .Select(p => new PersonRow(p.Id, p.Name, p.ArticleCount))
            .ToListAsync(ct);
    }

    public sealed record PersonRow(int Id, string Name, int Articles)
    {
        public string Url => Links.Person(Id, Name);
    }
}
