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
    /// <summary>
    /// First day the household is resident in its commune (arrival, new household); null = resident since before the
    /// registry. With <see cref="ResidentUntil"/> it decides whether the household counts in a report of a date
    /// (<c>HouseholdStatusRules.IsResident</c>).
    /// </summary>
    public DateOnly? ResidentFrom { get; set; }
    /// <summary>The first day the household is no longer resident (moved away, dissolved, merged); null = still resident. Never deleted.</summary>
    public DateOnly? ResidentUntil { get; set; }
    /// <summary>Why it left (set with <see cref="ResidentUntil"/>).</summary>
    public HouseholdLeaveReason? LeftReason { get; set; }
    /// <summary>The officer's note on the leaving (required for <see cref="HouseholdLeaveReason.Other"/>).</summary>
    public string? LeftNote { get; set; }
    /// <summary>For <see cref="HouseholdLeaveReason.Merged"/>: the household it merged into, when known (household events will fill it).</summary>
    public long? MergedIntoHouseholdId { get; set; }
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

/// <summary>Why a household left the resident set (lý do hộ không còn cư trú).</summary>
public enum HouseholdLeaveReason
{
    /// <summary>Chuyển đi nơi khác.</summary>
    MovedAway = 1,
    /// <summary>Giải thể (không còn thành viên: chết, đi hết).</summary>
    Dissolved = 2,
    /// <summary>Nhập vào hộ khác.</summary>
    Merged = 3,
    /// <summary>Lý do khác.</summary>
    Other = 9,
}
