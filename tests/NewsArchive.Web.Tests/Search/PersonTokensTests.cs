using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsArchive.Web.Admin;
using NewsArchive.Web.Data;
using NewsArchive.Web.Import;
using NewsArchive.Web.Search;

namespace NewsArchive.Web.Tests.Search;

/// <summary>
/// A person filter with words is an FTS5 intersection with the person tokens the indexer writes
/// beside the date tokens (<see cref="PersonTokens"/>), so those tokens must follow every change of
/// an article's persons: import, re-import with other persons, delete by an admin.
/// </summary>
public sealed class PersonTokensTests(ArchiveFactory factory) : IClassFixture<ArchiveFactory>
{
    private const string Word = "الياسمينية";
    private const string Austin = "وقال وزير الدفاع الأميركي لويد أوستن إن المعرض ناجح.";
    private const string Jadaan = "وقال وزير المالية محمد الجدعان إن المعرض ناجح.";

    [Fact]
    public async Task Every_index_entry_carries_a_token_for_each_person_the_article_names()
    {
        await ImportAsync("tokens", ("a.txt", Article("2020-03-01", Austin)), ("b.txt", Article("2020-03-02", Jadaan)));

        Assert.True(await TokensMatchArticlePersonsAsync(factory));
    }

    [Fact]
    public async Task Person_filter_with_a_word_follows_a_reimport_that_changes_the_persons()
    {
        var folder = await ImportAsync("reimport", ("r.txt", Article("2021-06-01", Austin)));
        var id = await factory.ArticleIdOfAsync("reimport/r.txt");
        Assert.Equal([id], await IdsAsync(factory, Word + " 2021", "لويد أوستن"));

        await File.WriteAllTextAsync(Path.Combine(folder, "r.txt"), Article("2021-06-01", Jadaan));
        Assert.Equal(1, (await factory.Importer.ImportFolderAsync(folder, new ImportRequest("test"))).Updated);

        Assert.Equal(id, await factory.ArticleIdOfAsync("reimport/r.txt"));
        Assert.Empty(await IdsAsync(factory, Word + " 2021", "لويد أوستن"));
        Assert.Equal([id], await IdsAsync(factory, Word + " 2021", "محمد الجدعان"));
        Assert.True(await TokensMatchArticlePersonsAsync(factory));
    }

    [Fact]
    public async Task Person_filter_with_a_word_forgets_an_article_an_admin_deleted()
    {
        await ImportAsync("deleted", ("d1.txt", Article("2022-01-10", Austin)), ("d2.txt", Article("2022-01-11", Austin)));
        var kept = await factory.ArticleIdOfAsync("deleted/d1.txt");
        var gone = await factory.ArticleIdOfAsync("deleted/d2.txt");
        Assert.Equal([gone, kept], await IdsAsync(factory, Word + " 2022", "لويد أوستن"));

        using (var scope = factory.Services.CreateScope())
        {
            Assert.NotNull(await scope.ServiceProvider.GetRequiredService<ArticleAdmin>().DeleteAsync(gone, "test"));
        }

        Assert.Equal([kept], await IdsAsync(factory, Word + " 2022", "لويد أوستن"));
        Assert.True(await TokensMatchArticlePersonsAsync(factory));
    }

    private async Task<string> ImportAsync(string folderName, params (string Name, string Text)[] files)
    {
        // The host starts (and imports the seeds folder) first, so this import does the work.
        var importer = factory.Importer;
        var folder = Path.Combine(factory.SeedsPath, folderName);
        Directory.CreateDirectory(folder);
        foreach (var (name, text) in files)
        {
            await File.WriteAllTextAsync(Path.Combine(folder, name), text);
        }

        Assert.Equal(files.Length, (await importer.ImportFolderAsync(folder, new ImportRequest("test"))).Imported);
        return folder;
    }

    internal static string Article(string date, string sentence) => $"""
        {date}
        معرض {Word} في عامه {date[..4]}

        افتتح معرض {Word} أبوابه للزوار. {sentence}
        """;

    /// <summary>The ids of the first page for <paramref name="q"/> filtered by <paramref name="person"/> (a name).</summary>
    internal static async Task<List<int>> IdsAsync(ArchiveFactory factory, string q, string person)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ArchiveDbContext>();
        var persons = await PersonLookup.ResolveAsync(db, person, CancellationToken.None);
        Assert.NotNull(persons);
        var result = await scope.ServiceProvider.GetRequiredService<ArchiveSearch>()
            .SearchAsync(new SearchRequest(q, persons, DateRange.All, 1, 20), CancellationToken.None);
        Assert.Equal(result.Items.Count, result.Total);
        return [.. result.Items.Select(i => i.Id)];
    }

    /// <summary>True when, for every person, the index entries with the person's token are exactly the articles that name the person.</summary>
    internal static Task<bool> TokensMatchArticlePersonsAsync(ArchiveFactory factory) => factory.QueryAsync(async db =>
    {
        var links = await db.ArticlePersons.Select(ap => new { ap.PersonId, ap.ArticleId }).ToListAsync();
        var personIds = await db.Persons.Select(p => p.Id).ToListAsync();
        foreach (var personId in personIds)
        {
            var indexed = await db.Database
                .SqlQueryRaw<int>("SELECT rowid AS Value FROM ArticleSearch WHERE ArticleSearch MATCH {0}", $"period : \"{SearchAnalyzer.PersonToken(personId)}\"")
                .ToListAsync();
            var named = links.Where(l => l.PersonId == personId).Select(l => l.ArticleId);
            if (!indexed.ToHashSet().SetEquals(named))
            {
                return false;
            }
        }

        return personIds.Count > 0;
    });
}
