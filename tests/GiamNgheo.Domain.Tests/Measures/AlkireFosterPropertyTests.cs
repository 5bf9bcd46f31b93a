using CsCheck;
using GiamNgheo.Domain.Measures;
using GiamNgheo.Domain.Standards;

namespace GiamNgheo.Domain.Tests.Measures;

public class AlkireFosterPropertyTests
{
    private static readonly Gen<PovertyStandard> AnyStandard = Gen.OneOf(StandardCatalog.All.ToArray());
    private static readonly Gen<(uint Mask, double Weight, int Group)[]> AnyHouseholds =
        Gen.Select(Gen.UInt, Gen.Double[0.5, 9], Gen.Int[0, 4]).Array[1, 200];
    private static readonly Gen<double> AnyCutoff = Gen.Double[0.01, 1];

    [Fact]
    public void Result_AnyPopulation_M0EqualsHTimesA() =>
        Gen.Select(AnyStandard, AnyHouseholds, AnyCutoff).Sample((standard, households, k) =>
        {
            var result = Accumulate(standard, households, k).Total();
            Assert.Equal(result.H * result.A, result.M0, 12);
        });

    [Fact]
    public void Result_M0Positive_ContributionsSumToOne() =>
        Gen.Select(AnyStandard, AnyHouseholds, AnyCutoff).Sample((standard, households, k) =>
        {
            var result = Accumulate(standard, households, k).Total();
            if (result.M0 > 0)
            {
                Assert.Equal(1.0, result.Indicators.Values.Sum(i => i.Contribution), 9);
            }
        });

    [Fact]
    public void Groups_AnyPartition_TotalM0IsPopulationWeightedMeanOfGroups() =>
        Gen.Select(AnyStandard, AnyHouseholds, AnyCutoff).Sample((standard, households, k) =>
        {
            var grouped = Accumulate(standard, households, k);
            var total = grouped.Total();
            var groups = grouped.Groups().Values;
            Assert.Equal(total.M0, groups.Sum(g => g.Population * g.M0) / groups.Sum(g => g.Population), 9);
            Assert.Equal(total.H, groups.Sum(g => g.Population * g.H) / groups.Sum(g => g.Population), 9);
        });

    [Fact]
    public void Result_AnyPopulation_CensoredAtMostUncensored() =>
        Gen.Select(AnyStandard, AnyHouseholds, AnyCutoff).Sample((standard, households, k) =>
            Assert.All(Accumulate(standard, households, k).Total().Indicators.Values, i => Assert.True(i.CensoredHeadcount <= i.UncensoredHeadcount + 1e-12)));

    private static GroupedAlkireFoster Accumulate(PovertyStandard standard, (uint Mask, double Weight, int Group)[] households, double k)
    {
        var grouped = new GroupedAlkireFoster(IndicatorWeights.NestedEqual(standard), k);
        var valid = standard.Indicators.Count == 32 ? uint.MaxValue : (1u << standard.Indicators.Count) - 1;
        foreach (var (mask, weight, group) in households)
        {
            grouped.Add(group.ToString(System.Globalization.CultureInfo.InvariantCulture), mask & valid, weight);
        }

        return grouped;
    }
}
