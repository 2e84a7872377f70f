using System.Data.Common;

namespace NewsArchive.Web.Search;

/// <summary>The search's hand-written SQL binds its parameters through this one helper.</summary>
internal static class DbCommandExtensions
{
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
