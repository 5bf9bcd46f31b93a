using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace GiamNgheo.Application.Persistence.Migrations.Postgres
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProvinceCode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false, collation: "C"),
                    CommuneCode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false, collation: "C"),
                    VillageCode = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: true, collation: "C"),
                    HouseholdId = table.Column<long>(type: "bigint", nullable: false),
                    StandardCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false, collation: "C"),
                    ReviewYear = table.Column<int>(type: "integer", nullable: false),
                    Category = table.Column<byte>(type: "smallint", nullable: false),
                    Recognised = table.Column<bool>(type: "boolean", nullable: false),
                    DecisionId = table.Column<long>(type: "bigint", nullable: false),
                    Periodic = table.Column<bool>(type: "boolean", nullable: false),
                    SignedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    PolicyFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    DeprivationCount = table.Column<int>(type: "integer", nullable: false),
                    Deprived = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    MemberCount = table.Column<int>(type: "integer", nullable: false),
                    HouseholdCode = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false, collation: "C"),
                    HeadName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Address = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    IncomePerCapita = table.Column<long>(type: "bigint", nullable: true),
                    B1Score = table.Column<int>(type: "integer", nullable: true),
                    Answers = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    SurveyDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Causes = table.Column<int>(type: "integer", nullable: false),
                    Needs = table.Column<int>(type: "integer", nullable: false),
                    Source = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
                name: "IX_household_statuses_ProvinceCode_CommuneCode_StandardCode_Re~",
                table: "household_statuses",
                columns: new[] { "ProvinceCode", "CommuneCode", "StandardCode", "ReviewYear" });

            // Decided classifications become frozen statuses (hand-written SQL kept outside the generated code).
            migrationBuilder.Sql(Sql.StatusBackfillSql.Postgres(GiamNgheo.Application.Reviews.ReviewSettings.ShippedRules.PeriodicPolicyFromNextYear));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "household_statuses");
        }
    }
}
