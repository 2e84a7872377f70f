using NewsArchive.Web.Admin;

namespace NewsArchive.Web.Tests.Robustness;

/// <summary>
/// The host's configuration reads a word starting with '/' as a switch that takes the next
/// argument as its value: `import /abs/folder --Archive:SeedsPath=/abs/folder` silently lost the
/// seeds path, and the import copied the whole folder into the repository's seeds folder.
/// </summary>
public class CommandLineArgumentTests
{
    [Theory]
    [InlineData(new[] { "import", "/data/in", "--Archive:SeedsPath=/data/in" }, new[] { "--Archive:SeedsPath=/data/in" })]
    [InlineData(new[] { "import", "/a.txt", "/b.txt", "--urls", "http://x", "--ConnectionStrings:Archive=Data Source=/d.db" }, new[] { "--urls", "http://x", "--ConnectionStrings:Archive=Data Source=/d.db" })]
    [InlineData(new[] { "admin", "add", "a@b.c", "--password", "/secret" }, new string[0])]
    [InlineData(new[] { "--urls", "http://x" }, new[] { "--urls", "http://x" })]
    public void Host_configuration_gets_only_the_options_of_a_command(string[] args, string[] hostArgs) =>
        Assert.Equal(hostArgs, AdminCommandLine.HostArgs(args));
}
