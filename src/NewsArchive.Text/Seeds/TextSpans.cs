using System.Collections.Frozen;
using NewsArchive.Text.Normalization;

namespace NewsArchive.Text.Seeds;

/// <summary>A word of running text with its offsets and search form.</summary>
/// <param name="Source">The text the word stands in.</param>
/// <param name="Start">Offset of the first character.</param>
/// <param name="Length">Length in the original text.</param>
/// <param name="Forms">The search forms of all the words of <paramref name="Source"/>, side by side.</param>
/// <param name="FormStart">Where this word's search form starts in <paramref name="Forms"/>.</param>
/// <param name="FormLength">Length of this word's search form.</param>
/// <param name="BreakBefore">True when punctuation (not only spaces) stands between this word and the previous one.</param>
/// <param name="CommaBefore">True when that punctuation is a comma.</param>
internal readonly record struct Word(string Source, int Start, int Length, char[] Forms, int FormStart, int FormLength, bool BreakBefore, bool CommaBefore)
{
    public int End => Start + Length;

    /// <summary>
    /// Search form (<see cref="ArabicNormalizer.Normalize"/>), without a string of its own: most words are
    /// only looked up in a word list or compared. Compare it with <c>is "…"</c> or SequenceEqual, never
    /// <c>==</c> (which compares where two spans point, not what they hold).
    /// </summary>
    public ReadOnlySpan<char> Norm => Forms.AsSpan(FormStart, FormLength);

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
    public static List<Word> Words(string text) => Words(text, 0, text.Length);

    /// <summary>
    /// Words of the part of <paramref name="text"/> at <paramref name="from"/>, <paramref name="length"/> characters
    /// long (a sentence of a paragraph), as <see cref="Words(string)"/> splits that part; their offsets are into <paramref name="text"/>.
    /// </summary>
    public static List<Word> Words(string text, int from, int length)
    {
        // News text averages a word per six characters; sizing once saves the list's regrowth copies.
        var words = new List<Word>(length / 6 + 4);
        // One buffer holds every word's search form: folding never lengthens.
        var forms = new char[length];
        var part = text.AsSpan(0, from + length);
        var n = 0;
        var i = from;
        while (NextWord(part, ref i, out var start, out var breakBefore, out var commaBefore))
        {
            var formLength = FoldInto(part[start..i], forms.AsSpan(n)).Length;
            words.Add(new Word(text, start, i - start, forms, n, formLength, breakBefore, commaBefore));
            n += formLength;
        }

        return words;
    }

    /// <summary>
    /// Finds the next word of <see cref="Words(string)"/> at or after <paramref name="i"/>, without its string;
    /// on success <paramref name="i"/> is just past it. For scans that only look at each word once.
    /// </summary>
    public static bool NextWord(ReadOnlySpan<char> text, ref int i, out int start, out bool breakBefore, out bool commaBefore)
    {
        breakBefore = false;
        commaBefore = false;
        while (i < text.Length)
        {
            var c = text[i];
            var kind = Kinds[c];
            if ((kind & CharKind.Word) == 0 || (kind & CharKind.Mark) != 0)
            {
                if ((kind & (CharKind.Space | CharKind.Mark)) == 0)
                {
                    breakBefore = true;
                    commaBefore |= c is '،' or ',';
                }

                i++;
                continue;
            }

            start = i;
            var digits = kind & CharKind.Digit;
            i++;
            while (i < text.Length && Kinds[text[i]] is var next
                && (((next & CharKind.Word) != 0 && (next & CharKind.Digit) == digits) || (next & CharKind.Mark) != 0))
            {
                i++;
            }

            return true;
        }

        start = i;
        return false;
    }

    /// <summary>
    /// The search form of one word (its <see cref="Word.Norm"/>) written into <paramref name="buffer"/>,
    /// or into a new array when the word is longer than the buffer (folding never lengthens).
    /// </summary>
    public static ReadOnlySpan<char> FoldInto(ReadOnlySpan<char> word, Span<char> buffer)
    {
        if (buffer.Length < word.Length)
        {
            buffer = new char[word.Length];
        }

        return buffer[..ArabicNormalizer.FoldInto(word, buffer)];
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

    [Flags]
    private enum CharKind : byte
    {
        None = 0,
        Word = 1,
        Mark = 2,
        Digit = 4,
        Space = 8,
    }

    // One lookup per character instead of Unicode category queries: every paragraph is scanned several times.
    private static readonly CharKind[] Kinds = BuildKinds();

    private static CharKind[] BuildKinds()
    {
        var kinds = new CharKind[char.MaxValue + 1];
        for (var i = 0; i <= char.MaxValue; i++)
        {
            var c = (char)i;
            var mark = IsMark(c);
            kinds[i] = (char.IsLetterOrDigit(c) || mark ? CharKind.Word : CharKind.None)
                | (mark ? CharKind.Mark : CharKind.None)
                | (char.IsDigit(c) ? CharKind.Digit : CharKind.None)
                | (char.IsWhiteSpace(c) ? CharKind.Space : CharKind.None);
        }

        return kinds;
    }

    // Diacritics, tatweel and zero-width joiners belong to the word they sit in.
    private static bool IsMark(char c) =>
        c is (>= '\u064B' and <= '\u065F') or '\u0670' or '\u0640' or '\u200C' or '\u200D';
}

/// <summary>Word lists looked up by a word's search form as a span (<see cref="Word.Norm"/>).</summary>
internal static class WordSetExtensions
{
    /// <summary>True when <paramref name="set"/> (built with the ordinal comparer) holds <paramref name="word"/>.</summary>
    public static bool Contains(this FrozenSet<string> set, ReadOnlySpan<char> word) => set.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);
}
