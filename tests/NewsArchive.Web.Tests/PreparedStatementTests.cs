using Microsoft.Data.Sqlite;
using NewsArchive.Web.Import;
using SQLitePCL;

namespace NewsArchive.Web.Tests;

/// <summary>The import's statements bound by position store what a command would, and fail the way a command does.</summary>
public sealed class PreparedStatementTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("na-prepared-").FullName;
    private readonly SqliteConnection _connection;

    public PreparedStatementTests()
    {
        _connection = new SqliteConnection($"Data Source={Path.Combine(_folder, "t.db")}");
        _connection.Open();
        Run("CREATE TABLE T (Id INTEGER PRIMARY KEY, Name TEXT UNIQUE)");
        Run("CREATE TABLE V (Id INTEGER PRIMARY KEY, Name TEXT, Flag INTEGER, Ticks INTEGER, Note TEXT, Score REAL)");
    }

    public void Dispose()
    {
        _connection.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void Values_are_stored_as_a_command_stores_them()
    {
        object?[] values = ["هدّد الأميركي", true, 638_500_000_000_000_000L, null, 2.5];
        using (var insert = new PreparedStatement(_connection, "INSERT INTO V (Id, Name, Flag, Ticks, Note, Score) VALUES (1, $name, $flag, $ticks, $note, $score)", ["$name", "$flag", "$ticks", "$note", "$score"]))
        {
            insert.BindAll(values);
            Assert.Equal(1, insert.Execute());
        }

        using (var command = _connection.CreateCommand())
        {
            command.CommandText = "INSERT INTO V (Id, Name, Flag, Ticks, Note, Score) VALUES (2, $name, $flag, $ticks, $note, $score)";
            foreach (var (name, value) in new[] { "$name", "$flag", "$ticks", "$note", "$score" }.Zip(values))
            {
                command.Parameters.AddWithValue(name, value ?? DBNull.Value);
            }

            command.ExecuteNonQuery();
        }

        const string Stored = "SELECT quote(Name) || typeof(Flag) || quote(Flag) || typeof(Ticks) || quote(Ticks) || quote(Note) || quote(Score) FROM V WHERE Id = ";
        Assert.Equal(Scalar(Stored + 2), Scalar(Stored + 1));
        Assert.Equal("'هدّد الأميركي'integer1integer638500000000000000NULL2.5", Scalar(Stored + 1));
    }

    [Fact]
    public void A_failed_step_throws_the_sqlite_error_and_the_statement_runs_again()
    {
        using var insert = new PreparedStatement(_connection, "INSERT INTO T (Name) VALUES ($name)", ["$name"]);
        insert.Bind(0, "بيلوسوف");
        insert.Execute();

        insert.Bind(0, "بيلوسوف");
        var error = Assert.Throws<SqliteException>(() => insert.Execute());
        Assert.Equal(raw.SQLITE_CONSTRAINT, error.SqliteErrorCode);
        Assert.Contains("UNIQUE", error.Message, StringComparison.Ordinal);

        insert.Bind(0, "شويغو");
        Assert.Equal(1, insert.Execute());
        Assert.Equal("2", Scalar("SELECT count(*) FROM T"));
    }

    [Fact]
    public void Rows_are_read_back_and_a_query_without_rows_reads_nothing()
    {
        using var insert = new PreparedStatement(_connection, "INSERT INTO T (Name) VALUES ($a), ($b), ($c) RETURNING Id", ["$a", "$b", "$c"]);
        insert.BindAll(["أ", "ب", "ج"]);
        var ids = new List<int>();
        insert.ReadIntegers(ids);
        Assert.Equal([1, 2, 3], ids);

        using var find = new PreparedStatement(_connection, "SELECT Id FROM T WHERE Name = $name", ["$name"]);
        find.Bind(0, "ب");
        Assert.Equal(2, find.ReadFirst(row => raw.sqlite3_column_int(row, 0)));
        find.Bind(0, "د");
        Assert.Equal(0, find.ReadFirst(row => raw.sqlite3_column_int(row, 0)));
    }

    [Fact]
    public void It_writes_inside_the_connections_transaction()
    {
        using var insert = new PreparedStatement(_connection, "INSERT INTO T (Name) VALUES ($name)", ["$name"]);
        using (var transaction = _connection.BeginTransaction())
        {
            insert.Bind(0, "أوستن");
            insert.Execute();
            transaction.Rollback();
        }

        Assert.Equal("0", Scalar("SELECT count(*) FROM T"));
    }

    [Fact]
    public void A_parameter_the_statement_lacks_is_refused_when_prepared()
    {
        var error = Assert.Throws<ArgumentException>(() => new PreparedStatement(_connection, "INSERT INTO T (Name) VALUES ($name)", ["$title"]));
        Assert.Contains("$title", error.Message, StringComparison.Ordinal);
    }

    private void Run(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private string? Scalar(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
