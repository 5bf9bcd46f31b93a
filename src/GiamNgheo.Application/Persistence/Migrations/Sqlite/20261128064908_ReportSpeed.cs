using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GiamNgheo.Application.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReportSpeed : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_household_classifications_CommuneCode_Year_StandardCode_Category",
                table: "household_classifications");

            migrationBuilder.DropIndex(
                name: "IX_household_classifications_ProvinceCode_Year_StandardCode_Category",
                table: "household_classifications");

            migrationBuilder.CreateIndex(
                name: "IX_household_classifications_CommuneCode_Year_StandardCode_Category_HouseholdId_VillageCode",
                table: "household_classifications",
                columns: new[] { "CommuneCode", "Year", "StandardCode", "Category", "HouseholdId", "VillageCode" });

            migrationBuilder.CreateIndex(
                name: "IX_household_classifications_ProvinceCode_Year_StandardCode_Category_HouseholdId_CommuneCode_VillageCode",
                table: "household_classifications",
                columns: new[] { "ProvinceCode", "Year", "StandardCode", "Category", "HouseholdId", "CommuneCode", "VillageCode" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_household_classifications_CommuneCode_Year_StandardCode_Category_HouseholdId_VillageCode",
                table: "household_classifications");

            migrationBuilder.DropIndex(
                name: "IX_household_classifications_ProvinceCode_Year_StandardCode_Category_HouseholdId_CommuneCode_VillageCode",
                table: "household_classifications");

            migrationBuilder.CreateIndex(
                name: "IX_household_classifications_CommuneCode_Year_StandardCode_Category",
                table: "household_classifications",
                columns: new[] { "CommuneCode", "Year", "StandardCode", "Category" });

            migrationBuilder.CreateIndex(
                name: "IX_household_classifications_ProvinceCode_Year_StandardCode_Category",
                table: "household_classifications",
                columns: new[] { "ProvinceCode", "Year", "StandardCode", "Category" });
        }
    }
}
