using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace NewsArchive.Web.Search;

/// <summary>
/// Every article's publication date in memory, by id (yyyyMMdd, 0 for no article), one table per
/// archive file: month facets then count a candidate set without a b-tree seek per candidate (at
/// 1M articles those seeks hit a different index page for each spread-out id: ~20 µs each). The
/// table is valid while the full-text index is unchanged: every article written or re-dated is
/// re-indexed, and every index write rewrites FTS5's structure record (its cookie and segment
/// list), so that record is the stamp. On a stale stamp the caller falls back to SQL and the table
/// is reloaded in the background, at most once per <see cref="ReloadInterval"/> (an import commits
/// every second or so, and a reload reads the whole (Id, Published) index).
/// </summary>
public static class PublishedDays
{
    public static readonly TimeSpan ReloadInterval = TimeSpan.FromSeconds(30);

    /// <summary>FTS5 keeps its structure record at this id of the <c>_data</c> shadow table.</summary>
    private const string Stamp = "SELECT block FROM ArticleSearch_data WHERE id = 10";

    private const string All = """
        SELECT Id, CAST(replace(Published, '-', '') AS INTEGER)
        FROM Articles INDEXED BY IX_Articles_Id_Published
        ORDER BY Id
        """;

    private static readonly ConcurrentDictionary<string, Archive> Archives = new(StringComparer.Ordinal);

    private sealed class Archive
    {
        public volatile Table? Current;
        public long LastReloadTicks = long.MinValue / 2;
        public int Reloading;
    }

    private sealed record Table(byte[] Stamp, int[] DayById);

    /// <summary>
    /// The dates table of the archive <paramref name="connection"/> (open) reads, when it is up to
    /// date; null when it is not (yet), in which case a reload has been started.
    /// </summary>
    public static async Task<IReadOnlyList<int>?> TryGetAsync(DbConnection connection, CancellationToken ct)
    {
        var source = connection.DataSource;
        if (string.IsNullOrEmpty(source) || source == ":memory:")
        {
            return null;
        }

        var stamp = await ReadStampAsync(connection, null, ct);
        var archive = Archives.GetOrAdd(source, _ => new Archive());
        var table = archive.Current;
        if (table is not null && stamp is not null && table.Stamp.AsSpan().SequenceEqual(stamp))
        {
            return table.DayById;
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
                // The search keeps its SQL path; the next stale read tries again.
                archive.Current = null;
            }
            finally
            {
                Volatile.Write(ref archive.Reloading, 0);
            }
        });
    }

    private static async Task<Table?> LoadAsync(string connectionString)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        // One read transaction: the stamp and the dates are of the same state of the archive.
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        var stamp = await ReadStampAsync(connection, transaction, CancellationToken.None);
        if (stamp is null)
        {
            return null;
        }

        var days = new List<int>();
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = All;
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

        return new Table(stamp, [.. days]);
    }

    private static async Task<byte[]?> ReadStampAsync(DbConnection connection, DbTransaction? transaction, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = Stamp;
        return await command.ExecuteScalarAsync(ct) as byte[];
    }
}
