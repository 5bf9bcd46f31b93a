using GiamNgheo.Domain.Households;

namespace GiamNgheo.Domain.Classification;

/// <summary>What the member-derived indicators need to know about one household member.</summary>
public sealed record MemberFacts
{
    public required DateOnly DateOfBirth { get; init; }

    public Sex Sex { get; init; }

    /// <summary>Has a valid health-insurance card on the review date.</summary>
    public bool HasHealthInsurance { get; init; }

    /// <summary>Highest level completed.</summary>
    public EducationLevel Education { get; init; }

    public Schooling Schooling { get; init; }

    public Employment Employment { get; init; }

    public Disability Disability { get; init; }

    /// <summary>The reviewer's decision that the member is (or is not) a dependant; null lets the age/disability rule decide.</summary>
    public bool? IsDependant { get; init; }
}
