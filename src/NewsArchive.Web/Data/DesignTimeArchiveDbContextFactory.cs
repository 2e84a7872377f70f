using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace NewsArchive.Web.Data;

/// <summary>
/// Lets `dotnet ef` build the context without starting the app (which would import the seeds);
/// the database path does not matter to migrations, so they come out the same on every machine.
/// </summary>
public sealed class DesignTimeArchiveDbContextFactory : IDesignTimeDbContextFactory<ArchiveDbContext>
{
    public ArchiveDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<ArchiveDbContext>();
        ArchiveDatabase.Configure(options, "Data Source=design-time.db");
        return new ArchiveDbContext(options.Options);
    }
}
