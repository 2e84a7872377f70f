namespace NewsArchive.Web.Data;

/// <summary>One news article, imported from one seed file's content (the same content under two file names is one article).</summary>
public class Article
{
    public int Id { get; set; }
    public required string Title { get; set; }
    /// <summary>True when the file had no headline and the title was derived from the lead sentence.</summary>
    public bool TitleDerived { get; set; }
    public DateOnly Published { get; set; }
    /// <summary>The subject line as written, when line 2 names a person.</summary>
    public string? Subject { get; set; }
    public int? SubjectPersonId { get; set; }
    public Person? SubjectPerson { get; set; }
    public string? Caption { get; set; }
    public string? Credit { get; set; }
    /// <summary>The body as written (paragraphs separated by blank lines), rendered with Markdig.</summary>
    public required string Body { get; set; }
    /// <summary>The lead sentence, for lists.</summary>
    public required string Lead { get; set; }
    public List<string> PullQuotes { get; set; } = [];
    /// <summary>The seed file name (relative to the seeds folder) the article was first imported from.</summary>
    public required string SourceFile { get; set; }
    /// <summary>SHA-256 of the file's bytes, lowercase hex.</summary>
    public required string ContentHash { get; set; }
    public DateTimeOffset ImportedAt { get; set; }

    public List<ArticlePerson> Persons { get; set; } = [];
    public List<ArticleEvent> Events { get; set; } = [];
}
