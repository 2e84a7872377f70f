using NewsArchive.Text.Dates;

namespace NewsArchive.Web.Data;

/// <summary>A dated happening stated in an article.</summary>
public class ArticleEvent
{
    public int Id { get; set; }
    public int ArticleId { get; set; }
    public Article? Article { get; set; }
    /// <summary>First day the date covers.</summary>
    public DateOnly Date { get; set; }
    /// <summary>Last day the date covers (equal to <see cref="Date"/> for a day).</summary>
    public DateOnly DateEnd { get; set; }
    public DatePrecision Precision { get; set; }
    /// <summary>The sentence or clause that states it, as written.</summary>
    public required string Text { get; set; }
    /// <summary>True for the article's own event (its lead, on its publication date).</summary>
    public bool IsArticleEvent { get; set; }
    public List<EventPerson> Persons { get; set; } = [];

    public PartialDate PartialDate => new(Date, Precision);
}

/// <summary>A person named in an event's clause.</summary>
public class EventPerson
{
    public int EventId { get; set; }
    public int PersonId { get; set; }
    public Person? Person { get; set; }
}
