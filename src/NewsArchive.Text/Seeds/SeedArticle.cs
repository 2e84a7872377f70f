using NewsArchive.Text.Events;
using NewsArchive.Text.Persons;

namespace NewsArchive.Text.Seeds;

/// <summary>The article a seed file holds, as the parser reads it (before person and event extraction).</summary>
/// <param name="Published">Publication date from line 1.</param>
/// <param name="Title">The headline, or a title derived from the lead sentence when line 2 names a person.</param>
/// <param name="TitleDerived">True when <see cref="Title"/> was derived from the lead rather than written in the file.</param>
/// <param name="Subject">The person line 2 names, when it names a person rather than a headline.</param>
/// <param name="Caption">The photo caption without its credit, if the file has one.</param>
/// <param name="Credit">The caption's credit (the text in its closing parentheses).</param>
/// <param name="Paragraphs">Body paragraphs in order, as written (line endings, BOM and trailing spaces cleaned; pull-quote repeats removed).</param>
/// <param name="PullQuotes">Paragraphs the file repeats verbatim later: rendered once, as a quote.</param>
public sealed record ParsedArticle(
    DateOnly Published,
    string Title,
    bool TitleDerived,
    string? Subject,
    string? Caption,
    string? Credit,
    IReadOnlyList<string> Paragraphs,
    IReadOnlyList<string> PullQuotes)
{
    /// <summary>The section label a headline started with (<c>رياضي / …</c>, <c>عام / …</c>), removed from <see cref="Title"/>.</summary>
    public string? Section { get; init; }

    /// <summary>
    /// The dateline paragraph that opens the body (<c>الرياض 26 شوال 1436 هـ الموافق 11 اغسطس 2015 م واس</c>), when
    /// there is one. It stays in <see cref="Paragraphs"/> (the body is kept as written); extractors skip it as a lead.
    /// </summary>
    public string? Dateline { get; init; }

    /// <summary>The body as Markdown-ready text: paragraphs separated by blank lines.</summary>
    public string Body => string.Join("\n\n", Paragraphs);
}

/// <summary>A seed file fully read: the article with the persons and events found in it.</summary>
public sealed record SeedArticle(
    ParsedArticle Article,
    IReadOnlyList<ExtractedPerson> Persons,
    IReadOnlyList<ExtractedEvent> Events);

/// <summary>Why a seed file cannot be imported: which file, which line (1-based; 0 for the whole file), and why.</summary>
public sealed record SeedFileError(string File, int Line, string Reason)
{
    /// <inheritdoc />
    public override string ToString() => Line > 0 ? $"{File}:{Line}: {Reason}" : $"{File}: {Reason}";
}

/// <summary>The outcome of reading one seed file: an article or an error, never an exception.</summary>
public sealed record SeedReadResult(SeedArticle? Article, SeedFileError? Error)
{
    /// <summary>True when the file was read into an article.</summary>
    public bool Succeeded => Article is not null;
}
