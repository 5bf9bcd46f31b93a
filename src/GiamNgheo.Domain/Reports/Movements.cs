using GiamNgheo.Domain.Classification;

namespace GiamNgheo.Domain.Reports;

/// <summary>Year-on-year movement of a household in or out of one list (docs/domain.md §5.2).</summary>
public enum Movement
{
    /// <summary>On neither list.</summary>
    None = 0,
    /// <summary>On both lists (nghèo cũ).</summary>
    Stayed = 1,
    /// <summary>Poor → near-poor (for the poor list) or near-poor → poor (for the near-poor list).</summary>
    DecreaseToOtherList = 2,
    /// <summary>Rose above the near-poor line (medium or not poor).</summary>
    DecreaseAboveNearPoor = 3,
    /// <summary>Left the registry: moved away, dissolved, died.</summary>
    DecreaseOther = 4,
    /// <summary>From the other list (near-poor → poor, or poor → near-poor).</summary>
    IncreaseFromOtherList = 5,
    /// <summary>Tái nghèo / tái cận nghèo: had left the list earlier in the standard's period.</summary>
    IncreaseRelapsed = 6,
    /// <summary>Phát sinh mới.</summary>
    IncreaseNew = 7,
    /// <summary>Not on last year's registry: moved in, household split.</summary>
    IncreaseOther = 8,
}

/// <summary>
/// The pure movement rule between two years' lists under one standard. Written for the report forms 2–3; the review
/// workflow may own the same rule later (the lead reconciles).
/// </summary>
public static class Movements
{
    /// <summary>The movement of a household with respect to the list of <paramref name="list"/> (Poor or NearPoor).</summary>
    public static Movement Of(HouseholdCategory list, HouseholdCategory? previous, HouseholdCategory? current, bool escapedEarlierInPeriod)
    {
        var other = list == HouseholdCategory.Poor ? HouseholdCategory.NearPoor : HouseholdCategory.Poor;
        var was = previous == list;
        var isNow = current == list;
        if (was && isNow)
        {
            return Movement.Stayed;
        }

        if (was)
        {
            return current is null ? Movement.DecreaseOther
                : current == other ? Movement.DecreaseToOtherList
                : Movement.DecreaseAboveNearPoor;
        }

        if (isNow)
        {
            return previous is null ? Movement.IncreaseOther
                : previous == other ? Movement.IncreaseFromOtherList
                : escapedEarlierInPeriod ? Movement.IncreaseRelapsed
                : Movement.IncreaseNew;
        }

        return Movement.None;
    }

    public static Movement Of(HouseholdCategory list, ReportHousehold household)
    {
        ArgumentNullException.ThrowIfNull(household);
        return Of(list, household.PreviousCategory, household.Category,
            list == HouseholdCategory.Poor ? household.EscapedPoorEarlierInPeriod : household.EscapedNearPoorEarlierInPeriod);
    }

    public static bool IsDecrease(this Movement movement) => movement is Movement.DecreaseToOtherList or Movement.DecreaseAboveNearPoor or Movement.DecreaseOther;

    public static bool IsIncrease(this Movement movement) => movement is Movement.IncreaseFromOtherList or Movement.IncreaseRelapsed or Movement.IncreaseNew or Movement.IncreaseOther;
}
