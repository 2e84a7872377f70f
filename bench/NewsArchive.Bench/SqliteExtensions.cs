using Microsoft.Data.Sqlite;

namespace NewsArchive.Bench;

internal static class SqliteExtensions
{
    /// <summary>Runs <paramref name="sql"/> (one or more statements) for its effect.</summary>
    public static void Execute(this SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
