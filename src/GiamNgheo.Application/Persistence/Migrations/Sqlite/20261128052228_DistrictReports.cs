using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GiamNgheo.Application.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DistrictReports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "LegacyCommuneCode",
                table: "household_classifications",
                type: "TEXT",
                maxLength: 16,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "LegacyCommuneCode",
                table: "household_classifications");
        }
    }
}
