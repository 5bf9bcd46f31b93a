using GiamNgheo.Domain.Common;
using GiamNgheo.Domain.Households;

namespace GiamNgheo.Application.Households;

/// <summary>
/// Hộ gia đình in the registry. Every household-keyed table carries <see cref="ProvinceCode"/> so that the schema can be
/// sharded by province (product.md, design consequences).
/// </summary>
public sealed class HouseholdEntity : Audit.IAudited
{
    public long Id { get; set; }
    public required string ProvinceCode { get; set; }
    public required string CommuneCode { get; set; }
    public string? VillageCode { get; set; }
    /// <summary>Mã hộ: unique in the system.</summary>
    public required string Code { get; set; }
    public string Address { get; set; } = string.Empty;
    public required string HeadName { get; set; }
    /// <summary>Folded (no diacritics, lower case) head name for search.</summary>
    public string HeadNameFolded { get; set; } = string.Empty;
    public AreaType AreaType { get; set; }
    public SpecialGroups Groups { get; set; }
    /// <summary>The pre-2025 commune code the household was registered under, kept for history.</summary>
    public string? LegacyCommuneCode { get; set; }
    /// <summary>Optimistic concurrency: incremented on every update.</summary>
    public int Version { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public List<MemberEntity> Members { get; set; } = [];
}

/// <summary>Thành viên hộ.</summary>
public sealed class MemberEntity : Audit.IAudited
{
    public long Id { get; set; }
    public long HouseholdId { get; set; }
    public HouseholdEntity? Household { get; set; }
    public required string ProvinceCode { get; set; }
    public int Order { get; set; }
    public required string FullName { get; set; }
    public string FullNameFolded { get; set; } = string.Empty;
    public Sex Sex { get; set; }
    public DateOnly DateOfBirth { get; set; }
    public required string EthnicityCode { get; set; }
    public RelationToHead RelationToHead { get; set; }
    public string? PersonalId { get; set; }
    public bool HasHealthInsurance { get; set; }
    public EducationLevel Education { get; set; }
    public Schooling Schooling { get; set; }
    public Disability Disability { get; set; }
    public Employment Employment { get; set; }
}
