using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;

namespace NewsArchive.Web.Search;

/// <summary>
/// The FTS5 auxiliary function <c>headline(ArticleSearch, $clauses)</c>: 1 when the current row's
/// title or subject carries every clause of the query, else 0. It reads the positions FTS5 has
/// already matched for the row (<c>xPhraseFirst</c>), so the walk that yields a query's candidates
/// also says which of them are headline matches. Before it, that took a second MATCH of the
/// headline terms from the oldest candidate on, which walked the same words' doclists again: for a
/// phrase of two common words at 1M articles, 3–10 ms of CPU on top of the 10–35 ms walk.
/// </summary>
/// <remarks>
/// Microsoft.Data.Sqlite offers no way to register an FTS5 function, so this calls the same native
/// SQLite library (<c>e_sqlite3</c>) it loads: <c>SELECT fts5(?1)</c> hands out the
/// <c>fts5_api</c> pointer, whose <c>xCreateFunction</c> registers the function on one connection.
/// A connection it cannot register on (another SQLite build) keeps the second MATCH.
/// </remarks>
internal static unsafe partial class HeadlineFunction
{
    public const string Name = "headline";

    /// <summary>The clause map's value for a phrase that is not part of a positive clause (an exclusion, a filter token).</summary>
    public const byte NoClause = byte.MaxValue;

    private const int SqliteOk = 0;
    private const int SqliteRow = 100;
    private const int SqliteDone = 101;

    /// <summary>The native connections the function is registered on (FTS5 keeps every registration, so each gets one).</summary>
    private static readonly ConditionalWeakTable<object, object> Registered = [];

    /// <summary>
    /// Registers the function on <paramref name="connection"/> (open) unless it is already there.
    /// False when it cannot be: the caller matches the headline terms in SQL instead.
    /// </summary>
    public static bool TryRegister(DbConnection connection)
    {
        if (connection is not SqliteConnection { Handle: { } handle } || handle.IsInvalid)
        {
            return false;
        }

        if (Registered.TryGetValue(handle, out _))
        {
            return true;
        }

        try
        {
            var api = Fts5Api(handle.DangerousGetHandle());
            if (api is null || api->Version < 2)
            {
                return false;
            }

            fixed (byte* name = "headline\0"u8)
            {
                if (api->CreateFunction(api, name, 0, &Headline, 0) != SqliteOk)
                {
                    return false;
                }
            }

            Registered.AddOrUpdate(handle, handle);
            return true;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    /// <summary>
    /// The <c>$clauses</c> argument for <paramref name="query"/>: byte 0 is the number of clauses,
    /// then one byte per phrase of <see cref="SearchQuery.ToFtsMatch()"/>, in FTS5's numbering (the
    /// order they are written in): the clause it belongs to, or <see cref="NoClause"/>. Phrases the
    /// search appends after it (person and period tokens) are past the end and count for nothing.
    /// </summary>
    public static byte[] ClauseMap(SearchQuery query)
    {
        var map = new List<byte> { (byte)query.Clauses.Count };
        for (var c = 0; c < query.Clauses.Count; c++)
        {
            foreach (var term in query.Clauses[c])
            {
                map.AddRange(Enumerable.Repeat((byte)c, 1 + term.Variants.Count));
            }
        }

        foreach (var term in query.Excluded)
        {
            map.AddRange(Enumerable.Repeat(NoClause, 1 + term.Variants.Count));
        }

        return [.. map];
    }

    private static Fts5ApiTable* Fts5Api(nint db)
    {
        nint statement = 0;
        fixed (byte* sql = "SELECT fts5(?1)\0"u8)
        {
            if (sqlite3_prepare_v2(db, sql, -1, &statement, 0) != SqliteOk)
            {
                return null;
            }
        }

        try
        {
            Fts5ApiTable* api = null;
            fixed (byte* type = "fts5_api_ptr\0"u8)
            {
                if (sqlite3_bind_pointer(statement, 1, &api, type, 0) != SqliteOk)
                {
                    return null;
                }

                var step = sqlite3_step(statement);
                return step is SqliteRow or SqliteDone ? api : null;
            }
        }
        finally
        {
            _ = sqlite3_finalize(statement);
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void Headline(ExtensionApi* api, nint fts, nint context, int argCount, nint* args)
    {
        var map = argCount == 1 ? (byte*)sqlite3_value_blob(args[0]) : null;
        var length = map is null ? 0 : sqlite3_value_bytes(args[0]);
        if (length < 1 || map[0] is 0 or > 32)
        {
            sqlite3_result_int(context, 0);
            return;
        }

        var clauses = map[0];
        var all = clauses == 32 ? uint.MaxValue : (1u << clauses) - 1;
        var seen = 0u;
        var phrases = Math.Min(api->PhraseCount(fts), length - 1);
        for (var i = 0; i < phrases && seen != all; i++)
        {
            var clause = map[i + 1];
            if (clause >= clauses || (seen & (1u << clause)) != 0)
            {
                continue;
            }

            // The instances come in column order: the first one says whether any is in the
            // title (column 0) or the subject (column 1).
            PhraseIterator iterator;
            int column, offset;
            if (api->PhraseFirst(fts, i, &iterator, &column, &offset) == SqliteOk && column is 0 or 1)
            {
                seen |= 1u << clause;
            }
        }

        sqlite3_result_int(context, seen == all ? 1 : 0);
    }

    /// <summary>The start of SQLite's <c>fts5_api</c> (fts5.h): only the members used here.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct Fts5ApiTable
    {
        public int Version;
        public nint CreateTokenizer;
        public nint FindTokenizer;
        public delegate* unmanaged[Cdecl]<Fts5ApiTable*, byte*, nint, delegate* unmanaged[Cdecl]<ExtensionApi*, nint, nint, int, nint*, void>, nint, int> CreateFunction;
    }

    /// <summary>The start of SQLite's <c>Fts5ExtensionApi</c> (fts5.h), in its order, up to <c>xPhraseFirst</c>.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct ExtensionApi
    {
        public int Version;
        public nint UserData;
        public nint ColumnCount;
        public nint RowCount;
        public nint ColumnTotalSize;
        public nint Tokenize;
        public delegate* unmanaged[Cdecl]<nint, int> PhraseCount;
        public nint PhraseSize;
        public nint InstCount;
        public nint Inst;
        public nint Rowid;
        public nint ColumnText;
        public nint ColumnSize;
        public nint QueryPhrase;
        public nint SetAuxdata;
        public nint GetAuxdata;
        public delegate* unmanaged[Cdecl]<nint, int, PhraseIterator*, int*, int*, int> PhraseFirst;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct PhraseIterator
    {
        public nint A;
        public nint B;
    }

    [LibraryImport("e_sqlite3")]
    private static partial int sqlite3_prepare_v2(nint db, byte* sql, int bytes, nint* statement, nint tail);

    [LibraryImport("e_sqlite3")]
    private static partial int sqlite3_bind_pointer(nint statement, int index, void* pointer, byte* type, nint destructor);

    [LibraryImport("e_sqlite3")]
    private static partial int sqlite3_step(nint statement);

    [LibraryImport("e_sqlite3")]
    private static partial int sqlite3_finalize(nint statement);

    [LibraryImport("e_sqlite3")]
    private static partial nint sqlite3_value_blob(nint value);

    [LibraryImport("e_sqlite3")]
    private static partial int sqlite3_value_bytes(nint value);

    [LibraryImport("e_sqlite3")]
    private static partial void sqlite3_result_int(nint context, int value);
}
