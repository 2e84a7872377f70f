namespace NewsArchive.Text.Dates;

/// <summary>
/// Reads Arabic dates: the publication date on a seed file's first line, and the date
/// expressions inside an article's text.
/// </summary>
public static class ArabicDateParser
{
    /// <summary>
    /// Parses a publication date line: <c>26-يونيو-2024</c>, <c>2024-06-26</c>, <c>26/06/2024</c>,
    /// <c>26 حزيران 2024</c>, Arabic-Indic digits, dual month names, Hijri dates.
    /// Never throws: returns false with a reason a person can act on.
    /// </summary>
    public static bool TryParsePublicationDate(string? line, out DateOnly date, out string error)
    {
        throw new NotImplementedException("language engine: ArabicDateParser.TryParsePublicationDate");
    }

    /// <summary>
    /// Finds the date expressions in <paramref name="text"/> (explicit, month without year,
    /// relative), each resolved against <paramref name="articleDate"/>, in text order.
    /// </summary>
    public static IReadOnlyList<DateMention> FindDates(string? text, DateOnly articleDate)
    {
        throw new NotImplementedException("language engine: ArabicDateParser.FindDates");
    }
}
