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
        throw new NotImplementedException("language engine: SeedFileReader.Read");
    }
}
