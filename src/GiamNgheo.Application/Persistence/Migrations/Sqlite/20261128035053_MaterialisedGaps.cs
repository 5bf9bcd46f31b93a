using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GiamNgheo.Application.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MaterialisedGaps : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "household_gap_summary",
                columns: table => new
                {
                    HouseholdId = table.Column<long>(type: "INTEGER", nullable: false),
                    ProvinceCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CommuneCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    VillageCode = table.Column<string>(type: "TEXT", maxLength: 24, nullable: true),
                    StandardCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Category = table.Column<byte>(type: "INTEGER", nullable: true),
                    InWorklist = table.Column<bool>(type: "INTEGER", nullable: false),
                    OpenGaps = table.Column<int>(type: "INTEGER", nullable: false),
                    Unanswered = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    WaitingSince = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    LastSupport = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ComputedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    StaleOn = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_household_gap_summary", x => x.HouseholdId);
                    table.ForeignKey(
                        name: "FK_household_gap_summary_households_HouseholdId",
                        column: x => x.HouseholdId,
                        principalTable: "households",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "household_policy_status",
                columns: table => new
                {
                    HouseholdId = table.Column<long>(type: "INTEGER", nullable: false),
                    PolicyCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ProvinceCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CommuneCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    VillageCode = table.Column<string>(type: "TEXT", maxLength: 24, nullable: true),
                    PeriodStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Relevant = table.Column<bool>(type: "INTEGER", nullable: false),
                    Served = table.Column<bool>(type: "INTEGER", nullable: false),
                    LastDelivered = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_household_policy_status", x => new { x.HouseholdId, x.PolicyCode });
                    table.ForeignKey(
                        name: "FK_household_policy_status_households_HouseholdId",
                        column: x => x.HouseholdId,
                        principalTable: "households",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "poor_communes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProvinceCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CommuneCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ValidTo = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Mark = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_poor_communes", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_household_gap_summary_CommuneCode_InWorklist_WaitingSince_HouseholdId",
                table: "household_gap_summary",
                columns: new[] { "CommuneCode", "InWorklist", "WaitingSince", "HouseholdId" });

            migrationBuilder.CreateIndex(
                name: "IX_household_gap_summary_CommuneCode_StaleOn",
                table: "household_gap_summary",
                columns: new[] { "CommuneCode", "StaleOn" });

            migrationBuilder.CreateIndex(
                name: "IX_household_gap_summary_ProvinceCode_StaleOn",
                table: "household_gap_summary",
                columns: new[] { "ProvinceCode", "StaleOn" });

            migrationBuilder.CreateIndex(
                name: "IX_household_policy_status_CommuneCode_VillageCode_PolicyCode_Relevant_Served",
                table: "household_policy_status",
                columns: new[] { "CommuneCode", "VillageCode", "PolicyCode", "Relevant", "Served" });

            migrationBuilder.CreateIndex(
                name: "IX_household_policy_status_ProvinceCode_CommuneCode_PolicyCode_Relevant_Served",
                table: "household_policy_status",
                columns: new[] { "ProvinceCode", "CommuneCode", "PolicyCode", "Relevant", "Served" });

            migrationBuilder.CreateIndex(
                name: "IX_poor_communes_ProvinceCode_CommuneCode_ValidFrom",
                table: "poor_communes",
                columns: new[] { "ProvinceCode", "CommuneCode", "ValidFrom" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "household_gap_summary");

            migrationBuilder.DropTable(
                name: "household_policy_status");

            migrationBuilder.DropTable(
                name: "poor_communes");
        }
    }
}
