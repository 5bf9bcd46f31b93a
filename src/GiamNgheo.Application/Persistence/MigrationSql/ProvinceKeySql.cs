using Microsoft.EntityFrameworkCore.Migrations;

namespace GiamNgheo.Application.Persistence.MigrationSql;

/// <summary>
/// Data carried over by the migration <c>DProvinceKey</c> (portable SQL, both providers; called from Up right after the
/// new columns are added and before the composite foreign keys are created): the province code of the rows that gained
/// one, from the row they belong to — review households and escape requests from their household, votes and complaints
/// from their review household, review documents from their commune review, audit records from their household (null
/// when the record concerns no household or the household is gone). First, commune reviews of regular campaigns whose
/// province was taken from a pre-2025 row (a district code) get their commune's province. docs/scaling.md.
/// </summary>
internal static class ProvinceKeySql
{
    public static void Up(MigrationBuilder migrationBuilder)
    {
        // A regular (one-commune) campaign took the province from the commune's first row, which for a commune that
        // existed before 2025 is its district: the commune reviews get the province of the commune's latest row.
        migrationBuilder.Sql(
            "UPDATE \"commune_reviews\" SET \"ProvinceCode\" = COALESCE((SELECT u.\"ParentCode\" FROM \"admin_units\" u "
            + "WHERE u.\"Code\" = \"commune_reviews\".\"CommuneCode\" AND u.\"Level\" = 3 AND u.\"ValidFrom\" IS NOT NULL "
            + "ORDER BY u.\"ValidFrom\" DESC LIMIT 1), \"ProvinceCode\");");
        migrationBuilder.Sql(From("review_households", "households", "\"HouseholdId\"") + ";");
        migrationBuilder.Sql(From("escape_requests", "households", "\"HouseholdId\"") + ";");
        migrationBuilder.Sql(From("review_votes", "review_households", "\"ReviewHouseholdId\"") + ";");
        migrationBuilder.Sql(From("review_complaints", "review_households", "\"ReviewHouseholdId\"") + ";");
        migrationBuilder.Sql(From("review_documents", "commune_reviews", "\"CommuneReviewId\"") + ";");
        migrationBuilder.Sql(
            "UPDATE \"audit_records\" SET \"ProvinceCode\" = (SELECT p.\"ProvinceCode\" FROM \"households\" p WHERE p.\"Id\" = \"audit_records\".\"HouseholdId\") "
            + "WHERE \"HouseholdId\" IS NOT NULL;");
    }

    /// <summary>Sets a non-null column from the parent row (every row has its parent: a foreign key with cascade).</summary>
    private static string From(string table, string parent, string parentId) =>
        $"UPDATE \"{table}\" SET \"ProvinceCode\" = COALESCE((SELECT p.\"ProvinceCode\" FROM \"{parent}\" p WHERE p.\"Id\" = \"{table}\".{parentId}), '')";
}
