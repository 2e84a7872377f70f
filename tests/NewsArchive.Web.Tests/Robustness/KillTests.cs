using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace NewsArchive.Web.Tests.Robustness;

/// <summary>
/// The real command-line import, killed (SIGKILL) at random moments over a few hundred generated
/// seed files: after every kill the archive is consistent, every article in it is complete, and
/// finishing the import afterwards gives exactly the records of an uninterrupted import into a
/// fresh database.
/// </summary>
public sealed partial class KillTests(ITestOutputHelper testOutput) : IDisposable
{
    private const int Files = 200;
    private const int Kills = 4;
    private readonly string _root = Directory.CreateTempSubdirectory("newsarchive-kill-").FullName;

    [Fact]
    public async Task Import_killed_at_random_moments_leaves_a_consistent_archive_and_resumes_to_the_clean_result()
    {
        var seeds = Path.Combine(_root, "seeds");
        var names = new SeedGenerator(seed: 2026).WriteFolder(seeds, Files);

        var cleanDb = Path.Combine(_root, "clean.db");
        var watch = Stopwatch.StartNew();
        var (cleanCode, cleanOutput) = await AppProcess.ImportAsync(seeds, cleanDb, _root);
        var log = new List<string> { $"clean import {watch.Elapsed.TotalSeconds:0.0}s" };
        Assert.True(cleanCode == 0, cleanOutput);
        // Imported in place: nothing copied into the repository's own seeds folder.
        var repoSeeds = Path.Combine(ArchivePaths.FindRepoRoot(AppContext.BaseDirectory)!, "seeds");
        Assert.DoesNotContain(names, name => File.Exists(Path.Combine(repoSeeds, name)));
        Assert.Equal(Files, ArchiveCheck.Count(cleanDb, "Articles"));
        Assert.Empty(ArchiveCheck.Violations(cleanDb));
        var cleanArticles = ArchiveCheck.ByArticle(ArchiveCheck.Dump(cleanDb));

        var killedDb = Path.Combine(_root, "killed.db");
        var random = new Random(17);
        var landed = 0;
        for (var kill = 0; kill < Kills; kill++)
        {
            // The first kill lands in start-up, as soon as the database file exists (creating and
            // migrating it); the others
            // once the import reports a random tenth of the files done (one tenth in each third,
            // so each run gets further), plus a random fraction of a second, so they fall between
            // commits and inside them.
            var target = kill == 0 ? -1 : random.Next(1 + (3 * (kill - 1)), 4 + (3 * (kill - 1))) * Files / 10;
            var delay = TimeSpan.FromMilliseconds(random.Next(0, 400));
            var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var last = "";
            using (var process = AppProcess.StartImport(seeds, killedDb, _root, line =>
            {
                last = line;
                if (Progress().Match(line) is { Success: true } m && int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) >= target)
                {
                    reached.TrySetResult();
                }
            }))
            {
                if (target >= 0)
                {
                    await Task.WhenAny(reached.Task, process.WaitForExitAsync());
                }
                else
                {
                    while (!File.Exists(killedDb) && !process.HasExited)
                    {
                        await Task.Delay(5);
                    }

                    delay /= 4;
                }

                await Task.Delay(delay);
                var running = !process.HasExited;
                if (running)
                {
                    process.Kill(entireProcessTree: true);
                }

                await process.WaitForExitAsync();
                if (!running)
                {
                    // A fast machine can finish the whole import before a later kill point: nothing left to interrupt.
                    log.Add($"kill {kill}: the import had finished before it ({last})");
                    break;
                }

                landed++;
            }

            if (!File.Exists(killedDb))
            {
                log.Add($"kill {kill}: before the database existed");
                continue;
            }

            Assert.Empty(ArchiveCheck.Violations(killedDb));
            if (!ArchiveCheck.HasArchiveTables(killedDb))
            {
                log.Add($"kill {kill}: while the database was being created");
                continue;
            }

            // Every article present is complete: the same mentions, roles and events as in the clean import.
            var articles = ArchiveCheck.ByArticle(ArchiveCheck.Dump(killedDb));
            foreach (var (file, lines) in articles)
            {
                Assert.Equal(cleanArticles[file], lines);
            }

            log.Add($"kill {kill} after file {target} + {delay.TotalMilliseconds}ms: {articles.Count} articles ({last})");
        }

        Assert.True(landed > 0, "no kill landed while the import ran:\n" + string.Join('\n', log));
        watch.Restart();
        var (code, output) = await AppProcess.ImportAsync(seeds, killedDb, _root);
        log.Add($"resumed import {watch.Elapsed.TotalSeconds:0.0}s");
        testOutput.WriteLine(string.Join('\n', log));
        Assert.True(code == 0, output);
        Assert.Empty(ArchiveCheck.Violations(killedDb));
        Assert.Equal(ArchiveCheck.Dump(cleanDb), ArchiveCheck.Dump(killedDb));
    }

    [GeneratedRegex(@"^(\d+)/\d+ files")]
    private static partial Regex Progress();

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless; failing the run over it is not.
        }
    }
}
