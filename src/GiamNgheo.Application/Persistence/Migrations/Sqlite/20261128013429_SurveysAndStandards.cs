using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GiamNgheo.Application.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SurveysAndStandards : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "household_classifications",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    HouseholdId = table.Column<long>(type: "INTEGER", nullable: false),
                    ProvinceCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CommuneCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    VillageCode = table.Column<string>(type: "TEXT", maxLength: 24, nullable: true),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    StandardCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Category = table.Column<byte>(type: "INTEGER", nullable: false),
                    DeprivationCount = table.Column<int>(type: "INTEGER", nullable: false),
                    Deprived = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    MemberCount = table.Column<int>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ComputedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DecisionId = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_household_classifications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_household_classifications_households_HouseholdId",
                        column: x => x.HouseholdId,
                        principalTable: "households",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "household_surveys",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    HouseholdId = table.Column<long>(type: "INTEGER", nullable: false),
                    ProvinceCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    SurveyDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ScreenedOut = table.Column<bool>(type: "INTEGER", nullable: false),
                    IncomePerCapita = table.Column<long>(type: "INTEGER", nullable: true),
                    B1Score = table.Column<int>(type: "INTEGER", nullable: true),
                    Answers = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Causes = table.Column<int>(type: "INTEGER", nullable: false),
                    OtherCause = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Needs = table.Column<int>(type: "INTEGER", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_household_surveys", x => x.Id);
                    table.ForeignKey(
                        name: "FK_household_surveys_households_HouseholdId",
                        column: x => x.HouseholdId,
                        principalTable: "households",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "poverty_standards",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ProvinceCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    Json = table.Column<string>(type: "TEXT", nullable: false),
                    ClassifyInParallel = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_poverty_standards", x => x.Code);
                });

            migrationBuilder.CreateIndex(
                name: "IX_household_classifications_CommuneCode_Year_StandardCode_Category",
                table: "household_classifications",
                columns: new[] { "CommuneCode", "Year", "StandardCode", "Category" });

            migrationBuilder.CreateIndex(
                name: "IX_household_classifications_HouseholdId_Year_StandardCode",
                table: "household_classifications",
                columns: new[] { "HouseholdId", "Year", "StandardCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_household_classifications_ProvinceCode_Year_StandardCode_Category",
                table: "household_classifications",
                columns: new[] { "ProvinceCode", "Year", "StandardCode", "Category" });

            migrationBuilder.CreateIndex(
                name: "IX_household_surveys_HouseholdId_Year",
                table: "household_surveys",
                columns: new[] { "HouseholdId", "Year" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "household_classifications");

            migrationBuilder.DropTable(
                name: "household_surveys");

            migrationBuilder.DropTable(
                name: "poverty_standards");
        }
    }
}
