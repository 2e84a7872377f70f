using System.Text;

namespace NewsArchive.Web.Search;

/// <summary>A word or a quoted phrase of the query, already in its search forms.</summary>
/// <param name="Words">The words as the reader typed them (for display).</param>
/// <param name="Stems">The normalized, light-stemmed form of each word (matched against the text columns).</param>
/// <param name="Variants">For a single word: other indexed spellings of it (شويجو for شويغو), confirmed by NameKey.</param>
public sealed record SearchTerm(IReadOnlyList<string> Words, IReadOnlyList<string> Stems, IReadOnlyList<string> Variants)
{
    public bool IsPhrase => Stems.Count > 1;
}

/// <summary>
/// A parsed reader query: clauses that must all match, each a set of alternatives joined by OR,
/// and terms that must not match. Only words, "phrases", -exclusions and OR mean anything;
/// everything else the reader types is taken literally (and reduced to its words).
/// </summary>
public sealed class SearchQuery
{
    /// <summary>Longer queries are cut: nobody types 32 words, and each term costs an index lookup.</summary>
    public const int MaxTerms = 32;
    private const int MaxInputChars = 2_000;

    public IReadOnlyList<IReadOnlyList<SearchTerm>> Clauses { get; }
    public IReadOnlyList<SearchTerm> Excluded { get; }

    private SearchQuery(IReadOnlyList<IReadOnlyList<SearchTerm>> clauses, IReadOnlyList<SearchTerm> excluded)
    {
        Clauses = clauses;
        Excluded = excluded;
    }

    /// <summary>True when nothing in the query can match (empty, only punctuation, or only exclusions).</summary>
    public bool IsEmpty => Clauses.Count == 0;

    /// <summary>The same query with each term passed through <paramref name="widen"/> (to add its spelling variants).</summary>
    public SearchQuery Select(Func<SearchTerm, SearchTerm> widen) =>
        new([.. Clauses.Select(c => (IReadOnlyList<SearchTerm>)[.. c.Select(widen)])], [.. Excluded.Select(widen)]);

    /// <summary>Every term, positive and excluded.</summary>
    public IEnumerable<SearchTerm> AllTerms => PositiveTerms.Concat(Excluded);

    /// <summary>Every positive term, for highlighting.</summary>
    public IEnumerable<SearchTerm> PositiveTerms => Clauses.SelectMany(c => c);

    public static SearchQuery Parse(string? input, SearchAnalyzer analyzer)
    {
        var clauses = new List<IReadOnlyList<SearchTerm>>();
        var excluded = new List<SearchTerm>();
        if (string.IsNullOrWhiteSpace(input))
        {
            return new SearchQuery(clauses, excluded);
        }

        var text = input.Length > MaxInputChars ? input[..MaxInputChars] : input;
        var terms = 0;
        var pendingOr = false;
        foreach (var (raw, quoted, negated) in Split(text))
        {
            if (terms >= MaxTerms)
            {
                break;
            }

            if (!quoted && !negated && raw == "OR")
            {
                pendingOr = clauses.Count > 0;
                continue;
            }

            var term = analyzer.AnalyzeQueryTerm(raw);
            if (term is null)
            {
                continue;
            }

            terms++;
            if (negated)
            {
                excluded.Add(term);
                pendingOr = false;
            }
            else if (pendingOr)
            {
                clauses[^1] = [.. clauses[^1], term];
                pendingOr = false;
            }
            else
            {
                clauses.Add([term]);
            }
        }

        return new SearchQuery(clauses, excluded);
    }

    /// <summary>
    /// The FTS5 MATCH expression. Every token is double-quoted (so no reader text is ever read as
    /// FTS5 syntax) and the structure is fully parenthesized rather than left to FTS5 precedence.
    /// </summary>
    public string ToFtsMatch()
    {
        if (IsEmpty)
        {
            throw new InvalidOperationException("An empty query has no MATCH expression.");
        }

        var sb = new StringBuilder();
        for (var i = 0; i < Clauses.Count; i++)
        {
            if (i > 0)
            {
                sb.Append(" AND ");
            }

            AppendClause(sb, Clauses[i]);
        }

        if (Excluded.Count > 0)
        {
            sb.Insert(0, '(').Append(") NOT ");
            AppendClause(sb, Excluded);
        }

        return sb.ToString();
    }

    /// <summary>The MATCH expression of one term alone (to learn how common it is).</summary>
    public static string ToFtsMatch(SearchTerm term)
    {
        var sb = new StringBuilder();
        AppendTerm(sb, term);
        return sb.ToString();
    }

    /// <summary>
    /// The positive clauses restricted to the headline columns (title, subject): among matches of
    /// the whole query, those whose headline carries every clause rank first.
    /// </summary>
    public string ToHeadlineMatch()
    {
        var sb = new StringBuilder();
        for (var i = 0; i < Clauses.Count; i++)
        {
            sb.Append(i > 0 ? " AND (" : "(");
            for (var j = 0; j < Clauses[i].Count; j++)
            {
                var term = Clauses[i][j];
                sb.Append(j > 0 ? " OR {title subject} : " : "{title subject} : ");
                AppendPhrase(sb, term.Stems);
                foreach (var variant in term.Variants)
                {
                    sb.Append(" OR {title subject} : ");
                    AppendPhrase(sb, [variant]);
                }
            }

            sb.Append(')');
        }

        return sb.ToString();
    }

    private static void AppendClause(StringBuilder sb, IReadOnlyList<SearchTerm> alternatives)
    {
        sb.Append('(');
        for (var i = 0; i < alternatives.Count; i++)
        {
            if (i > 0)
            {
                sb.Append(" OR ");
            }

            AppendTerm(sb, alternatives[i]);
        }

        sb.Append(')');
    }

    private static void AppendTerm(StringBuilder sb, SearchTerm term)
    {
        // The period column holds only the date and person tokens (y2015, m201507, p12), so a term
        // without an ASCII digit can never match there and needs no column filter. With the filter
        // FTS5 copies each entry's position list, column by column, for every article it walks: a
        // fifth of the cost of walking two common words' doclists for a phrase at 1M articles.
        var filtered = term.Stems.Concat(term.Variants).Any(s => s.Any(char.IsAsciiDigit));
        sb.Append(filtered ? "({title subject caption body} : " : "(");
        if (term.Variants.Count == 0)
        {
            AppendPhrase(sb, term.Stems);
        }
        else
        {
            sb.Append('(');
            AppendPhrase(sb, term.Stems);
            foreach (var variant in term.Variants)
            {
                sb.Append(" OR ");
                AppendPhrase(sb, [variant]);
            }

            sb.Append(')');
        }

        sb.Append(')');
    }

    private static void AppendPhrase(StringBuilder sb, IReadOnlyList<string> tokens)
    {
        sb.Append('"');
        for (var i = 0; i < tokens.Count; i++)
        {
            if (i > 0)
            {
                sb.Append(' ');
            }

            sb.Append(tokens[i].Replace("\"", "\"\"", StringComparison.Ordinal));
        }

        sb.Append('"');
    }

    /// <summary>Splits the reader's text into raw terms: "quoted phrases", -negated terms and bare words.</summary>
    private static IEnumerable<(string Raw, bool Quoted, bool Negated)> Split(string text)
    {
        var i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
                continue;
            }

            var negated = false;
            if (text[i] == '-' && i + 1 < text.Length && !char.IsWhiteSpace(text[i + 1]))
            {
                negated = true;
                i++;
            }

            if (text[i] == '"')
            {
                var close = text.IndexOf('"', i + 1);
                // A lone quote opens nothing: the rest is read as plain words.
                if (close > i)
                {
                    yield return (text[(i + 1)..close], true, negated);
                    i = close + 1;
                    continue;
                }

                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] != '"')
            {
                i++;
            }

            yield return (text[start..i], false, negated);
        }
    }
}
