using GiamNgheo.Application.Audit;
using GiamNgheo.Application.Interchange;
using GiamNgheo.Domain.Classification;

namespace GiamNgheo.Application.Surveys;

/// <summary>
/// The review answers of a household for one review year (Phiếu A/B1/B2 of TT 07/2021): measured income or the B1
/// proxy-income score, the reviewer's direct answer per indicator code, causes of poverty and support needs.
/// Member-derived indicators are computed from the members at classification time when their facts are present.
/// </summary>
public sealed class HouseholdSurveyEntity : IAudited
{
    public long Id { get; set; }
    public long HouseholdId { get; set; }
    public required string ProvinceCode { get; set; }
    public int Year { get; set; }
    /// <summary>The day of the survey; member ages are taken on it (31 December of the year when unknown).</summary>
    public DateOnly? SurveyDate { get; set; }
    /// <summary>Phiếu A: screened out as clearly better off (not surveyed further).</summary>
    public bool ScreenedOut { get; set; }
    /// <summary>Whole đồng per person per month.</summary>
    public long? IncomePerCapita { get; set; }
    public int? B1Score { get; set; }
    /// <summary>
    /// The score table the B1 score was taken under (<see cref="Domain.Standards.ScoreTables"/>: TT17_2016, TT07_2021);
    /// null when there is no score (a row without it reads as the default of its review year, ScoreTables.DefaultFor).
    /// </summary>
    public string? B1ScoreTable { get; set; }
    /// <summary>JSON object indicator code → deprived (true/false); codes not present were not answered.</summary>
    public string Answers { get; set; } = "{}";
    public PovertyCauses Causes { get; set; }
    public string? OtherCause { get; set; }
    public SupportNeeds Needs { get; set; }
    /// <summary>manual, import:&lt;file&gt;, demo…</summary>
    public string Source { get; set; } = "manual";
    public int Version { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
}

/// <summary>
/// A household's category under one standard in one review year, with the decision that set it (null while it is
/// only computed). The product never stores "the" category of a household.
/// </summary>
public sealed class HouseholdClassificationEntity
{
    public long Id { get; set; }
    public long HouseholdId { get; set; }
    public required string ProvinceCode { get; set; }
    public required string CommuneCode { get; set; }
    public string? VillageCode { get; set; }
    public int Year { get; set; }
    public required string StandardCode { get; set; }
    public HouseholdCategory Category { get; set; }
    public int DeprivationCount { get; set; }
    /// <summary>Deprived indicator codes joined by ';'.</summary>
    public string Deprived { get; set; } = string.Empty;
    public int MemberCount { get; set; }
    /// <summary>
    /// An indicator of the standard had neither an answer nor member facts (e.g. the three QĐ 59-only indicators on an
    /// NĐ 07 questionnaire): <see cref="Category"/> counts it as not deprived, <see cref="PessimisticCategory"/> as deprived.
    /// </summary>
    public bool Incomplete { get; set; }
    /// <summary>The category if every unanswered indicator were deprived; equals <see cref="Category"/> when complete.</summary>
    public HouseholdCategory PessimisticCategory { get; set; }
    public DateTime ComputedAtUtc { get; set; }
    /// <summary>The recognition decision (Mẫu 02) that made this category official, when one did.</summary>
    public long? DecisionId { get; set; }
    /// <summary>
    /// Review years before the 2025 reform (≤ 2024): the household's pre-2025 commune (its district is the report's
    /// district); null when unknown (the report shows such rows as "unassigned"). Null for later years.
    /// </summary>
    public string? LegacyCommuneCode { get; set; }
}
