using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Options;
using NewsArchive.Web.Data;
using NewsArchive.Web.Import;

namespace NewsArchive.Web.Admin;

/// <summary>
/// The command line: <c>import &lt;folder or files&gt;</c>, <c>rebuild</c>,
/// <c>admin add|reset-password &lt;email&gt; [--password X]</c>. Runs on the app's own services,
/// without starting the server. Exit codes: 0 done, 1 some files failed, 2 usage error.
/// </summary>
public static class AdminCommandLine
{
    public const int Ok = 0;
    public const int SomeFailed = 1;
    public const int UsageError = 2;

    private const string Usage = """
        Usage:
          dotnet run --project src/NewsArchive.Web -- import <folder or files…>
          dotnet run --project src/NewsArchive.Web -- rebuild
          dotnet run --project src/NewsArchive.Web -- admin add <email> [--password X]
          dotnet run --project src/NewsArchive.Web -- admin reset-password <email> [--password X]
        Files outside the seeds folder are copied into it first (.txt, or .zip of .txt files).
        """;

    public static bool IsCommand(string[] args) => args.Length > 0 && args[0] is "import" or "rebuild" or "admin";

    /// <summary>
    /// The arguments for the host's configuration: a command's own words are left out, because the
    /// configuration reads a word starting with '/' (an absolute path) as a switch and takes the
    /// next argument, such as <c>--Archive:SeedsPath=…</c>, as its value.
    /// </summary>
    public static string[] HostArgs(string[] args)
    {
        if (!IsCommand(args))
        {
            return args;
        }

        var host = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--password")
            {
                i++;
            }
            else if (args[i].StartsWith("--", StringComparison.Ordinal))
            {
                host.Add(args[i]);
                if (!args[i].Contains('=', StringComparison.Ordinal) && i + 1 < args.Length)
                {
                    host.Add(args[++i]);
                }
            }
        }

        return [.. host];
    }

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter? output = null)
    {
        output ??= Console.Out;
        // Options for the host (--urls, --ConnectionStrings:Archive=…) are not this command's arguments.
        var words = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal) || a == "--password").ToList();
        try
        {
            await services.MigrateArchiveDatabaseAsync();
            return words switch
            {
                ["import", .. var paths] when paths.Count > 0 => await ImportAsync(services, paths, output),
                ["rebuild"] => await RebuildAsync(services, output),
                ["admin", "add" or "reset-password", var email, .. var rest] when rest is [] or ["--password", _] =>
                    await AdminAsync(services, words[1], email, rest is [_, var password] ? password : null, output),
                _ => UsageFailure(output),
            };
        }
        catch (UsageException ex)
        {
            await output.WriteLineAsync(ex.Message);
            return UsageError;
        }
    }

    private static int UsageFailure(TextWriter output)
    {
        output.WriteLine(Usage);
        return UsageError;
    }

    private static async Task<int> ImportAsync(IServiceProvider services, IReadOnlyList<string> paths, TextWriter output)
    {
        var seeds = services.GetRequiredService<SeedsFolder>();
        var inPlace = new List<string>();
        var outside = new List<string>();
        foreach (var path in paths.Select(Path.GetFullPath))
        {
            var list = Directory.Exists(path) ? SeedFolder.List(path).Select(f => f.FullPath).Concat(Zips(path))
                : File.Exists(path) ? [path]
                : throw new UsageException($"No such file or folder: {path}");
            foreach (var file in list)
            {
                (seeds.Relative(file) is not null ? inPlace : outside).Add(file);
            }
        }

        // Files from elsewhere are taken in exactly as an upload is, so the archive can always be rebuilt from its seeds folder.
        var intake = new SeedIntake(seeds.Path, services.GetRequiredService<IOptions<AdminOptions>>().Value);
        var (stored, refused) = intake.TakeIn(outside.Select(f => new IncomingFile(Path.GetFileName(f), File.ReadAllBytes(f))));
        var job = new ImportJob(ImportRunner.CommandLineUser, [.. inPlace.Select(f => seeds.Relative(f)!), .. stored], refused);
        using var progress = new ProgressDisplay(output, job.Total);
        var runner = services.GetRequiredService<ImportRunner>();
        await runner.RunAsync(job, progress.Advance);
        progress.Dispose();
        return PrintSummary(job, output);
    }

    private static IEnumerable<string> Zips(string folder) =>
        Directory.EnumerateFiles(folder, "*.zip", SearchOption.AllDirectories).Order(StringComparer.Ordinal);

    private static int PrintSummary(ImportJob job, TextWriter output)
    {
        var reports = job.Reports;
        int Count(ImportOutcome o) => reports.Count(r => r.Outcome == o);
        output.WriteLine(
            $"{reports.Count} files: {Count(ImportOutcome.Imported)} imported, {Count(ImportOutcome.Updated)} updated, " +
            $"{Count(ImportOutcome.Unchanged)} unchanged, {Count(ImportOutcome.Duplicate)} duplicates, {Count(ImportOutcome.Failed)} failed " +
            $"(run {job.Id}, {(DateTimeOffset.UtcNow - job.StartedAt).TotalSeconds:0.0}s)");
        foreach (var failure in reports.Where(r => r.Outcome == ImportOutcome.Failed))
        {
            output.WriteLine(failure.Line > 0 ? $"  failed {failure.File}:{failure.Line}: {failure.Reason}" : $"  failed {failure.File}: {failure.Reason}");
        }

        return Count(ImportOutcome.Failed) > 0 ? SomeFailed : Ok;
    }

    /// <summary>
    /// Recreates the database from the seeds folder. The new database is built beside the old
    /// one and swapped in by an atomic rename only when complete, so a crash at any point leaves
    /// either the old archive or the new one. Accounts and import history are carried over; the
    /// old database is kept as <c>.bak</c>. Run it with the web app stopped.
    /// </summary>
    private static async Task<int> RebuildAsync(IServiceProvider services, TextWriter output)
    {
        var seeds = services.GetRequiredService<SeedsFolder>();
        string oldPath;
        await using (var db = await services.GetRequiredService<IDbContextFactory<ArchiveDbContext>>().CreateDbContextAsync())
        {
            oldPath = Path.GetFullPath(new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource);
        }

        // Leaving WAL needs the only connection to the file: if that fails, something else (the web
        // app) has it open, and swapping the file under it would lose what it writes.
        SqliteConnection.ClearAllPools();
        try
        {
            await SetJournalModeAsync(new SqliteConnectionStringBuilder { DataSource = oldPath, Pooling = false, DefaultTimeout = 5 }.ToString(), "DELETE");
        }
        catch (Exception ex) when (ex is DatabaseInUseException or SqliteException { SqliteErrorCode: 5 or 6 })
        {
            throw new UsageException($"{oldPath} is in use by another process; stop the web app before rebuilding.");
        }

        var newPath = oldPath + ".rebuild";
        DeleteDatabaseFiles(newPath);
        var connection = new SqliteConnectionStringBuilder { DataSource = newPath, ForeignKeys = true, Pooling = false }.ToString();
        var options = new DbContextOptionsBuilder<ArchiveDbContext>();
        ArchiveDatabase.Configure(options, connection);
        var factory = new PooledDbContextFactory<ArchiveDbContext>(options.Options);

        await using (var db = await factory.CreateDbContextAsync())
        {
            await db.Database.MigrateSurvivingKillsAsync();
        }

        await CarryOverAsync(connection, oldPath);

        var importer = ActivatorUtilities.CreateInstance<ArchiveImporter>(services, factory);
        var runner = ActivatorUtilities.CreateInstance<ImportRunner>(services, importer, factory);
        var job = new ImportJob("rebuild", [.. seeds.EnumerateSeedFiles()], []);
        using (var progress = new ProgressDisplay(output, job.Total))
        {
            await runner.RunAsync(job, progress.Advance);
        }

        // Both files are made self-contained (no -wal beside them) before the swap: a WAL left
        // beside the new file would be replayed into it.
        SqliteConnection.ClearAllPools();
        await SetJournalModeAsync(connection, "DELETE");
        await SetJournalModeAsync(new SqliteConnectionStringBuilder { DataSource = oldPath, Pooling = false }.ToString(), "DELETE");
        if (File.Exists(oldPath))
        {
            File.Replace(newPath, oldPath, oldPath + ".bak");
        }
        else
        {
            File.Move(newPath, oldPath);
        }

        await SetJournalModeAsync(new SqliteConnectionStringBuilder { DataSource = oldPath, Pooling = false }.ToString(), "WAL");
        output.WriteLine($"Rebuilt {oldPath} from {seeds.Path}; the previous database is {oldPath}.bak");
        return PrintSummary(job, output);
    }

    /// <summary>What a rebuild keeps from the old database: it cannot be recreated from the seeds.</summary>
    private static readonly string[] CarriedOver =
    [
        "AspNetRoles", "AspNetUsers", "AspNetRoleClaims", "AspNetUserClaims", "AspNetUserLogins",
        "AspNetUserRoles", "AspNetUserTokens", "ImportRecords",
    ];

    private static async Task CarryOverAsync(string connectionString, string oldPath)
    {
        if (!File.Exists(oldPath))
        {
            return;
        }

        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "ATTACH DATABASE $old AS old";
        command.Parameters.AddWithValue("$old", oldPath);
        await command.ExecuteNonQueryAsync();
        command.Parameters.Clear();
        await using var tx = await connection.BeginTransactionAsync();
        command.Transaction = (SqliteTransaction)tx;
        foreach (var table in CarriedOver)
        {
            // Table names come from the constant list above, never from input.
            command.CommandText = $"INSERT INTO main.\"{table}\" SELECT * FROM old.\"{table}\"";
            await command.ExecuteNonQueryAsync();
        }

        await tx.CommitAsync();
    }

    /// <summary>Switches a database's journal mode; SQLite keeps the old mode (without an error) when another connection is open.</summary>
    private static async Task SetJournalModeAsync(string connectionString, string mode)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
        await command.ExecuteNonQueryAsync();
        command.CommandText = $"PRAGMA journal_mode={mode};";
        var result = (string?)await command.ExecuteScalarAsync();
        if (!string.Equals(result, mode, StringComparison.OrdinalIgnoreCase))
        {
            throw new DatabaseInUseException(new SqliteConnectionStringBuilder(connectionString).DataSource);
        }
    }

    private static void DeleteDatabaseFiles(string path)
    {
        foreach (var file in new[] { path, path + "-wal", path + "-shm", path + "-journal" })
        {
            File.Delete(file);
        }
    }

    private static async Task<int> AdminAsync(IServiceProvider services, string verb, string email, string? password, TextWriter output)
    {
        using var scope = services.CreateScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AdminAccounts>();
        var generated = password is null;
        password ??= AdminAccounts.GeneratePassword();
        var result = verb == "add" ? await accounts.AddAsync(email, password) : await accounts.ResetPasswordAsync(email, password);
        if (!result.Succeeded)
        {
            await output.WriteLineAsync($"{verb} {email} failed: {AdminAccounts.Describe(result)}");
            return SomeFailed;
        }

        await output.WriteLineAsync(verb == "add" ? $"{email} is an admin." : $"Password of {email} reset.");
        if (generated)
        {
            await output.WriteLineAsync($"Generated password (shown once): {password}");
        }

        return Ok;
    }

    private sealed class UsageException(string message) : Exception(message);

    private sealed class DatabaseInUseException(string path) : Exception($"{path} is in use by another connection");

    /// <summary>A one-line progress bar on a terminal; a line every tenth of the way when the output is redirected.</summary>
    private sealed class ProgressDisplay(TextWriter output, int total) : IDisposable
    {
        private const int Width = 30;
        private readonly bool _interactive = output == Console.Out && !Console.IsOutputRedirected;
        private int _done;
        private int _failed;
        private bool _open;

        public void Advance(FileReport report)
        {
            _done++;
            if (report.Outcome == ImportOutcome.Failed)
            {
                _failed++;
            }

            if (_interactive)
            {
                var filled = total == 0 ? Width : _done * Width / total;
                output.Write($"\r[{new string('#', filled)}{new string('.', Width - filled)}] {_done}/{total}  {_failed} failed ");
                _open = true;
            }
            else if (total > 0 && (_done == total || _done * 10 / total != (_done - 1) * 10 / total))
            {
                output.WriteLine($"{_done}/{total} files, {_failed} failed");
            }
        }

        public void Dispose()
        {
            if (_open)
            {
                output.WriteLine();
                _open = false;
            }
        }
    }
}
