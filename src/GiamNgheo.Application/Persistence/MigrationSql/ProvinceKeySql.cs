using Microsoft.EntityFrameworkCore.Migrations;

namespace GiamNgheo.Application.Persistence.MigrationSql;

/// <summary>
/// Data carried over by the migration <c>DProvinceKey</c> (portable SQL, both providers; called from Up right after the
/// new columns are added and before the composite foreign keys are created): the province code of the rows that gained
/// one, from the row they belong to — review households and escape requests from their household, votes and complaints
/// from their review household, review documents from their commune review, audit records from their household (null
/// when the record concerns no household or the household is gone). docs/scaling.md.
/// </summary>
internal static class ProvinceKeySql
{
    public static void Up(MigrationBuilder migrationBuilder)
    {
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
