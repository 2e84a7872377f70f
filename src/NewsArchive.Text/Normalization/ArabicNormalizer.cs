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

        var firstChange = 0;
        while (firstChange < text.Length && Fold(text[firstChange]) == text[firstChange])
        {
            firstChange++;
        }

        if (firstChange == text.Length)
        {
            // Already in search form: the importer normalizes millions of words, most of them unchanged.
            return text;
        }

        var buffer = text.Length <= 256 ? stackalloc char[text.Length] : new char[text.Length];
        text.AsSpan(0, firstChange).CopyTo(buffer);
        var n = firstChange + FoldInto(text.AsSpan(firstChange), buffer[firstChange..]);
        return new string(buffer[..n]);
    }

    /// <summary>
    /// Writes the search form of <paramref name="text"/> into <paramref name="destination"/> (at
    /// least as long as <paramref name="text"/>: folding never lengthens) and returns how many
    /// characters it wrote. For callers that fold many words without a string each.
    /// </summary>
    public static int FoldInto(ReadOnlySpan<char> text, Span<char> destination)
    {
        var n = 0;
        foreach (var c in text)
        {
            var folded = Fold(c);
            if (folded != '\0')
            {
                destination[n++] = folded;
            }
        }

        return n;
    }

    /// <summary>
    /// Folds one character: returns the character it stands for in the search form, or '\0' when
    /// the character carries no meaning for matching (diacritics, tatweel, invisible marks).
    /// </summary>
    public static char Fold(char c) => Folds[c];

    // One lookup per character instead of the switch below: every word of every article is folded, some several times.
    private static readonly char[] Folds = BuildFolds();

    private static char[] BuildFolds()
    {
        var folds = new char[char.MaxValue + 1];
        for (var i = 0; i <= char.MaxValue; i++)
        {
            folds[i] = FoldSlow((char)i);
        }

        return folds;
    }

    private static char FoldSlow(char c)
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
            case < '\u0080':
                return c is >= 'A' and <= 'Z' ? (char)(c | 0x20) : c;
            // The rest of the Arabic block has no case.
            case >= '\u0600' and <= '\u06FF':
                return c;
            default:
                return char.ToLowerInvariant(c);
        }
    }
}
