using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace GiamNgheo.Application.Persistence.Migrations.Postgres
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProvinceCode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    CommuneCode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    MarkedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_report_aggregate_dirty", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "report_aggregates",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    StandardCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ProvinceCode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    CommuneCode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    VillageCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    IsCommuneTotal = table.Column<bool>(type: "boolean", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Category = table.Column<byte>(type: "smallint", nullable: true),
                    PreviousCategory = table.Column<byte>(type: "smallint", nullable: true),
                    EscapedPoorEarlier = table.Column<bool>(type: "boolean", nullable: false),
                    EscapedNearPoorEarlier = table.Column<bool>(type: "boolean", nullable: false),
                    Groups = table.Column<int>(type: "integer", nullable: false),
                    HeadEthnicityCode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    Recognised = table.Column<bool>(type: "boolean", nullable: false),
                    Causes = table.Column<int>(type: "integer", nullable: false),
                    Deprived = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Households = table.Column<int>(type: "integer", nullable: false),
                    Persons = table.Column<int>(type: "integer", nullable: false),
                    PreviousPersons = table.Column<int>(type: "integer", nullable: false),
                    PersonsGrown = table.Column<int>(type: "integer", nullable: false),
                    PersonsShrunk = table.Column<int>(type: "integer", nullable: false),
                    Children = table.Column<int>(type: "integer", nullable: false),
                    ChildrenHealthDeprived = table.Column<int>(type: "integer", nullable: false),
                    ChildrenEducationDeprived = table.Column<int>(type: "integer", nullable: false),
                    MultidimensionallyPoor = table.Column<bool>(type: "boolean", nullable: false),
                    ScoreNanos = table.Column<long>(type: "bigint", nullable: false)
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
                name: "IX_report_aggregates_CommuneCode_IsCommuneTotal_StandardCode_Y~",
                table: "report_aggregates",
                columns: new[] { "CommuneCode", "IsCommuneTotal", "StandardCode", "Year", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_report_aggregates_ProvinceCode_IsCommuneTotal_StandardCode_~",
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
