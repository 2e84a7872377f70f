using NewsArchive.Text.Normalization;

namespace NewsArchive.Text.Seeds;

/// <summary>A word of running text with its offsets and search form.</summary>
/// <param name="Source">The text the word stands in.</param>
/// <param name="Start">Offset of the first character.</param>
/// <param name="Length">Length in the original text.</param>
/// <param name="Norm">Search form (<see cref="ArabicNormalizer.Normalize"/>).</param>
/// <param name="BreakBefore">True when punctuation (not only spaces) stands between this word and the previous one.</param>
/// <param name="CommaBefore">True when that punctuation is a comma.</param>
internal readonly record struct Word(string Source, int Start, int Length, string Norm, bool BreakBefore, bool CommaBefore)
{
    public int End => Start + Length;

    /// <summary>The word as written (allocated on demand: most words are only ever compared by <see cref="Norm"/>).</summary>
    public string Original => Source.Substring(Start, Length);

    /// <summary>True when the word is Arabic script (not digits or Latin).</summary>
    public bool IsArabic => Norm.Length > 0 && Norm[0] >= '\u0600' && Norm[0] <= '\u06FF';
}

/// <summary>
/// Splits text into sentences and words. Private to the extractors: they need punctuation
/// between words (a name never runs across a comma), which a plain tokenizer drops.
/// </summary>
internal static class TextSpans
{
    /// <summary>Words of <paramref name="text"/>: runs of letters (with their diacritics) or of digits.</summary>
    public static List<Word> Words(string text)
    {
        var words = new List<Word>();
        var i = 0;
        var sawBreak = false;
        var sawComma = false;
        while (i < text.Length)
        {
            var c = text[i];
            if (!IsWordChar(c) || IsMark(c))
            {
                if (!char.IsWhiteSpace(c) && !IsMark(c))
                {
                    sawBreak = true;
                    sawComma |= c is '،' or ',';
                }

                i++;
                continue;
            }

            var start = i;
            var digits = char.IsDigit(c);
            i++;
            while (i < text.Length && ((IsWordChar(text[i]) && char.IsDigit(text[i]) == digits) || IsMark(text[i])))
            {
                i++;
            }

            words.Add(new Word(text, start, i - start, Fold(text.AsSpan(start, i - start)), sawBreak, sawComma));
            sawBreak = false;
            sawComma = false;
        }

        return words;
    }

    /// <summary>
    /// Sentence spans of a paragraph: a sentence ends at <c>. ! ? ؟ …</c> followed by a space or the end,
    /// or at a line break. A full stop between digits (3.5) does not end one.
    /// </summary>
    public static List<(int Start, int Length)> Sentences(string text)
    {
        var spans = new List<(int, int)>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var end = -1;
            if (c == '\n')
            {
                end = i;
            }
            else if (c is '.' or '!' or '?' or '؟' or '…')
            {
                var j = i + 1;
                while (j < text.Length && text[j] is '.' or '!' or '?' or '؟' or '…' or '"' or '»' or '”' or ')')
                {
                    j++;
                }

                if (j >= text.Length || char.IsWhiteSpace(text[j]))
                {
                    end = j;
                    i = j - 1;
                }
            }

            if (end >= 0)
            {
                Add(spans, text, start, end);
                start = end;
            }
        }

        Add(spans, text, start, text.Length);
        return spans;
    }

    private static void Add(List<(int, int)> spans, string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        if (end > start)
        {
            spans.Add((start, end - start));
        }
    }

    private static string Fold(ReadOnlySpan<char> word)
    {
        Span<char> buffer = word.Length <= 64 ? stackalloc char[word.Length] : new char[word.Length];
        var n = 0;
        foreach (var c in word)
        {
            // Plain Arabic letters fold to themselves: skip the general folding for them.
            var folded = c is >= '\u0628' and <= '\u064A' and not ('\u0629' or '\u0640' or '\u0649') ? c : ArabicNormalizer.Fold(c);
            if (folded != '\0')
            {
                buffer[n++] = folded;
            }
        }

        return new string(buffer[..n]);
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || IsMark(c);

    // Diacritics, tatweel and zero-width joiners belong to the word they sit in.
    private static bool IsMark(char c) =>
        c is (>= '\u064B' and <= '\u065F') or '\u0670' or '\u0640' or '\u200C' or '\u200D';
}
