using GiamNgheo.Domain.Statuses;

namespace GiamNgheo.Domain.Reviews;

/// <summary>A household's recognised status per year (one standard) with its member count, in one unit.</summary>
public sealed record HouseholdHistory(long HouseholdId, string UnitCode, IReadOnlyDictionary<int, (ListStatus Status, int Persons)> Years)
{
    public (ListStatus Status, int Persons) At(int year) => Years.TryGetValue(year, out var v) ? v : (ListStatus.Absent, 0);
}

/// <summary>Opening, decreases, increases and closing of one list in one unit, for households or persons.</summary>
public sealed class MovementCounts
{
    private readonly int[] byMovement = new int[Movements.Count];

    public int Opening { get; internal set; }
    public int Closing { get; internal set; }

    public int this[Movement m] => byMovement[(int)m];

    public int Decreases => this[Movement.DecreaseToOtherList] + this[Movement.DecreaseAboveNearPoor] + this[Movement.DecreaseOther];
    public int Increases => this[Movement.IncreaseFromOtherList] + this[Movement.IncreaseRelapsed] + this[Movement.IncreaseNew] + this[Movement.IncreaseOther];

    /// <summary>closing = opening − decreases + increases (§5.2).</summary>
    public bool Balances => Closing == Opening - Decreases + Increases;

    internal void Add(Movement m, int n) => byMovement[(int)m] += n;
}

/// <summary>Movements of one unit between two consecutive recognised lists.</summary>
public sealed record UnitMovements(string UnitCode, MovementCounts PoorHouseholds, MovementCounts PoorPersons, MovementCounts NearPoorHouseholds, MovementCounts NearPoorPersons);

/// <summary>Per-household movement on each list (null when the household is on neither list in either year).</summary>
public sealed record HouseholdMovement(long HouseholdId, string UnitCode, Movement? Poor, Movement? NearPoor);

/// <summary>Year-on-year movements (§5.2) from two consecutive recognised lists plus the history of the standard's period.</summary>
public static class MovementCalculator
{
    /// <summary>
    /// The movement of one household from <paramref name="year"/>−1 to <paramref name="year"/>. Relapse looks back to
    /// <paramref name="periodStartYear"/> (first year of the standard in force).
    /// </summary>
    public static HouseholdMovement Classify(HouseholdHistory h, int year, int periodStartYear)
    {
        ArgumentNullException.ThrowIfNull(h);
        var (prev, _) = h.At(year - 1);
        var (cur, _) = h.At(year);
        return new HouseholdMovement(h.HouseholdId, h.UnitCode,
            ForList(ListStatus.Poor, prev, cur, EscapedBefore(h, ListStatus.Poor, year - 1, periodStartYear)),
            ForList(ListStatus.NearPoor, prev, cur, EscapedBefore(h, ListStatus.NearPoor, year - 1, periodStartYear)));
    }

    private static Movement? ForList(ListStatus list, ListStatus prev, ListStatus cur, bool escapedBefore) =>
        Movements.Of(list, prev, cur, escapedBefore) is var m && m != Movement.None ? m : null;

    /// <summary>Whether the household left <paramref name="list"/> upwards (not by moving away) in a year from periodStart+1 to <paramref name="upTo"/>.</summary>
    private static bool EscapedBefore(HouseholdHistory h, ListStatus list, int upTo, int periodStart)
    {
        for (var y = periodStart + 1; y <= upTo; y++)
        {
            if (h.At(y - 1).Status == list && h.At(y).Status is var s && s != list && s != ListStatus.Absent
                && (list == ListStatus.Poor || s == ListStatus.AboveNearPoor))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Counts per unit for households and persons; every unit balances by construction (persons of staying households that changed size count as other increases/decreases).</summary>
    public static IReadOnlyList<UnitMovements> Compute(IEnumerable<HouseholdHistory> histories, int year, int periodStartYear)
    {
        ArgumentNullException.ThrowIfNull(histories);
        var units = new SortedDictionary<string, UnitMovements>(StringComparer.Ordinal);
        foreach (var h in histories)
        {
            if (!units.TryGetValue(h.UnitCode, out var u))
            {
                units[h.UnitCode] = u = new UnitMovements(h.UnitCode, new(), new(), new(), new());
            }

            var m = Classify(h, year, periodStartYear);
            var prev = h.At(year - 1);
            var cur = h.At(year);
            Count(u.PoorHouseholds, u.PoorPersons, ListStatus.Poor, m.Poor, prev, cur);
            Count(u.NearPoorHouseholds, u.NearPoorPersons, ListStatus.NearPoor, m.NearPoor, prev, cur);
        }

        return [.. units.Values];
    }

    private static void Count(MovementCounts households, MovementCounts persons, ListStatus list, Movement? m, (ListStatus Status, int Persons) prev, (ListStatus Status, int Persons) cur)
    {
        if (prev.Status == list)
        {
            households.Opening++;
            persons.Opening += prev.Persons;
        }

        if (cur.Status == list)
        {
            households.Closing++;
            persons.Closing += cur.Persons;
        }

        switch (m)
        {
            case null:
                return;
            case Movement.Stayed:
                if (cur.Persons > prev.Persons)
                {
                    persons.Add(Movement.IncreaseOther, cur.Persons - prev.Persons);
                }
                else if (cur.Persons < prev.Persons)
                {
                    persons.Add(Movement.DecreaseOther, prev.Persons - cur.Persons);
                }

                return;
            case Movement.DecreaseToOtherList or Movement.DecreaseAboveNearPoor or Movement.DecreaseOther:
                households.Add(m.Value, 1);
                persons.Add(m.Value, prev.Persons);
                return;
            case Movement.IncreaseFromOtherList or Movement.IncreaseRelapsed or Movement.IncreaseNew or Movement.IncreaseOther:
                households.Add(m.Value, 1);
                persons.Add(m.Value, cur.Persons);
                return;
        }
    }

    /// <summary>
    /// "Hộ mới thoát nghèo": the household left the poor or near-poor list upwards in year e and is followed in the
    /// <paramref name="years"/> years after (e &lt; year ≤ e + years) while it stays off both lists.
    /// </summary>
    public static bool IsRecentlyEscaped(HouseholdHistory h, int year, int years)
    {
        ArgumentNullException.ThrowIfNull(h);
        if (h.At(year).Status is ListStatus.Poor or ListStatus.NearPoor or ListStatus.Absent)
        {
            return false;
        }

        for (var e = year - 1; e >= year - years; e--)
        {
            var before = h.At(e - 1).Status;
            var after = h.At(e).Status;
            if (before is ListStatus.Poor or ListStatus.NearPoor && after == ListStatus.AboveNearPoor)
            {
                return true;
            }
        }

        return false;
    }
}
