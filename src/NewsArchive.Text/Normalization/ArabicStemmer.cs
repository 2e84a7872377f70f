using System.Collections.Frozen;

namespace NewsArchive.Text.Normalization;

/// <summary>
/// A light stemmer for search: Larkey's light10, as in Lucene's ArabicStemmer, with guards for
/// names and for frequent words whose first و belongs to the root.
/// Input is a word already in search form (<see cref="ArabicNormalizer.Normalize"/>, so ة is ه).
/// </summary>
/// <remarks>
/// light10 removes at most one prefix, the first that matches of ال وال بال كال فال لل و, keeping at least
/// two letters (three after the one-letter و); then tries each suffix of ها ان ات ون ين يه ية ه ة ي in that
/// order, removing every one that matches while at least two letters remain.
/// </remarks>
public static class ArabicStemmer
{
    private static readonly string[] Prefixes = ["ال", "وال", "بال", "كال", "فال", "لل", "و"];

    // Lucene's list as written; ية and ة only match text that skipped normalization.
    private static readonly string[] Suffixes = ["ها", "ان", "ات", "ون", "ين", "يه", "ية", "ه", "ة", "ي"];

    /// <summary>
    /// Stems whose first و is part of the root, among the most frequent words of news text: light10 would
    /// read it as "and" (وزير → زير, واشنطن → اشنطن, وطني → طني). A word made of one of these stems and at most
    /// one light10 suffix keeps its و: وزير وزيرة وزراء وزارة وزارات ولاية ولايات وطن وطني وطنية وكالة وكالات
    /// وقت وضع وصول وفد وفاة وثيقة وثائق وظيفة وظائف واشنطن وادي واقع وسط وسائل وجود وجه ورقة وحدة وحدات
    /// وقف وعد وفق وفقاً وقود وعي. (Three-letter words such as ولد are safe anyway: light10 needs four letters to drop و.)
    /// </summary>
    public static IReadOnlySet<string> RootWawStems { get; } = FrozenSet.ToFrozenSet(
        ["وزير", "وزراء", "وزار", "ولاي", "وطن", "وكال", "وقت", "وضع", "وصول", "وفد", "وفا", "وثيق", "وظيف", "وظاءف",
         "وثاءق", "واشنطن", "وادي", "واقع", "وسط", "وساءل", "وجود", "وجه", "ورق", "وحد", "وقف", "وعد", "وفق", "وفقا",
         "وقود", "وعي"],
        StringComparer.Ordinal);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> RootWawBySpan =
        ((FrozenSet<string>)RootWawStems).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Stems a word in search form with light10 and the root-و guard. Null gives an empty string.</summary>
    public static string Stem(string? normalizedWord) => Stem(normalizedWord, null);

    /// <summary>
    /// Stems a word in search form; a protected name loses only the clitics glued before it, never a suffix.
    /// </summary>
    /// <param name="normalizedWord">A word in search form.</param>
    /// <param name="isProtectedName">
    /// Tells whether a word is a name to protect (a person's name in search form). It is asked about the
    /// word itself, then about each reading with clitic prefixes removed, shortest removal first
    /// (see <see cref="StripPrefixes(string?, Func{string, bool}?)"/>); the first reading it protects is
    /// the stem. So بوتين stays بوتين, and وبيلوسوف, لبيلوسوف and فلبيلوسوف become بيلوسوف.
    /// </param>
    public static string Stem(string? normalizedWord, Func<string, bool>? isProtectedName)
    {
        if (string.IsNullOrEmpty(normalizedWord))
        {
            return string.Empty;
        }

        if (isProtectedName is not null && TryProtected(normalizedWord, isProtectedName, out var name))
        {
            return name;
        }

        var stem = Stem(normalizedWord.AsSpan());
        return stem.Length == normalizedWord.Length ? normalizedWord : new string(stem);
    }

    /// <summary>
    /// Stems a word in search form with light10 and the root-و guard, without a string: the stem is
    /// a slice of <paramref name="normalizedWord"/> (light10 only cuts affixes). For callers that stem
    /// every word of a text.
    /// </summary>
    public static ReadOnlySpan<char> Stem(ReadOnlySpan<char> normalizedWord)
    {
        var word = normalizedWord;
        if (!KeepsRootWaw(word))
        {
            word = word[LightPrefixLength(word)..];
        }

        foreach (var suffix in Suffixes)
        {
            // The last letter first: every word of every article is stemmed, and most end in none of these.
            if (word.Length >= suffix.Length + 2 && word[^1] == suffix[^1] && word.EndsWith(suffix, StringComparison.Ordinal))
            {
                word = word[..^suffix.Length];
            }
        }

        return word;
    }

    /// <summary>
    /// Removes the prefix light10 removes (the first of ال وال بال كال فال لل و that leaves enough letters),
    /// unless the word's و belongs to its root (<see cref="RootWawStems"/>). Suffixes stay.
    /// </summary>
    public static string StripPrefixes(string? normalizedWord) => StripPrefixes(normalizedWord, null);

    /// <summary>
    /// Removes the clitic prefixes glued to a word. With <paramref name="isProtectedName"/>, every reading
    /// of the word as conjunction (و ف) + preposition (ب ك ل) + article (ال, or ل after ل as in للرئيس) + rest is
    /// tried, shortest removal first and keeping at least two letters, and the first rest the predicate
    /// protects is returned (وبيلوسوف → بيلوسوف); when none is protected, or without a predicate, the light10
    /// prefix rule applies.
    /// </summary>
    public static string StripPrefixes(string? normalizedWord, Func<string, bool>? isProtectedName)
    {
        if (string.IsNullOrEmpty(normalizedWord))
        {
            return string.Empty;
        }

        if (isProtectedName is not null && TryProtected(normalizedWord, isProtectedName, out var name))
        {
            return name;
        }

        var length = KeepsRootWaw(normalizedWord) ? 0 : LightPrefixLength(normalizedWord);
        return length == 0 ? normalizedWord : normalizedWord[length..];
    }

    private static bool TryProtected(string word, Func<string, bool> isProtectedName, out string name)
    {
        if (isProtectedName(word))
        {
            name = word;
            return true;
        }

        // Removal lengths 1 to 5 cover every clitic chain: و + ب + ال = 4 letters, و + ل + ل = 3.
        Span<bool> tried = stackalloc bool[6];
        for (var length = 1; length <= 5 && word.Length - length >= 2; length++)
        {
            if (!tried[length] && IsCliticChain(word.AsSpan(0, length)))
            {
                tried[length] = true;
                var rest = word[length..];
                if (isProtectedName(rest))
                {
                    name = rest;
                    return true;
                }
            }
        }

        name = word;
        return false;
    }

    // (و|ف)? (ب|ك|ل)? (ال)?  — or ل + ل where the article's alef is dropped after ل (للرئيس).
    private static bool IsCliticChain(ReadOnlySpan<char> prefix)
    {
        if (prefix.Length > 0 && prefix[0] is 'و' or 'ف')
        {
            prefix = prefix[1..];
        }

        if (prefix is "لل")
        {
            return true;
        }

        if (prefix.Length > 0 && prefix[0] is 'ب' or 'ك' or 'ل')
        {
            prefix = prefix[1..];
        }

        return prefix is "" or "ال";
    }

    private static int LightPrefixLength(ReadOnlySpan<char> word)
    {
        foreach (var prefix in Prefixes)
        {
            var minimum = prefix.Length == 1 ? 4 : prefix.Length + 2;
            if (word.Length >= minimum && word[0] == prefix[0] && word.StartsWith(prefix, StringComparison.Ordinal))
            {
                return prefix.Length;
            }
        }

        return 0;
    }

    private static bool KeepsRootWaw(ReadOnlySpan<char> word)
    {
        if (word.Length < 3 || word[0] != 'و')
        {
            return false;
        }

        if (RootWawBySpan.Contains(word))
        {
            return true;
        }

        foreach (var suffix in Suffixes)
        {
            if (word.Length > suffix.Length && word.EndsWith(suffix, StringComparison.Ordinal)
                && RootWawBySpan.Contains(word[..^suffix.Length]))
            {
                return true;
            }
        }

        return false;
    }
}
