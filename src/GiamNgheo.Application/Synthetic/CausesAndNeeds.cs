using System.Globalization;
using System.Numerics;
using GiamNgheo.Application.Interchange;
using GiamNgheo.Domain.Households;

namespace GiamNgheo.Application.Synthetic;

/// <summary>
/// Causes of poverty (§5.4) and support needs (§5.5) for poor and near-poor households: one to three of each,
/// weighted towards what the household's facts suggest (no labour → "labour", a severely disabled or very old
/// member → "illness", a deprived house → "housing"). Weights are [M].
/// </summary>
internal static class CausesAndNeeds
{
    private static readonly WeightedTable<int> Counts = new([(1, 45), (2, 40), (3, 15)]);

    public static PovertyCauses DrawCauses(IReadOnlyList<MemberDraft> members, SpecialGroups flags, bool urban, SyntheticRandom random)
    {
        var ill = members.Any(m => m.IsSeverelyDisabled || m.Age >= 75);
        var table = new WeightedTable<PovertyCauses>(
        [
            (PovertyCauses.Land, urban ? 0.1 : 0.8),
            (PovertyCauses.Capital, 1.5),
            (PovertyCauses.Labour, flags.HasFlag(SpecialGroups.NoLabourCapacity) ? 3.0 : 0.5),
            (PovertyCauses.Tools, urban ? 0.2 : 0.6),
            (PovertyCauses.Knowhow, 0.9),
            (PovertyCauses.Skills, 0.8),
            (PovertyCauses.Illness, ill ? 1.5 : 0.5),
            (PovertyCauses.Other, 0.15),
        ]);
        return Draw(table, random);
    }

    public static SupportNeeds DrawNeeds(IReadOnlyList<MemberDraft> members, bool[] nd07, bool urban, SyntheticRandom random)
    {
        var table = new WeightedTable<SupportNeeds>(
        [
            (SupportNeeds.Health, members.Any(m => m.IsSeverelyDisabled || m.Age >= 75) ? 1.5 : 0.6),
            (SupportNeeds.Education, members.Any(m => m.InSchool) ? 1.2 : 0.2),
            (SupportNeeds.Production, urban ? 0.3 : 1.0),
            (SupportNeeds.Credit, 1.4),
            (SupportNeeds.Housing, nd07[IndicatorPlanner.HousingQuality] || nd07[IndicatorPlanner.HousingArea] ? 2.0 : 0.3),
            (SupportNeeds.Other, 0.15),
        ]);
        return Draw(table, random);
    }

    private static T Draw<T>(WeightedTable<T> table, SyntheticRandom random)
        where T : struct, Enum
    {
        var count = Counts.Pick(random);
        var result = 0;
        for (var attempt = 0; attempt < 12 && BitOperations.PopCount((uint)result) < count; attempt++)
        {
            result |= Convert.ToInt32(table.Pick(random), CultureInfo.InvariantCulture);
        }

        return (T)Enum.ToObject(typeof(T), result);
    }
}
