using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GiamNgheo.Application.Persistence.Migrations.Sqlite
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    StandardCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ProvinceCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    CommuneCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    VillageCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    HouseholdId = table.Column<long>(type: "INTEGER", nullable: false),
                    HouseholdCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Category = table.Column<byte>(type: "INTEGER", nullable: false),
                    Source = table.Column<byte>(type: "INTEGER", nullable: false),
                    PreviousCategory = table.Column<byte>(type: "INTEGER", nullable: true),
                    EscapedPoorEarlier = table.Column<bool>(type: "INTEGER", nullable: false),
                    EscapedNearPoorEarlier = table.Column<bool>(type: "INTEGER", nullable: false),
                    Groups = table.Column<int>(type: "INTEGER", nullable: false),
                    Needs = table.Column<int>(type: "INTEGER", nullable: false)
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
                SELECT DISTINCT "ProvinceCode", "CommuneCode", strftime('%Y-%m-%d %H:%M:%f', 'now') FROM report_aggregates
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
