namespace GiamNgheo.Domain.Classification;

/// <summary>Which branch of the standard's rule decided the category.</summary>
public enum DecidingRule
{
    /// <summary>Two lines: I ≤ P → poor whatever the deprivations.</summary>
    AtOrBelowPovertyLine = 0,

    /// <summary>Two lines: P &lt; I ≤ N and D ≥ k → poor.</summary>
    BetweenLinesDeprivedEnough = 1,

    /// <summary>Two lines: P &lt; I ≤ N and D &lt; k → near-poor.</summary>
    BetweenLinesDeprivedLess = 2,

    /// <summary>One line: I ≤ L and D ≥ k → poor.</summary>
    AtOrBelowLineDeprivedEnough = 3,

    /// <summary>One line: I ≤ L and D &lt; k → near-poor.</summary>
    AtOrBelowLineDeprivedLess = 4,

    /// <summary>Above the line(s), within the medium-living band → medium (income only).</summary>
    WithinMediumBand = 5,

    /// <summary>Above every line → not poor.</summary>
    AboveLines = 6,
}

public static class DecidingRules
{
    public static HouseholdCategory Category(this DecidingRule rule) => rule switch
    {
        DecidingRule.AtOrBelowPovertyLine => HouseholdCategory.Poor,
        DecidingRule.BetweenLinesDeprivedEnough => HouseholdCategory.Poor,
        DecidingRule.BetweenLinesDeprivedLess => HouseholdCategory.NearPoor,
        DecidingRule.AtOrBelowLineDeprivedEnough => HouseholdCategory.Poor,
        DecidingRule.AtOrBelowLineDeprivedLess => HouseholdCategory.NearPoor,
        DecidingRule.WithinMediumBand => HouseholdCategory.Medium,
        DecidingRule.AboveLines => HouseholdCategory.NotPoor,
    };
}
