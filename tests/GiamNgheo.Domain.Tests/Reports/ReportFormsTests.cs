using GiamNgheo.Domain.Classification;
using GiamNgheo.Domain.Households;
using GiamNgheo.Domain.Reports;

namespace GiamNgheo.Domain.Tests.Reports;

public class ReportFormsTests
{
    private const HouseholdCategory P = HouseholdCategory.Poor;
    private const HouseholdCategory N = HouseholdCategory.NearPoor;
    private const HouseholdCategory M = HouseholdCategory.Medium;
    private const HouseholdCategory X = HouseholdCategory.NotPoor;
    private const SpecialGroups Dtts = SpecialGroups.EthnicMinority;

    internal static readonly ReportContext Context = new()
    {
        UnitCode = "11",
        UnitName = "Tỉnh Điện Biên",
        Year = 2025,
        StandardCode = "ND07_2021",
        Units = [new("A", "Xã A"), new("B", "Xã B")],
        Indicators = [new("I1", "Việc làm"), new("I2", "Bảo hiểm y tế"), new("I3", "Nhà ở")],
        Causes = [new(1, "land", "Thiếu đất sản xuất"), new(2, "capital", "Thiếu vốn")],
        Needs = [new(1, "health", "Y tế"), new(2, "education", "Giáo dục"), new(4, "production", "Sản xuất"), new(8, "credit", "Tín dụng"), new(16, "housing", "Nhà ở"), new(32, "other", "Khác")],
        EthnicNames = new Dictionary<string, string> { ["01"] = "Kinh", ["04"] = "Thái", ["17"] = "Hmông" },
    };

    // Xã A: 6 households on this year's list (6 moved in) + 7 that left. Xã B: 3 households.
    internal static readonly ReportHousehold[] Households =
    [
        H(1, "A", P, P, 4, 5, Dtts, "17", deprived: ["I1", "I2", "I3"], causes: 1, children: 2, health: 1, education: 1),
        H(2, "A", P, N, 3, 3, Dtts | SpecialGroups.NoLabourCapacity, "04", deprived: ["I1", "I3", "I2"], causes: 3),
        H(3, "A", N, P, 2, 2, SpecialGroups.RevolutionaryMerit | SpecialGroups.FemaleHead, "01", deprived: ["I2"], causes: 2, children: 1, education: 1),
        H(4, "A", X, P, 5, 5, Dtts, "17", deprived: ["I3"], escapedPoor: true),
        H(5, "A", M, M, 6, 6, SpecialGroups.None, "01"),
        H(6, "A", null, P, 0, 3, SpecialGroups.None, "01"),
        H(7, "A", N, null, 4, 0, Dtts | SpecialGroups.LocalIndigenousMinority, "17", deprived: ["I1"], causes: 2),
        H(8, "B", X, P, 2, 2, Dtts, "04", deprived: ["I1", "I2", "I3"], causes: 1, children: 1, health: 1),
        H(9, "B", N, N, 3, 4, SpecialGroups.None, "01", deprived: ["I2", "I3"]),
        H(10, "B", X, X, 4, 4, SpecialGroups.None, "01"),
    ];

    private static ReportHousehold H(long id, string unit, HouseholdCategory? previous, HouseholdCategory? current, int previousMembers, int members,
        SpecialGroups groups, string ethnicity, string[]? deprived = null, int causes = 0, int children = 0, int health = 0, int education = 0, bool escapedPoor = false) =>
        new()
        {
            HouseholdId = id,
            HouseholdCode = "H" + id.ToString("00", System.Globalization.CultureInfo.InvariantCulture),
            UnitCode = unit,
            PreviousCategory = previous,
            Category = current,
            PreviousMemberCount = previousMembers,
            MemberCount = members,
            Groups = groups,
            HeadEthnicityCode = ethnicity,
            Deprived = deprived ?? [],
            Causes = causes,
            Needs = causes == 0 ? 0 : 9,
            EscapedPoorEarlierInPeriod = escapedPoor,
            Children = children,
            ChildrenHealthDeprived = health,
            ChildrenEducationDeprived = education,
            Members = [new ReportMember(1, "Chủ hộ " + id.ToString(System.Globalization.CultureInfo.InvariantCulture), 1980, Sex.Female, "Thái", "Chủ hộ"), new ReportMember(2, "Con", 2010, Sex.Male, "Thái", "Con")],
        };

    private static ReportTable Form(int n) => ReportForms.Build(n, Context, Households);

    private const ReportRowKind Hh = ReportRowKind.Households;
    private const ReportRowKind Nk = ReportRowKind.Persons;

    [Fact]
    public void Form1_CraftedProvince_HandCountedResults()
    {
        var t = Form(1);
        // A: listed 1,2,3,4,5,6 (7 left) → total 6; poor 1,3,4,6 = 4; near-poor 2; medium 5.
        Assert.Equal(6, t.Value("A", Hh, "total"));
        Assert.Equal(4, t.Value("A", Hh, "poor"));
        Assert.Equal(66.67m, t.Value("A", Hh, "poor_rate"));
        Assert.Equal(1, t.Value("A", Hh, "near_poor"));
        Assert.Equal(1, t.Value("A", Hh, "medium"));
        // Persons A: 5+3+2+5+6+3 = 24; poor persons 5+2+5+3 = 15.
        Assert.Equal(24, t.Value("A", Nk, "total"));
        Assert.Equal(15, t.Value("A", Nk, "poor"));
        // Total: 9 households listed; poor 5 (1,3,4,6,8); near-poor 2 (2,9); multidimensional 7/9.
        Assert.Equal(9, t.Total(Hh, "total"));
        Assert.Equal(5, t.Total(Hh, "poor"));
        Assert.Equal(55.56m, t.Total(Hh, "poor_rate"));
        Assert.Equal(77.78m, t.Total(Hh, "multidimensional_rate"));
    }

    [Fact]
    public void Form2_CraftedProvince_HandCountedPoorMovements()
    {
        var t = Form(2);
        // Opening A: 1, 2 poor last year. Stayed 1; 2 → near-poor; 3 from near-poor; 4 relapsed; 6 moved in.
        Assert.Equal(2, t.Value("A", Hh, "opening"));
        Assert.Equal(1, t.Value("A", Hh, "decrease_to_other"));   // 2
        Assert.Equal(0, t.Value("A", Hh, "decrease_above"));
        Assert.Equal(0, t.Value("A", Hh, "decrease_other"));
        Assert.Equal(1, t.Value("A", Hh, "increase_from_other")); // 3
        Assert.Equal(1, t.Value("A", Hh, "increase_relapsed"));   // 4
        Assert.Equal(0, t.Value("A", Hh, "increase_new"));
        Assert.Equal(1, t.Value("A", Hh, "increase_other"));      // 6
        Assert.Equal(4, t.Value("A", Hh, "closing"));             // 1,3,4,6
        Assert.Equal(1, t.Value("B", Hh, "increase_new"));        // 8
        // Persons A: opening 4+3 = 7; decrease 3 (household 2); increases 2+5+3 and member growth of 1 (4 → 5).
        Assert.Equal(7, t.Value("A", Nk, "opening"));
        Assert.Equal(3, t.Value("A", Nk, "decrease"));
        Assert.Equal(11, t.Value("A", Nk, "increase"));
        Assert.Equal(15, t.Value("A", Nk, "closing"));           // 5+2+5+3
    }

    [Fact]
    public void Form3_CraftedProvince_HandCountedNearPoorMovements()
    {
        var t = Form(3);
        // A: last year near-poor 3, 7; 3 → poor, 7 → left; 2 poor → near-poor.
        Assert.Equal(2, t.Value("A", Hh, "opening"));
        Assert.Equal(1, t.Value("A", Hh, "decrease_to_other"));
        Assert.Equal(1, t.Value("A", Hh, "decrease_other"));
        Assert.Equal(1, t.Value("A", Hh, "increase_from_other"));
        Assert.Equal(1, t.Value("A", Hh, "closing"));
        Assert.Equal(1, t.Value("B", Hh, "opening"));
        Assert.Equal(1, t.Value("B", Hh, "closing"));
        // B persons: 9 grew 3 → 4: other increase 1.
        Assert.Equal(1, t.Value("B", Nk, "increase_other"));
    }

    [Fact]
    public void Form4And5_CraftedProvince_DeprivationCountsAndRates()
    {
        var counts = Form(4);
        // Poor: 1 (I1 I2 I3), 3 (I2), 4 (I3), 6 (none), 8 (I1 I2 I3).
        Assert.Equal(5, counts.Total(Hh, "households"));
        Assert.Equal(8, counts.Total(Hh, "deprivations"));
        Assert.Equal(2, counts.Total(Hh, "I1"));
        Assert.Equal(3, counts.Total(Hh, "I2"));
        Assert.Equal(3, counts.Total(Hh, "I3"));
        var rates = Form(5);
        Assert.Equal(40m, rates.Total(Hh, "I1"));
        Assert.Equal(60m, rates.Total(Hh, "I2"));
        Assert.Equal(1.6m, rates.Total(Hh, "deprivations"));
        Assert.Equal(50m, rates.Value("A", Hh, "I2"));
    }

    [Fact]
    public void Form6And7_CraftedProvince_NearPoorDeprivations()
    {
        // Near-poor: 2 (I1 I3 I2), 9 (I2 I3).
        Assert.Equal(2, Form(6).Total(Hh, "I3"));
        Assert.Equal(50m, Form(7).Total(Hh, "I1"));
    }

    [Fact]
    public void Form8_CraftedProvince_TargetGroups()
    {
        var t = Form(8);
        Assert.Equal(3, t.Total(Hh, "poor_minority"));    // 1, 4, 8
        Assert.Equal(1, t.Total(Hh, "poor_merit"));       // 3
        Assert.Equal(1, t.Total(Hh, "poor_other"));       // 6
        Assert.Equal(1, t.Total(Hh, "near_poor_no_labour")); // 2
        Assert.Equal(1, t.Total(Hh, "near_poor_other"));  // 9
        Assert.Equal(5 + 5 + 2, t.Total(Nk, "poor_minority"));
    }

    [Fact]
    public void Form9_CraftedProvince_Ethnicity()
    {
        var t = Form(9);
        Assert.Equal(2, t.Total(Hh, "poor_eth_17"));  // 1, 4
        Assert.Equal(1, t.Total(Hh, "poor_eth_04"));  // 8
        Assert.Equal(2, t.Total(Hh, "poor_kinh"));    // 3, 6
        Assert.Equal(1, t.Total(Hh, "near_poor_eth_04")); // 2
        Assert.Contains(t.Columns, c => c.HeaderVi.Contains("Hmông", StringComparison.Ordinal));
    }

    [Fact]
    public void Form10_CraftedProvince_Causes()
    {
        var t = Form(10);
        Assert.Equal(2, t.Total(Hh, "poor_land"));     // 1, 8
        Assert.Equal(1, t.Total(Hh, "poor_capital"));  // 3
        Assert.Equal(1, t.Total(Hh, "near_poor_land")); // 2
    }

    [Fact]
    public void Form11_CraftedProvince_Children()
    {
        var t = Form(11);
        Assert.Equal(4, t.Total(Nk, "poor_children"));   // 1:2, 3:1, 8:1
        Assert.Equal(2, t.Total(Nk, "poor_health"));
        Assert.Equal(2, t.Total(Nk, "poor_education"));
    }

    [Fact]
    public void Form12And13_CraftedProvince_ReviewResults()
    {
        var t = Form(12);
        Assert.Equal(9, t.Total(Hh, "total"));
        Assert.Equal(4, t.Total(Hh, "total_minority")); // 1, 2, 4, 8
        Assert.Equal(1, t.Total(Hh, "poor_female_head"));
        Assert.Equal(1, Form(13).Total(Hh, "near_poor_no_labour"));
    }

    [Fact]
    public void Form14And15_CraftedProvince_OneLinePerMember()
    {
        var poor = Form(15);
        Assert.Equal(5 * 2, poor.Rows.Count);
        var first = poor.Rows[0].Texts;
        Assert.Equal("1", first[0]);
        Assert.Equal("H01", first[1]);
        Assert.Equal("x", first[poor.ColumnIndex("old")]);
        Assert.Equal("x", first[poor.ColumnIndex("need_0")]);
        var relapsed = poor.Rows.Single(r => r.Texts[1] == "H04").Texts;
        Assert.Equal("x", relapsed[poor.ColumnIndex("relapsed")]);
        Assert.Equal(2 * 2, Form(14).Rows.Count);
    }

    [Fact]
    public void Definitions_Fifteen_NumberedInOrder()
    {
        Assert.Equal(Enumerable.Range(1, 15), ReportDefinitions.All.Select(d => d.Number));
        Assert.Equal(new DateOnly(2025, 12, 20), ReportDefinitions.DueDate("periodic-official", 2025));
        Assert.Equal(new DateOnly(2025, 4, 5), ReportDefinitions.DueDate("monthly", 2025, 3));
    }
}
