using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GiamNgheo.Application.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class A1StatusRecord : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "household_statuses",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProvinceCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CommuneCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    VillageCode = table.Column<string>(type: "TEXT", maxLength: 24, nullable: true),
                    HouseholdId = table.Column<long>(type: "INTEGER", nullable: false),
                    StandardCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ReviewYear = table.Column<int>(type: "INTEGER", nullable: false),
                    Category = table.Column<byte>(type: "INTEGER", nullable: false),
                    Recognised = table.Column<bool>(type: "INTEGER", nullable: false),
                    DecisionId = table.Column<long>(type: "INTEGER", nullable: false),
                    Periodic = table.Column<bool>(type: "INTEGER", nullable: false),
                    SignedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PolicyFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DeprivationCount = table.Column<int>(type: "INTEGER", nullable: false),
                    Deprived = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    MemberCount = table.Column<int>(type: "INTEGER", nullable: false),
                    HouseholdCode = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    HeadName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    IncomePerCapita = table.Column<long>(type: "INTEGER", nullable: true),
                    B1Score = table.Column<int>(type: "INTEGER", nullable: true),
                    Answers = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    SurveyDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Causes = table.Column<int>(type: "INTEGER", nullable: false),
                    Needs = table.Column<int>(type: "INTEGER", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_household_statuses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_household_statuses_households_HouseholdId",
                        column: x => x.HouseholdId,
                        principalTable: "households",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_household_statuses_recognition_decisions_DecisionId",
                        column: x => x.DecisionId,
                        principalTable: "recognition_decisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_household_statuses_DecisionId",
                table: "household_statuses",
                column: "DecisionId");

            migrationBuilder.CreateIndex(
                name: "IX_household_statuses_HouseholdId_StandardCode_DecisionId",
                table: "household_statuses",
                columns: new[] { "HouseholdId", "StandardCode", "DecisionId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_household_statuses_ProvinceCode_CommuneCode_StandardCode_ReviewYear",
                table: "household_statuses",
                columns: new[] { "ProvinceCode", "CommuneCode", "StandardCode", "ReviewYear" });

            // Decided classifications become frozen statuses (hand-written SQL kept outside the generated code).
            migrationBuilder.Sql(Sql.StatusBackfillSql.Sqlite(GiamNgheo.Application.Reviews.ReviewSettings.ShippedRules.PeriodicPolicyFromNextYear));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "household_statuses");
        }
    }
}
