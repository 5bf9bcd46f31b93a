using CsCheck;
using GiamNgheo.Domain.Classification;
using GiamNgheo.Domain.Households;
using GiamNgheo.Domain.Reports;

namespace GiamNgheo.Domain.Tests.Reports;

public class ReportIdentityPropertyTests
{
    private static readonly string[] Codes = ["I1", "I2", "I3"];

    private static readonly Gen<HouseholdCategory?> AnyCategory =
        Gen.Int[0, 4].Select(i => i == 4 ? (HouseholdCategory?)null : (HouseholdCategory)i);

    private static readonly Gen<ReportHousehold> AnyHousehold =
        Gen.Select(AnyCategory, AnyCategory, Gen.Int[1, 9], Gen.Int[1, 9], Gen.Int[0, 63], Gen.Int[0, 2], Gen.Int[0, 255], Gen.UInt[0, 7])
            .Select(Gen.Bool, Gen.Int[0, 3], (t, escaped, children) => new ReportHousehold
            {
                HouseholdId = 0,
                UnitCode = ((char)('A' + t.Item6)).ToString(),
                PreviousCategory = t.Item1,
                Category = t.Item2,
                PreviousMemberCount = t.Item3,
                MemberCount = t.Item4,
                Groups = (SpecialGroups)t.Item5,
                HeadEthnicityCode = (t.Item5 & 1) == 0 ? "01" : t.Item7 % 3 == 0 ? "04" : "17",
                Causes = t.Item7,
                Deprived = [.. Codes.Where((_, i) => (t.Item8 & (1u << i)) != 0)],
                EscapedPoorEarlierInPeriod = escaped,
                EscapedNearPoorEarlierInPeriod = !escaped,
                Children = children,
                ChildrenHealthDeprived = children / 2,
                ChildrenEducationDeprived = children / 3,
            });

    private static readonly ReportContext Context = ReportFormsTests.Context with
    {
        Units = [new("A", "Xã A"), new("B", "Xã B"), new("C", "Xã C")],
    };

    private static readonly int[] MovementForms = [2, 3];
    private static readonly ReportRowKind[] Kinds = [ReportRowKind.Households, ReportRowKind.Persons];

    [Fact]
    public void CountForms_AnyHouseholds_TotalEqualsSumOfRows() =>
        AnyHousehold.Array[0, 120].Sample(households =>
        {
            foreach (var definition in ReportDefinitions.All.Where(d => d.Shape != ReportShape.List))
            {
                var table = ReportForms.Build(definition.Number, Context, households);
                foreach (var total in table.Rows.Where(r => r.IsTotal))
                {
                    var parts = table.Rows.Where(r => !r.IsTotal && r.Kind == total.Kind).ToList();
                    Assert.Equal(Context.Units.Count, parts.Count);
                    for (var c = 0; c < table.Columns.Count; c++)
                    {
                        if (!table.Columns[c].IsRate)
                        {
                            Assert.Equal(total.Values[c], parts.Sum(r => r.Values[c]));
                        }
                    }
                }
            }
        });

    [Fact]
    public void CountForms_FromAggregates_EqualFormsFromHouseholds() =>
        AnyHousehold.Array[0, 120].Sample(households =>
        {
            var score = new ReportDeprivationScore(Codes.ToDictionary(c => c, _ => 1.0 / Codes.Length), 1.0 / 3);
            var aggregates = ReportAggregation.Aggregate(households, score);
            foreach (var number in Enumerable.Range(1, 13))
            {
                var expected = ReportForms.Build(number, Context, households);
                var actual = ReportForms.Build(number, Context, aggregates);
                Assert.Equal(expected.Columns, actual.Columns);
                Assert.Equal(expected.Rows.Count, actual.Rows.Count);
                for (var r = 0; r < expected.Rows.Count; r++)
                {
                    Assert.Equal(expected.Rows[r].Values, actual.Rows[r].Values);
                }
            }

            // Alkire–Foster: the multidimensional rows count every classified household once.
            Assert.Equal(households.Count(h => h.Category is not null),
                aggregates.Where(a => a.Kind == ReportAggregateKind.Multidimensional).Sum(a => a.Households));
        });

    [Fact]
    public void MovementForms_AnyHouseholds_ClosingIsOpeningMinusDecreasesPlusIncreases() =>
        AnyHousehold.Array[0, 120].Sample(households =>
        {
            foreach (var number in MovementForms)
            {
                var t = ReportForms.Build(number, Context, households);
                foreach (var row in t.Rows)
                {
                    decimal V(string key) => row.Values[t.ColumnIndex(key)];
                    Assert.Equal(V("closing"), V("opening") - V("decrease") + V("increase"));
                    Assert.Equal(V("decrease"), V("decrease_to_other") + V("decrease_above") + V("decrease_other"));
                    Assert.Equal(V("increase"), V("increase_from_other") + V("increase_relapsed") + V("increase_new") + V("increase_other"));
                }
            }
        });

    [Fact]
    public void MovementForms_AnyHouseholds_ClosingEqualsThisYearsListAndOpeningLastYears() =>
        AnyHousehold.Array[0, 120].Sample(households =>
        {
            var results = ReportForms.Build(1, Context, households);
            var poor = ReportForms.Build(2, Context, households);
            Assert.Equal(results.Total(ReportRowKind.Households, "poor"), poor.Total(ReportRowKind.Households, "closing"));
            Assert.Equal(results.Total(ReportRowKind.Persons, "poor"), poor.Total(ReportRowKind.Persons, "closing"));
            Assert.Equal(households.Count(h => h.PreviousCategory == HouseholdCategory.Poor), poor.Total(ReportRowKind.Households, "opening"));
        });

    [Fact]
    public void PartitionColumns_AnyHouseholds_AddUp() =>
        AnyHousehold.Array[0, 120].Sample(households =>
        {
            var ethnic = ReportForms.Build(9, Context, households);
            var review = ReportForms.Build(12, Context, households);
            foreach (var kind in Kinds)
            {
                Assert.Equal(ethnic.Total(kind, "poor"), ethnic.Total(kind, "poor_kinh") + ethnic.Total(kind, "poor_minority"));
                var groups = ethnic.Columns.Where(c => c.Key.StartsWith("poor_eth_", StringComparison.Ordinal)).Sum(c => ethnic.Total(kind, c.Key));
                Assert.Equal(ethnic.Total(kind, "poor_minority"), groups);
                Assert.Equal(review.Total(kind, "total"), review.Total(kind, "total_kinh") + review.Total(kind, "total_minority"));
            }
        });
}
