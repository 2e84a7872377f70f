using NewsArchive.Web.Search;

namespace NewsArchive.Web.Tests.Search;

/// <summary>
/// Worked examples of the period tokens a date filter becomes, on an archive whose articles run
/// from 2005-02-11 to 2015-08-11 (a span that starts and ends mid-month, as real archives do).
/// </summary>
public class DateRangeTests
{
    private static readonly DateOnly First = new(2005, 2, 11);
    private static readonly DateOnly Last = new(2015, 8, 11);

    [Theory]
    // A bound before the first article cuts nothing: whole years, no day check.
    [InlineData("2005", "2007", "y2005 y2006 y2007", false)]
    [InlineData("2001", "2006-02", "y2005 m200601 m200602", false)]
    // A bound after the last article likewise.
    [InlineData("2014", "2020", "y2014 y2015", false)]
    [InlineData("2015-07", "2016", "m201507 m201508 m201509 m201510 m201511 m201512", false)]
    // Bounds inside the span keep their months and, mid-month, the day check.
    [InlineData("2010-03", "2010-04", "m201003 m201004", false)]
    [InlineData("2010-03-15", "2010-04", "m201003 m201004", true)]
    [InlineData("2008", "2009-12-30", "y2008 y2009", true)]
    // Outside the archive: a token no article has.
    [InlineData("2001", "2004", "y0000", false)]
    [InlineData("2016", "2017", "y0000", false)]
    public void Range_becomes_period_tokens(string from, string to, string expected, bool checkDays)
    {
        Assert.True(DateRange.TryParse(from, to, out var range, out var error), error);

        var (tokens, check) = range.PeriodTokens(First, Last);

        Assert.Equal(expected, string.Join(' ', tokens!));
        Assert.Equal(checkDays, check);
    }

    [Fact]
    public void Range_covering_the_whole_archive_needs_no_filter()
    {
        Assert.True(DateRange.TryParse("2000", "2020", out var range, out _));

        Assert.Equal((null, false), range.PeriodTokens(First, Last));
    }
}
