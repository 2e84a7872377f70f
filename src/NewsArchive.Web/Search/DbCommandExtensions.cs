using System.Data.Common;

namespace NewsArchive.Web.Search;

/// <summary>The search's hand-written SQL makes its commands and binds its parameters through these helpers.</summary>
internal static class DbCommandExtensions
{
    /// <summary>A command for <paramref name="sql"/>, in <paramref name="transaction"/> when there is one.</summary>
    public static DbCommand Command(this DbConnection connection, string sql, DbTransaction? transaction)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    /// <summary>Runs <paramref name="sql"/> and returns the first column of its first row.</summary>
    public static async Task<object?> ScalarAsync(this DbConnection connection, string sql, DbTransaction? transaction, CancellationToken ct)
    {
        await using var command = connection.Command(sql, transaction);
        return await command.ExecuteScalarAsync(ct);
    }

    /// <summary>Adds a named parameter and returns it, so a statement can run again with new values.</summary>
    public static DbParameter AddParameter(this DbCommand command, string name, object value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        command.Parameters.Add(p);
        return p;
    }
}
