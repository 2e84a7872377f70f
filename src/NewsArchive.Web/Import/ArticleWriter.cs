using System.Data;
using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using NewsArchive.Web.Data;

namespace NewsArchive.Web.Import;

/// <summary>
/// The import's hot path as prepared statements on the run's connection: per article it writes a
/// few dozen rows, and EF's change tracking would cost several times more than the inserts
/// themselves. Values are stored exactly as the EF model maps them (dates as <c>yyyy-MM-dd</c>,
/// times as UTC ticks, GUIDs as upper-case text, pull quotes as a JSON array), so pages read
/// these rows through EF as if EF had written them.
/// </summary>
internal sealed class ArticleWriter : IDisposable
{
    private readonly List<SqliteCommand> _commands = [];
    private readonly SqliteCommand _findArticleByHash;
    private readonly SqliteCommand _findSeedFile;
    private readonly SqliteCommand _touchSeedFile;
    private readonly SqliteCommand _detachOthers;
    private readonly SqliteCommand _articleExists;
    private readonly SqliteCommand _previousPersons;
    private readonly SqliteCommand _deleteMentions;
    private readonly SqliteCommand _deleteRoles;
    private readonly SqliteCommand _deleteEvents;
    private readonly SqliteCommand _insertArticle;
    private readonly SqliteCommand _updateArticle;
    private readonly SqliteCommand _insertPerson;
    private readonly SqliteCommand _insertAlias;
    private readonly SqliteCommand _insertRole;
    private readonly SqliteCommand _insertMention;
    private readonly SqliteCommand _insertEvent;
    private readonly SqliteCommand _insertEventPerson;
    private readonly SqliteCommand _countPerson;
    private readonly SqliteCommand _upsertSeedFile;
    private readonly SqliteCommand _insertRecord;

    private const string ArticleColumns = "$title, $titleDerived, $published, $subject, $subjectPersonId, $caption, $credit, $body, $lead, $pullQuotes, $sourceFile, $contentHash, $importedAt";

    public ArticleWriter(SqliteConnection connection)
    {
        SqliteCommand Prepare(string sql, string parameters)
        {
            var command = connection.CreateCommand();
            command.CommandText = sql;
            foreach (var name in parameters.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                command.Parameters.Add(new SqliteParameter(name, null));
            }

            _commands.Add(command);
            return command;
        }

        _findArticleByHash = Prepare("SELECT Id FROM Articles WHERE ContentHash = $hash LIMIT 1", "$hash");
        _findSeedFile = Prepare("SELECT ContentHash, ArticleId FROM SeedFiles WHERE Id = $id", "$id");
        _touchSeedFile = Prepare("UPDATE SeedFiles SET Size = $size, ModifiedUtc = $modified WHERE Id = $id", "$size, $modified, $id");
        // Size -1 never matches a file on disk, so the incremental check reads these files again.
        _detachOthers = Prepare("UPDATE SeedFiles SET ArticleId = NULL, Size = -1 WHERE ArticleId = $article AND Path <> $path", "$article, $path");
        _articleExists = Prepare("SELECT EXISTS (SELECT 1 FROM Articles WHERE Id = $id)", "$id");
        _previousPersons = Prepare("SELECT PersonId FROM ArticlePersons WHERE ArticleId = $id", "$id");
        _deleteMentions = Prepare("DELETE FROM ArticlePersons WHERE ArticleId = $id", "$id");
        _deleteRoles = Prepare("DELETE FROM PersonRoles WHERE ArticleId = $id", "$id");
        // EventPersons go with their events (ON DELETE CASCADE).
        _deleteEvents = Prepare("DELETE FROM Events WHERE ArticleId = $id", "$id");
        _insertArticle = Prepare(
            $"""
            INSERT INTO Articles (Title, TitleDerived, Published, Subject, SubjectPersonId, Caption, Credit, Body, Lead, PullQuotes, SourceFile, ContentHash, ImportedAt)
            VALUES ({ArticleColumns}) RETURNING Id
            """,
            ArticleColumns);
        _updateArticle = Prepare(
            """
            UPDATE Articles SET Title = $title, TitleDerived = $titleDerived, Published = $published, Subject = $subject,
                SubjectPersonId = $subjectPersonId, Caption = $caption, Credit = $credit, Body = $body, Lead = $lead,
                PullQuotes = $pullQuotes, SourceFile = $sourceFile, ContentHash = $contentHash, ImportedAt = $importedAt
            WHERE Id = $id
            """,
            ArticleColumns + ", $id");
        _insertPerson = Prepare("INSERT INTO Persons (Name, NormalizedName, NameKey, ArticleCount) VALUES ($name, $normalized, $key, 0) RETURNING Id", "$name, $normalized, $key");
        _insertAlias = Prepare("INSERT INTO PersonAliases (PersonId, Alias, NormalizedAlias) VALUES ($person, $alias, $normalized)", "$person, $alias, $normalized");
        _insertRole = Prepare("INSERT INTO PersonRoles (PersonId, ArticleId, Role, Year) VALUES ($person, $article, $role, $year)", "$person, $article, $role, $year");
        _insertMention = Prepare(
            "INSERT INTO ArticlePersons (ArticleId, PersonId, Mentions, FirstSentence, Role) VALUES ($article, $person, $mentions, $sentence, $role)",
            "$article, $person, $mentions, $sentence, $role");
        _insertEvent = Prepare(
            "INSERT INTO Events (ArticleId, \"Date\", DateEnd, Precision, \"Text\", IsArticleEvent) VALUES ($article, $date, $end, $precision, $text, $own) RETURNING Id",
            "$article, $date, $end, $precision, $text, $own");
        _insertEventPerson = Prepare("INSERT OR IGNORE INTO EventPersons (EventId, PersonId) VALUES ($event, $person)", "$event, $person");
        _countPerson = Prepare("UPDATE Persons SET ArticleCount = ArticleCount + $delta WHERE Id = $id", "$delta, $id");
        _upsertSeedFile = Prepare(
            """
            INSERT INTO SeedFiles (Path, Size, ModifiedUtc, ContentHash, ArticleId, LastImportedAt)
            VALUES ($path, $size, $modified, $hash, $article, $at)
            ON CONFLICT (Path) DO UPDATE SET Size = excluded.Size, ModifiedUtc = excluded.ModifiedUtc,
                ContentHash = excluded.ContentHash, ArticleId = excluded.ArticleId, LastImportedAt = excluded.LastImportedAt
            """,
            "$path, $size, $modified, $hash, $article, $at");
        _insertRecord = Prepare(
            "INSERT INTO ImportRecords (RunId, StartedBy, File, Outcome, Line, Reason, ArticleId, At) VALUES ($run, $by, $file, $outcome, $line, $reason, $article, $at)",
            "$run, $by, $file, $outcome, $line, $reason, $article, $at");
    }

    /// <summary>Runs the following statements inside <paramref name="transaction"/> (null: autocommit).</summary>
    public void Enlist(SqliteTransaction? transaction)
    {
        foreach (var command in _commands)
        {
            command.Transaction = transaction;
        }
    }

    public int? FindArticleByHash(string hash) => ScalarInt(_findArticleByHash, hash);

    public (string Hash, int? ArticleId)? FindSeedFile(int id)
    {
        Set(_findSeedFile, id);
        using var reader = _findSeedFile.ExecuteReader(CommandBehavior.SingleRow);
        return reader.Read() ? (reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetInt32(1)) : null;
    }

    public void TouchSeedFile(int id, SeedFileInfo file) => Execute(_touchSeedFile, file.Size, file.ModifiedUtc.UtcTicks, id);

    /// <summary>Forgets the other files that point at an article; returns how many there were.</summary>
    public int DetachOtherFiles(int articleId, string path)
    {
        Set(_detachOthers, articleId, path);
        return _detachOthers.ExecuteNonQuery();
    }

    public bool ArticleExists(int id) => ScalarInt(_articleExists, id) == 1;

    /// <summary>Removes what an article's previous content produced; returns the persons it mentioned.</summary>
    public List<int> ClearArticle(int id)
    {
        var persons = new List<int>();
        Set(_previousPersons, id);
        using (var reader = _previousPersons.ExecuteReader())
        {
            while (reader.Read())
            {
                persons.Add(reader.GetInt32(0));
            }
        }

        Execute(_deleteMentions, id);
        Execute(_deleteRoles, id);
        Execute(_deleteEvents, id);
        return persons;
    }

    /// <summary>Inserts the article, or rewrites it in place when <see cref="Article.Id"/> is set; returns its id.</summary>
    public int SaveArticle(Article a)
    {
        object?[] values =
        [
            a.Title, a.TitleDerived, Day(a.Published), a.Subject, a.SubjectPersonId, a.Caption, a.Credit, a.Body, a.Lead,
            JsonSerializer.Serialize(a.PullQuotes), a.SourceFile, a.ContentHash, a.ImportedAt.UtcTicks,
        ];
        if (a.Id == 0)
        {
            return ScalarInt(_insertArticle, values)!.Value;
        }

        Execute(_updateArticle, [.. values, a.Id]);
        return a.Id;
    }

    public int InsertPerson(string name, string normalized, string key) => ScalarInt(_insertPerson, name, normalized, key)!.Value;

    public void InsertAlias(int personId, string alias, string normalized) => Execute(_insertAlias, personId, alias, normalized);

    public void InsertRole(int personId, int articleId, string role, int year) => Execute(_insertRole, personId, articleId, role, year);

    public void InsertMention(ArticlePerson m) => Execute(_insertMention, m.ArticleId, m.PersonId, m.Mentions, m.FirstSentence, m.Role);

    public int InsertEvent(ArticleEvent e) =>
        ScalarInt(_insertEvent, e.ArticleId, Day(e.Date), Day(e.DateEnd), (int)e.Precision, e.Text, e.IsArticleEvent)!.Value;

    public void InsertEventPerson(int eventId, int personId) => Execute(_insertEventPerson, eventId, personId);

    public void CountPerson(int personId, int delta) => Execute(_countPerson, delta, personId);

    public void SaveSeedFile(string path, SeedFileInfo file, string hash, int articleId, DateTimeOffset at) =>
        Execute(_upsertSeedFile, path, file.Size, file.ModifiedUtc.UtcTicks, hash, articleId, at.UtcTicks);

    public void InsertRecord(ImportRecord r) =>
        Execute(_insertRecord, r.RunId.ToString().ToUpperInvariant(), r.StartedBy, r.File, (int)r.Outcome, r.Line, r.Reason, r.ArticleId, r.At.UtcTicks);

    public void Dispose()
    {
        foreach (var command in _commands)
        {
            command.Dispose();
        }
    }

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static void Set(SqliteCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }
    }

    private static void Execute(SqliteCommand command, params object?[] values)
    {
        Set(command, values);
        command.ExecuteNonQuery();
    }

    private static int? ScalarInt(SqliteCommand command, params object?[] values)
    {
        Set(command, values);
        return command.ExecuteScalar() is { } value and not DBNull ? Convert.ToInt32(value, CultureInfo.InvariantCulture) : null;
    }
}
