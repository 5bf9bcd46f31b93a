using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GiamNgheo.Application.Persistence.Migrations.Postgres
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
                type: "smallint",
                nullable: false,
                defaultValue: (byte)0);

            migrationBuilder.AddColumn<string>(
                name: "LeftNote",
                table: "households",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "LeftReason",
                table: "households",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "MergedIntoHouseholdId",
                table: "households",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ResidentFrom",
                table: "households",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ResidentUntil",
                table: "households",
                type: "date",
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
