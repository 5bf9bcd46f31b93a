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
    public static WhatIfReport Compare(IEnumerable<(string GroupKey, HouseholdFacts Facts)> households, PovertyStandard from, PovertyStandard to, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(households);
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        var builder = new WhatIfReportBuilder(from.Code, to.Code);
        foreach (var (key, facts) in households)
        {
            builder.Group(key).Add(
                HouseholdClassifier.Classify(facts, from, asOf).Category,
                HouseholdClassifier.Classify(facts, to, asOf).Category);
        }

        return builder.Build();
    }
}
