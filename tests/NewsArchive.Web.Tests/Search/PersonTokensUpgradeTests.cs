using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsArchive.Web.Data;
using NewsArchive.Web.Import;
using NewsArchive.Web.Search;

namespace NewsArchive.Web.Tests.Search;

/// <summary>
/// An archive indexed before person tokens existed: its entries have date tokens only, and the
/// migration records that every entry up to its highest id lacks them. Person filters must stay
/// right (the set test) until <see cref="PersonTokens.UpgradeAsync"/> has re-indexed it, and the
/// same after.
/// </summary>
public sealed class PersonTokensUpgradeTests(ArchiveFactory factory) : IClassFixture<ArchiveFactory>
{
    private const string Austin = "وقال وزير الدفاع الأميركي لويد أوستن إن المعرض ناجح.";
    private const string Jadaan = "وقال وزير المالية محمد الجدعان إن المعرض ناجح.";

    [Fact]
    public async Task An_archive_indexed_without_person_tokens_is_searched_right_before_and_after_its_upgrade()
    {
        // The host starts (and imports the seeds folder) first, so this import does the work.
        var importer = factory.Importer;
        var folder = Path.Combine(factory.SeedsPath, "old");
        Directory.CreateDirectory(folder);
        for (var i = 0; i < 7; i++)
        {
            await File.WriteAllTextAsync(Path.Combine(folder, $"o{i}.txt"), PersonTokensTests.Article($"2019-04-{i + 1:D2}", i % 3 == 0 ? Jadaan : Austin));
        }

        Assert.Equal(7, (await importer.ImportFolderAsync(folder, new ImportRequest("test"))).Imported);
        var word = "الياسمينية 2019";
        var austin = await PersonTokensTests.IdsAsync(factory, word, "لويد أوستن");
        var jadaan = await PersonTokensTests.IdsAsync(factory, word, "محمد الجدعان");
        Assert.Equal(4, austin.Count);
        Assert.Equal(3, jadaan.Count);

        await IndexAsBeforePersonTokensAsync();
        Assert.False(await PersonTokensTests.TokensMatchArticlePersonsAsync(factory));
        Assert.True(await MissingUpToAsync() > 0);
        Assert.Equal(austin, await PersonTokensTests.IdsAsync(factory, word, "لويد أوستن"));
        Assert.Equal(jadaan, await PersonTokensTests.IdsAsync(factory, word, "محمد الجدعان"));

        var reindexed = await PersonTokens.UpgradeAsync(
            $"Data Source={factory.DatabasePath}", factory.Services.GetRequiredService<SearchAnalyzer>(), null, CancellationToken.None);

        Assert.Equal(await factory.QueryAsync(db => db.Articles.CountAsync()), reindexed);
        Assert.Equal(0, await MissingUpToAsync());
        Assert.True(await PersonTokensTests.TokensMatchArticlePersonsAsync(factory));
        Assert.Equal(austin, await PersonTokensTests.IdsAsync(factory, word, "لويد أوستن"));
        Assert.Equal(jadaan, await PersonTokensTests.IdsAsync(factory, word, "محمد الجدعان"));
    }

    [Fact]
    public async Task The_app_gives_an_old_archive_its_person_tokens_in_the_background_when_it_starts()
    {
        // The host starts (and imports the seeds folder) first, so this import does the work.
        var importer = factory.Importer;
        var folder = Path.Combine(factory.SeedsPath, "started");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "s.txt"), PersonTokensTests.Article("2018-02-03", Austin));
        Assert.Equal(1, (await importer.ImportFolderAsync(folder, new ImportRequest("test"))).Imported);
        await IndexAsBeforePersonTokensAsync();
        Assert.True(await MissingUpToAsync() > 0);

        // A second start of the app on the same archive (the first one is already running).
        await using var restarted = new SameArchive(factory);
        _ = restarted.Services;
        for (var i = 0; i < 300 && await MissingUpToAsync() > 0; i++)
        {
            await Task.Delay(100);
        }

        Assert.Equal(0, await MissingUpToAsync());
        Assert.True(await PersonTokensTests.TokensMatchArticlePersonsAsync(factory));
    }

    /// <summary>The app started on the archive and seeds folder of another factory.</summary>
    private sealed class SameArchive(ArchiveFactory archive) : Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            builder.UseSetting("Archive:SeedsPath", archive.SeedsPath);
            builder.UseSetting("ConnectionStrings:Archive", $"Data Source={archive.DatabasePath}");
            builder.UseSetting("Admin:WatchSeeds", "false");
        }
    }

    /// <summary>
    /// Rewrites every index entry as the indexer wrote it before person tokens (the date tokens
    /// alone) and runs the migration's SQL on that archive, as an upgrade finds an old one.
    /// </summary>
    private async Task IndexAsBeforePersonTokensAsync()
    {
        var analyzer = factory.Services.GetRequiredService<SearchAnalyzer>();
        var articles = await factory.QueryAsync(db => db.Articles.AsNoTracking().ToListAsync());
        await using var connection = new SqliteConnection($"Data Source={factory.DatabasePath}");
        await connection.OpenAsync();
        await using var transaction = connection.BeginTransaction();
        foreach (var a in articles)
        {
            var text = analyzer.AnalyzeArticle(a.Title, a.Subject, a.Caption, a.Body, a.Published);
            await ExecuteAsync(connection, transaction, SearchSql.Delete, ("$id", a.Id));
            await ExecuteAsync(connection, transaction, SearchSql.Insert,
                ("$id", a.Id), ("$title", text.Title), ("$subject", text.Subject), ("$caption", text.Caption), ("$body", text.Body), ("$period", text.Period));
        }

        await ExecuteAsync(connection, transaction, SearchSql.DropIndexState);
        await ExecuteAsync(connection, transaction, SearchSql.CreateIndexState);
        await transaction.CommitAsync();
    }

    private static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction transaction, string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync();
    }

    private Task<long> MissingUpToAsync() => factory.QueryAsync(db =>
        db.Database.SqlQueryRaw<long>("SELECT Value FROM SearchIndexState WHERE Key = 'PersonTokensMissingUpTo'").SingleAsync());
}
