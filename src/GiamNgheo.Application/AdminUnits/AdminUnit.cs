namespace GiamNgheo.Application.AdminUnits;

/// <summary>Cấp hành chính. District exists only before 2025-07-01; villages belong to a commune.</summary>
public enum AdminLevel
{
    Province = 1,
    District = 2,
    Commune = 3,
    Village = 4,
}

/// <summary>
/// An administrative unit in one period of validity. The same official code can appear in several rows (one per
/// period): codes are only unique within a level at a date. <see cref="ValidTo"/> is inclusive; null bounds are open.
/// </summary>
public sealed class AdminUnit : Audit.IAudited
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public AdminLevel Level { get; set; }
    public required string Name { get; set; }
    public required string FullName { get; set; }
    public string NameEn { get; set; } = string.Empty;
    public string Type { get; set; } = string.Empty;
    public string TypeEn { get; set; } = string.Empty;
    public string? ParentCode { get; set; }
    public string? RegionName { get; set; }
    public DateOnly? ValidFrom { get; set; }
    public DateOnly? ValidTo { get; set; }

    public bool IsValidOn(DateOnly date) => (ValidFrom is null || ValidFrom <= date) && (ValidTo is null || ValidTo >= date);
}

/// <summary>Khu vực của xã theo thời kỳ: the area type used by the poverty standards, editable by the province.</summary>
public sealed class CommuneAreaType : Audit.IAudited
{
    public int Id { get; set; }
    public required string CommuneCode { get; set; }
    public DateOnly? ValidFrom { get; set; }
    public DateOnly? ValidTo { get; set; }
    public Domain.Common.AreaType AreaType { get; set; }
    /// <summary>Where the value came from: "unit type" when seeded from phường/xã, otherwise who set it.</summary>
    public string Source { get; set; } = string.Empty;
}

/// <summary>One old→new pair of the 2025 reform (admin-units-2025-mapping.csv).</summary>
public sealed class CommuneMapping
{
    public int Id { get; set; }
    public string? OldCommuneCode { get; set; }
    public string OldCommuneName { get; set; } = string.Empty;
    public required string OldDistrictCode { get; set; }
    public required string OldProvinceCode { get; set; }
    public required string NewCommuneCode { get; set; }
    public string NewCommuneName { get; set; } = string.Empty;
    public required string NewProvinceCode { get; set; }
    /// <summary>"full" or "partial".</summary>
    public required string MergeType { get; set; }
}

public sealed class EthnicGroup
{
    public required string Code { get; set; }
    public required string Name { get; set; }
    public required string NameAscii { get; set; }
    public bool IsEthnicMinority { get; set; }
}
