using NewsArchive.Text.Events;
using NewsArchive.Text.Persons;

namespace NewsArchive.Text.Seeds;

/// <summary>
/// Reads a seed file end to end: decodes and parses it, then extracts its persons and events.
/// This is the one entry point the importer uses.
/// </summary>
public static class SeedFileReader
{
    /// <summary>Reads a seed file's bytes. Never throws for bad content: returns an error naming file, line and reason.</summary>
    public static SeedReadResult Read(string fileName, ReadOnlySpan<byte> content)
    {
        var parsed = SeedFileParser.Parse(fileName, content);
        if (parsed.Article is not { } article)
        {
            return new SeedReadResult(null, parsed.Error ?? new SeedFileError(fileName ?? string.Empty, 0, "the file could not be read"));
        }

        var persons = PersonExtractor.Extract(article);
        var events = EventExtractor.Extract(article, persons);
        return new SeedReadResult(new SeedArticle(article, persons, events), null);
    }
}
