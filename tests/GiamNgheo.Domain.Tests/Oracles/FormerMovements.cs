using GiamNgheo.Domain.Classification;
using GiamNgheo.Domain.Statuses;

namespace GiamNgheo.Domain.Tests.Oracles;

// Private copies of the two former movement rules (Domain/Reports/Movements.cs and Domain/Reviews/Movements.cs before
// they were merged into Domain/Statuses/Movements.cs), kept only as oracles for the agreement property tests.

/// <summary>The former report-forms enum.</summary>
internal enum FormerReportMovement
{
    None = 0,
    Stayed = 1,
    DecreaseToOtherList = 2,
    DecreaseAboveNearPoor = 3,
    DecreaseOther = 4,
    IncreaseFromOtherList = 5,
    IncreaseRelapsed = 6,
    IncreaseNew = 7,
    IncreaseOther = 8,
}

/// <summary>The former report-forms rule (Domain/Reports/Movements.cs).</summary>
internal static class FormerReportMovements
{
    public static FormerReportMovement Of(HouseholdCategory list, HouseholdCategory? previous, HouseholdCategory? current, bool escapedEarlierInPeriod)
    {
        var other = list == HouseholdCategory.Poor ? HouseholdCategory.NearPoor : HouseholdCategory.Poor;
        var was = previous == list;
        var isNow = current == list;
        if (was && isNow)
        {
            return FormerReportMovement.Stayed;
        }

        if (was)
        {
            return current is null ? FormerReportMovement.DecreaseOther
                : current == other ? FormerReportMovement.DecreaseToOtherList
                : FormerReportMovement.DecreaseAboveNearPoor;
        }

        if (isNow)
        {
            return previous is null ? FormerReportMovement.IncreaseOther
                : previous == other ? FormerReportMovement.IncreaseFromOtherList
                : escapedEarlierInPeriod ? FormerReportMovement.IncreaseRelapsed
                : FormerReportMovement.IncreaseNew;
        }

        return FormerReportMovement.None;
    }
}

/// <summary>The former review-board enum.</summary>
internal enum FormerReviewMovement : byte
{
    Stayed = 0,
    ToOtherList = 1,
    AboveNearPoorLine = 2,
    OtherDecrease = 3,
    FromOtherList = 4,
    Relapsed = 5,
    NewlyArising = 6,
    OtherIncrease = 7,
}

/// <summary>The former review-board rule (Domain/Reviews/Movements.cs, MovementCalculator.Classify).</summary>
internal static class FormerReviewMovements
{
    public static (FormerReviewMovement? Poor, FormerReviewMovement? NearPoor) Classify(Func<int, ListStatus> at, int year, int periodStartYear)
    {
        var prev = at(year - 1);
        var cur = at(year);
        return (ForList(ListStatus.Poor, ListStatus.NearPoor, prev, cur, EscapedBefore(at, ListStatus.Poor, year - 1, periodStartYear)),
            ForList(ListStatus.NearPoor, ListStatus.Poor, prev, cur, EscapedBefore(at, ListStatus.NearPoor, year - 1, periodStartYear)));
    }

    public static FormerReviewMovement? ForList(ListStatus list, ListStatus other, ListStatus prev, ListStatus cur, bool escapedBefore)
    {
        if (prev == list)
        {
            return cur == list ? FormerReviewMovement.Stayed
                : cur == other ? FormerReviewMovement.ToOtherList
                : cur == ListStatus.AboveNearPoor ? FormerReviewMovement.AboveNearPoorLine
                : FormerReviewMovement.OtherDecrease;
        }

        if (cur != list)
        {
            return null;
        }

        return prev == other ? FormerReviewMovement.FromOtherList
            : prev == ListStatus.Absent ? FormerReviewMovement.OtherIncrease
            : escapedBefore ? FormerReviewMovement.Relapsed
            : FormerReviewMovement.NewlyArising;
    }

    private static bool EscapedBefore(Func<int, ListStatus> at, ListStatus list, int upTo, int periodStart)
    {
        for (var y = periodStart + 1; y <= upTo; y++)
        {
            if (at(y - 1) == list && at(y) is var s && s != list && s != ListStatus.Absent
                && (list == ListStatus.Poor || s == ListStatus.AboveNearPoor))
            {
                return true;
            }
        }

        return false;
    }
}
