using GiamNgheo.Domain.Standards;

namespace GiamNgheo.Domain.Classification;

/// <summary>
/// What-if: apply another standard (a newer national one, or a province's local one) to the current
/// households and count, per group, how many would enter or leave each category.
/// </summary>
public static class WhatIfAnalysis
{
    /// <param name="households">Each household with its group key (e.g. commune code).</param>
    /// <param name="from">The standard applied now.</param>
    /// <param name="to">The standard to try.</param>
    /// <param name="asOf">The review date for member-derived indicators.</param>
    /// <remarks>
    /// A household that either standard cannot classify (no income and a B1 score the standard cannot take, see
    /// <see cref="HouseholdClassifier.CannotClassifyReason"/>) is not compared; it is counted in
    /// <see cref="WhatIfReport.NotComparable"/> instead of failing the whole comparison.
    /// </remarks>
    public static WhatIfReport Compare(IEnumerable<(string GroupKey, HouseholdFacts Facts)> households, PovertyStandard from, PovertyStandard to, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(households);
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        var builder = new WhatIfReportBuilder(from.Code, to.Code);
        var notComparable = 0L;
        foreach (var (key, facts) in households)
        {
            if (HouseholdClassifier.CannotClassifyReason(facts, from) is not null || HouseholdClassifier.CannotClassifyReason(facts, to) is not null)
            {
                notComparable++;
                continue;
            }

            builder.Group(key).Add(
                HouseholdClassifier.Classify(facts, from, asOf).Category,
                HouseholdClassifier.Classify(facts, to, asOf).Category);
        }

        return builder.Build() with { NotComparable = notComparable };
    }
}
