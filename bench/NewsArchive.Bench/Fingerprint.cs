using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;

namespace NewsArchive.Bench;

/// <summary>
/// The <c>fingerprint</c> command: what an archive stores, as a row count and a hash of the ordered
/// rows of every table (times and run ids left out, they differ per run) and of the full-text
/// vocabulary, so two builds' imports of the same seeds can be compared. It also prints the
/// index's segment count and settings, which change how the index is laid out, not what it holds.
/// </summary>
internal static class Fingerprint
{
    private static readonly (string Name, string Sql)[] Parts =
    [
        ("Articles", "SELECT Id, Title, TitleDerived, Published, Subject, SubjectPersonId, Caption, Credit, Body, Lead, PullQuotes, SourceFile, ContentHash FROM Articles ORDER BY Id"),
        ("Persons", "SELECT * FROM Persons ORDER BY Id"),
        ("PersonAliases", "SELECT * FROM PersonAliases ORDER BY 1, 2, 3, 4"),
        ("ArticlePersons", "SELECT * FROM ArticlePersons ORDER BY ArticleId, PersonId"),
        ("PersonRoles", "SELECT * FROM PersonRoles ORDER BY 1, 2, 3, 4, 5"),
        ("Events", "SELECT * FROM Events ORDER BY Id"),
        ("EventPersons", "SELECT * FROM EventPersons ORDER BY 1, 2"),
        ("SearchSpellings", "SELECT * FROM SearchSpellings ORDER BY 1, 2"),
        ("SeedFiles", "SELECT Id, Path, Size, ModifiedUtc, ContentHash, ArticleId FROM SeedFiles ORDER BY Id"),
        ("ImportRecords", "SELECT StartedBy, File, Outcome, Line, Reason, ArticleId FROM ImportRecords ORDER BY Id"),
        ("ArticleSearch instances", "SELECT * FROM temp.vocab_instance"),
        ("ArticleSearch terms", "SELECT * FROM temp.vocab_row"),
    ];

    public static int Run(string[] args)
    {
        var at = Array.IndexOf(args, "--db");
        var db = at >= 0 && at + 1 < args.Length ? args[at + 1] : throw new ArgumentException("fingerprint needs --db");
        using var connection = new SqliteConnection($"Data Source={db};Mode=ReadOnly");
        connection.Open();
        connection.Execute("""
            CREATE VIRTUAL TABLE temp.vocab_instance USING fts5vocab(main, ArticleSearch, instance);
            CREATE VIRTUAL TABLE temp.vocab_row USING fts5vocab(main, ArticleSearch, row);
            """);
        foreach (var (name, sql) in Parts)
        {
            var (rows, hash) = HashRows(connection, sql);
            Console.WriteLine($"{name,-24} {rows,10:N0} {hash}");
        }

        using (var segments = connection.CreateCommand())
        {
            segments.CommandText = "SELECT count(DISTINCT segid) FROM ArticleSearch_idx";
            Console.WriteLine($"{"index segments",-24} {segments.ExecuteScalar(),10}");
        }

        var (_, config) = HashRows(connection, "SELECT k, v FROM ArticleSearch_config ORDER BY k", print: true);
        Console.WriteLine($"{"index settings",-24} {"",10} {config}");
        return 0;
    }

    private static (long Rows, string Hash) HashRows(SqliteConnection connection, string sql, bool print = false)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
        var text = new StringBuilder();
        long rows = 0;
        while (reader.Read())
        {
            rows++;
            var row = new StringBuilder();
            for (var i = 0; i < reader.FieldCount; i++)
            {
                row.Append(reader.IsDBNull(i) ? "\u2400" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)).Append('\u001f');
            }

            md5.AppendData(Encoding.UTF8.GetBytes(row.Append('\n').ToString()));
            if (print)
            {
                text.Append(row.ToString().TrimEnd('\n').Replace('\u001f', ' ').Trim()).Append("; ");
            }
        }

        return (rows, print ? text.ToString() : Convert.ToHexStringLower(md5.GetHashAndReset())[..16]);
    }
}
