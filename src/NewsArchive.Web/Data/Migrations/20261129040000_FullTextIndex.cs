using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using NewsArchive.Web.Search;

#nullable disable

namespace NewsArchive.Web.Data.Migrations;

/// <summary>The FTS5 full-text index (no EF model: the DDL lives in <see cref="SearchSql"/>).</summary>
[DbContext(typeof(ArchiveDbContext))]
[Migration("20261129040000_FullTextIndex")]
public partial class FullTextIndex : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql(SearchSql.CreateIndex);

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql(SearchSql.DropIndex);
}
