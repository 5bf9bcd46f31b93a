using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GiamNgheo.Application.Persistence.Migrations.Postgres
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

            migrationBuilder.DropColumn(
                name: "Reason",
                table: "household_classifications");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Reason",
                table: "household_classifications",
                type: "character varying(2000)",
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
