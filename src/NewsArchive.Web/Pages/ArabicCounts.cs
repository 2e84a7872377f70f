using System.Globalization;

namespace NewsArchive.Web.Pages;

/// <summary>Counted nouns the way Arabic counts them (dual, plural up to ten, singular after).</summary>
public static class ArabicCounts
{
    public static string Times(int n) => Count(n, "مرة واحدة", "مرتان", "مرات", "مرة");

    public static string Articles(int n) => Count(n, "مقال واحد", "مقالان", "مقالات", "مقالًا");

    private static string Count(int n, string one, string two, string few, string many) => n switch
    {
        1 => one,
        2 => two,
        >= 3 and <= 10 => string.Create(CultureInfo.InvariantCulture, $"{n} {few}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{n} {many}"),
    };
}
