using Microsoft.EntityFrameworkCore.Migrations;

namespace GiamNgheo.Application.Persistence;

/// <summary>
/// Hand-written data step of migration <c>BResidence</c> (residence dates and statuses per year), called from its <c>Up</c> on both providers, kept
/// apart so that the lead can regenerate the migration: the report aggregates written before it counted only the
/// households classified in each year and carry no status source. Their rows get the best source they can have
/// (recognised where a decision made them official, computed otherwise) and every commune that has them is queued for
/// refresh, so the background refresher (or the next read) recomputes them over every resident household.
/// </summary>
public static class ResidenceMigrationSql
{
    public static void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        var postgres = migrationBuilder.ActiveProvider?.Contains("Npgsql", StringComparison.Ordinal) == true;
        migrationBuilder.Sql("UPDATE report_aggregates SET \"Source\" = CASE WHEN \"Recognised\" THEN 3 ELSE 2 END;");
        migrationBuilder.Sql(postgres
            ? "INSERT INTO report_aggregate_dirty (\"ProvinceCode\", \"CommuneCode\", \"MarkedAtUtc\") SELECT DISTINCT \"ProvinceCode\", \"CommuneCode\", now() FROM report_aggregates;"
            : "INSERT INTO report_aggregate_dirty (\"ProvinceCode\", \"CommuneCode\", \"MarkedAtUtc\") SELECT DISTINCT \"ProvinceCode\", \"CommuneCode\", strftime('%Y-%m-%d %H:%M:%f', 'now') FROM report_aggregates;");
    }
}
