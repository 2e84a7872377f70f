using Microsoft.Data.Sqlite;

namespace NewsArchive.Web.Tests.Robustness;

/// <summary>
/// Reads an archive database straight through SQLite (as a crashed app leaves it): the
/// consistency rules every moment must satisfy, and a canonical dump of the records without ids
/// or times, so two archives built differently can be compared line by line.
/// </summary>
public static class ArchiveCheck
{
    /// <summary>Each rule is a query counting its violations.</summary>
    private static readonly (string Rule, string Sql)[] Rules =
    [
        ("foreign keys hold", "SELECT count(*) FROM pragma_foreign_key_check"),
        ("a seed file's article exists", "SELECT count(*) FROM SeedFiles s WHERE s.ArticleId IS NOT NULL AND NOT EXISTS (SELECT 1 FROM Articles a WHERE a.Id = s.ArticleId)"),
        ("every article has a seed file", "SELECT count(*) FROM Articles a WHERE NOT EXISTS (SELECT 1 FROM SeedFiles s WHERE s.ArticleId = a.Id)"),
        ("every article has its full-text row", "SELECT count(*) FROM Articles a WHERE NOT EXISTS (SELECT 1 FROM ArticleSearch s WHERE s.rowid = a.Id)"),
        ("no full-text row without an article", "SELECT count(*) FROM ArticleSearch s WHERE NOT EXISTS (SELECT 1 FROM Articles a WHERE a.Id = s.rowid)"),
        ("person article counts match mentions", "SELECT count(*) FROM Persons p WHERE p.ArticleCount <> (SELECT count(*) FROM ArticlePersons ap WHERE ap.PersonId = p.Id)"),
    ];

    public static SqliteConnection Open(string databasePath)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    /// <summary>The broken rules with their violation counts; empty when the archive is consistent.</summary>
    public static List<string> Violations(string databasePath)
    {
        using var connection = Open(databasePath);
        var broken = new List<string>();
        var integrity = Scalar(connection, "PRAGMA integrity_check");
        if (integrity != "ok")
        {
            broken.Add($"integrity_check: {integrity}");
        }

        // Killed while the database was being created and migrated: nothing imported yet, so
        // nothing can be half-written; the next start finishes the migrations.
        if (Scalar(connection, "SELECT count(*) FROM sqlite_master WHERE name = 'SeedFiles'") == "0"
            || Scalar(connection, "SELECT (SELECT count(*) FROM SeedFiles) + (SELECT count(*) FROM Articles)") == "0")
        {
            return broken;
        }

        foreach (var (rule, sql) in Rules)
        {
            var count = long.Parse(Scalar(connection, sql)!, System.Globalization.CultureInfo.InvariantCulture);
            if (count != 0)
            {
                broken.Add($"{rule}: {count} violations");
            }
        }

        return broken;
    }

    /// <summary>Articles, persons, mentions, roles and events, keyed by file and name rather than id, sorted.</summary>
    public static List<string> Dump(string databasePath)
    {
        using var connection = Open(databasePath);
        return
        [
            .. Lines(connection, """
                SELECT 'article|' || a.SourceFile || '|' || a.ContentHash || '|' || a.Published || '|' || a.Title || '|' || a.TitleDerived || '|' ||
                       ifnull(a.Subject, '') || '|' || ifnull(sp.Name, '') || '|' || ifnull(a.Caption, '') || '|' || ifnull(a.Credit, '') || '|' ||
                       a.Lead || '|' || a.PullQuotes || '|' || a.Body
                FROM Articles a LEFT JOIN Persons sp ON sp.Id = a.SubjectPersonId
                """),
            .. Lines(connection, """
                SELECT 'person|' || p.Name || '|' || p.NormalizedName || '|' || p.NameKey || '|' || p.ArticleCount || '|' ||
                       ifnull((SELECT group_concat(Alias, ',') FROM (SELECT Alias FROM PersonAliases WHERE PersonId = p.Id ORDER BY Alias)), '')
                FROM Persons p
                """),
            .. Lines(connection, """
                SELECT 'mention|' || a.SourceFile || '|' || p.Name || '|' || ap.Mentions || '|' || ap.FirstSentence || '|' || ifnull(ap.Role, '')
                FROM ArticlePersons ap JOIN Articles a ON a.Id = ap.ArticleId JOIN Persons p ON p.Id = ap.PersonId
                """),
            .. Lines(connection, """
                SELECT 'role|' || a.SourceFile || '|' || p.Name || '|' || r.Role || '|' || r.Year
                FROM PersonRoles r JOIN Articles a ON a.Id = r.ArticleId JOIN Persons p ON p.Id = r.PersonId
                """),
            .. Lines(connection, """
                SELECT 'event|' || a.SourceFile || '|' || e.Date || '|' || e.DateEnd || '|' || e.Precision || '|' || e.IsArticleEvent || '|' || e.Text || '|' ||
                       ifnull((SELECT group_concat(Name, ',') FROM (SELECT p.Name FROM EventPersons ep JOIN Persons p ON p.Id = ep.PersonId WHERE ep.EventId = e.Id ORDER BY p.Name)), '')
                FROM Events e JOIN Articles a ON a.Id = e.ArticleId
                """),
            .. Lines(connection, "SELECT 'seedfile|' || s.Path || '|' || s.ContentHash || '|' || ifnull(a.SourceFile, '') FROM SeedFiles s LEFT JOIN Articles a ON a.Id = s.ArticleId"),
        ];
    }

    /// <summary>
    /// The dump lines that belong to one article (the article, its mentions, roles and events),
    /// by source file: what an interrupted import must have written completely or not at all.
    /// </summary>
    public static Dictionary<string, List<string>> ByArticle(List<string> dump) =>
        dump.Where(l => l.Split('|', 3) is [var kind, _, _] && kind is "article" or "mention" or "role" or "event")
            .GroupBy(l => l.Split('|', 3)[1], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);

    public static bool HasArchiveTables(string databasePath)
    {
        using var connection = Open(databasePath);
        return Scalar(connection, "SELECT count(*) FROM sqlite_master WHERE name IN ('SeedFiles', 'Articles', 'ArticleSearch')") == "3";
    }

    public static long Count(string databasePath, string table)
    {
        using var connection = Open(databasePath);
        // Table names come from the tests' own constants.
        return long.Parse(Scalar(connection, $"SELECT count(*) FROM \"{table}\"")!, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static List<string> Lines(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var lines = new List<string>();
        while (reader.Read())
        {
            lines.Add(reader.GetString(0));
        }

        lines.Sort(StringComparer.Ordinal);
        return lines;
    }
}
