using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsArchive.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class SearchFacetIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ArticlePersons_PersonId",
                table: "ArticlePersons");

            migrationBuilder.CreateIndex(
                name: "IX_Articles_Id_Published",
                table: "Articles",
                columns: new[] { "Id", "Published" });

            migrationBuilder.CreateIndex(
                name: "IX_ArticlePersons_PersonId_ArticleId",
                table: "ArticlePersons",
                columns: new[] { "PersonId", "ArticleId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Articles_Id_Published",
                table: "Articles");

            migrationBuilder.DropIndex(
                name: "IX_ArticlePersons_PersonId_ArticleId",
                table: "ArticlePersons");

            migrationBuilder.CreateIndex(
                name: "IX_ArticlePersons_PersonId",
                table: "ArticlePersons",
                column: "PersonId");
        }
    }
}
