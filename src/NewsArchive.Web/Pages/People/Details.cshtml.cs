using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NewsArchive.Text.Dates;
using NewsArchive.Web.Data;

namespace NewsArchive.Web.Pages.People;

/// <summary><c>/people/{id}/{slug?}</c>: a person's names, roles, articles and dated events.</summary>
[OutputCache(PolicyName = PageCache.Policy)]
public sealed class DetailsModel(ArchiveDbContext db) : PageModel
{
    private const int PageSize = 20;
    private const int TimelineLimit = 500;

    public PersonView Person { get; private set; } = null!;

    public IReadOnlyList<string> Aliases { get; private set; } = [];

    public IReadOnlyList<RoleView> Roles { get; private set; } = [];

    public IReadOnlyList<ArticleSummary> Articles { get; private set; } = [];

    public Pagination Paging { get; private set; } = null!;

    public IReadOnlyList<TimelineEvent> Timeline { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, int page = 1, CancellationToken ct = default)
    {
        var person = await db.Persons.AsNoTracking()
            .Where(p => p.Id == id)
            .Select(p => new PersonView(p.Id, p.Name, p.ArticleCount))
            .SingleOrDefaultAsync(ct);
        if (person is null)
        {
            return NotFound();
        }

        Person = person;
        Aliases = await db.PersonAliases.AsNoTracking().Where(a => a.PersonId == id).OrderBy(a => a.Alias).Select(a => a.Alias).ToListAsync(ct);
        Roles = (await db.PersonRoles.AsNoTracking()
                .Where(r => r.PersonId == id)
                .Select(r => new { r.Role, r.Year })
                .Distinct()
                .ToListAsync(ct))
            .GroupBy(r => r.Role)
            .Select(g => new RoleView(g.Key, g.Select(r => r.Year).Order().ToList()))
            .OrderByDescending(r => r.Years[^1]).ThenBy(r => r.Role)
            .ToList();

        page = Pagination.Clamp(page, PageSize);
        var url = Links.Person(id, person.Name);
        Paging = new Pagination(page, PageSize, person.ArticleCount, p => p == 1 ? url : $"{url}?page={p}");
        Articles = await db.Articles.AsNoTracking()
            .Where(a => a.Persons.Any(ap => ap.PersonId == id))
            .ToSummaries()
            .Skip(Paging.Skip).Take(PageSize)
            .ToListAsync(ct);
        Timeline = await db.Events.AsNoTracking()
            .Where(e => e.Persons.Any(ep => ep.PersonId == id))
            .OrderBy(e => e.Date).ThenBy(e => e.Id)
            .Take(TimelineLimit)
            .Select(e => new TimelineEvent(e.Date, e.Precision, e.Text, e.ArticleId, e.Article!.Title))
            .ToListAsync(ct);
        return Page();
    }

    public sealed record PersonView(int Id, string Name, int ArticleCount);

    public sealed record RoleView(string Role, IReadOnlyList<int> Years);

    public sealed record TimelineEvent(DateOnly Date, DatePrecision Precision, string Text, int ArticleId, string ArticleTitle)
    {
        public string DisplayDate => ArabicDates.Format(Date, Precision);

        public string ArticleUrl => Links.Article(ArticleId, ArticleTitle);
    }
}
