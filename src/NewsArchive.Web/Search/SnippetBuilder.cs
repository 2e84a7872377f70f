using System.Text;
using System.Net;

namespace NewsArchive.Web.Search;

/// <summary>
/// Shows the reader the ORIGINAL text around the matches: words are matched by their search forms
/// (stem or confirmed spelling variant, as the index matched them) and mapped back to their original offsets, so
/// hamzas and diacritics stay as written; everything outside <c>&lt;mark&gt;</c> is HTML-encoded.
/// </summary>
public sealed class SnippetBuilder
{
    private const int WindowWords = 28;

    /// <summary>A window of <paramref name="text"/> with the most matches, as HTML; null when nothing in it matches.</summary>
    public string? Snippet(string? text, SearchQuery query)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var words = SearchAnalyzer.MarkedWords(text, Forms(query));
        var best = -1;
        var bestCount = 0;
        var count = 0;
        for (var i = 0; i < words.Count; i++)
        {
            count += words[i].IsMatch ? 1 : 0;
            if (i >= WindowWords)
            {
                count -= words[i - WindowWords].IsMatch ? 1 : 0;
            }

            if (count > bestCount)
            {
                bestCount = count;
                best = i;
            }
        }

        if (best < 0)
        {
            return null;
        }

        // Centre the window on the first hit in the best stretch rather than ending on the last one.
        var firstHit = Math.Max(0, best - WindowWords + 1);
        while (!words[firstHit].IsMatch)
        {
            firstHit++;
        }

        var first = Math.Max(0, firstHit - WindowWords / 3);
        var last = Math.Min(words.Count - 1, first + WindowWords - 1);
        return Render(text, words, first, last);
    }

    /// <summary>The lead of <paramref name="text"/> when no match is in it (a title-only match).</summary>
    public static string Lead(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var cut = text.Length <= 220 ? text.Length : Math.Max(text.LastIndexOf(' ', 220), 120);
        return Encode(text[..cut]) + (cut < text.Length ? "…" : string.Empty);
    }

    /// <summary>The whole of <paramref name="text"/> (a title) with its matches marked.</summary>
    public string Highlight(string text, SearchQuery query)
    {
        var words = SearchAnalyzer.MarkedWords(text, Forms(query));
        return words.Count == 0 ? Encode(text) : Render(text, words, 0, words.Count - 1, wholeText: true);
    }

    // WebUtility leaves Arabic as it is (only markup characters become entities), so the page
    // carries the original words, not numeric references.
    private static string Encode(string s) => WebUtility.HtmlEncode(s);

    /// <summary>The stems the index matched for the query's positive terms, spelling variants included.</summary>
    private static HashSet<string> Forms(SearchQuery query)
    {
        var stems = new HashSet<string>(StringComparer.Ordinal);
        foreach (var term in query.PositiveTerms)
        {
            stems.UnionWith(term.Stems);
            stems.UnionWith(term.Variants);
        }

        return stems;
    }

    private static string Render(string text, List<MarkedWord> words, int first, int last, bool wholeText = false)
    {
        var start = wholeText ? 0 : words[first].Start;
        var end = wholeText ? text.Length : words[last].Start + words[last].Length;
        var sb = new StringBuilder();
        if (start > 0)
        {
            sb.Append('…');
        }

        var pos = start;
        for (var i = first; i <= last; i++)
        {
            if (!words[i].IsMatch)
            {
                continue;
            }

            var w = words[i];
            sb.Append(Encode(text[pos..w.Start]));
            sb.Append("<mark>").Append(Encode(text.Substring(w.Start, w.Length))).Append("</mark>");
            pos = w.Start + w.Length;
        }

        sb.Append(Encode(text[pos..end]));
        if (end < text.Length)
        {
            sb.Append('…');
        }

        return sb.ToString();
    }
}
