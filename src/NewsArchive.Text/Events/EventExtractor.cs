using System.Collections.Frozen;
using NewsArchive.Text.Dates;
using NewsArchive.Text.Normalization;
using NewsArchive.Text.Persons;
using NewsArchive.Text.Seeds;

namespace NewsArchive.Text.Events;

/// <summary>
/// Finds the dated statements of an article. Sentences are cut into clauses (at commas and
/// semicolons, and before relative pronouns and <c>بينما</c>/<c>فيما</c>/<c>حيث</c>); a clause that
/// holds a date expression is an event dated by it. The lead sentence, when its main clause has no
/// date of its own, is the article's own event on its publication date. An article that states the
/// same thing on the same date twice keeps it once.
/// </summary>
public static class EventExtractor
{
    private const int MinClauseWords = 3;

    /// <summary>Extracts the events of <paramref name="article"/>, naming in each the <paramref name="persons"/> its clause mentions.</summary>
    public static IReadOnlyList<ExtractedEvent> Extract(ParsedArticle article, IReadOnlyList<ExtractedPerson> persons)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(persons);
        // The dateline states the publication date, not an event; the lead is the paragraph after it.
        var paragraphs = article.Dateline is null ? article.Paragraphs : article.Paragraphs.Skip(1).ToList();
        return Extract(paragraphs, article.Published, persons);
    }

    /// <summary>Extracts the events of <paramref name="paragraphs"/> published on <paramref name="published"/>. Never throws.</summary>
    public static IReadOnlyList<ExtractedEvent> Extract(IReadOnlyList<string> paragraphs, DateOnly published, IReadOnlyList<ExtractedPerson> persons)
    {
        ArgumentNullException.ThrowIfNull(paragraphs);
        ArgumentNullException.ThrowIfNull(persons);
        var events = new List<ExtractedEvent>();
        var seen = new List<(PartialDate Date, HashSet<string> Words, string Key)>();
        // Each person's forms are split once, not once per clause they are looked for in.
        var forms = new string[persons.Count][][];
        for (var p = 0; p < persons.Count; p++)
        {
            forms[p] = PersonExtractor.FormsOf(persons[p]);
        }

        var named = new NamedPersons(persons, forms);
        var lead = true;
        foreach (var paragraph in paragraphs)
        {
            if (string.IsNullOrWhiteSpace(paragraph))
            {
                continue;
            }

            // One date search per paragraph; each mention then goes to the sentence it stands in.
            var paragraphDates = ArabicDateParser.FindDates(paragraph, published);
            foreach (var (start, length) in TextSpans.Sentences(paragraph))
            {
                if (!lead && paragraphDates.Count == 0)
                {
                    continue;
                }

                var sentence = paragraph.Substring(start, length);
                var dates = new List<DateMention>();
                foreach (var d in paragraphDates)
                {
                    if (d.Start >= start && d.Start < start + length)
                    {
                        dates.Add(d with { Start = d.Start - start, Length = Math.Min(d.Length, start + length - d.Start) });
                    }
                }

                if (!lead && dates.Count == 0)
                {
                    continue;
                }

                var clauses = Clauses(sentence);
                if (lead)
                {
                    lead = false;
                    AddLeadEvent(sentence, clauses, dates, published, named, events, seen);
                }

                foreach (var (date, text, core) in DatedClauses(sentence, clauses, dates))
                {
                    Add(events, seen, date, text, core, named, isArticleEvent: false);
                }
            }
        }

        return events;
    }

    private static void AddLeadEvent(
        string sentence,
        List<(int Start, int End)> clauses,
        IReadOnlyList<DateMention> dates,
        DateOnly published,
        NamedPersons persons,
        List<ExtractedEvent> events,
        List<(PartialDate, HashSet<string>, string)> seen)
    {
        if (clauses.Count == 0)
        {
            return;
        }

        // The lead reports something that happened on publication day unless its main clause dates it to an
        // earlier day or week (أمس، الأربعاء الماضي). A year, a month or a future day in it dates something else.
        var main = clauses[0];
        if (dates.Any(d => d.Start < main.End && d.Start + d.Length > main.Start
            && d.Date.Precision is DatePrecision.Day or DatePrecision.Week && d.Date.Start <= published))
        {
            return;
        }

        // «اليوم (الاثنين)» in the lead already dates it on the publication day: that clause is the article's event.
        if (dates.Any(d => d.Date.Precision == DatePrecision.Day && d.Date.Start == published))
        {
            return;
        }

        var end = main.End;
        for (var k = 1; k < clauses.Count && WordCount(sentence, main.Start, end) < MinClauseWords + 1; k++)
        {
            end = clauses[k].End;
        }

        var text = Clean(sentence.AsSpan(main.Start, end - main.Start));
        if (text.Length > 0)
        {
            Add(events, seen, PartialDate.OfDay(published), text, text, persons, isArticleEvent: true);
        }
    }

    private static IEnumerable<(PartialDate Date, string Text, string Core)> DatedClauses(string sentence, List<(int Start, int End)> clauses, IReadOnlyList<DateMention> dates)
    {
        if (dates.Count == 0)
        {
            yield break;
        }

        for (var c = 0; c < clauses.Count; c++)
        {
            var (start, end) = clauses[c];
            var inClause = dates.Where(d => d.Start >= start && d.Start < end).OrderBy(d => d.Start).ToList();
            if (inClause.Count == 0)
            {
                continue;
            }

            // A date that runs past the clause end (rare) keeps its whole expression.
            end = Math.Max(end, inClause.Max(d => Math.Min(d.Start + d.Length, sentence.Length)));
            var segmentStart = start;
            for (var k = 0; k < inClause.Count; k++)
            {
                var segmentEnd = k + 1 < inClause.Count ? SplitBetween(sentence, inClause[k], inClause[k + 1]) : end;
                var (from, to) = (segmentStart, Math.Max(segmentStart, segmentEnd));
                var core = sentence[from..to];
                if (ContentWords(sentence, from, to, inClause[k]) < MinClauseWords)
                {
                    // «، اليوم (الاثنين)،»: a clause that is little more than its date borrows its neighbours.
                    from = c > 0 ? clauses[c - 1].Start : from;
                    to = c + 1 < clauses.Count && k + 1 == inClause.Count ? clauses[c + 1].End : to;
                }

                var text = Clean(sentence.AsSpan(from, to - from));
                if (text.Length > 0)
                {
                    yield return (inClause[k].Date, text, core);
                }

                segmentStart = Math.Max(segmentStart, segmentEnd);
            }
        }
    }

    // Between two dates in one clause: cut before the last of بعد، قبل، منذ… between them, else right after the first date.
    private static int SplitBetween(string sentence, DateMention first, DateMention second)
    {
        var from = Math.Min(first.Start + first.Length, sentence.Length);
        var to = second.Start;
        if (to <= from)
        {
            // Overlapping or touching expressions: cut right after the first.
            return from;
        }

        var cut = from;
        var between = sentence.AsSpan(from, to - from);
        Span<char> buffer = stackalloc char[64];
        var i = 0;
        while (TextSpans.NextWord(between, ref i, out var start, out _, out _))
        {
            var norm = TextSpans.FoldInto(between[start..i], buffer);
            if (SplitWords.Contains(norm) || (norm.Length > 3 && norm[0] == 'و' && SplitWords.Contains(norm[1..])))
            {
                cut = from + start;
            }
        }

        return cut;
    }

    // Looked up by span: the clause scans build no string per word.
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> SplitWords = FrozenSet.ToFrozenSet(
        ["بعد", "قبل", "منذ", "حتى", "ثم", "عقب", "اثر", "خلال", "بينما", "فيما", "حين", "عندما"],
        StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ClauseStarters = FrozenSet.ToFrozenSet(
        ["التي", "الذي", "الذين", "اللذين", "اللتين", "اللواتي", "اللاتي", "بينما", "فيما", "حيث", "وبينما", "وفيما", "وحيث"],
        StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Clause spans of a sentence.</summary>
    internal static List<(int Start, int End)> Clauses(string sentence)
    {
        var cuts = new List<int> { 0 };
        var quoteDepth = 0;
        for (var i = 0; i < sentence.Length; i++)
        {
            var c = sentence[i];
            if (c is '«' or '“')
            {
                quoteDepth++;
            }
            else if (c is '»' or '”')
            {
                quoteDepth = Math.Max(0, quoteDepth - 1);
            }
            else if (c is '،' or ',' or '؛' or ';' && quoteDepth == 0 && !(c == ',' && i > 0 && i + 1 < sentence.Length && char.IsDigit(sentence[i - 1]) && char.IsDigit(sentence[i + 1])))
            {
                cuts.Add(i + 1);
            }
        }

        Span<char> buffer = stackalloc char[64];
        var at = 0;
        while (TextSpans.NextWord(sentence, ref at, out var start, out _, out _))
        {
            if (start > 0 && ClauseStarters.Contains(TextSpans.FoldInto(sentence.AsSpan(start, at - start), buffer)))
            {
                cuts.Add(start);
            }
        }

        cuts.Add(sentence.Length);
        cuts.Sort();
        var clauses = new List<(int, int)>();
        for (var k = 0; k + 1 < cuts.Count; k++)
        {
            if (cuts[k + 1] > cuts[k] && WordCount(sentence, cuts[k], cuts[k + 1]) > 0)
            {
                clauses.Add((cuts[k], cuts[k + 1]));
            }
        }

        return clauses;
    }

    private static int WordCount(string s, int from, int to)
    {
        // Counts runs of letters or digits without building the words.
        var count = 0;
        var inWord = false;
        for (var i = from; i < to; i++)
        {
            var letter = char.IsLetterOrDigit(s[i]);
            if (letter && !inWord)
            {
                count++;
            }

            inWord = letter || (inWord && s[i] is (>= '\u064B' and <= '\u065F') or '\u0640');
        }

        return count;
    }

    private static int ContentWords(string s, int from, int to, DateMention date)
    {
        var count = 0;
        var range = s.AsSpan(from, to - from);
        Span<char> buffer = stackalloc char[64];
        var i = 0;
        while (TextSpans.NextWord(range, ref i, out var start, out _, out _))
        {
            var at = from + start;
            if ((at < date.Start || at >= date.Start + date.Length) && !NameLexicon.FunctionWords.Contains(TextSpans.FoldInto(range[start..i], buffer)))
            {
                count++;
            }
        }

        return count;
    }

    private static string Clean(ReadOnlySpan<char> clause) =>
        new string(clause.Trim().Trim("،,؛;:. \n-–").Trim()).Replace('\n', ' ');

    private static void Add(
        List<ExtractedEvent> events,
        List<(PartialDate Date, HashSet<string> Words, string Key)> seen,
        PartialDate date,
        string text,
        string core,
        NamedPersons persons,
        bool isArticleEvent)
    {
        // Compare on the clause itself, not on the neighbours a short clause borrowed for context.
        var key = ArabicNormalizer.Normalize(core).Trim();
        var words = new HashSet<string>(StringComparer.Ordinal);
        var wordLookup = words.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> buffer = stackalloc char[64];
        var i = 0;
        while (TextSpans.NextWord(core, ref i, out var start, out _, out _))
        {
            var w = Stemless(TextSpans.FoldInto(core.AsSpan(start, i - start), buffer));
            if (w.Length > 2 && !char.IsAsciiDigit(w[0]) && !NameLexicon.FunctionWords.Contains(w))
            {
                wordLookup.Add(w);
            }
        }

        foreach (var (d, w, k) in seen)
        {
            if (d == date && (k == key || SameStatement(w, words)))
            {
                return;
            }
        }

        seen.Add((date, words, key));
        events.Add(new ExtractedEvent(date, text, persons.NamedIn(text), isArticleEvent));
    }

    // Two clauses with the same date state the same thing when most of the shorter one's words recur in the longer.
    private static bool SameStatement(HashSet<string> a, HashSet<string> b)
    {
        var (small, large) = a.Count <= b.Count ? (a, b) : (b, a);
        if (small.Count == 0)
        {
            return false;
        }

        var shared = small.Count(large.Contains);
        return shared * 2 >= small.Count + 1 && shared >= 2;
    }

    // A crude fold for comparing clauses: drop و/ف and the article, and a trailing pronoun suffix.
    private static ReadOnlySpan<char> Stemless(ReadOnlySpan<char> w)
    {
        if (w.Length > 3 && w[0] is 'و' or 'ف')
        {
            w = w[1..];
        }

        if (w.Length > 4 && w.StartsWith("ال", StringComparison.Ordinal))
        {
            w = w[2..];
        }

        if (w.Length > 4 && (w.EndsWith("ها", StringComparison.Ordinal) || w.EndsWith("هم", StringComparison.Ordinal)))
        {
            w = w[..^2];
        }

        return w;
    }

    /// <summary>The article's persons with their forms split into words once, to find which of them a clause names.</summary>
    private sealed class NamedPersons(IReadOnlyList<ExtractedPerson> persons, string[][][] forms)
    {
        public List<string> NamedIn(string text)
        {
            var named = new List<string>();
            if (persons.Count == 0 || string.IsNullOrEmpty(text))
            {
                return named;
            }

            var words = TextSpans.Words(text);
            for (var p = 0; p < persons.Count; p++)
            {
                if (PersonExtractor.IsNamedIn(words, forms[p]))
                {
                    named.Add(persons[p].Name);
                }
            }

            return named;
        }
    }
}
