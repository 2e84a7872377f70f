using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using NewsArchive.Web.Import;
using NewsArchive.Web.Search;

namespace NewsArchive.Web.Tests.Search;

/// <summary>
/// The candidates' walk marks headline matches with <see cref="HeadlineFunction"/> instead of a
/// second MATCH of the headline terms: for every query shape (one word, a phrase, two clauses, an
/// OR, an exclusion, a spelling variant) it must mark exactly the candidates the headline MATCH
/// finds (the search puts those first).
/// </summary>
public sealed class HeadlineFunctionTests(ArchiveFactory factory) : IClassFixture<ArchiveFactory>
{
    private static readonly string[] Articles =
    [
        // title|body
        "مهرجان الزنبقية يفتتح|افتتح وفد كبير المعرض في المدينة.",
        "وفد كبير يزور المدينة|زار الوفد مهرجان الزنبقية في المدينة.",
        "خبر عن المدينة|افتتح مهرجان الزنبقية ثم غادر وفد كبير.",
        "الزنبقية في الصيف|أقيم مهرجان للحرف ولم يحضر وفد كبير.",
        "مهرجان آخر|الزنبقية وجهة للزوار ووفد كبير من الضيوف حضر مهرجان الزنبقية.",
        "زيارة شويغو إلى المدينة|وصل الوزير شويجو مع وفد كبير إلى مهرجان الزنبقية.",
        "شويجو في الزنبقية|حضر مهرجان الزنبقية وفد كبير برئاسة شويجو.",
        "قمة المدينة|عقدت قمة في المدينة على هامش مهرجان الزنبقية.",
        "الزنبقية تزين المدينة|احتفلت المدينة بالزهور.",
        "وفد الزنبقية يعود|عاد الوفد من الجولة.",
    ];

    public static TheoryData<string> Queries =>
    [
        "الزنبقية",
        "\"مهرجان الزنبقية\"",
        "مهرجان الزنبقية",
        "\"وفد كبير\" الزنبقية",
        "قمة OR وفد الزنبقية",
        "الزنبقية -قمة",
        "-شويجو الزنبقية المدينة",
        "شويغو الزنبقية",
    ];

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task Walk_marks_the_candidates_the_headline_match_finds(string q)
    {
        await ImportAsync();
        using var scope = factory.Services.CreateScope();
        var analyzer = scope.ServiceProvider.GetRequiredService<SearchAnalyzer>();
        await using var connection = new SqliteConnection($"Data Source={factory.DatabasePath}");
        await connection.OpenAsync();
        var query = await ArchiveSearch.WithSpellingsAsync(connection, SearchQuery.Parse(q, analyzer), CancellationToken.None);

        Assert.True(HeadlineFunction.TryRegister(connection));
        Assert.True(HeadlineFunction.TryRegister(connection));
        var marked = new Dictionary<long, bool>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = SearchSql.Candidates(scored: false, dated: false, byPerson: false, headline: true);
            command.Parameters.AddWithValue("$match", query.ToFtsMatch());
            command.Parameters.AddWithValue("$limit", 1000);
            command.Parameters.AddWithValue("$offset", 0);
            command.Parameters.AddWithValue("$clauses", HeadlineFunction.ClauseMap(query));
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var (id, mark) = SearchSql.Unmark(reader.GetInt64(0));
                marked[id] = mark;
            }
        }

        var headline = new HashSet<long>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT rowid FROM ArticleSearch WHERE ArticleSearch MATCH $match";
            command.Parameters.AddWithValue("$match", query.ToHeadlineMatch());
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                headline.Add(reader.GetInt64(0));
            }
        }

        Assert.NotEmpty(marked);
        Assert.Equal(marked.Keys.Where(headline.Contains).Order().ToArray(), marked.Where(m => m.Value).Select(m => m.Key).Order().ToArray());
    }

    [Theory]
    [InlineData("y1990")]
    [InlineData("m199001")]
    [InlineData("Y1990")]
    public async Task Period_tokens_typed_as_words_match_no_article(string q)
    {
        // Words match without a column filter unless they hold an ASCII digit, as these do.
        await ImportAsync();
        using var scope = factory.Services.CreateScope();
        var search = scope.ServiceProvider.GetRequiredService<ArchiveSearch>();

        var result = await search.SearchAsync(new SearchRequest(q, null, DateRange.All, 1, 20), CancellationToken.None);

        Assert.Equal(0, result.Total);
    }

    private async Task ImportAsync()
    {
        var folder = Path.Combine(factory.SeedsPath, "headline");
        if (Directory.Exists(folder))
        {
            return;
        }

        // The host starts (and imports the seeds folder) first, so this import does the work.
        var importer = factory.Importer;
        Directory.CreateDirectory(folder);
        for (var i = 0; i < Articles.Length; i++)
        {
            var parts = Articles[i].Split('|');
            await File.WriteAllTextAsync(Path.Combine(folder, $"h_{i}.txt"), $"""
                1990-01-{1 + i:D2}
                {parts[0]}

                {parts[1]}
                """);
        }

        var summary = await importer.ImportFolderAsync(folder, new ImportRequest("test"));
        Assert.Equal(Articles.Length, summary.Imported);
    }
}
