using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GiamNgheo.Application.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ListMembersIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_members_HouseholdId",
                table: "members");

            migrationBuilder.CreateIndex(
                name: "IX_members_HouseholdId_ListColumns",
                table: "members",
                columns: new[] { "HouseholdId", "Order", "FullName", "DateOfBirth", "Sex", "EthnicityCode", "RelationToHead" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_members_HouseholdId_ListColumns",
                table: "members");

            migrationBuilder.CreateIndex(
                name: "IX_members_HouseholdId",
                table: "members",
                column: "HouseholdId");
        }
    }
}
