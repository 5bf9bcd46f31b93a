using GiamNgheo.Application.Interchange;
using GiamNgheo.Application.Synthetic;
using GiamNgheo.Domain.Common;

namespace GiamNgheo.Application.Tests.Synthetic;

/// <summary>
/// The generated ND07_2021 rates against the published 2022 regional rates (docs/domain.md §9.2), classifying
/// the written answers by the rule of §2.3: income ≤ 1,500,000 rural / 2,000,000 urban and ≥ 3 of the 12
/// deprivations → poor; fewer → near-poor.
/// </summary>
public class SyntheticCalibrationTests
{
    /// <summary>"Within a few points": the generator aims at the rate exactly; this leaves room for sampling noise.</summary>
    private const double TolerancePoints = 1.0;

    [Theory]
    [InlineData("11", SocioEconomicRegion.NorthernMidlandsAndMountains, 14.23, 7.69)] // Điện Biên
    [InlineData("79", SocioEconomicRegion.Southeast, 0.21, 0.13)] // TP Hồ Chí Minh
    [InlineData("33", SocioEconomicRegion.RedRiverDelta, 1.00, 1.45)] // Hưng Yên
    [InlineData("92", SocioEconomicRegion.MekongDelta, 2.26, 3.46)] // TP Cần Thơ
    public void Generate_20000Households_MatchTheRegionalRates(string province, SocioEconomicRegion region, double poorPercent, double nearPoorPercent)
    {
        var generator = SyntheticProvinceGenerator.Create(new SyntheticProvinceOptions
        {
            ProvinceCode = province, Households = 20_000, Seed = 2022,
        }).Generator!;

        var (poor, nearPoor) = Rates(generator);

        Assert.Equal(region, generator.Plan.Region);
        Assert.InRange(poor, poorPercent - TolerancePoints, poorPercent + TolerancePoints);
        Assert.InRange(nearPoor, nearPoorPercent - TolerancePoints, nearPoorPercent + TolerancePoints);
    }

    [Fact]
    public void Generate_MergedProvinceAcrossTwoRegions_MatchesItsBlendedTarget()
    {
        // Đắk Lắk 2025 = old Đắk Lắk (Central Highlands) + old Phú Yên (central coast): each commune keeps its own region.
        var generator = SyntheticProvinceGenerator.Create(new SyntheticProvinceOptions
        {
            ProvinceCode = "66", Households = 20_000, Seed = 5,
        }).Generator!;

        var (poor, nearPoor) = Rates(generator);

        Assert.Equal(2, generator.Plan.Communes.Select(c => c.Region).Distinct().Count());
        Assert.InRange(poor, (100 * generator.Plan.ExpectedPoorRate) - TolerancePoints, (100 * generator.Plan.ExpectedPoorRate) + TolerancePoints);
        Assert.InRange(nearPoor, (100 * generator.Plan.ExpectedNearPoorRate) - TolerancePoints, (100 * generator.Plan.ExpectedNearPoorRate) + TolerancePoints);
    }

    [Fact]
    public void Generate_PoorHouseholds_AreMoreOftenMinorities()
    {
        var households = SyntheticProvinceGenerator.Create(new SyntheticProvinceOptions
        {
            ProvinceCode = "14", Households = 10_000, Seed = 3,
        }).Generator!.Generate().Select(h => h.Household).ToList();

        double PoorRate(bool minority)
        {
            var group = households.Where(h => h.Flags.HasFlag(Domain.Households.SpecialGroups.EthnicMinority) == minority).ToList();
            return group.Count(h => IsPoor(h)) / (double)group.Count;
        }

        Assert.True(PoorRate(minority: true) > 2 * PoorRate(minority: false));
    }

    private static (double PoorPercent, double NearPoorPercent) Rates(SyntheticProvinceGenerator generator)
    {
        int n = 0, poor = 0, nearPoor = 0;
        foreach (var h in generator.Generate().Select(x => x.Household))
        {
            n++;
            if (h.Income <= Line(h.Area))
            {
                _ = IsPoor(h) ? poor++ : nearPoor++;
            }
        }

        return (100.0 * poor / n, 100.0 * nearPoor / n);
    }

    private static bool IsPoor(HouseholdRow h) =>
        h.Income <= Line(h.Area) && HouseholdColumns.Nd07Indicators.Count(code => h.Indicators.Get(code) == true) >= 3;

    private static long Line(AreaType area) => area == AreaType.Urban ? 2_000_000 : 1_500_000;
}
