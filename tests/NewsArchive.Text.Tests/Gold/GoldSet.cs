using System.Text.Json;
using NewsArchive.Text.Events;
using NewsArchive.Text.Normalization;
using NewsArchive.Text.Persons;
using NewsArchive.Text.Tests.Seeds;

namespace NewsArchive.Text.Tests.Gold;

/// <summary>One annotated example of the gold set (tests/NewsArchive.Text.Tests/Gold/gold.json).</summary>
public sealed record GoldExample(string Id, DateOnly Published, string Text, string[] Persons, string[] NonPersons, string[] Events, string? Limitation = null)
{
    public override string ToString() => Id;
}

/// <summary>What the extractors make of one gold example.</summary>
internal sealed record GoldOutcome(GoldExample Example, IReadOnlyList<ExtractedPerson> Persons, IReadOnlyList<ExtractedEvent> Events)
{
    public HashSet<string> PersonKeys { get; } = Persons.Select(p => Key(p.Name)).ToHashSet(StringComparer.Ordinal);

    public HashSet<string> EventKeys { get; } = Events.Select(e => e.Date.ToIso()).ToHashSet(StringComparer.Ordinal);

    public static string Key(string name) => ArabicNormalizer.Normalize(name).Replace("عبد ", "عبد", StringComparison.Ordinal).Trim();
}

internal static class GoldSet
{
    private static readonly JsonSerializerOptions Options = new() { PropertyNameCaseInsensitive = true };

    public static IReadOnlyList<GoldExample> Examples { get; } =
        JsonSerializer.Deserialize<List<GoldExample>>(File.ReadAllText(RepoFiles.PathOf("tests/NewsArchive.Text.Tests/Gold/gold.json")), Options)
        ?? throw new InvalidOperationException("gold.json is empty");

    public static GoldOutcome Run(GoldExample example)
    {
        var paragraphs = example.Text.Split("\n\n");
        var persons = PersonExtractor.Extract(paragraphs);
        var events = EventExtractor.Extract(paragraphs, example.Published, persons);
        return new GoldOutcome(example, persons, events);
    }
}
