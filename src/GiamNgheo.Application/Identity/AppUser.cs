using Microsoft.AspNetCore.Identity;

namespace GiamNgheo.Application.Identity;

public sealed class AppUser : IdentityUser, Audit.IAudited
{
    /// <summary>The person's full name (họ và tên), shown in the header and in the audit browser.</summary>
    public string DisplayName { get; set; } = string.Empty;
    /// <summary>Chức vụ: the person's position, e.g. "Phó Chủ tịch UBND xã". Optional.</summary>
    public string? Position { get; set; }
    /// <summary>Set when an administrator creates the account or resets its password: the next login leads to the change-password page only.</summary>
    public bool MustChangePassword { get; set; }
    /// <summary>When the account was deactivated (UTC); null while active. Users are never deleted, so the audit keeps their name.</summary>
    public DateTime? DeactivatedAtUtc { get; set; }
    /// <summary>The unit the user works in; null only for system administrators (whole country).</summary>
    public string? ScopeUnitCode { get; set; }
    public AdminUnits.AdminLevel? ScopeLevel { get; set; }
}

/// <summary>The seven roles of product.md. Role names are stable identifiers stored in the database.</summary>
public static class Roles
{
    public const string SystemAdmin = "system_admin";
    public const string ProvincialOfficer = "provincial_officer";
    public const string CommuneOfficer = "commune_officer";
    public const string VillageReviewer = "village_reviewer";
    public const string SectorOfficer = "sector_officer";
    public const string Supervisor = "supervisor";
    public const string Leader = "leader";

    public static readonly IReadOnlyList<string> All =
        [SystemAdmin, ProvincialOfficer, CommuneOfficer, VillageReviewer, SectorOfficer, Supervisor, Leader];

    /// <summary>Roles that may create, edit and delete households and members.</summary>
    public static readonly IReadOnlyList<string> RegistryEditors = [SystemAdmin, ProvincialOfficer, CommuneOfficer, VillageReviewer];

    /// <summary>Roles that may see a whole personal ID number on the household page (each view is audited).</summary>
    public static readonly IReadOnlyList<string> PersonalIdViewers = [SystemAdmin, ProvincialOfficer, CommuneOfficer];

    /// <summary>Roles that may browse the audit trail and edit units' area types.</summary>
    public static readonly IReadOnlyList<string> Administrators = [SystemAdmin, ProvincialOfficer];

    public static string VietnameseName(string role) => role switch
    {
        SystemAdmin => "Quản trị hệ thống",
        ProvincialOfficer => "Cán bộ cấp tỉnh",
        CommuneOfficer => "Cán bộ giảm nghèo cấp xã",
        VillageReviewer => "Rà soát viên thôn",
        SectorOfficer => "Cán bộ sở, ngành",
        Supervisor => "Giám sát (MTTQ, đoàn thể)",
        Leader => "Lãnh đạo",
        _ => role,
    };
}
