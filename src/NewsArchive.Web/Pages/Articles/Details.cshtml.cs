using Markdig;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NewsArchive.Text.Dates;
using NewsArchive.Web.Data;

namespace NewsArchive.Web.Pages.Articles;

/// <summary><c>/articles/{id}/{slug?}</c>: one article with the persons it mentions and the events it states.</summary>
[OutputCache(PolicyName = PageCache.Policy)]
public sealed class DetailsModel(ArchiveDbContext db) : PageModel
{
    // Seed files are plain text: any HTML in them is shown as text, never run.
    private static readonly MarkdownPipeline Markdown = new MarkdownPipelineBuilder().DisableHtml().Build();

    public ArticleView Article { get; private set; } = null!;

    public IReadOnlyList<MentionView> Persons { get; private set; } = [];

    public IReadOnlyList<EventView> Events { get; private set; } = [];

    public HtmlString BodyHtml { get; private set; } = HtmlString.Empty;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var article = await db.Articles.AsNoTracking()
            .Where(a => a.Id == id)
            .Select(a => new ArticleView(a.Id, a.Title, a.Published, a.Subject, a.SubjectPersonId, a.Caption, a.Credit, a.Body, a.PullQuotes, a.SourceFile))
            .SingleOrDefaultAsync(ct);
        if (article is null)
        {
            return NotFound();
        }

        Article = article;
        Persons = await db.ArticlePersons.AsNoTracking()
            .Where(ap => ap.ArticleId == id)
            .OrderByDescending(ap => ap.Mentions).ThenBy(ap => ap.Person!.Name)
            .Select(ap => new MentionView(ap.PersonId, ap.Person!.Name, ap.Role, ap.Mentions))
            .ToListAsync(ct);
        Events = (await db.Events.AsNoTracking()
            .Where(e => e.ArticleId == id)
            .OrderBy(e => e.Date).ThenBy(e => e.Id)
            .Select(e => new { e.Date, e.Precision, e.Text, Persons = e.Persons.Select(p => new PersonLink(p.PersonId, p.Person!.Name)).ToList() })
            .ToListAsync(ct))
            .Select(e => new EventView(e.Date, e.Precision, e.Text, e.Persons))
            .ToList();
        BodyHtml = new HtmlString(Markdig.Markdown.ToHtml(WithPullQuotes(article.Body, article.PullQuotes), Markdown));
        return Page();
    }

    /// <summary>
    /// Marks pull quotes as Markdown quotes, once each: in place when the body still holds the
    /// paragraph, otherwise after the lead paragraph. A later verbatim repeat is dropped.
    /// </summary>
    internal static string WithPullQuotes(string body, IReadOnlyList<string> pullQuotes)
    {
        var paragraphs = body.Split("\n\n").ToList();
        if (pullQuotes.Count == 0)
        {
            return body;
        }

        var pending = pullQuotes.Select(q => q.Trim()).Where(q => q.Length > 0).Distinct().ToList();
        var shown = new HashSet<string>();
        var output = new List<string>(paragraphs.Count + pending.Count);
        foreach (var paragraph in paragraphs)
        {
            var text = paragraph.Trim();
            if (pending.Contains(text))
            {
                if (shown.Add(text))
                {
                    output.Add(Quote(text));
                }

                continue;
            }

            output.Add(paragraph);
        }

        var missing = pending.Where(q => !shown.Contains(q)).Select(Quote).ToList();
        output.InsertRange(Math.Min(1, output.Count), missing);
        return string.Join("\n\n", output);
    }

    private static string Quote(string text) => "> " + text.Replace("\n", "\n> ");

    public sealed record ArticleView(int Id, string Title, DateOnly Published, string? Subject, int? SubjectPersonId,
        string? Caption, string? Credit, string Body, List<string> PullQuotes, string SourceFile);

    public sealed record MentionView(int PersonId, string Name, string? Role, int Mentions)
    {
        public string Url => Links.Person(PersonId, Name);
    }

    public sealed record PersonLink(int Id, string Name)
    {
        public string Url => Links.Person(Id, Name);
    }

    public sealed record EventView(DateOnly Date, DatePrecision Precision, string Text, IReadOnlyList<PersonLink> Persons)
    {
        public string DisplayDate => ArabicDates.Format(Date, Precision);
    }
}
