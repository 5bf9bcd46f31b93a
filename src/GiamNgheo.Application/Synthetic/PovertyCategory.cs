namespace GiamNgheo.Application.Synthetic;

/// <summary>The ND07_2021 outcome a household is drawn to have before its facts are filled in.</summary>
internal enum PovertyCategory
{
    /// <summary>Income ≤ line and 3 or more deprivations.</summary>
    Poor = 0,

    /// <summary>Income ≤ line and fewer than 3 deprivations.</summary>
    NearPoor = 1,

    /// <summary>Income above the line.</summary>
    AboveLine = 2,
}
