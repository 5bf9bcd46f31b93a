using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GiamNgheo.Application.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LeanerClassificationRows : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_members_FullNameFolded",
                table: "members");

            // SQLite ≥ 3.35 drops a column in place; EF's DropColumn would rebuild the table (copying every row, with
            // foreign keys switched off outside the transaction). The column is in no index or constraint.
            migrationBuilder.Sql("ALTER TABLE \"household_classifications\" DROP COLUMN \"Reason\";");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Reason",
                table: "household_classifications",
                type: "TEXT",
                maxLength: 2000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "IX_members_FullNameFolded",
                table: "members",
                column: "FullNameFolded");
        }
    }
}
