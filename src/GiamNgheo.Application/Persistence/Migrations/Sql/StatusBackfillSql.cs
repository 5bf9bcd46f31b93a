namespace GiamNgheo.Application.Persistence.Migrations.Sql;

/// <summary>
/// Data carried over by migration <c>A1StatusRecord</c> (issue 15): every household-year that a recognition decision
/// fixed (a classification row with <c>DecisionId</c>) gets its frozen statuses in <c>household_statuses</c> — the
/// decision's standard recognised, the same household-year's other standards frozen but not recognised — with the
/// snapshot taken from the household and the survey as they are at migration time (the best record left), source
/// <c>migration</c>. The policy start follows the review rule <c>periodicPolicyFromNextYear</c> (passed in). Kept out
/// of the generated migration so that the migration can be regenerated when models are merged.
/// </summary>
public static class StatusBackfillSql
{
    private const string Columns = """
        "ProvinceCode", "CommuneCode", "VillageCode", "HouseholdId", "StandardCode", "ReviewYear", "Category", "Recognised",
        "DecisionId", "Periodic", "SignedOn", "PolicyFrom", "DeprivationCount", "Deprived", "MemberCount", "HouseholdCode", "HeadName",
        "Address", "IncomePerCapita", "B1Score", "Answers", "SurveyDate", "Causes", "Needs", "Source", "RecordedAtUtc"
        """;

    private const string From = """
        FROM household_classifications k
        JOIN recognition_decisions d ON d."Id" = k."DecisionId" AND d."StandardCode" = k."StandardCode"
        JOIN commune_reviews cr ON cr."Id" = d."CommuneReviewId"
        JOIN review_campaigns rc ON rc."Id" = cr."CampaignId"
        JOIN household_classifications c ON c."HouseholdId" = k."HouseholdId" AND c."Year" = k."Year"
        JOIN households h ON h."Id" = c."HouseholdId"
        LEFT JOIN household_surveys s ON s."HouseholdId" = c."HouseholdId" AND s."Year" = c."Year"
        WHERE k."DecisionId" IS NOT NULL
        """;

    public static string Sqlite(bool periodicPolicyFromNextYear) => $"""
        INSERT INTO household_statuses ({Columns})
        SELECT c."ProvinceCode", c."CommuneCode", COALESCE(c."VillageCode", h."VillageCode"), c."HouseholdId", c."StandardCode", c."Year", c."Category",
            CASE WHEN c."StandardCode" = d."StandardCode" THEN 1 ELSE 0 END,
            d."Id", CASE WHEN rc."Kind" = 0 THEN 1 ELSE 0 END, d."SignedOn",
            CASE WHEN {(periodicPolicyFromNextYear ? "1" : "0")} = 1 AND rc."Kind" = 0 AND d."SignedOn" < printf('%04d-01-01', d."Year" + 1)
                THEN printf('%04d-01-01', d."Year" + 1) ELSE d."SignedOn" END,
            c."DeprivationCount", c."Deprived", c."MemberCount", h."Code", h."HeadName", h."Address",
            s."IncomePerCapita", s."B1Score", s."Answers", s."SurveyDate", COALESCE(s."Causes", 0), COALESCE(s."Needs", 0), 'migration',
            strftime('%Y-%m-%d %H:%M:%S', 'now')
        {From};
        """;

    public static string Postgres(bool periodicPolicyFromNextYear) => $"""
        INSERT INTO household_statuses ({Columns})
        SELECT c."ProvinceCode", c."CommuneCode", COALESCE(c."VillageCode", h."VillageCode"), c."HouseholdId", c."StandardCode", c."Year", c."Category",
            c."StandardCode" = d."StandardCode",
            d."Id", rc."Kind" = 0, d."SignedOn",
            CASE WHEN {(periodicPolicyFromNextYear ? "TRUE" : "FALSE")} AND rc."Kind" = 0 AND d."SignedOn" < make_date(d."Year" + 1, 1, 1)
                THEN make_date(d."Year" + 1, 1, 1) ELSE d."SignedOn" END,
            c."DeprivationCount", c."Deprived", c."MemberCount", h."Code", h."HeadName", h."Address",
            s."IncomePerCapita", s."B1Score", s."Answers", s."SurveyDate", COALESCE(s."Causes", 0), COALESCE(s."Needs", 0), 'migration',
            now()
        {From};
        """;
}
