using System.Globalization;
using System.Text;

namespace NewsArchive.Bench;

/// <summary>One query of the mix, in the terms of the search API: words, person, date range; facets always come back.</summary>
internal sealed record BenchQuery(string Kind, string? Text, string? Person = null, string? From = null, string? To = null)
{
    /// <summary>The query string for <c>/api/search</c> and <c>/search</c>.</summary>
    public string ToQueryString()
    {
        var parts = new List<string>();
        Add(parts, "q", Text);
        Add(parts, "person", Person);
        Add(parts, "from", From);
        Add(parts, "to", To);
        return string.Join('&', parts);
    }

    /// <summary>Reads back a line of <c>queries.txt</c> (<c>kind\tquery string</c>), as the benchmark wrote it.</summary>
    public static BenchQuery FromLine(string line)
    {
        var tab = line.IndexOf('\t');
        if (tab <= 0)
        {
            throw new ArgumentException($"not a query-mix line (kind<TAB>query string): '{line}'");
        }
        string? text = null, person = null, from = null, to = null;
        foreach (var part in line[(tab + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = part.IndexOf('=');
            var value = eq < 0 ? "" : Uri.UnescapeDataString(part[(eq + 1)..]);
            switch (eq < 0 ? part : part[..eq])
            {
                case "q": text = value; break;
                case "person": person = value; break;
                case "from": from = value; break;
                case "to": to = value; break;
                default: throw new ArgumentException($"unknown parameter in query-mix line: '{line}'");
            }
        }
        return new BenchQuery(line[..tab], text, person, from, to);
    }

    private static void Add(List<string> parts, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            parts.Add($"{name}={Uri.EscapeDataString(value)}");
        }
    }
}

/// <summary>
/// Builds the fixed query mix from the corpus itself, deterministically (fixed seed, document
/// frequencies over the source articles): common words, rare words, two-word phrases, person filters,
/// date ranges and faceted common-word queries.
/// </summary>
internal static class QueryMix
{
    public const int PerKind = 40;

    // Function words are not what readers search for; they would only measure the stop-word path.
    private static readonly HashSet<string> StopWords =
    [
        "في", "من", "على", "إلى", "الى", "عن", "أن", "ان", "إن", "التي", "الذي", "الذين", "مع", "هذا", "هذه", "ذلك", "تلك",
        "كان", "كانت", "قد", "لا", "ما", "لم", "لن", "أو", "او", "ثم", "بين", "بعد", "قبل", "حتى", "كما", "وقد", "وفي",
        "عند", "منذ", "خلال", "إلا", "الا", "أي", "اي", "كل", "وأن", "وان", "هو", "هي", "هم", "فيها", "فيه", "عليه", "عليها",
        "به", "بها", "له", "لها", "وهو", "وهي", "أنه", "انه", "أنها", "انها", "إلي", "يتم", "تم", "وقال", "قال", "وذلك", "ومن",
        "إلى", "وعلى", "أيضا", "ايضا", "حيث", "غير", "لدى", "عبر", "ضمن", "وكان", "يكون", "تكون", "هناك", "وهذا", "الله",
    ];

    public static IReadOnlyList<BenchQuery> Build(string[] sourceFiles, IReadOnlyList<string> persons, int minYear, int maxYear)
    {
        var random = new Random(20151);
        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        var bigramDf = new Dictionary<string, int>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in sourceFiles)
        {
            var article = CorpusArticle.Read(file);
            var tokens = Tokenize(article.Title + "\n" + article.Body);
            seen.Clear();
            foreach (var token in tokens)
            {
                if (seen.Add(token))
                {
                    df[token] = df.GetValueOrDefault(token) + 1;
                }
            }
            for (var i = 1; i < tokens.Count; i++)
            {
                if (IsContentWord(tokens[i - 1]) && IsContentWord(tokens[i]))
                {
                    var bigram = tokens[i - 1] + " " + tokens[i];
                    if (seen.Add(bigram))
                    {
                        bigramDf[bigram] = bigramDf.GetValueOrDefault(bigram) + 1;
                    }
                }
            }
        }

        var documents = sourceFiles.Length;
        var common = df.Where(p => IsContentWord(p.Key) && p.Key.Length >= 4)
            .OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal)
            .Take(PerKind).Select(p => p.Key).ToList();
        var rare = Pick(random, df.Where(p => p.Value is >= 2 and <= 5 && p.Key.Length >= 5 && IsContentWord(p.Key))
            .Select(p => p.Key), PerKind);
        var phraseFloor = Math.Max(3, documents / 1000);
        var phrases = Pick(random, bigramDf.Where(p => p.Value >= phraseFloor && p.Value <= Math.Max(phraseFloor, documents / 10))
            .Select(p => p.Key), PerKind);

        var queries = new List<BenchQuery>();
        queries.AddRange(common.Select(w => new BenchQuery("common", w)));
        queries.AddRange(rare.Select(w => new BenchQuery("rare", w)));
        queries.AddRange(phrases.Select(p => new BenchQuery("phrase", $"\"{p}\"")));
        var personQueries = persons.Count == 0 ? [] : Enumerable.Range(0, PerKind).Select(i => i % 2 == 0
            ? new BenchQuery("person", null, persons[i / 2 % persons.Count])
            : new BenchQuery("person", common[i % common.Count], persons[i / 2 % persons.Count]));
        queries.AddRange(personQueries);
        for (var i = 0; i < PerKind; i++)
        {
            var year = random.Next(minYear, maxYear + 1);
            var word = common[random.Next(common.Count)];
            var range = (i % 3) switch
            {
                0 => (From: Year(year), To: Year(year)),
                1 => (From: $"{Year(year)}-{random.Next(1, 13):D2}", To: null as string),
                _ => (From: Year(Math.Max(minYear, year - 5)), To: Year(year)),
            };
            queries.Add(new BenchQuery("date", word, From: range.From, To: range.To ?? range.From));
        }
        // Facet queries: the broadest words, whose year and person facets count the most rows.
        queries.AddRange(common.Take(PerKind / 2).Select(w => new BenchQuery("facet", w)));
        queries.AddRange(phrases.Take(PerKind / 2).Select(p => new BenchQuery("facet", $"\"{p}\"")));
        return queries;
    }

    private static string Year(int year) => year.ToString(CultureInfo.InvariantCulture);

    private static bool IsContentWord(string token) => token.Length >= 3 && !StopWords.Contains(token);

    private static List<string> Pick(Random random, IEnumerable<string> candidates, int count)
    {
        var list = candidates.Order(StringComparer.Ordinal).ToList();
        random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(list));
        return list.Take(count).ToList();
    }

    /// <summary>Arabic-letter runs without diacritics: what a reader would type.</summary>
    public static List<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        var current = new StringBuilder();
        foreach (var c in text)
        {
            if (c is >= '\u0621' and <= '\u064A')
            {
                current.Append(c);
            }
            else if (c is >= '\u064B' and <= '\u0652' or '\u0640')
            {
                // Diacritics and tatweel sit inside words: skip them without splitting.
            }
            else if (current.Length > 0)
            {
                tokens.Add(current.ToString());
                current.Clear();
            }
        }
        if (current.Length > 0)
        {
            tokens.Add(current.ToString());
        }
        return tokens;
    }
}
