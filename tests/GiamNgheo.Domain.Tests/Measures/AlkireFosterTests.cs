using GiamNgheo.Domain.Classification;
using GiamNgheo.Domain.Common;
using GiamNgheo.Domain.Measures;
using GiamNgheo.Domain.Standards;

namespace GiamNgheo.Domain.Tests.Measures;

public class AlkireFosterTests
{
    private static readonly PovertyStandard Nd07 = StandardCatalog.Get("ND07_2021");
    private static readonly PovertyStandard Nd351 = StandardCatalog.Get("ND351_2025");

    [Fact]
    public void NestedEqual_Nd07_EveryIndicatorWeighsOneTwelfth() =>
        Assert.All(IndicatorWeights.NestedEqual(Nd07).Weights, w => Assert.Equal(1.0 / 12, w, 12));

    [Fact]
    public void NestedEqual_Nd351_ThreeIndicatorDimensionSplitsItsSixth()
    {
        var weights = IndicatorWeights.NestedEqual(Nd351);
        Assert.Equal(1.0 / 18, weights.Weights[Nd351.IndexOf("waste_treatment")], 12);
        Assert.Equal(1.0 / 12, weights.Weights[Nd351.IndexOf("employment")], 12);
        Assert.Equal(1.0, weights.Weights.Sum(), 12);
    }

    [Fact]
    public void DefaultCutoff_Nd07_IsThreeOfTwelve() => Assert.Equal(0.25, AlkireFoster.DefaultCutoff(Nd07));

    /// <summary>
    /// Four households, ND07 weights 1/12: deprivations 0, 2, 3, 6 → with k = 0.25 the last two are poor;
    /// H = 2/4, A = (3/12 + 6/12)/2 = 0.375, M0 = 0.1875.
    /// </summary>
    [Fact]
    public void Compute_HandExample_GivesHAAndM0()
    {
        int[] counts = [0, 2, 3, 6];
        var households = counts.Select(d => new HouseholdFacts
        {
            Area = AreaType.Rural,
            IncomePerPersonPerMonth = 1_000_000,
            Answers = Nd07.Indicators.Take(d).ToDictionary(i => i.Code, _ => true),
        });
        var result = AlkireFoster.Compute(households, Nd07, new DateOnly(2025, 10, 1));
        Assert.Equal(0.5, result.H, 12);
        Assert.Equal(0.375, result.A, 12);
        Assert.Equal(0.1875, result.M0, 12);
        var employment = result.Indicators["employment"];
        Assert.Equal(0.75, employment.UncensoredHeadcount, 12);
        Assert.Equal(0.5, employment.CensoredHeadcount, 12);
        Assert.Equal(1.0 / 12 * 0.5 / 0.1875, employment.Contribution, 12);
        Assert.Equal(0.0, result.Indicators["water"].UncensoredHeadcount);
        Assert.Equal(1.0, result.Indicators.Values.Sum(i => i.Contribution), 12);
    }

    [Fact]
    public void Add_PopulationWeight_WeighsPeopleNotHouseholds()
    {
        var acc = new AlkireFosterAccumulator(IndicatorWeights.NestedEqual(Nd07), 0.25);
        acc.Add(0b111, populationWeight: 3);
        acc.Add(0, populationWeight: 1);
        var result = acc.Result();
        Assert.Equal(0.75, result.H, 12);
        Assert.Equal(4, result.Population);
        Assert.Equal(2, result.Households);
    }

    [Fact]
    public void Result_NobodyPoor_ContributionsAreZero()
    {
        var acc = new AlkireFosterAccumulator(IndicatorWeights.NestedEqual(Nd07), 0.25);
        acc.Add(0b1);
        var result = acc.Result();
        Assert.Equal(0, result.M0);
        Assert.Equal(0, result.A);
        Assert.All(result.Indicators.Values, i => Assert.Equal(0, i.Contribution));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1.5)]
    public void Constructor_CutoffOutsideUnitInterval_Throws(double k) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new AlkireFosterAccumulator(IndicatorWeights.NestedEqual(Nd07), k));
}
