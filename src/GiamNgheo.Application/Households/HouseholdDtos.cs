using GiamNgheo.Domain.Households;

namespace GiamNgheo.Application.Households;

public sealed record HouseholdListQuery(string? CommuneCode = null, string? VillageCode = null, string? Search = null, int Page = 1, int PageSize = 25)
{
    /// <summary>With <see cref="Year"/> and <see cref="Category"/>: only households of that category under that standard (links from reports and dashboards).</summary>
    public string? Standard { get; init; }
    public int? Year { get; init; }
    /// <summary>poor, near_poor, medium, not_poor (or POOR…).</summary>
    public string? Category { get; init; }
}

public sealed record HouseholdListItem(
    long Id, string Code, string HeadName, string CommuneCode, string CommuneName, string? VillageCode, string? VillageName,
    string Address, int MemberCount, string HeadPersonalIdMasked);

public sealed record HouseholdDetail(
    long Id, string Code, string ProvinceCode, string CommuneCode, string CommuneName, string? VillageCode, string? VillageName,
    string Address, string HeadName, string AreaType, SpecialGroups Groups, string? LegacyCommuneCode, int Version,
    IReadOnlyList<MemberDetail> Members, bool PersonalIdsRevealed);

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
