using System.Globalization;
using System.Text;

namespace NewsArchive.Text.Normalization;

/// <summary>
/// Folds Arabic text into its search form: the form under which the same word written with or
/// without diacritics, with different hamza seats, or with Arabic-Indic digits compares equal.
/// The original text is never replaced; this form is only for indexing and matching.
/// </summary>
public static class ArabicNormalizer
{
    /// <summary>Returns the search form of <paramref name="text"/>; word boundaries and punctuation are kept.</summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            var folded = Fold(c);
            if (folded != '\0')
            {
                sb.Append(folded);
            }
        }

        return sb.ToString();
    }

    /// <summary>
    /// Folds one character: returns the character it stands for in the search form, or '\0' when
    /// the character carries no meaning for matching (diacritics, tatweel, invisible marks).
    /// </summary>
    public static char Fold(char c)
    {
        switch (c)
        {
            case >= '\u064B' and <= '\u065F':
            case '\u0670':
            case '\u0640':
            case '\u200B' or '\u200C' or '\u200D' or '\u200E' or '\u200F':
            case '\u202A' or '\u202B' or '\u202C' or '\u202D' or '\u202E':
            case '\u2066' or '\u2067' or '\u2068' or '\u2069':
            case '\uFEFF' or '\u00AD':
                return '\0';
            case 'أ' or 'إ' or 'آ' or 'ٱ' or 'ٲ' or 'ٳ':
                return 'ا';
            case 'ى' or 'ی':
                return 'ي';
            case 'ة':
                return 'ه';
            // Papers seat the same hamza differently (مسؤول / مسئول): fold every seat to the bare hamza.
            case 'ؤ' or 'ئ':
                return 'ء';
            case 'ک':
                return 'ك';
            case >= '\u0660' and <= '\u0669':
                return (char)('0' + (c - '\u0660'));
            case >= '\u06F0' and <= '\u06F9':
                return (char)('0' + (c - '\u06F0'));
            case '\u00A0' or '\u2007' or '\u202F':
                return ' ';
            default:
                return c < 128 ? char.ToLowerInvariant(c) : char.ToLower(c, CultureInfo.InvariantCulture);
        }
    }
}
