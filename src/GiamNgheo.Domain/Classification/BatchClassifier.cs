using GiamNgheo.Domain.Common;

namespace GiamNgheo.Domain.Classification;

/// <summary>
/// Classifies a whole province in memory over a structure of arrays: income (whole đồng per person per
/// month), area (0 = rural, 1 = urban, as <see cref="AreaType"/>) and one deprivation mask per household
/// for the standard (bit i = the standard's indicator i). Same results as <see cref="HouseholdClassifier"/>.
/// </summary>
public static class BatchClassifier
{
    public static void Classify(CompiledStandard standard, ReadOnlySpan<long> income, ReadOnlySpan<byte> area, ReadOnlySpan<uint> deprivations, Span<HouseholdCategory> categories)
    {
        ArgumentNullException.ThrowIfNull(standard);
        CheckLengths(income, area, deprivations);
        if (categories.Length < income.Length)
        {
            throw new ArgumentException("The output is shorter than the input.", nameof(categories));
        }

        for (var i = 0; i < income.Length; i++)
        {
            categories[i] = standard.Categorize(income[i], area[i], deprivations[i]);
        }
    }

    public static CategoryCounts Count(CompiledStandard standard, ReadOnlySpan<long> income, ReadOnlySpan<byte> area, ReadOnlySpan<uint> deprivations)
    {
        ArgumentNullException.ThrowIfNull(standard);
        CheckLengths(income, area, deprivations);
        long poor = 0, nearPoor = 0, medium = 0, total = income.Length;
        for (var i = 0; i < income.Length; i++)
        {
            var category = (int)standard.Categorize(income[i], area[i], deprivations[i]);
            poor += category == 0 ? 1 : 0;
            nearPoor += category == 1 ? 1 : 0;
            medium += category == 2 ? 1 : 0;
        }

        return new CategoryCounts(poor, nearPoor, medium, total - poor - nearPoor - medium);
    }

    /// <summary>
    /// What-if over a batch: the category of every household under <paramref name="from"/> and under
    /// <paramref name="to"/>, counted per group (<paramref name="group"/>[i] indexes <paramref name="groupKeys"/>).
    /// </summary>
    public static WhatIfReport WhatIf(
        CompiledStandard from, ReadOnlySpan<uint> fromDeprivations,
        CompiledStandard to, ReadOnlySpan<uint> toDeprivations,
        ReadOnlySpan<long> income, ReadOnlySpan<byte> area,
        ReadOnlySpan<int> group, IReadOnlyList<string> groupKeys)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(groupKeys);
        CheckLengths(income, area, fromDeprivations);
        CheckLengths(income, area, toDeprivations);
        if (group.Length != income.Length)
        {
            throw new ArgumentException("Every household needs a group.", nameof(group));
        }

        var builder = new WhatIfReportBuilder(from.Code, to.Code);
        var groups = groupKeys.Select(builder.Group).ToArray();
        for (var i = 0; i < income.Length; i++)
        {
            groups[group[i]].Add(
                from.Categorize(income[i], area[i], fromDeprivations[i]),
                to.Categorize(income[i], area[i], toDeprivations[i]));
        }

        return builder.Build();
    }

    private static void CheckLengths(ReadOnlySpan<long> income, ReadOnlySpan<byte> area, ReadOnlySpan<uint> deprivations)
    {
        if (area.Length != income.Length || deprivations.Length != income.Length)
        {
            throw new ArgumentException("Income, area and deprivation arrays must have the same length.");
        }

        if (area.IndexOfAnyExcept((byte)AreaType.Rural, (byte)AreaType.Urban) is var bad and >= 0)
        {
            throw new ArgumentException($"Area at index {bad} is {area[bad]}; expected 0 (rural) or 1 (urban).", nameof(area));
        }
    }
}
