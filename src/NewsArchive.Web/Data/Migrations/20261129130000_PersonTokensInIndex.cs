using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using NewsArchive.Web.Search;

#nullable disable

namespace NewsArchive.Web.Data.Migrations;

/// <summary>
/// Person tokens in the full-text index: records which articles' index entries were written
/// without them (all articles so far), for <see cref="PersonTokens"/> to re-index (no EF model:
/// the DDL lives in <see cref="SearchSql"/>).
/// </summary>
[DbContext(typeof(ArchiveDbContext))]
[Migration("20261129130000_PersonTokensInIndex")]
public partial class PersonTokensInIndex : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql(SearchSql.CreateIndexState);

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql(SearchSql.DropIndexState);
}
