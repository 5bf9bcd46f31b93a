using GiamNgheo.Domain.Classification;

namespace GiamNgheo.Domain.Statuses;

/// <summary>A household's place with respect to the poor and near-poor lists of one year under one standard.</summary>
public enum ListStatus : byte
{
    Poor = 0,
    NearPoor = 1,

    /// <summary>In the unit, above the near-poor line (medium or not poor).</summary>
    AboveNearPoor = 2,

    /// <summary>Not in the unit (moved away, dissolved, died… or not yet arrived / not yet split off).</summary>
    Absent = 3,
}

public static class ListStatuses
{
    /// <summary>The list place of a status category; null (not resident on that year's reporting date) is absent.</summary>
    public static ListStatus Of(HouseholdCategory? category) => category switch
    {
        null => ListStatus.Absent,
        HouseholdCategory.Poor => ListStatus.Poor,
        HouseholdCategory.NearPoor => ListStatus.NearPoor,
        HouseholdCategory.Medium or HouseholdCategory.NotPoor => ListStatus.AboveNearPoor,
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, null),
    };
}

/// <summary>Year-on-year movement (diễn biến) of a household in or out of one list (domain reference §5.2).</summary>
public enum Movement : byte
{
    /// <summary>On the list in neither year.</summary>
    None = 0,
    /// <summary>On the list in both years (nghèo cũ).</summary>
    Stayed = 1,
    /// <summary>Poor list: became near-poor (thoát nghèo sang cận nghèo). Near-poor list: became poor.</summary>
    DecreaseToOtherList = 2,
    /// <summary>Rose above the near-poor line (vượt chuẩn cận nghèo).</summary>
    DecreaseAboveNearPoor = 3,
    /// <summary>Other decrease: left the unit (moved away, dissolved, died).</summary>
    DecreaseOther = 4,
    /// <summary>Poor list: near-poor became poor. Near-poor list: poor became near-poor.</summary>
    IncreaseFromOtherList = 5,
    /// <summary>Tái nghèo / tái cận nghèo: had escaped the list earlier in the standard's period.</summary>
    IncreaseRelapsed = 6,
    /// <summary>Phát sinh mới.</summary>
    IncreaseNew = 7,
    /// <summary>Other increase: was not in the unit last year (moved in, split from another household).</summary>
    IncreaseOther = 8,
}

/// <summary>
/// The one movement rule between two years' lists under one standard (domain reference §5.2), used by the report
/// forms 2–3 and the detailed lists (<c>ReportHousehold.MovementOn</c>), the review board's movement report
/// (<c>Reviews.MovementCalculator</c>) and the dashboard.
/// </summary>
public static class Movements
{
    /// <summary>Number of <see cref="Movement"/> values (for arrays indexed by movement).</summary>
    public const int Count = 9;

    /// <summary>
    /// The movement of a household with respect to <paramref name="list"/> (Poor or NearPoor) from its place
    /// <paramref name="previous"/> last year to <paramref name="current"/> this year.
    /// <paramref name="escapedEarlierInPeriod"/>: it had left that list earlier in the standard's period, which makes a
    /// return from above the line a relapse (tái nghèo / tái cận nghèo) rather than newly arising.
    /// </summary>
    public static Movement Of(ListStatus list, ListStatus previous, ListStatus current, bool escapedEarlierInPeriod)
    {
        if (list is not (ListStatus.Poor or ListStatus.NearPoor))
        {
            throw new ArgumentOutOfRangeException(nameof(list), list, "Movements are counted on the poor or the near-poor list.");
        }

        var other = list == ListStatus.Poor ? ListStatus.NearPoor : ListStatus.Poor;
        var was = previous == list;
        var isNow = current == list;
        if (was && isNow)
        {
            return Movement.Stayed;
        }

        if (was)
        {
            return current == ListStatus.Absent ? Movement.DecreaseOther
                : current == other ? Movement.DecreaseToOtherList
                : Movement.DecreaseAboveNearPoor;
        }

        if (isNow)
        {
            return previous == ListStatus.Absent ? Movement.IncreaseOther
                : previous == other ? Movement.IncreaseFromOtherList
                : escapedEarlierInPeriod ? Movement.IncreaseRelapsed
                : Movement.IncreaseNew;
        }

        return Movement.None;
    }

    /// <summary>The same rule on status categories (null = not resident on that year's reporting date).</summary>
    public static Movement Of(HouseholdCategory list, HouseholdCategory? previous, HouseholdCategory? current, bool escapedEarlierInPeriod) =>
        Of(ListStatuses.Of(list), ListStatuses.Of(previous), ListStatuses.Of(current), escapedEarlierInPeriod);

    public static bool IsDecrease(this Movement movement) => movement is Movement.DecreaseToOtherList or Movement.DecreaseAboveNearPoor or Movement.DecreaseOther;

    public static bool IsIncrease(this Movement movement) => movement is Movement.IncreaseFromOtherList or Movement.IncreaseRelapsed or Movement.IncreaseNew or Movement.IncreaseOther;
}
