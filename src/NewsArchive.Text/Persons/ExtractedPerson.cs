namespace NewsArchive.Text.Persons;

/// <summary>A person named in one article.</summary>
/// <param name="Name">The fullest form of the name used in the article (<c>لويد أوستن</c>), as written.</param>
/// <param name="Aliases">Other forms the article uses for the same person (<c>أوستن</c>), as written.</param>
/// <param name="Roles">Titles and roles seen with the person in this article (<c>وزير الدفاع الأميركي</c>).</param>
/// <param name="Mentions">How many times the article mentions the person.</param>
/// <param name="FirstSentence">The sentence of the first mention, as evidence.</param>
/// <param name="IsSubject">True when the file's subject line names this person.</param>
public sealed record ExtractedPerson(
    string Name,
    IReadOnlyList<string> Aliases,
    IReadOnlyList<string> Roles,
    int Mentions,
    string FirstSentence,
    bool IsSubject);
