using System.Net;
using System.Text;
using NewsArchive.Web.Search;

namespace NewsArchive.Web.Tests.Search;

/// <summary>No query text, however odd, gives a server error: it is read as words or ignored.</summary>
public sealed class SearchHostileInputTests(SearchFactory factory) : IClassFixture<SearchFactory>
{
    // Lone surrogates reach xunit as U+FFFD: each must differ in its other characters, or xunit drops it as a duplicate case.
    public static TheoryData<string> Hostile => new()
    {
        "", " ", "\t\n", "\"", "\"\"", "\"\"\"", "'", "AND", "OR", "NOT", "AND OR NOT", "OR شويجو", "شويجو OR",
        "شويجو AND", "*", "**", "شو*", "NEAR(", "NEAR(شويجو بوتين, 2)", "NEAR", "(", ")", "()", "(((", "{", "}",
        "{title}: x", "title:شويجو", "body : بوتين", "^شويجو", "-", "--", "- -", "-شويجو", "-\"بوتين\"",
        "\"بوتين", "بوتين\"", "a\"b\"c", "+", "x:y", ":", ";", "\\", "%", "%%", "_", "' OR 1=1 --",
        "\"; DROP TABLE Articles; --", "<script>alert(1)</script>", "\u0000", "\u0001\u0002\u001f", "\u202e\u200f",
        "\ufeff", "ـــــ", "ًٌٍَُِّْ", "\ud800", "z\udfff", "a\ud800b", "😀😀", "٠١٢٣٤٥٦٧٨٩", "۰۱۲",
        new string('ا', 10_000), string.Concat(Enumerable.Repeat("شويجو ", 2_000)), string.Concat(Enumerable.Repeat("\"", 5_000)),
        string.Concat(Enumerable.Repeat("-x OR ", 1_500)), string.Concat(Enumerable.Repeat("NEAR( ", 1_500)),
    };

    private readonly HttpClient _client = factory.CreateClient();

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task Search_never_fails_on_hostile_input(string q)
    {
        await AssertNoServerErrorAsync(q);
    }

    [Fact]
    public async Task Search_never_fails_on_a_thousand_random_strings()
    {
        var random = new Random(20260129);
        const string pool = "ابتثجحخدذرزسشصضطظعغفقكلمنهويءأإآةىؤئ ًٌٍَُِّْـ٠١٢٣٤٥٦٧٨٩0123456789abcXYZ \"'*()-+:^{}[],.;\\/%_&=?#<>|~`!@$\t\n\u0000\u0001\u200f\u202e\ufeff";
        string[] words = ["AND", "OR", "NOT", "NEAR(", "NEAR", "title:", "body:", "-", "\"", "*", "شويجو", "بوتين", "البنتاغون"];
        for (var n = 0; n < 1_000; n++)
        {
            var sb = new StringBuilder();
            var length = random.Next(0, n % 50 == 0 ? 3_000 : 40);
            while (sb.Length < length)
            {
                if (random.Next(5) == 0)
                {
                    sb.Append(words[random.Next(words.Length)]).Append(' ');
                }
                else if (random.Next(40) == 0)
                {
                    sb.Append((char)random.Next(0xD800, 0xE000));
                }
                else
                {
                    sb.Append(pool[random.Next(pool.Length)]);
                }
            }

            await AssertNoServerErrorAsync(sb.ToString());
        }
    }

    [Theory]
    // Not UTF-8 at all: lone surrogate encodings, stray continuation and lead bytes.
    [InlineData("%ED%A0%80")]
    [InlineData("%FF%FE")]
    [InlineData("%C3%28")]
    [InlineData("%E2%82")]
    [InlineData("%00")]
    public async Task Search_never_fails_on_broken_utf8(string encoded)
    {
        foreach (var path in new[] { "/search?q=", "/api/search?q=", "/api/people?q=", "/search?person=", "/api/search?person=" })
        {
            using var response = await _client.GetAsync(path + encoded);
            Assert.True((int)response.StatusCode < 500, $"{path}{encoded} gave {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    [Theory]
    [InlineData("\ud800")]
    [InlineData("a\udfffb\ud800")]
    [InlineData("\"\ud83d")]
    public void Parsing_a_query_with_broken_surrogates_gives_words_or_nothing(string q)
    {
        var query = SearchQuery.Parse(q, new SearchAnalyzer());

        Assert.True(query.IsEmpty || query.ToFtsMatch().Length > 0);
    }

    [Fact]
    public void A_long_query_is_cut_to_the_term_limit()
    {
        var query = SearchQuery.Parse(string.Concat(Enumerable.Repeat("كلمة أخرى ", 500)), new SearchAnalyzer());

        Assert.True(query.Clauses.Count <= SearchQuery.MaxTerms);
    }

    private async Task AssertNoServerErrorAsync(string q)
    {
        var escaped = EscapeLeniently(q);
        foreach (var path in new[] { "/search?q=", "/api/search?q=" })
        {
            using var response = await _client.GetAsync(path + escaped);
            Assert.True((int)response.StatusCode < 500, $"{path} with {q.Length} chars gave {(int)response.StatusCode}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    /// <summary>Percent-encodes the UTF-8 of the text, lone surrogates becoming U+FFFD as any client would send them.</summary>
    private static string EscapeLeniently(string s)
    {
        var bytes = new UTF8Encoding(false, false).GetBytes(s);
        var sb = new StringBuilder(bytes.Length * 3);
        foreach (var b in bytes)
        {
            sb.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        }

        return sb.ToString();
    }
}
