using System.Globalization;

namespace NewsArchive.Text.Normalization;

/// <summary>
/// A word of the original text: where it stands, how it was written, and its search form.
/// </summary>
/// <param name="Start">Offset of the word's first character in the original text.</param>
/// <param name="Length">Length of the word in the original text (diacritics and tatweel included).</param>
/// <param name="Original">The word exactly as written.</param>
/// <param name="Normalized">The word's search form (<see cref="ArabicNormalizer.Fold"/> applied, diacritics and tatweel dropped).</param>
public readonly record struct ArabicToken(int Start, int Length, string Original, string Normalized)
{
    /// <summary>Offset just past the word's last character in the original text.</summary>
    public int End => Start + Length;

    /// <summary>True when the word is a run of Arabic, Arabic-Indic or extended Arabic-Indic digits (<see cref="Normalized"/> holds them as ASCII).</summary>
    public bool IsNumber => Normalized.Length > 0 && !Normalized.AsSpan().ContainsAnyExceptInRange('0', '9');

    /// <summary>The number the word spells when <see cref="IsNumber"/>, saturated at <see cref="int.MaxValue"/>; otherwise -1.</summary>
    public int NumberValue
    {
        get
        {
            if (!IsNumber)
            {
                return -1;
            }

            long value = 0;
            foreach (var c in Normalized)
            {
                value = Math.Min(value * 10 + (c - '0'), int.MaxValue);
            }

            return (int)value;
        }
    }
}

/// <summary>
/// Splits text into words of letters or digits (Arabic and Latin), keeping each word's offsets into
/// the original text so a caller can highlight or quote the word as it was written.
/// </summary>
/// <remarks>
/// Rules: a word is a run of letters or a run of digits; a change between letters and digits ends a
/// word (<c>2014م</c> → <c>2014</c>, <c>م</c>), so numbers glued to letters stay findable. Diacritics,
/// tatweel and the zero-width joiners inside a word belong to it (they stay in
/// <see cref="ArabicToken.Original"/>) but not to its <see cref="ArabicToken.Normalized"/> form.
/// Marks that stand before any letter, punctuation, symbols, emoji and lone surrogates separate words.
/// </remarks>
public static class ArabicTokenizer
{
    /// <summary>Splits <paramref name="text"/> into words in text order. Never throws; null or empty gives no words.</summary>
    public static IReadOnlyList<ArabicToken> Tokenize(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        // News text averages a word per six characters; sizing once saves the list's regrowth copies.
        var tokens = new List<ArabicToken>(text.Length / 6 + 4);
        var i = 0;
        while (NextWord(text, ref i, out var start))
        {
            tokens.Add(Make(text, start, i - start));
        }

        return tokens;
    }

    /// <summary>
    /// Where the words of <paramref name="text"/> stand, in text order: the words of
    /// <see cref="Tokenize"/> without their strings, for a caller that folds them itself (a search
    /// snippet scans a whole article for a few words). Never throws; null or empty gives no words.
    /// </summary>
    public static List<(int Start, int Length)> WordRanges(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        var ranges = new List<(int Start, int Length)>(text.Length / 6 + 4);
        var i = 0;
        while (NextWord(text, ref i, out var start))
        {
            ranges.Add((start, i - start));
        }

        return ranges;
    }

    /// <summary>
    /// Finds the next word of <see cref="Tokenize"/> at or after <paramref name="i"/>, without a token or a list:
    /// on success the word starts at <paramref name="start"/> and <paramref name="i"/> is just past it.
    /// For callers that look at each word once (the index analyzer reads every word of every article).
    /// </summary>
    public static bool NextWord(string text, ref int i, out int start)
    {
        while (i < text.Length)
        {
            var kind = KindOf(text[i]);
            if (kind is CharKind.Separator or CharKind.Joiner)
            {
                i++;
                continue;
            }

            start = i;
            var lastBase = i;
            i++;
            while (i < text.Length)
            {
                var next = KindOf(text[i]);
                if (next == kind)
                {
                    lastBase = i;
                }
                else if (next != CharKind.Joiner)
                {
                    break;
                }

                i++;
            }

            // Joiners after the last letter (a trailing RLM, a stray tatweel before a digit) stay
            // outside unless they are diacritics or tatweel, which belong to the word they follow.
            while (i > lastBase + 1 && !BelongsToWord(text[i - 1]))
            {
                i--;
            }

            return true;
        }

        start = i;
        return false;
    }

    private static ArabicToken Make(string text, int start, int length)
    {
        var original = text.Substring(start, length);
        var changed = false;
        foreach (var c in original)
        {
            if (ArabicNormalizer.Fold(c) != c)
            {
                changed = true;
                break;
            }
        }

        if (!changed)
        {
            // Most words are already in search form: share the one string instead of copying it.
            return new ArabicToken(start, length, original, original);
        }

        Span<char> buffer = length <= 128 ? stackalloc char[length] : new char[length];
        var n = ArabicNormalizer.FoldInto(original, buffer);
        return new ArabicToken(start, length, original, new string(buffer[..n]));
    }

    private enum CharKind
    {
        Separator,
        Letter,
        Digit,
        Joiner,
    }

    // One lookup per character instead of a Unicode category query: the importer tokenizes every article.
    private static readonly CharKind[] Kinds = BuildKinds();

    private static CharKind KindOf(char c) => Kinds[c];

    private static CharKind[] BuildKinds()
    {
        var kinds = new CharKind[char.MaxValue + 1];
        for (var i = 0; i <= char.MaxValue; i++)
        {
            var c = (char)i;
            kinds[i] = c switch
            {
                '\u0640' or '\u200C' or '\u200D' or '\u00AD' => CharKind.Joiner,
                _ => CharUnicodeInfo.GetUnicodeCategory(c) switch
                {
                    UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                        or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter => CharKind.Letter,
                    UnicodeCategory.DecimalDigitNumber => CharKind.Digit,
                    UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark => CharKind.Joiner,
                    _ => CharKind.Separator,
                },
            };
        }

        return kinds;
    }

    private static bool BelongsToWord(char c) => c == '\u0640' || KindOf(c) == CharKind.Joiner && c is not ('\u200C' or '\u200D' or '\u00AD');
}
