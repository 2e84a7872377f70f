using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace NewsArchive.Web.Data;

public class ArchiveDbContext(DbContextOptions<ArchiveDbContext> options) : IdentityDbContext<IdentityUser>(options)
{
    public DbSet<Article> Articles => Set<Article>();
    public DbSet<Person> Persons => Set<Person>();
    public DbSet<PersonAlias> PersonAliases => Set<PersonAlias>();
    public DbSet<PersonRole> PersonRoles => Set<PersonRole>();
    public DbSet<ArticlePerson> ArticlePersons => Set<ArticlePerson>();
    public DbSet<ArticleEvent> Events => Set<ArticleEvent>();
    public DbSet<EventPerson> EventPersons => Set<EventPerson>();
    public DbSet<SeedFile> SeedFiles => Set<SeedFile>();
    public DbSet<ImportRecord> ImportRecords => Set<ImportRecord>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // UTC ticks, not text: SQLite can then sort and compare times, and startup compares a
        // million seed-file modification times without parsing dates.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);

        modelBuilder.Entity<Article>(a =>
        {
            a.HasIndex(x => x.ContentHash).IsUnique();
            // Lists read newest first; the id breaks ties so pages are stable.
            a.HasIndex(x => new { x.Published, x.Id });
            // The search's year/month facets read the dates of up to a thousand articles by id: from
            // this narrow index instead of a page of the wide table (title, body…) per article.
            a.HasIndex(x => new { x.Id, x.Published });
            a.HasOne(x => x.SubjectPerson).WithMany().HasForeignKey(x => x.SubjectPersonId).OnDelete(DeleteBehavior.SetNull);
            a.HasMany(x => x.Persons).WithOne(x => x.Article).HasForeignKey(x => x.ArticleId).OnDelete(DeleteBehavior.Cascade);
            a.HasMany(x => x.Events).WithOne(x => x.Article).HasForeignKey(x => x.ArticleId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<Person>(p =>
        {
            p.HasIndex(x => x.NormalizedName);
            p.HasIndex(x => x.NameKey);
            p.HasIndex(x => x.ArticleCount);
            p.HasMany(x => x.Aliases).WithOne().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Cascade);
            p.HasMany(x => x.Roles).WithOne().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Cascade);
            p.HasMany(x => x.Articles).WithOne(x => x.Person).HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<PersonAlias>().HasIndex(x => x.NormalizedAlias);
        modelBuilder.Entity<PersonRole>(r =>
        {
            r.HasIndex(x => x.PersonId);
            r.HasOne<Article>().WithMany().HasForeignKey(x => x.ArticleId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<ArticlePerson>(ap =>
        {
            ap.HasKey(x => new { x.ArticleId, x.PersonId });
            // Covering: a person's articles (person filter, person page) come from the index alone.
            ap.HasIndex(x => new { x.PersonId, x.ArticleId });
        });

        modelBuilder.Entity<ArticleEvent>(e =>
        {
            e.Ignore(x => x.PartialDate);
            e.HasIndex(x => new { x.Date, x.DateEnd });
            e.HasMany(x => x.Persons).WithOne().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<EventPerson>(ep =>
        {
            ep.HasKey(x => new { x.EventId, x.PersonId });
            ep.HasIndex(x => x.PersonId);
            ep.HasOne(x => x.Person).WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<SeedFile>(s =>
        {
            s.HasIndex(x => x.Path).IsUnique();
            s.HasIndex(x => x.ContentHash);
            s.HasOne(x => x.Article).WithMany().HasForeignKey(x => x.ArticleId).OnDelete(DeleteBehavior.SetNull);
        });

        modelBuilder.Entity<ImportRecord>(r =>
        {
            r.HasIndex(x => x.RunId);
            r.HasIndex(x => x.At);
        });
    }
}

internal sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    v => v.UtcTicks,
    v => new DateTimeOffset(v, TimeSpan.Zero));
