using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace NewsArchive.Web.Search;

/// <summary>
/// What the facets count, per article id, in memory: its publication date (yyyyMMdd, 0 for no
/// article) and the persons it names. Facets then count a candidate set without a b-tree seek per
/// candidate (at 1M articles the candidates of a rare word lie on a different index page each:
/// ~20 µs a seek, 3–5 ms a query).
/// </summary>
/// <param name="DayById">yyyyMMdd by article id.</param>
/// <param name="PersonStart">The persons of article <c>id</c> are <c>Persons[PersonStart[id]..PersonStart[id + 1]]</c>.</param>
/// <param name="ArticleStart">The articles of person <c>id</c> are <c>Articles[ArticleStart[id]..ArticleStart[id + 1]]</c>, ascending.</param>
public sealed record FacetTables(int[] DayById, int[] PersonStart, int[] Persons, int[] ArticleStart, int[] Articles)
{
    /// <summary>A stale table is reloaded at most this often: an import commits every second or so.</summary>
    public static readonly TimeSpan ReloadInterval = TimeSpan.FromSeconds(30);

    /// <summary>
    /// FTS5 rewrites its structure record (id 10 of the <c>_data</c> shadow table: a cookie and the
    /// segment list) at every write to the index, and the importer re-indexes every article it
    /// writes (with its date and persons), so the record says whether a table is still current.
    /// </summary>
    private const string StampSql = "SELECT block FROM ArticleSearch_data WHERE id = 10";

    private const string DaysSql = """
        SELECT Id, CAST(replace(Published, '-', '') AS INTEGER)
        FROM Articles INDEXED BY IX_Articles_Id_Published
        ORDER BY Id
        """;

    private const string PersonsSql = "SELECT ArticleId, PersonId FROM ArticlePersons ORDER BY ArticleId, PersonId";

    private static readonly ConcurrentDictionary<string, Archive> Archives = new(StringComparer.Ordinal);

    private sealed class Archive
    {
        public volatile Loaded? Current;
        public long LastReloadTicks = long.MinValue / 2;
        public int Reloading;
    }

    private sealed record Loaded(byte[] Stamp, FacetTables Tables);

    /// <summary>The persons named in article <paramref name="id"/> (empty for an unknown id).</summary>
    public ReadOnlySpan<int> PersonsOf(int id) =>
        id >= 0 && id + 1 < PersonStart.Length ? Persons.AsSpan(PersonStart[id], PersonStart[id + 1] - PersonStart[id]) : [];

    /// <summary>The articles that name person <paramref name="personId"/>, ascending (empty for an unknown id).</summary>
    public ReadOnlySpan<int> ArticlesOf(int personId) =>
        personId >= 0 && personId + 1 < ArticleStart.Length ? Articles.AsSpan(ArticleStart[personId], ArticleStart[personId + 1] - ArticleStart[personId]) : [];

    /// <summary>
    /// The same (article, person) pairs by person: browsing a person's articles then reads no rows.
    /// Reading them from the (PersonId, ArticleId) key cost ~3 native calls a row: for the person
    /// in most articles at 1M (~23,000 of them), ~2 ms of a ~4 ms browse.
    /// </summary>
    private static (int[] Start, int[] Articles) ByPerson(int[] personStart, int[] persons)
    {
        var start = new int[(persons.Length == 0 ? 0 : persons.Max()) + 2];
        foreach (var person in persons)
        {
            start[person + 1]++;
        }

        for (var i = 1; i < start.Length; i++)
        {
            start[i] += start[i - 1];
        }

        // Articles in ascending id order fill each person's run in ascending order.
        var articles = new int[persons.Length];
        var next = start[..^1];
        for (var article = 0; article + 1 < personStart.Length; article++)
        {
            for (var k = personStart[article]; k < personStart[article + 1]; k++)
            {
                articles[next[persons[k]]++] = article;
            }
        }

        return (start, articles);
    }

    /// <summary>
    /// The tables of the archive <paramref name="connection"/> (open) reads, when they are current;
    /// otherwise null, and a reload is started in the background (the caller counts in SQL).
    /// </summary>
    public static async Task<FacetTables?> TryGetAsync(DbConnection connection, CancellationToken ct)
    {
        var source = connection.DataSource;
        if (string.IsNullOrEmpty(source) || source == ":memory:")
        {
            return null;
        }

        var stamp = await ReadStampAsync(connection, null, ct);
        var archive = Archives.GetOrAdd(source, _ => new Archive());
        var loaded = archive.Current;
        if (loaded is not null && stamp is not null && loaded.Stamp.AsSpan().SequenceEqual(stamp))
        {
            return loaded.Tables;
        }

        StartReload(archive, connection.ConnectionString);
        return null;
    }

    private static void StartReload(Archive archive, string connectionString)
    {
        var now = Environment.TickCount64;
        if (now - Interlocked.Read(ref archive.LastReloadTicks) < (long)ReloadInterval.TotalMilliseconds
            || Interlocked.CompareExchange(ref archive.Reloading, 1, 0) != 0)
        {
            return;
        }

        Interlocked.Exchange(ref archive.LastReloadTicks, now);
        _ = Task.Run(async () =>
        {
            try
            {
                archive.Current = await LoadAsync(connectionString);
            }
            catch (Exception)
            {
                // The facets keep counting in SQL; the next stale read tries again.
                archive.Current = null;
            }
            finally
            {
                Volatile.Write(ref archive.Reloading, 0);
            }
        });
    }

    private static async Task<Loaded?> LoadAsync(string connectionString)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        // One read transaction: the stamp and the tables are of the same state of the archive.
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        var stamp = await ReadStampAsync(connection, transaction, CancellationToken.None);
        if (stamp is null)
        {
            return null;
        }

        var days = new List<int>();
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = DaysSql;
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var id = reader.GetInt32(0);
                while (days.Count <= id)
                {
                    days.Add(0);
                }

                days[id] = reader.GetInt32(1);
            }
        }

        var start = new int[days.Count + 1];
        var persons = new List<int>();
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = PersonsSql;
            await using var reader = await command.ExecuteReaderAsync();
            var next = 0;
            while (await reader.ReadAsync())
            {
                var articleId = reader.GetInt32(0);
                if (articleId >= days.Count)
                {
                    continue;
                }

                // Articles without persons between the previous one and this one start here too.
                for (; next <= articleId; next++)
                {
                    start[next] = persons.Count;
                }

                persons.Add(reader.GetInt32(1));
            }

            for (; next < start.Length; next++)
            {
                start[next] = persons.Count;
            }
        }

        int[] personList = [.. persons];
        var (articleStart, articles) = ByPerson(start, personList);
        return new Loaded(stamp, new FacetTables([.. days], start, personList, articleStart, articles));
    }

    private static async Task<byte[]?> ReadStampAsync(DbConnection connection, DbTransaction? transaction, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = StampSql;
        return await command.ExecuteScalarAsync(ct) as byte[];
    }
}
