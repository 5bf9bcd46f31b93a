using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GiamNgheo.Application.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CScoreTablesAndCompleteness : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<byte>(
                name: "PessimisticCategory",
                table: "report_aggregates",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "B1ScoreTable",
                table: "household_surveys",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Incomplete",
                table: "household_classifications",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<byte>(
                name: "PessimisticCategory",
                table: "household_classifications",
                type: "INTEGER",
                nullable: false,
                defaultValue: (byte)0);

            MigrationSql.ScoreTablesAndCompletenessSql.Up(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "PessimisticCategory",
                table: "report_aggregates");

            migrationBuilder.DropColumn(
                name: "B1ScoreTable",
                table: "household_surveys");

            migrationBuilder.DropColumn(
                name: "Incomplete",
                table: "household_classifications");

            migrationBuilder.DropColumn(
                name: "PessimisticCategory",
                table: "household_classifications");
        }
    }
}
