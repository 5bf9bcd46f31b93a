using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace GiamNgheo.Application.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class FListEntries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "report_list_entries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    StandardCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false, collation: "C"),
                    ProvinceCode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false, collation: "C"),
                    CommuneCode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false, collation: "C"),
                    VillageCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false, collation: "C"),
                    HouseholdId = table.Column<long>(type: "bigint", nullable: false),
                    HouseholdCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false, collation: "C"),
                    Category = table.Column<byte>(type: "smallint", nullable: false),
                    Source = table.Column<byte>(type: "smallint", nullable: false),
                    PreviousCategory = table.Column<byte>(type: "smallint", nullable: true),
                    EscapedPoorEarlier = table.Column<bool>(type: "boolean", nullable: false),
                    EscapedNearPoorEarlier = table.Column<bool>(type: "boolean", nullable: false),
                    Groups = table.Column<int>(type: "integer", nullable: false),
                    Needs = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_report_list_entries", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_report_list_entries_CommuneCode_StandardCode_Year",
                table: "report_list_entries",
                columns: new[] { "CommuneCode", "StandardCode", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_report_list_entries_ProvinceCode_StandardCode_Year",
                table: "report_list_entries",
                columns: new[] { "ProvinceCode", "StandardCode", "Year" });

            // The list lines are written with the aggregates: every commune that has aggregates is queued, so the next
            // read of its unit (reads refresh the unit's queued communes first) or the background refresher writes them.
            migrationBuilder.Sql("""
                INSERT INTO report_aggregate_dirty ("ProvinceCode", "CommuneCode", "MarkedAtUtc")
                SELECT DISTINCT "ProvinceCode", "CommuneCode", now() FROM report_aggregates
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "report_list_entries");
        }
    }
}
