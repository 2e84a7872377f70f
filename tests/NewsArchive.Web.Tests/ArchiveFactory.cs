using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsArchive.Web;
using NewsArchive.Web.Data;
using NewsArchive.Web.Import;

namespace NewsArchive.Web.Tests;

/// <summary>
/// The real app on a real SQLite file in a temp folder, with a seeds folder holding the repo's
/// seed file, the fixtures in Fixtures/, and a binary file. Startup imports them all.
/// </summary>
public class ArchiveFactory : WebApplicationFactory<Program>
{
    public const string SeedFileName = "000_2ef5bfdfb831a724.txt";
    public const string BinaryFileName = "binary.txt";

    public ArchiveFactory()
    {
        Root = Directory.CreateTempSubdirectory("newsarchive-web-tests-").FullName;
        SeedsPath = Path.Combine(Root, "seeds");
        Directory.CreateDirectory(SeedsPath);
        var repo = ArchivePaths.FindRepoRoot(AppContext.BaseDirectory) ?? throw new InvalidOperationException("repository root not found");
        File.Copy(Path.Combine(repo, "seeds", SeedFileName), Path.Combine(SeedsPath, SeedFileName));
        foreach (var fixture in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures"), "*.txt"))
        {
            File.Copy(fixture, Path.Combine(SeedsPath, Path.GetFileName(fixture)));
        }

        // Not text at all: NUL bytes and invalid UTF-8.
        File.WriteAllBytes(Path.Combine(SeedsPath, BinaryFileName), [0x00, 0xFF, 0xFE, 0x00, 0x89, 0x50, 0x4E, 0x47, 0x00, 0xC3, 0x28, 0x00]);
    }

    public string Root { get; }

    public string SeedsPath { get; }

    public string DatabasePath => Path.Combine(Root, "data", "archive.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Archive:SeedsPath", SeedsPath);
        builder.UseSetting("ConnectionStrings:Archive", $"Data Source={DatabasePath}");
        // The tests call the importer themselves; a drop-folder import racing them would make outcomes random.
        builder.UseSetting("Admin:WatchSeeds", "false");
    }

    public ArchiveImporter Importer => Services.GetRequiredService<ArchiveImporter>();

    /// <summary>Runs a query against the archive's database in its own scope.</summary>
    public async Task<T> QueryAsync<T>(Func<ArchiveDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ArchiveDbContext>();
        return await query(db);
    }

    public Task<int> ArticleIdOfAsync(string file) =>
        QueryAsync(db => db.SeedFiles.Where(s => s.Path == file).Select(s => s.ArticleId ?? 0).SingleAsync());

    /// <summary>Writes a seed file with a fresh modification time (so the incremental check sees a change).</summary>
    public string WriteSeed(string name, string content)
    {
        var path = Path.Combine(SeedsPath, name);
        File.WriteAllText(path, content);
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddSeconds(Random.Shared.Next(1, 1000)));
        return path;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(Root, recursive: true);
            }
            catch (IOException)
            {
                // A temp folder left behind is harmless; failing the run over it is not.
            }
        }
    }
}
