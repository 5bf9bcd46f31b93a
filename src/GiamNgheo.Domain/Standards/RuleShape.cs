namespace GiamNgheo.Domain.Standards;

/// <summary>The two shapes of classification rule used by the national standards (docs/domain.md §10.2).</summary>
public enum RuleShape
{
    /// <summary>
    /// Two income lines P ≤ N: poor when I ≤ P, or P &lt; I ≤ N with at least k deprivations; near-poor when
    /// P &lt; I ≤ N with fewer than k (QĐ 59/2015 Art. 2; the September 2025 draft of NĐ 351).
    /// </summary>
    TwoLines = 0,

    /// <summary>
    /// One income line L: poor when I ≤ L with at least k deprivations; near-poor when I ≤ L with fewer than k
    /// (NĐ 07/2021 Art. 3.2; NĐ 351/2025 as reported).
    /// </summary>
    OneLine = 1,
}

public static class RuleShapeCodes
{
    public static string ToCode(this RuleShape shape) => shape switch
    {
        RuleShape.TwoLines => "two_lines",
        RuleShape.OneLine => "one_line",
    };

    public static bool TryParse(string? text, out RuleShape shape)
    {
        switch (text?.Trim().ToUpperInvariant())
        {
            case "TWO_LINES" or "A":
                shape = RuleShape.TwoLines;
                return true;
            case "ONE_LINE" or "B":
                shape = RuleShape.OneLine;
                return true;
            default:
                shape = RuleShape.OneLine;
                return false;
        }
    }
}
