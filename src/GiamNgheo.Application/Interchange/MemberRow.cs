using GiamNgheo.Domain.Households;

namespace GiamNgheo.Application.Interchange;

/// <summary>One row of the members table, typed.</summary>
public sealed record MemberRow
{
    public required string HouseholdCode { get; init; }

    /// <summary>Full name in NFC, single spaces.</summary>
    public required string FullName { get; init; }

    public required Sex Sex { get; init; }

    public required DateOnly DateOfBirth { get; init; }

    /// <summary>Two-digit code of the 54 ethnic groups (01 = Kinh).</summary>
    public required string EthnicityCode { get; init; }

    public required RelationToHead RelationToHead { get; init; }

    /// <summary>12-digit số định danh cá nhân.</summary>
    public required string PersonalId { get; init; }

    /// <summary>Has a valid health-insurance card.</summary>
    public required bool HealthInsurance { get; init; }

    /// <summary>Highest level completed.</summary>
    public required EducationLevel Education { get; init; }

    public required Schooling Schooling { get; init; }

    public required Disability Disability { get; init; }

    public required Employment Employment { get; init; }
}
