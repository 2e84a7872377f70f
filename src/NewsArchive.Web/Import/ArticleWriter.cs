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
    private readonly MultiRowInsert _insertRoles;
    private readonly MultiRowInsert _insertMentions;
    private readonly MultiRowInsert _insertEvents;
    private readonly MultiRowInsert _insertEventPersons;
    private readonly SqliteCommand _countPersons;
    private readonly SqliteConnection _connection;
    private SqliteTransaction? _transaction;
    private readonly SqliteCommand _upsertSeedFile;
    private readonly SqliteCommand _insertRecord;
    private readonly SqliteCommand _savepoint;
    private readonly SqliteCommand _releaseSavepoint;
    private readonly SqliteCommand _rollbackToSavepoint;

    /// <summary>What the serializer writes for an empty list, as EF stores it; most articles have no pull quote.</summary>
    private const string NoPullQuotes = "[]";

    /// <summary>The last run id written and its text: every record of a run has the same.</summary>
    private (Guid Id, string Text) _runId;

    private const string ArticleColumns = "$title, $titleDerived, $published, $subject, $subjectPersonId, $caption, $credit, $body, $lead, $pullQuotes, $sourceFile, $contentHash, $importedAt";

    public ArticleWriter(SqliteConnection connection)
    {
        _connection = connection;
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
        // An article's mentions, roles, events and their persons go in one statement per table (rows in list order).
        _insertRoles = new MultiRowInsert(this, "INSERT INTO PersonRoles (PersonId, ArticleId, Role, Year)", 4, "");
        _insertMentions = new MultiRowInsert(this, "INSERT INTO ArticlePersons (ArticleId, PersonId, Mentions, FirstSentence, Role)", 5, "");
        _insertEvents = new MultiRowInsert(this, "INSERT INTO Events (ArticleId, \"Date\", DateEnd, Precision, \"Text\", IsArticleEvent)", 6, "RETURNING Id");
        _insertEventPersons = new MultiRowInsert(this, "INSERT OR IGNORE INTO EventPersons (EventId, PersonId)", 2, "");
        _countPersons = Prepare("UPDATE Persons SET ArticleCount = ArticleCount + $delta WHERE Id IN (SELECT value FROM json_each($ids))", "$delta, $ids");
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
        // One file's savepoint, as prepared statements: through EF each was a new command with its logging, twice per file.
        _savepoint = Prepare("SAVEPOINT seed_file", "");
        _releaseSavepoint = Prepare("RELEASE seed_file", "");
        _rollbackToSavepoint = Prepare("ROLLBACK TO seed_file; RELEASE seed_file", "");
    }

    /// <summary>Begins the current file's savepoint inside the batch transaction.</summary>
    public void BeginFile() => _savepoint.ExecuteNonQuery();

    /// <summary>Keeps what the current file wrote (it commits with the batch).</summary>
    public void KeepFile() => _releaseSavepoint.ExecuteNonQuery();

    /// <summary>Undoes everything the current file wrote since <see cref="BeginFile"/>.</summary>
    public void UndoFile() => _rollbackToSavepoint.ExecuteNonQuery();

    /// <summary>Runs the following statements inside <paramref name="transaction"/> (null: autocommit).</summary>
    public void Enlist(SqliteTransaction? transaction)
    {
        _transaction = transaction;
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
            a.PullQuotes.Count == 0 ? NoPullQuotes : JsonSerializer.Serialize(a.PullQuotes), a.SourceFile, a.ContentHash, a.ImportedAt.UtcTicks,
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

    public void InsertRoles(IReadOnlyList<PersonRole> roles) =>
        _insertRoles.Execute(roles.Count, (i, values) =>
        {
            var r = roles[i];
            (values[0], values[1], values[2], values[3]) = (r.PersonId, r.ArticleId, r.Role, r.Year);
        });

    public void InsertMentions(IReadOnlyList<ArticlePerson> mentions) =>
        _insertMentions.Execute(mentions.Count, (i, values) =>
        {
            var m = mentions[i];
            (values[0], values[1], values[2], values[3], values[4]) = (m.ArticleId, m.PersonId, m.Mentions, m.FirstSentence, m.Role);
        });

    /// <summary>Inserts the events and sets their ids.</summary>
    public void InsertEvents(IReadOnlyList<ArticleEvent> events)
    {
        var ids = new List<int>(events.Count);
        _insertEvents.Execute(events.Count, (i, values) =>
        {
            var e = events[i];
            (values[0], values[1], values[2], values[3], values[4], values[5]) = (e.ArticleId, Day(e.Date), Day(e.DateEnd), (int)e.Precision, e.Text, e.IsArticleEvent);
        }, ids);
        // One writer, rows inserted in list order: the ids, ascending, are the events' in order.
        ids.Sort();
        for (var i = 0; i < events.Count; i++)
        {
            events[i].Id = ids[i];
        }
    }

    public void InsertEventPersons(IReadOnlyList<EventPerson> links) =>
        _insertEventPersons.Execute(links.Count, (i, values) => (values[0], values[1]) = (links[i].EventId, links[i].PersonId));

    /// <summary>Moves the article count of each of the persons by <paramref name="delta"/>.</summary>
    public void CountPersons(IReadOnlyCollection<int> personIds, int delta)
    {
        if (personIds.Count > 0)
        {
            Execute(_countPersons, delta, JsonSerializer.Serialize(personIds));
        }
    }

    public void SaveSeedFile(string path, SeedFileInfo file, string hash, int articleId, DateTimeOffset at) =>
        Execute(_upsertSeedFile, path, file.Size, file.ModifiedUtc.UtcTicks, hash, articleId, at.UtcTicks);

    public void InsertRecord(ImportRecord r) =>
        Execute(_insertRecord, RunIdText(r.RunId), r.StartedBy, r.File, (int)r.Outcome, r.Line, r.Reason, r.ArticleId, r.At.UtcTicks);

    private string RunIdText(Guid id)
    {
        if (_runId.Id != id || _runId.Text is null)
        {
            _runId = (id, id.ToString().ToUpperInvariant());
        }

        return _runId.Text;
    }

    public void Dispose()
    {
        foreach (var command in _commands)
        {
            command.Dispose();
        }
    }

    /// <summary>
    /// An INSERT of up to <see cref="MaxRows"/> rows a statement, each row count prepared once, with
    /// parameters <c>$p0</c>, <c>$p1</c>… row after row.
    /// </summary>
    private sealed class MultiRowInsert(ArticleWriter writer, string head, int columns, string tail)
    {
        private const int MaxRows = 16;
        private readonly SqliteCommand?[] _byRows = new SqliteCommand?[MaxRows + 1];
        private readonly object?[] _row = new object?[columns];

        /// <summary>Inserts <paramref name="count"/> rows, <paramref name="fill"/> writing row <c>i</c>'s values; the first column returned, if any, is added to <paramref name="returned"/>.</summary>
        public void Execute(int count, Action<int, object?[]> fill, List<int>? returned = null)
        {
            for (var start = 0; start < count; start += MaxRows)
            {
                var rows = Math.Min(MaxRows, count - start);
                var command = _byRows[rows] ??= Create(rows);
                for (var r = 0; r < rows; r++)
                {
                    fill(start + r, _row);
                    for (var c = 0; c < columns; c++)
                    {
                        command.Parameters[(r * columns) + c].Value = _row[c] ?? DBNull.Value;
                    }
                }

                if (returned is null)
                {
                    command.ExecuteNonQuery();
                    continue;
                }

                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    returned.Add(reader.GetInt32(0));
                }
            }
        }

        private SqliteCommand Create(int rows)
        {
            var sql = new System.Text.StringBuilder(head).Append(" VALUES ");
            var names = new List<string>(rows * columns);
            for (var r = 0; r < rows; r++)
            {
                sql.Append(r == 0 ? "(" : ", (");
                for (var c = 0; c < columns; c++)
                {
                    var name = $"$p{(r * columns) + c}";
                    names.Add(name);
                    sql.Append(c == 0 ? "" : ", ").Append(name);
                }

                sql.Append(')');
            }

            var command = writer._connection.CreateCommand();
            command.CommandText = sql.Append(' ').Append(tail).ToString();
            command.Transaction = writer._transaction;
            foreach (var name in names)
            {
                command.Parameters.Add(new SqliteParameter(name, null));
            }

            writer._commands.Add(command);
            return command;
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
