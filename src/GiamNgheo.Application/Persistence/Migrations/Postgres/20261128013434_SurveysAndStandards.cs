using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace GiamNgheo.Application.Persistence.Migrations.Postgres
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    HouseholdId = table.Column<long>(type: "bigint", nullable: false),
                    ProvinceCode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    CommuneCode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    VillageCode = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: true),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    StandardCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Category = table.Column<byte>(type: "smallint", nullable: false),
                    DeprivationCount = table.Column<int>(type: "integer", nullable: false),
                    Deprived = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    MemberCount = table.Column<int>(type: "integer", nullable: false),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    ComputedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DecisionId = table.Column<long>(type: "bigint", nullable: true)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    HouseholdId = table.Column<long>(type: "bigint", nullable: false),
                    ProvinceCode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    SurveyDate = table.Column<DateOnly>(type: "date", nullable: true),
                    ScreenedOut = table.Column<bool>(type: "boolean", nullable: false),
                    IncomePerCapita = table.Column<long>(type: "bigint", nullable: true),
                    B1Score = table.Column<int>(type: "integer", nullable: true),
                    Answers = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Causes = table.Column<int>(type: "integer", nullable: false),
                    OtherCause = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Needs = table.Column<int>(type: "integer", nullable: false),
                    Source = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
                    Code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ProvinceCode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    Json = table.Column<string>(type: "text", nullable: false),
                    ClassifyInParallel = table.Column<bool>(type: "boolean", nullable: false),
                    IsEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_poverty_standards", x => x.Code);
                });

            migrationBuilder.CreateIndex(
                name: "IX_household_classifications_CommuneCode_Year_StandardCode_Cat~",
                table: "household_classifications",
                columns: new[] { "CommuneCode", "Year", "StandardCode", "Category" });

            migrationBuilder.CreateIndex(
                name: "IX_household_classifications_HouseholdId_Year_StandardCode",
                table: "household_classifications",
                columns: new[] { "HouseholdId", "Year", "StandardCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_household_classifications_ProvinceCode_Year_StandardCode_Ca~",
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
