using System.Globalization;
using System.Text;

namespace NewsArchive.Web.Pages;

/// <summary>The archive's URLs, built in one place so pages, search and the API link alike.</summary>
public static class Links
{
    private const int SlugMaxLength = 60;

    public static string Article(int id, string title) => $"/articles/{id}/{Uri.EscapeDataString(Slug(title))}";

    public static string Person(int id, string name) => $"/people/{id}/{Uri.EscapeDataString(Slug(name))}";

    public static string Archive(int year, int? month = null, int? day = null) =>
        day is not null ? $"/archive/{year}/{month}/{day}" : month is not null ? $"/archive/{year}/{month}" : $"/archive/{year}";

    /// <summary>
    /// A readable URL segment from a title: letters and digits kept (Arabic included), diacritics
    /// and tatweel dropped, everything else a single '-'.
    /// </summary>
    public static string Slug(string? text)
    {
        var sb = new StringBuilder(Math.Min(text?.Length ?? 0, SlugMaxLength));
        foreach (var c in text ?? "")
        {
            if (sb.Length >= SlugMaxLength)
            {
                break;
            }

            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.Format || c == '\u0640')
            {
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                sb.Append(char.ToLowerInvariant(c));
            }
            else if (sb.Length > 0 && sb[^1] != '-')
            {
                sb.Append('-');
            }
        }

        return sb.ToString().TrimEnd('-');
    }
}
