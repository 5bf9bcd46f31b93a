using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GiamNgheo.Application.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReportAggregates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "report_aggregate_dirty",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProvinceCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    CommuneCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    MarkedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_report_aggregate_dirty", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "report_aggregates",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    StandardCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ProvinceCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    CommuneCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    VillageCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    IsCommuneTotal = table.Column<bool>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Category = table.Column<byte>(type: "INTEGER", nullable: true),
                    PreviousCategory = table.Column<byte>(type: "INTEGER", nullable: true),
                    EscapedPoorEarlier = table.Column<bool>(type: "INTEGER", nullable: false),
                    EscapedNearPoorEarlier = table.Column<bool>(type: "INTEGER", nullable: false),
                    Groups = table.Column<int>(type: "INTEGER", nullable: false),
                    HeadEthnicityCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    Recognised = table.Column<bool>(type: "INTEGER", nullable: false),
                    Causes = table.Column<int>(type: "INTEGER", nullable: false),
                    Deprived = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Households = table.Column<int>(type: "INTEGER", nullable: false),
                    Persons = table.Column<int>(type: "INTEGER", nullable: false),
                    PreviousPersons = table.Column<int>(type: "INTEGER", nullable: false),
                    PersonsGrown = table.Column<int>(type: "INTEGER", nullable: false),
                    PersonsShrunk = table.Column<int>(type: "INTEGER", nullable: false),
                    Children = table.Column<int>(type: "INTEGER", nullable: false),
                    ChildrenHealthDeprived = table.Column<int>(type: "INTEGER", nullable: false),
                    ChildrenEducationDeprived = table.Column<int>(type: "INTEGER", nullable: false),
                    MultidimensionallyPoor = table.Column<bool>(type: "INTEGER", nullable: false),
                    ScoreNanos = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_report_aggregates", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_report_aggregate_dirty_CommuneCode",
                table: "report_aggregate_dirty",
                column: "CommuneCode");

            migrationBuilder.CreateIndex(
                name: "IX_report_aggregate_dirty_ProvinceCode",
                table: "report_aggregate_dirty",
                column: "ProvinceCode");

            migrationBuilder.CreateIndex(
                name: "IX_report_aggregates_CommuneCode_IsCommuneTotal_StandardCode_Year_Kind",
                table: "report_aggregates",
                columns: new[] { "CommuneCode", "IsCommuneTotal", "StandardCode", "Year", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_report_aggregates_ProvinceCode_IsCommuneTotal_StandardCode_Year_Kind",
                table: "report_aggregates",
                columns: new[] { "ProvinceCode", "IsCommuneTotal", "StandardCode", "Year", "Kind" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "report_aggregate_dirty");

            migrationBuilder.DropTable(
                name: "report_aggregates");
        }
    }
}
