using GiamNgheo.Domain.Standards;

namespace GiamNgheo.Domain.Classification;

/// <summary>
/// The classification rule of docs/domain.md §10.2, over a value (income in đồng, or a B1 score) and the
/// number of deprivations. Every bound is inclusive: "từ … trở xuống" is ≤, "trên A đến B" is A &lt; I ≤ B.
/// </summary>
public static class PovertyRule
{
    /// <summary>Decides which branch applies.</summary>
    /// <param name="shape">Two lines (QĐ 59/2015 Art. 2) or one line (NĐ 07/2021 Art. 3.2).</param>
    /// <param name="value">Income per person per month, or the B1 score.</param>
    /// <param name="povertyLine">P (two lines) or L (one line).</param>
    /// <param name="nearPovertyLine">N; required for two lines, ignored for one line.</param>
    /// <param name="mediumUpperBound">Upper bound of the medium band, or null when the standard has none.</param>
    /// <param name="deprivations">D, the number of deprived indicators.</param>
    /// <param name="k">The deprivation count of the standard.</param>
    public static DecidingRule Decide(RuleShape shape, long value, long povertyLine, long? nearPovertyLine, long? mediumUpperBound, int deprivations, int k)
    {
        var deprivedInAtLeastK = deprivations >= k;
        var withinMediumBand = mediumUpperBound is { } upper && value <= upper;
        switch (shape)
        {
            case RuleShape.TwoLines:
                {
                    var nearLine = nearPovertyLine ?? throw new ArgumentNullException(nameof(nearPovertyLine), "A two-line rule needs the near-poverty line.");
                    var atOrBelowPovertyLine = value <= povertyLine;
                    var aboveOnlyThePovertyLine = value > povertyLine && value <= nearLine;
                    if (atOrBelowPovertyLine)
                    {
                        return DecidingRule.AtOrBelowPovertyLine;
                    }

                    if (aboveOnlyThePovertyLine)
                    {
                        return deprivedInAtLeastK ? DecidingRule.BetweenLinesDeprivedEnough : DecidingRule.BetweenLinesDeprivedLess;
                    }

                    return withinMediumBand ? DecidingRule.WithinMediumBand : DecidingRule.AboveLines;
                }

            case RuleShape.OneLine:
                {
                    var atOrBelowTheLine = value <= povertyLine;
                    if (atOrBelowTheLine)
                    {
                        return deprivedInAtLeastK ? DecidingRule.AtOrBelowLineDeprivedEnough : DecidingRule.AtOrBelowLineDeprivedLess;
                    }

                    return withinMediumBand ? DecidingRule.WithinMediumBand : DecidingRule.AboveLines;
                }

            default:
                throw new ArgumentOutOfRangeException(nameof(shape), shape, null);
        }
    }
}
