using System.Net;
using Microsoft.EntityFrameworkCore;
using NewsArchive.Text.Persons;
using NewsArchive.Web.Data;
using NewsArchive.Web.Import;

namespace NewsArchive.Web.Tests;

/// <summary>The import pipeline on a real database: failures, idempotence, updates and duplicates.</summary>
public sealed class ImportTests(ArchiveFactory factory) : IClassFixture<ArchiveFactory>
{
    private const string Article = """
        2024-03-10
        {0}

        قال وزير الخارجية الفرنسي ستيفان سيجورنيه إن بلاده تتابع الوضع في غزة عن كثب.

        وأضاف سيجورنيه أن باريس ستستضيف مؤتمرًا للمانحين في أيار/مايو 2024.
        """;

    [Theory]
    [InlineData("bad_no_date.txt", 1)]
    [InlineData("bad_date.txt", 1)]
    [InlineData("empty.txt", -1)]
    [InlineData(ArchiveFactory.BinaryFileName, -1)]
    public async Task A_bad_file_is_recorded_as_failed_with_line_and_reason(string file, int line)
    {
        _ = factory.Server;
        var record = await factory.QueryAsync(db => db.ImportRecords.Where(r => r.File == file).OrderBy(r => r.Id).FirstAsync());

        Assert.Equal(ImportOutcome.Failed, record.Outcome);
        Assert.False(string.IsNullOrWhiteSpace(record.Reason));
        Assert.Null(record.ArticleId);
        if (line >= 0)
        {
            Assert.Equal(line, record.Line);
        }

        Assert.False(await factory.QueryAsync(db => db.SeedFiles.AnyAsync(s => s.Path == file && s.ArticleId != null)));
    }

    [Fact]
    public async Task Bad_files_do_not_stop_the_others()
    {
        _ = factory.Server;
        string[] good = [ArchiveFactory.SeedFileName, "summit_riyadh.txt", "crlf_bom_caption.txt", "markup_in_text.txt"];

        foreach (var file in good)
        {
            Assert.NotEqual(0, await factory.ArticleIdOfAsync(file));
        }
    }

    [Fact]
    public async Task Caption_credit_crlf_bom_and_arabic_indic_date_are_read()
    {
        var id = await factory.ArticleIdOfAsync("crlf_bom_caption.txt");
        var article = await factory.QueryAsync(db => db.Articles.SingleAsync(a => a.Id == id));

        Assert.Equal(new DateOnly(2022, 2, 24), article.Published);
        Assert.Equal("روسيا تبدأ عملية عسكرية في أوكرانيا", article.Title);
        Assert.Equal("رويترز", article.Credit);
        Assert.DoesNotContain('\r', article.Body);
    }

    [Fact]
    public async Task Reimporting_an_unchanged_folder_changes_nothing()
    {
        _ = factory.Server;
        var before = await CountsAsync();

        var summary = await factory.Importer.ImportFolderAsync(factory.SeedsPath, new ImportRequest("test"));

        Assert.Equal(0, summary.Imported);
        Assert.Equal(0, summary.Updated);
        Assert.Equal(0, summary.Duplicate);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task New_files_are_imported_in_path_order_after_the_unchanged_ones_are_passed()
    {
        _ = factory.Server;
        // Written out of order, and spread over a subfolder: the folder is listed in whatever order the disk keeps.
        string[] names = ["ordered_k.txt", "ordered_b.txt", "ordered/z.txt", "ordered_a.txt", "ordered-m.txt", "ordered/c.txt", "ordered_0.txt"];
        Directory.CreateDirectory(Path.Combine(factory.SeedsPath, "ordered"));
        foreach (var (name, i) in names.Select((n, i) => (n, i)))
        {
            factory.WriteSeed(name, string.Format(Article, $"خبر رقم {i + 1} لاختبار ترتيب الاستيراد"));
        }

        var reported = new List<ImportFileResult>();
        var summary = await factory.Importer.ImportFolderAsync(factory.SeedsPath, new ImportRequest("test") { OnFile = (r, _) => reported.Add(r) });

        var imported = reported.Where(r => r.Outcome == ImportOutcome.Imported).ToList();
        Assert.Equal(names.Order(StringComparer.Ordinal), imported.Select(r => r.File));
        Assert.Equal(imported.Select(r => r.ArticleId).Order(), imported.Select(r => r.ArticleId));
        // Every unchanged file is still reported, with its key, before the files that are read.
        Assert.Equal(summary.Unchanged, reported.Count(r => r.Outcome == ImportOutcome.Unchanged));
        Assert.All(reported.TakeWhile(r => r.Outcome == ImportOutcome.Unchanged), r => Assert.True(File.Exists(Path.Combine(factory.SeedsPath, r.File))));
        Assert.Equal(summary.Total - summary.Unchanged, reported.SkipWhile(r => r.Outcome == ImportOutcome.Unchanged).Count());
    }

    [Fact]
    public async Task A_touched_but_identical_file_is_unchanged()
    {
        _ = factory.Server;
        var path = Path.Combine(factory.SeedsPath, ArchiveFactory.SeedFileName);
        var id = await factory.ArticleIdOfAsync(ArchiveFactory.SeedFileName);
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow);

        var result = await factory.Importer.ImportFileAsync(path, new ImportRequest("test"));

        Assert.Equal(ImportOutcome.Unchanged, result.Outcome);
        Assert.Equal(id, result.ArticleId);
    }

    [Fact]
    public async Task A_changed_file_updates_its_article_in_place()
    {
        var path = factory.WriteSeed("changing.txt", string.Format(Article, "العنوان الأول للخبر المتغير"));
        var first = await factory.Importer.ImportFileAsync(path, new ImportRequest("test"));
        factory.WriteSeed("changing.txt", string.Format(Article, "العنوان الثاني للخبر المتغير").Replace("2024-03-10", "2024-03-11"));

        var second = await factory.Importer.ImportFileAsync(path, new ImportRequest("test"));

        Assert.Equal(ImportOutcome.Imported, first.Outcome);
        Assert.Equal(ImportOutcome.Updated, second.Outcome);
        Assert.Equal(first.ArticleId, second.ArticleId);
        var article = await factory.QueryAsync(db => db.Articles.Include(a => a.Persons).SingleAsync(a => a.Id == second.ArticleId));
        Assert.Equal("العنوان الثاني للخبر المتغير", article.Title);
        Assert.Equal(new DateOnly(2024, 3, 11), article.Published);
        // Mentions were replaced, not added to: each person once, counted once.
        Assert.Equal(article.Persons.Select(p => p.PersonId).Distinct().Count(), article.Persons.Count);
        var counts = await factory.QueryAsync(db => db.Persons.Where(p => p.Articles.Any(ap => ap.ArticleId == article.Id)).Select(p => new { p.ArticleCount, Actual = p.Articles.Count }).ToListAsync());
        Assert.All(counts, c => Assert.Equal(c.Actual, c.ArticleCount));
        var html = await factory.CreateClient().GetStringAsync($"/articles/{article.Id}");
        Assert.Contains("العنوان الثاني للخبر المتغير", html);
    }

    [Fact]
    public async Task Same_content_under_two_names_is_one_article()
    {
        var content = string.Format(Article, "خبر واحد في ملفين");
        var a = factory.WriteSeed("twin_a.txt", content);
        var b = factory.WriteSeed("twin_b.txt", content);

        var summary = await factory.Importer.ImportFilesAsync([a, b], new ImportRequest("test"));
        var idA = await factory.ArticleIdOfAsync("twin_a.txt");
        var idB = await factory.ArticleIdOfAsync("twin_b.txt");

        Assert.Equal(1, summary.Imported);
        Assert.Equal(1, summary.Duplicate);
        Assert.Equal(idA, idB);
        Assert.Equal(1, await factory.QueryAsync(db => db.Articles.CountAsync(x => x.Title == "خبر واحد في ملفين")));
        Assert.Equal(1, await factory.QueryAsync(db => db.ImportRecords.CountAsync(r => r.File == "twin_a.txt" && r.Outcome == ImportOutcome.Imported)));
        var duplicate = await factory.QueryAsync(db => db.ImportRecords.SingleAsync(r => r.File == "twin_b.txt"));
        Assert.Equal(ImportOutcome.Duplicate, duplicate.Outcome);
        Assert.Equal(idA, duplicate.ArticleId);
    }

    [Fact]
    public async Task A_changed_file_keeps_its_article_and_a_copy_of_the_old_content_gets_its_own()
    {
        var original = string.Format(Article, "خبر نسخته باقية في ملف آخر");
        var path = factory.WriteSeed("shared_a.txt", original);
        var copy = factory.WriteSeed("shared_b.txt", original);
        await factory.Importer.ImportFilesAsync([path, copy], new ImportRequest("test"));
        var shared = await factory.ArticleIdOfAsync("shared_a.txt");
        factory.WriteSeed("shared_a.txt", string.Format(Article, "الخبر بعد تعديله"));

        var changed = await factory.Importer.ImportFileAsync(path, new ImportRequest("test"));
        var copyAgain = await factory.Importer.ImportFileAsync(copy, new ImportRequest("test"));

        Assert.Equal(ImportOutcome.Updated, changed.Outcome);
        Assert.Equal(shared, changed.ArticleId);
        Assert.Equal(ImportOutcome.Imported, copyAgain.Outcome);
        Assert.NotEqual(shared, copyAgain.ArticleId);
        Assert.Equal("خبر نسخته باقية في ملف آخر", await factory.QueryAsync(db => db.Articles.Where(a => a.Id == copyAgain.ArticleId).Select(a => a.Title).SingleAsync()));
    }

    [Fact]
    public async Task A_changed_file_that_now_fails_keeps_its_previous_article()
    {
        var path = factory.WriteSeed("breaking.txt", string.Format(Article, "خبر سليم قبل أن يفسد"));
        var first = await factory.Importer.ImportFileAsync(path, new ImportRequest("test"));
        factory.WriteSeed("breaking.txt", "لا تاريخ هنا\nخبر فاسد\n\nنص.");

        var second = await factory.Importer.ImportFileAsync(path, new ImportRequest("test"));

        Assert.Equal(ImportOutcome.Failed, second.Outcome);
        Assert.Equal(1, second.Line);
        Assert.Equal(first.ArticleId, second.ArticleId);
        var response = await factory.CreateClient().GetAsync($"/articles/{first.ArticleId}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("خبر سليم قبل أن يفسد", await response.Content.ReadAsStringAsync());
        Assert.Equal(first.ArticleId, await factory.ArticleIdOfAsync("breaking.txt"));
    }

    [Fact]
    public async Task A_missing_file_is_reported_not_thrown()
    {
        _ = factory.Server;

        var result = await factory.Importer.ImportFileAsync(Path.Combine(factory.SeedsPath, "not-there.txt"), new ImportRequest("test"));

        Assert.Equal(ImportOutcome.Failed, result.Outcome);
        Assert.Equal("not-there.txt", result.File);
    }

    [Fact]
    public async Task The_import_report_lists_persons_and_events_found()
    {
        var path = factory.WriteSeed("report.txt", string.Format(Article, "تقرير الاستيراد يذكر الأشخاص"));

        var result = await factory.Importer.ImportFileAsync(path, new ImportRequest("test"));

        Assert.Equal(ImportOutcome.Imported, result.Outcome);
        Assert.NotEmpty(result.Persons);
        Assert.Contains(result.Events, e => e.Date.Start == new DateOnly(2024, 5, 1));
        // The report tells what was stored: every person it names is linked to the article.
        var stored = await factory.QueryAsync(db => db.ArticlePersons.Where(ap => ap.ArticleId == result.ArticleId).Select(ap => ap.Person!.Name).ToListAsync());
        Assert.All(result.Persons, p => Assert.Contains(p.Name, stored));
    }

    [Fact]
    public async Task Every_event_mention_and_role_of_a_long_article_is_stored_in_text_order()
    {
        _ = factory.Server;
        // More events than one multi-row statement holds (16), so the rows go in several statements.
        var days = Enumerable.Range(1, 21).Select(d => $"وأضاف سيجورنيه أن باريس ستستضيف اجتماعا في {d} أيار/مايو 2024.");
        var path = factory.WriteSeed("long_events.txt", string.Format(Article, "خبر بأحداث كثيرة") + "\n" + string.Join("\n\n", days) + "\n");

        var result = await factory.Importer.ImportFileAsync(path, new ImportRequest("test"));

        Assert.Equal(ImportOutcome.Imported, result.Outcome);
        Assert.True(result.Events.Count > 16, $"the text gave {result.Events.Count} events");
        var events = await factory.QueryAsync(db => db.Events.Where(e => e.ArticleId == result.ArticleId).OrderBy(e => e.Id)
            .Select(e => new { e.Date, e.DateEnd, e.Text, Persons = e.Persons.Select(p => p.Person!.Name).ToList() }).ToListAsync());
        Assert.Equal(result.Events.Select(e => (e.Date.Start, e.Date.End, e.Text)), events.Select(e => (e.Date, e.DateEnd, e.Text)));
        var mentioned = await factory.QueryAsync(db => db.ArticlePersons.Where(ap => ap.ArticleId == result.ArticleId).Select(ap => ap.Person!.Name).ToListAsync());
        for (var i = 0; i < events.Count; i++)
        {
            // An event names the article's persons it mentions, each linked once.
            Assert.Equal(result.Events[i].Persons.Where(mentioned.Contains).Distinct().Order(), events[i].Persons.Order());
        }

        Assert.Contains(events, e => e.Persons.Count > 0);
        var roles = await factory.QueryAsync(db => db.PersonRoles.Where(r => r.ArticleId == result.ArticleId).Select(r => r.Role).ToListAsync());
        Assert.Equal(result.Persons.SelectMany(p => p.Roles).Distinct().Order(), roles.Distinct().Order());
    }

    [Fact]
    public async Task Spelling_variants_of_a_name_are_one_person_but_a_shared_surname_is_not()
    {
        _ = factory.Server;
        var result = await factory.QueryAsync(async db =>
        {
            var directory = await PersonDirectory.LoadAsync(db, CancellationToken.None);
            // A new person would be stored with id -1 here; nothing is written.
            var shoigu = directory.Resolve(Found("سيرجي شويجو"), (_, _, _) => -1);
            var variant = directory.Resolve(Found("سيرغي شويغو"), (_, _, _) => -1);
            var biden = directory.Resolve(Found("جو بايدن"), (_, _, _) => -1);
            var hunter = directory.Resolve(Found("هانتر بايدن"), (_, _, _) => -1);
            directory.Rollback();
            return (shoigu, variant, biden, hunter);
        });

        Assert.True(result.shoigu.Id > 0);
        Assert.Same(result.shoigu, result.variant);
        Assert.True(result.biden.Id > 0);
        Assert.Equal(-1, result.hunter.Id);
    }

    private static ExtractedPerson Found(string name) => new(name, [], [], 1, name, false);

    private Task<(int Articles, int Persons, int Mentions, int Events)> CountsAsync() =>
        factory.QueryAsync(async db => (
            await db.Articles.CountAsync(),
            await db.Persons.CountAsync(),
            await db.ArticlePersons.CountAsync(),
            await db.Events.CountAsync()));
}
