using GiamNgheo.Domain.Households;

namespace GiamNgheo.Application.Households;

public sealed record HouseholdListQuery(string? CommuneCode = null, string? VillageCode = null, string? Search = null, int Page = 1, int PageSize = 25)
{
    /// <summary>With <see cref="Year"/> and <see cref="Category"/>: only households of that category under that standard (links from reports and dashboards).</summary>
    public string? Standard { get; init; }
    public int? Year { get; init; }
    /// <summary>The status filter: poor, near_poor, medium, not_poor (or POOR…) — the category of the year's status, carried over included — or not_surveyed.</summary>
    public string? Category { get; init; }
    /// <summary>Also households no longer resident today (moved away, dissolved, merged); by default only residents are listed.</summary>
    public bool IncludeFormer { get; init; }
}

public sealed record HouseholdListItem(
    long Id, string Code, string HeadName, string CommuneCode, string CommuneName, string? VillageCode, string? VillageName,
    string Address, int MemberCount, string HeadPersonalIdMasked)
{
    /// <summary>The first day the household is no longer resident; null while resident.</summary>
    public DateOnly? ResidentUntil { get; init; }

    /// <summary>Its status of the query's review year under the query's standard (the one rule); null when the query names none.</summary>
    public Statuses.StatusView? Status { get; init; }
}

public sealed record HouseholdDetail(
    long Id, string Code, string ProvinceCode, string CommuneCode, string CommuneName, string? VillageCode, string? VillageName,
    string Address, string HeadName, string AreaType, SpecialGroups Groups, string? LegacyCommuneCode, int Version,
    IReadOnlyList<MemberDetail> Members, bool PersonalIdsRevealed)
{
    /// <summary>Arrival date (cư trú từ ngày); null = resident since before the registry.</summary>
    public DateOnly? ResidentFrom { get; init; }
    /// <summary>The first day it is no longer resident (moved away, dissolved, merged); null = resident.</summary>
    public DateOnly? ResidentUntil { get; init; }
    public HouseholdLeaveReason? LeftReason { get; init; }
    public string? LeftNote { get; init; }
}

/// <summary>
/// "Hộ chuyển đi / giải thể / nhập hộ": the household stops being resident from <see cref="Date"/> (the first day it is
/// gone) for <see cref="Reason"/>. Nothing is deleted.
/// </summary>
public sealed record HouseholdLeaveInput(DateOnly? Date, HouseholdLeaveReason? Reason, string? Note, int? Version = null);

public sealed record MemberDetail(
    long Id, string FullName, Sex Sex, DateOnly DateOfBirth, string EthnicityCode, string EthnicityName, RelationToHead RelationToHead,
    string? PersonalId, bool HasHealthInsurance, EducationLevel Education, Schooling Schooling, Disability Disability, Employment Employment);

/// <summary>What a user types for a household. Groups are the §5.3 flags that cannot be derived from members.</summary>
public sealed record HouseholdInput
{
    public string? Code { get; init; }
    public string CommuneCode { get; init; } = string.Empty;
    public string? VillageCode { get; init; }
    public string? Address { get; init; }
    public string HeadName { get; init; } = string.Empty;
    public bool LocalIndigenousMinority { get; init; }
    public bool NoLabourCapacity { get; init; }
    public bool RevolutionaryMerit { get; init; }
    public bool SocialProtection { get; init; }
    /// <summary>On creation: the day the household became resident (arrival, new household); null = before the registry.</summary>
    public DateOnly? ResidentFrom { get; init; }
    /// <summary>For optimistic concurrency on update: the version the user started from.</summary>
    public int? Version { get; init; }
    /// <summary>Members given with a new household (optional).</summary>
    public IReadOnlyList<MemberInput>? Members { get; init; }
}

public sealed record MemberInput
{
    public string FullName { get; init; } = string.Empty;
    public Sex Sex { get; init; }
    public DateOnly DateOfBirth { get; init; }
    public string EthnicityCode { get; init; } = "01";
    public RelationToHead RelationToHead { get; init; }
    public string? PersonalId { get; init; }
    public bool HasHealthInsurance { get; init; }
    public EducationLevel Education { get; init; }
    public Schooling Schooling { get; init; }
    public Disability Disability { get; init; }
    public Employment Employment { get; init; }
}
