using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GiamNgheo.Application.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class BResidence : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<byte>(
                name: "Source",
                table: "report_aggregates",
                type: "INTEGER",
                nullable: false,
                defaultValue: (byte)0);

            migrationBuilder.AddColumn<string>(
                name: "LeftNote",
                table: "households",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "LeftReason",
                table: "households",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "MergedIntoHouseholdId",
                table: "households",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ResidentFrom",
                table: "households",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ResidentUntil",
                table: "households",
                type: "TEXT",
                nullable: true);

            ResidenceMigrationSql.Up(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Source",
                table: "report_aggregates");

            migrationBuilder.DropColumn(
                name: "LeftNote",
                table: "households");

            migrationBuilder.DropColumn(
                name: "LeftReason",
                table: "households");

            migrationBuilder.DropColumn(
                name: "MergedIntoHouseholdId",
                table: "households");

            migrationBuilder.DropColumn(
                name: "ResidentFrom",
                table: "households");

            migrationBuilder.DropColumn(
                name: "ResidentUntil",
                table: "households");
        }
    }
}
