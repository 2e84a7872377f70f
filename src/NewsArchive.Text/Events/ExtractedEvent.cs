using NewsArchive.Text.Dates;

namespace NewsArchive.Text.Events;

/// <summary>A dated statement in an article.</summary>
/// <param name="Date">When it happened, at the precision the text gives.</param>
/// <param name="Text">The sentence or clause that states it, as written.</param>
/// <param name="Persons">Names (the <see cref="Persons.ExtractedPerson.Name"/> of each) of the persons named in that clause.</param>
/// <param name="IsArticleEvent">True for the article's own event (its lead, dated by publication).</param>
public sealed record ExtractedEvent(
    PartialDate Date,
    string Text,
    IReadOnlyList<string> Persons,
    bool IsArticleEvent);
