using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GiamNgheo.Application.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ReportSpeed : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_household_classifications_CommuneCode_Year_StandardCode_Cat~",
                table: "household_classifications");

            migrationBuilder.DropIndex(
                name: "IX_household_classifications_ProvinceCode_Year_StandardCode_Ca~",
                table: "household_classifications");

            migrationBuilder.CreateIndex(
                name: "IX_household_classifications_CommuneCode_Year_StandardCode_Cat~",
                table: "household_classifications",
                columns: new[] { "CommuneCode", "Year", "StandardCode", "Category", "HouseholdId", "VillageCode" });

            migrationBuilder.CreateIndex(
                name: "IX_household_classifications_ProvinceCode_Year_StandardCode_Ca~",
                table: "household_classifications",
                columns: new[] { "ProvinceCode", "Year", "StandardCode", "Category", "HouseholdId", "CommuneCode", "VillageCode" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_household_classifications_CommuneCode_Year_StandardCode_Cat~",
                table: "household_classifications");

            migrationBuilder.DropIndex(
                name: "IX_household_classifications_ProvinceCode_Year_StandardCode_Ca~",
                table: "household_classifications");

            migrationBuilder.CreateIndex(
                name: "IX_household_classifications_CommuneCode_Year_StandardCode_Cat~",
                table: "household_classifications",
                columns: new[] { "CommuneCode", "Year", "StandardCode", "Category" });

            migrationBuilder.CreateIndex(
                name: "IX_household_classifications_ProvinceCode_Year_StandardCode_Ca~",
                table: "household_classifications",
                columns: new[] { "ProvinceCode", "Year", "StandardCode", "Category" });
        }
    }
}
