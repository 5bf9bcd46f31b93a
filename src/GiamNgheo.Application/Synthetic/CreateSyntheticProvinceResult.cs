namespace GiamNgheo.Application.Synthetic;

/// <summary>Either a ready generator, or the reason (a code for hosts, a Vietnamese message for people).</summary>
public sealed record CreateSyntheticProvinceResult(
    SyntheticProvinceGenerator? Generator,
    SyntheticProvinceError? Error,
    string? Message);

public enum SyntheticProvinceError
{
    /// <summary>The code is not a province of the 2025 list.</summary>
    UnknownProvince = 0,

    /// <summary>Households must be 0 or more, communes 1 or more, the review year 2000–2100.</summary>
    InvalidOptions = 1,

    /// <summary>A commune would get more than 999,999 households, which the household code cannot number.</summary>
    CommuneCapacityExceeded = 2,
}
