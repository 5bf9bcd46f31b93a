using GiamNgheo.Domain.Reviews;
using GiamNgheo.Domain.Statuses;

namespace GiamNgheo.Domain.Tests.Reviews;

public class MovementCalculatorTests
{
    private const ListStatus P = ListStatus.Poor;
    private const ListStatus N = ListStatus.NearPoor;
    private const ListStatus A = ListStatus.AboveNearPoor;
    private const ListStatus X = ListStatus.Absent;

    /// <summary>Statuses 2022…2026 (period starts 2022), persons in 2025 and 2026; unit "V1" or "V2".</summary>
    private static HouseholdHistory H(long id, string unit, ListStatus[] statuses, int persons2025, int persons2026)
    {
        var years = new Dictionary<int, (ListStatus, int)>();
        for (var i = 0; i < statuses.Length; i++)
        {
            var year = 2022 + i;
            years[year] = (statuses[i], year == 2026 ? persons2026 : persons2025);
        }

        return new HouseholdHistory(id, unit, years);
    }

    private static readonly HouseholdHistory[] History =
    [
        H(1, "V1", [P, P, P, P, P], 5, 5),   // poor stays
        H(2, "V1", [P, P, P, P, P], 5, 6),   // poor stays, one person born
        H(3, "V1", [P, P, P, P, N], 4, 4),   // poor → near-poor
        H(4, "V1", [P, P, P, P, A], 3, 3),   // poor → above near-poor line
        H(5, "V1", [P, P, P, P, X], 2, 0),   // poor, moved away
        H(6, "V1", [N, N, N, N, P], 6, 6),   // near-poor → poor
        H(7, "V1", [P, A, A, A, P], 4, 5),   // escaped in 2023, relapsed (tái nghèo)
        H(8, "V1", [A, A, A, A, P], 3, 3),   // newly poor (phát sinh mới)
        H(9, "V1", [X, X, X, X, P], 0, 2),   // split / moved in, poor
        H(10, "V2", [N, N, N, N, N], 4, 3),  // near-poor stays, one person fewer
        H(11, "V2", [N, N, N, N, A], 5, 5),  // near-poor → above
        H(12, "V2", [N, N, N, N, X], 3, 0),  // near-poor, dissolved
        H(13, "V2", [P, P, P, P, N], 7, 7),  // poor → near-poor (increase of the near-poor list)
        H(14, "V2", [N, A, A, A, N], 2, 2),  // escaped near-poverty in 2023, relapsed (tái cận nghèo)
        H(15, "V2", [A, A, A, A, N], 4, 4),  // newly near-poor
        H(16, "V2", [X, X, X, X, N], 0, 3),  // moved in, near-poor
        H(17, "V2", [A, A, A, A, A], 4, 4),  // never on a list
        H(18, "V2", [N, N, N, N, P], 1, 1),  // near-poor → poor (decrease of the near-poor list)
        H(19, "V2", [P, P, P, N, N], 2, 2),  // escaped to near-poor in 2025, stays near-poor
    ];

    [Theory]
    [InlineData(1, Movement.Stayed, null)]
    [InlineData(3, Movement.DecreaseToOtherList, Movement.IncreaseFromOtherList)]
    [InlineData(4, Movement.DecreaseAboveNearPoor, null)]
    [InlineData(5, Movement.DecreaseOther, null)]
    [InlineData(6, Movement.IncreaseFromOtherList, Movement.DecreaseToOtherList)]
    [InlineData(7, Movement.IncreaseRelapsed, null)]
    [InlineData(8, Movement.IncreaseNew, null)]
    [InlineData(9, Movement.IncreaseOther, null)]
    [InlineData(10, null, Movement.Stayed)]
    [InlineData(11, null, Movement.DecreaseAboveNearPoor)]
    [InlineData(12, null, Movement.DecreaseOther)]
    [InlineData(14, null, Movement.IncreaseRelapsed)]
    [InlineData(15, null, Movement.IncreaseNew)]
    [InlineData(16, null, Movement.IncreaseOther)]
    [InlineData(17, null, null)]
    public void Classify_CraftedHistory_EveryCategory(long id, Movement? poor, Movement? nearPoor)
    {
        var m = MovementCalculator.Classify(History.Single(h => h.HouseholdId == id), 2026, 2022);
        Assert.Equal(poor, m.Poor);
        Assert.Equal(nearPoor, m.NearPoor);
    }

    [Fact]
    public void Compute_CraftedHistory_CountsAndBalanceForEveryUnit()
    {
        var units = MovementCalculator.Compute(History, 2026, 2022);
        Assert.Equal(["V1", "V2"], units.Select(u => u.UnitCode));
        foreach (var u in units)
        {
            Assert.True(u.PoorHouseholds.Balances, u.UnitCode);
            Assert.True(u.PoorPersons.Balances, u.UnitCode);
            Assert.True(u.NearPoorHouseholds.Balances, u.UnitCode);
            Assert.True(u.NearPoorPersons.Balances, u.UnitCode);
        }

        var v1 = units[0];
        // Poor, V1: opening 1, 2, 3, 4, 5 (7 was above in 2025) = 5 households, 19 persons.
        Assert.Equal(5, v1.PoorHouseholds.Opening);
        Assert.Equal(19, v1.PoorPersons.Opening);
        Assert.Equal(1, v1.PoorHouseholds[Movement.DecreaseToOtherList]);
        Assert.Equal(1, v1.PoorHouseholds[Movement.DecreaseAboveNearPoor]);
        Assert.Equal(1, v1.PoorHouseholds[Movement.DecreaseOther]);
        Assert.Equal(1, v1.PoorHouseholds[Movement.IncreaseFromOtherList]);
        Assert.Equal(1, v1.PoorHouseholds[Movement.IncreaseRelapsed]);
        Assert.Equal(1, v1.PoorHouseholds[Movement.IncreaseNew]);
        Assert.Equal(1, v1.PoorHouseholds[Movement.IncreaseOther]);
        Assert.Equal(6, v1.PoorHouseholds.Closing); // 1, 2, 6, 7, 8, 9
        Assert.Equal(5 + 6 + 6 + 5 + 3 + 2, v1.PoorPersons.Closing);
        Assert.Equal(2, v1.PoorPersons[Movement.DecreaseOther]);
        Assert.Equal(1 + 2, v1.PoorPersons[Movement.IncreaseOther]);

        var v2 = units[1];
        // Near-poor, V2: opening 10, 11, 12, 18, 19 = 5 households; closing 10, 13, 14, 15, 16, 19 = 6.
        Assert.Equal(5, v2.NearPoorHouseholds.Opening);
        Assert.Equal(6, v2.NearPoorHouseholds.Closing);
        Assert.Equal(1, v2.NearPoorHouseholds[Movement.DecreaseToOtherList]);
        Assert.Equal(1, v2.NearPoorHouseholds[Movement.DecreaseAboveNearPoor]);
        Assert.Equal(1, v2.NearPoorHouseholds[Movement.DecreaseOther]);
        Assert.Equal(1, v2.NearPoorHouseholds[Movement.IncreaseFromOtherList]);
        Assert.Equal(1, v2.NearPoorHouseholds[Movement.IncreaseRelapsed]);
        Assert.Equal(1, v2.NearPoorHouseholds[Movement.IncreaseNew]);
        Assert.Equal(1, v2.NearPoorHouseholds[Movement.IncreaseOther]);
        Assert.Equal(1, v2.NearPoorPersons[Movement.DecreaseToOtherList]);
        Assert.Equal(3 + 1, v2.NearPoorPersons[Movement.DecreaseOther]); // 12 dissolved (3) + 10 lost one person
    }

    [Theory]
    [InlineData(4, 2026, false)] // escaped this year: counted as escaped, followed from next year
    [InlineData(4, 2027, true)]
    [InlineData(4, 2029, true)]
    [InlineData(4, 2030, false)] // three years after 2026 have passed
    [InlineData(17, 2027, false)] // never on a list
    [InlineData(11, 2028, true)]  // near-poor → above
    public void IsRecentlyEscaped_FollowedThreeYears(long id, int year, bool expected)
    {
        var h = History.Single(x => x.HouseholdId == id);
        var years = h.Years.ToDictionary(k => k.Key, v => v.Value);
        for (var y = 2027; y <= 2030; y++)
        {
            years[y] = years[2026];
        }

        Assert.Equal(expected, MovementCalculator.IsRecentlyEscaped(h with { Years = years }, year, 3));
    }

    [Fact]
    public void IsRecentlyEscaped_RelapsedHousehold_NotFollowed() =>
        Assert.False(MovementCalculator.IsRecentlyEscaped(History.Single(h => h.HouseholdId == 7), 2026, 3));
}
