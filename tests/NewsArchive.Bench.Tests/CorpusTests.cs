using System.Text;

namespace NewsArchive.Bench.Tests;

public class CorpusTests
{
    private const string Article = "21-يوليو-2015\nبريطانيا: أربعة محاور لاستراتيجية جديدة\n\nحدد رئيس الوزراء البريطاني ديفيد كاميرون ملامح استراتيجية.\n";

    [Fact]
    public void Copy_shifts_the_date_back_by_years_and_marks_the_title()
    {
        var shifted = Encoding.UTF8.GetString(Corpus.Shift(Encoding.UTF8.GetBytes(Article), 3));

        var lines = shifted.Split('\n');
        Assert.True(Corpus.TryParseDate(lines[0], out var date));
        Assert.Equal(Corpus.ShiftDate(new DateOnly(2015, 7, 21), 3), date);
        Assert.Equal(2012, date.Year);
        Assert.Equal("بريطانيا: أربعة محاور لاستراتيجية جديدة (3)", lines[1]);
        Assert.EndsWith("\n\nحدد رئيس الوزراء البريطاني ديفيد كاميرون ملامح استراتيجية.\n", shifted);
    }

    [Fact]
    public void Copies_span_decades_and_differ_in_content()
    {
        var copies = Enumerable.Range(1, 35).Select(k => Corpus.Shift(Encoding.UTF8.GetBytes(Article), k)).ToList();

        Assert.Equal(35, copies.Select(Convert.ToHexString).Distinct().Count());
        Assert.True(Corpus.TryParseDate(Encoding.UTF8.GetString(copies[^1]).Split('\n')[0], out var oldest));
        Assert.InRange(oldest.Year, 1979, 1980);
    }

    [Fact]
    public void Crlf_files_keep_their_line_endings()
    {
        var crlf = Article.Replace("\n", "\r\n");

        var shifted = Encoding.UTF8.GetString(Corpus.Shift(Encoding.UTF8.GetBytes(crlf), 1));

        Assert.StartsWith("04-يونيو-2014\r\nبريطانيا: أربعة محاور لاستراتيجية جديدة (1)\r\n\r\n", shifted);
    }

    [Fact]
    public void Replicate_writes_the_requested_count_and_reuses_a_smaller_size()
    {
        var corpus = TinyCorpus.Create(7);
        var sources = Corpus.SourceFiles(corpus);
        var small = Path.Combine(corpus, "seeds-10");
        var large = Path.Combine(corpus, "seeds-25");

        Corpus.Replicate(sources, small, 10);
        Corpus.Replicate(sources, large, 25, small);

        Assert.Equal(10, Directory.GetFiles(small).Length);
        Assert.Equal(25, Directory.GetFiles(large).Length);
        Assert.Equal(File.ReadAllBytes(Path.Combine(small, "c001_snn_00002.txt")), File.ReadAllBytes(Path.Combine(large, "c001_snn_00002.txt")));
        Assert.Contains("(3)", File.ReadAllText(Path.Combine(large, "c003_snn_00001.txt")));
        Directory.Delete(corpus, recursive: true);
    }
}
