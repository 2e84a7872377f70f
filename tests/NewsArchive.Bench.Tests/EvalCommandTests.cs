namespace NewsArchive.Bench.Tests;

public class EvalCommandTests
{
    [Fact]
    public void The_program_runs_the_evaluation_over_a_corpus_folder()
    {
        var corpus = TinyCorpus.Create(20);
        try
        {
            // Through the program's dispatch, as `dotnet run --project bench/NewsArchive.Bench -- eval` runs it.
            Assert.Equal(0, Program.Main(["eval", "--corpus", Path.Combine(corpus, "all"), "--top", "5"]));
        }
        finally
        {
            Directory.Delete(corpus, recursive: true);
        }
    }
}
