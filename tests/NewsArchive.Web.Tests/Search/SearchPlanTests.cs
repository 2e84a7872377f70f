using Microsoft.Data.Sqlite;
using NewsArchive.Web.Search;

namespace NewsArchive.Web.Tests.Search;

/// <summary>
/// The search statements whose cost grows with the archive keep their query plans: read from the
/// narrow indexes and seek rather than scan. At 30k articles a wrong plan is invisible; at 300k
/// the span scan alone took 50 ms per dated query, and facets read a wide row per candidate.
/// </summary>
public class SearchPlanTests(SearchFactory factory) : IClassFixture<SearchFactory>
{
    // Starting the app migrates the database the plans are read from.
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Month_facets_read_dates_from_the_narrow_index()
    {
        var plan = await PlanAsync(SearchSql.MonthFacets, ("$ids", "[1,2,3]"));

        Assert.Contains("USING COVERING INDEX IX_Articles_Id_Published", plan);
    }

    [Fact]
    public async Task Person_facets_count_on_the_article_person_key()
    {
        var plan = await PlanAsync(SearchSql.PersonFacets, ("$ids", "[1,2,3]"));

        Assert.Contains("SEARCH ap USING COVERING INDEX", plan);
        Assert.DoesNotContain("SCAN ap", plan);
    }

    [Fact]
    public async Task Published_span_is_two_index_seeks_not_a_scan()
    {
        var plan = await PlanAsync(SearchSql.PublishedSpan);

        Assert.DoesNotContain("SCAN Articles", plan);
        Assert.Equal(2, plan.Split('\n').Count(l => l.Contains("SEARCH Articles USING COVERING INDEX", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Person_filter_reads_the_persons_articles_from_a_covering_index()
    {
        var plan = await PlanAsync(SearchSql.Count(dated: false, byPerson: true),
            ("$match", "\"x\""), ("$persons", "[1]"), ("$cap", 10));

        Assert.Contains("SEARCH ap USING COVERING INDEX IX_ArticlePersons_PersonId_ArticleId", plan);
    }

    [Fact]
    public async Task Person_browse_reads_ids_and_dates_from_the_narrow_index()
    {
        var plan = await PlanAsync(SearchSql.PersonArticlesNewestFirst,
            ("$persons", "[1]"), ("$from", "0001-01-01"), ("$to", "9999-12-31"), ("$limit", 10), ("$offset", 0));

        Assert.Contains("SEARCH a USING COVERING INDEX IX_Articles_Id_Published", plan);
    }

    private async Task<string> PlanAsync(string sql, params (string Name, object Value)[] parameters)
    {
        using var started = await _client.GetAsync("/");
        await using var connection = new SqliteConnection($"Data Source={factory.DatabasePath};Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(3));
        }

        return string.Join('\n', lines);
    }
}
