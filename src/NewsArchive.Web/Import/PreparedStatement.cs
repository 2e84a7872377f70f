using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace NewsArchive.Web.Import;

/// <summary>
/// One SQL statement of the import's hot path, prepared once on the run's open connection and
/// bound by position. A <see cref="SqliteCommand"/> looks each parameter up by name and encodes it
/// again on every execution, and allocates a reader even for an INSERT: with a dozen statements
/// and some sixty values an article, that cost more than SQLite's own work for the rows.
/// </summary>
/// <remarks>
/// It runs in whatever transaction the connection has open, so it adds nothing to a batch's
/// atomicity and takes nothing from it. Errors surface as <see cref="SqliteException"/>, as from a command.
/// </remarks>
internal sealed class PreparedStatement : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;
    /// <summary>The position of each named parameter, in the order the caller binds them.</summary>
    private readonly int[] _positions;

    /// <param name="parameters">The statement's parameter names, in the order <see cref="Bind"/> takes their values.</param>
    public PreparedStatement(SqliteConnection connection, string sql, IReadOnlyList<string> parameters)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("The connection must be open to prepare a statement.");
        Check(raw.sqlite3_prepare_v2(_db, sql, out _statement));
        _positions = new int[parameters.Count];
        for (var i = 0; i < parameters.Count; i++)
        {
            _positions[i] = raw.sqlite3_bind_parameter_index(_statement, parameters[i]);
            if (_positions[i] == 0)
            {
                _statement.Dispose();
                throw new ArgumentException($"The statement has no parameter {parameters[i]}: {sql}", nameof(parameters));
            }
        }
    }

    /// <summary>Binds the value of the <paramref name="parameter"/>-th named parameter, stored as the EF model stores its type.</summary>
    public void Bind(int parameter, object? value)
    {
        var position = _positions[parameter];
        Check(value switch
        {
            null or DBNull => raw.sqlite3_bind_null(_statement, position),
            string text => raw.sqlite3_bind_text16(_statement, position, text.AsSpan()),
            int number => raw.sqlite3_bind_int64(_statement, position, number),
            long number => raw.sqlite3_bind_int64(_statement, position, number),
            bool flag => raw.sqlite3_bind_int64(_statement, position, flag ? 1 : 0),
            double number => raw.sqlite3_bind_double(_statement, position, number),
            _ => throw new ArgumentException($"No binding for a {value.GetType().Name}.", nameof(value)),
        });
    }

    /// <summary>Binds <paramref name="values"/> to the named parameters in order.</summary>
    public void BindAll(ReadOnlySpan<object?> values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            Bind(i, values[i]);
        }
    }

    /// <summary>Runs the statement to its end; returns the rows it changed.</summary>
    public int Execute()
    {
        try
        {
            int rc;
            while ((rc = raw.sqlite3_step(_statement)) == raw.SQLITE_ROW)
            {
            }

            Check(rc);
            return raw.sqlite3_changes(_db);
        }
        finally
        {
            raw.sqlite3_reset(_statement);
        }
    }

    /// <summary>Runs the statement and reads the integer in the first column of each row into <paramref name="into"/>.</summary>
    public void ReadIntegers(List<int> into)
    {
        try
        {
            int rc;
            while ((rc = raw.sqlite3_step(_statement)) == raw.SQLITE_ROW)
            {
                into.Add(raw.sqlite3_column_int(_statement, 0));
            }

            Check(rc);
        }
        finally
        {
            raw.sqlite3_reset(_statement);
        }
    }

    /// <summary>Runs the statement and reads its first row with <paramref name="read"/>; default when it has none.</summary>
    public T? ReadFirst<T>(Func<sqlite3_stmt, T> read)
    {
        try
        {
            var rc = raw.sqlite3_step(_statement);
            if (rc == raw.SQLITE_ROW)
            {
                return read(_statement);
            }

            Check(rc);
            return default;
        }
        finally
        {
            raw.sqlite3_reset(_statement);
        }
    }

    public void Dispose() => _statement.Dispose();

    private void Check(int rc)
    {
        if (rc is not (raw.SQLITE_OK or raw.SQLITE_DONE or raw.SQLITE_ROW))
        {
            SqliteException.ThrowExceptionForRC(rc, _db);
        }
    }
}
