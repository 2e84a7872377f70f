namespace NewsArchive.Text.Normalization;

/// <summary>
/// Matches the spellings papers give one foreign name (شويجو / شويغو, زيلينسكي / زيلنسكي). A coarse key finds
/// candidates cheaply (index it); <see cref="AreVariants"/> confirms a pair so that different names that
/// happen to share a key (جمال / كمال, محمود / محمد) stay apart.
/// </summary>
public static class NameKey
{
    /// <summary>
    /// The spelling-variant key of a name or word: its search form (<see cref="ArabicNormalizer"/>), and in
    /// each word: a leading ال removed; the g letters ج غ ق ك گ folded to ك, v letters ف ڤ to ف, p letters ب پ to
    /// ب, ط to ت, ص to س, ذ ظ to ز (the letters papers use for the same foreign sound); ا و ي and the bare
    /// hamza dropped after the first letter; a letter repeated after folding kept once. Words are joined by
    /// one space. Null or blank gives an empty key.
    /// </summary>
    public static string For(string? nameOrWord)
    {
        var normalized = ArabicNormalizer.Normalize(nameOrWord);
        if (normalized.Length == 0)
        {
            return string.Empty;
        }

        // Search and person lookup key every word they index: build the key in one pass without splitting.
        var buffer = normalized.Length <= 256 ? stackalloc char[normalized.Length] : new char[normalized.Length];
        var n = 0;
        var i = 0;
        while (NextWord(normalized, ref i, out var start, out var length))
        {
            if (n > 0)
            {
                buffer[n++] = ' ';
            }

            var word = normalized.AsSpan(start, length);
            if (word.Length > 3 && word.StartsWith("ال", StringComparison.Ordinal))
            {
                word = word[2..];
            }

            var last = '\0';
            for (var k = 0; k < word.Length; k++)
            {
                var c = Fold(word[k]);
                if (k > 0 && c is 'ا' or 'و' or 'ي' or 'ء')
                {
                    continue;
                }

                if (c != last)
                {
                    buffer[n++] = c;
                    last = c;
                }
            }
        }

        return new string(buffer[..n]);
    }

    /// <summary>
    /// True when <paramref name="a"/> and <paramref name="b"/> are spellings of one name: their keys are
    /// equal (<see cref="For"/>) and, word by word (a leading ال removed, search forms compared), the
    /// spellings are close (ج غ گ, ف ڤ and ب پ count as one letter): identical for words of up to four letters; at most one edit (insertion,
    /// deletion, substitution or swap of neighbours) for longer words, and for five-letter words only a
    /// substitution or swap, never an added letter (محمد / محمود); at most two edits from ten letters on.
    /// Names with a different number of words are compared with their spaces removed (عبد الله / عبدالله).
    /// </summary>
    public static bool AreVariants(string? a, string? b)
    {
        var left = ArabicNormalizer.Normalize(a);
        var right = ArabicNormalizer.Normalize(b);
        var leftKey = For(left);
        var rightKey = For(right);

        // The keys of a multi-word name and its one-word spelling differ only by spaces.
        if (leftKey.Length == 0 || leftKey != rightKey
            && leftKey.Replace(" ", "", StringComparison.Ordinal) != rightKey.Replace(" ", "", StringComparison.Ordinal))
        {
            return false;
        }

        var leftWords = Words(left);
        var rightWords = Words(right);
        if (leftWords.Count != rightWords.Count)
        {
            return CloseSpellings(string.Concat(leftWords), string.Concat(rightWords));
        }

        for (var i = 0; i < leftWords.Count; i++)
        {
            if (!CloseSpellings(WithoutArticle(leftWords[i]), WithoutArticle(rightWords[i])))
            {
                return false;
            }
        }

        return true;
    }

    private static bool CloseSpellings(string a, string b)
    {
        if (a == b)
        {
            return true;
        }

        if (a.Length == b.Length && EditDistance(a, b, 0) == 0)
        {
            return true;
        }

        var longer = Math.Max(a.Length, b.Length);
        var allowed = longer switch
        {
            <= 4 => 0,
            5 => a.Length == b.Length ? 1 : 0,
            < 10 => 1,
            _ => 2,
        };
        return allowed > 0 && EditDistance(a, b, allowed) <= allowed;
    }

    /// <summary>
    /// Optimal string alignment distance (Levenshtein plus swaps of neighbours, same-sound letters equal),
    /// computed only within <paramref name="limit"/> of the diagonal: any result above the limit is limit + 1.
    /// </summary>
    internal static int EditDistance(string a, string b, int limit)
    {
        if (Math.Abs(a.Length - b.Length) > limit)
        {
            return limit + 1;
        }

        var beyond = limit + 1;
        var width = b.Length + 1;
        var previous2 = new int[width];
        var previous = new int[width];
        var current = new int[width];
        for (var j = 0; j < width; j++)
        {
            previous[j] = Math.Min(j, beyond);
        }

        for (var i = 1; i <= a.Length; i++)
        {
            Array.Fill(current, beyond);
            current[0] = Math.Min(i, beyond);
            var rowMin = current[0];
            var from = Math.Max(1, i - limit);
            var to = Math.Min(b.Length, i + limit);
            for (var j = from; j <= to; j++)
            {
                var cost = SameSound(a[i - 1], b[j - 1]) ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, previous2[j - 2] + 1);
                }

                current[j] = Math.Min(value, beyond);
                rowMin = Math.Min(rowMin, current[j]);
            }

            if (rowMin > limit)
            {
                return beyond;
            }

            (previous2, previous, current) = (previous, current, previous2);
        }

        return previous[b.Length];
    }

    // ج غ گ, ف ڤ and ب پ are the same foreign sound (جوجل / غوغل); ك and ق also write g but are distinct
    // letters in Arabic names (جمال / كمال), so they count as an edit.
    private static bool SameSound(char x, char y) =>
        x == y || x is 'ج' or 'غ' or 'گ' && y is 'ج' or 'غ' or 'گ' || x is 'ف' or 'ڤ' or 'ڥ' && y is 'ف' or 'ڤ' or 'ڥ'
        || x is 'ب' or 'پ' && y is 'ب' or 'پ';

    private static char Fold(char c) => c switch
    {
        'ج' or 'غ' or 'ق' or 'ك' or 'گ' => 'ك',
        'ف' or 'ڤ' or 'ڥ' => 'ف',
        'ب' or 'پ' => 'ب',
        'ط' => 'ت',
        'ص' => 'س',
        'ذ' or 'ظ' => 'ز',
        _ => c,
    };

    private static string WithoutArticle(string word) =>
        word.Length > 3 && word.StartsWith("ال", StringComparison.Ordinal) ? word[2..] : word;

    private static bool IsSeparator(char c) => char.IsWhiteSpace(c) || c is '-' or '.' or '،' or ',' or '(' or ')' or '"' or '«' or '»';

    private static List<string> Words(string normalized)
    {
        var words = new List<string>();
        var i = 0;
        while (NextWord(normalized, ref i, out var start, out var length))
        {
            words.Add(normalized.Substring(start, length));
        }

        return words;
    }

    /// <summary>Finds the next word at or after <paramref name="i"/>; false when only separators remain.</summary>
    private static bool NextWord(string text, ref int i, out int start, out int length)
    {
        while (i < text.Length && IsSeparator(text[i]))
        {
            i++;
        }

        start = i;
        while (i < text.Length && !IsSeparator(text[i]))
        {
            i++;
        }

        length = i - start;
        return length > 0;
    }
}
