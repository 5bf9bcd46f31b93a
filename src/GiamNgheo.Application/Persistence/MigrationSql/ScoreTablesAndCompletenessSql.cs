using Microsoft.EntityFrameworkCore.Migrations;

namespace GiamNgheo.Application.Persistence.MigrationSql;

/// <summary>
/// Data carried over by the migration <c>CScoreTablesAndCompleteness</c> (portable SQL, both providers; called from Up so
/// that a regenerated migration only needs the call again):
/// <list type="number">
/// <item>every stored B1 score gets the score table of its review year's default (TT07_2021 from 2022, TT17_2016 before);</item>
/// <item>every stored classification's pessimistic category is its category (rows classified before completeness was kept);</item>
/// <item>the stored shipped standards (and local copies of them) name the table of their B1 thresholds, as the shipped JSON now does;</item>
/// <item>undecided QD59_2015 rows of years from 2022 that rest on a B1 score alone — a TT 07/2021 score read on the TT 17/2016
/// scale — are removed (the household has no QĐ 59 result until income is measured); their communes' report aggregates are
/// marked stale.</item>
/// </list>
/// </summary>
internal static class ScoreTablesAndCompletenessSql
{
    private const string Tt17Table = "{\"value\": \"TT17_2016\", \"mark\": \"K\", \"source\": \"docs/domain.md §12.2 (set by migration CScoreTablesAndCompleteness)\"}";
    private const string Tt07Table = "{\"value\": \"TT07_2021\", \"mark\": \"K\", \"source\": \"docs/domain.md §4.7, §12.2 (set by migration CScoreTablesAndCompleteness)\"}";

    public static void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql(
            "UPDATE \"household_surveys\" SET \"B1ScoreTable\" = CASE WHEN \"Year\" >= 2022 THEN 'TT07_2021' ELSE 'TT17_2016' END "
            + "WHERE \"B1Score\" IS NOT NULL AND \"B1ScoreTable\" IS NULL;");
        migrationBuilder.Sql("UPDATE \"household_classifications\" SET \"PessimisticCategory\" = \"Category\";");
        migrationBuilder.Sql(StandardTable("QD59_2015", Tt17Table));
        migrationBuilder.Sql(StandardTable("ND07_2021", Tt07Table));

        const string mismatched =
            "\"StandardCode\" = 'QD59_2015' AND \"DecisionId\" IS NULL AND \"Year\" >= 2022 AND EXISTS (SELECT 1 FROM \"household_surveys\" s "
            + "WHERE s.\"HouseholdId\" = \"household_classifications\".\"HouseholdId\" AND s.\"Year\" = \"household_classifications\".\"Year\" "
            + "AND s.\"IncomePerCapita\" IS NULL AND s.\"B1Score\" IS NOT NULL)";
        migrationBuilder.Sql(
            "INSERT INTO \"report_aggregate_dirty\" (\"ProvinceCode\", \"CommuneCode\", \"MarkedAtUtc\") "
            + "SELECT DISTINCT \"ProvinceCode\", \"CommuneCode\", CURRENT_TIMESTAMP FROM \"household_classifications\" WHERE " + mismatched + ";");
        migrationBuilder.Sql("DELETE FROM \"household_classifications\" WHERE " + mismatched + ";");
    }

    /// <summary>Adds <c>"table"</c> to <c>b1_scores</c> of a stored standard (or a local copy of it) that does not name one.</summary>
    private static string StandardTable(string code, string table) =>
        $"UPDATE \"poverty_standards\" SET \"Json\" = REPLACE(\"Json\", '\"b1_scores\": {{', '\"b1_scores\": {{\"table\": {table.Replace("'", "''", StringComparison.Ordinal)},') "
        + $"WHERE (\"Code\" = '{code}' OR \"Json\" LIKE '%\"base_standard\": \"{code}\"%') AND \"Json\" NOT LIKE '%\"table\":%';";
}
