using GiamNgheo.Domain.Common;

namespace GiamNgheo.Application.Synthetic;

/// <summary>
/// Data tables that place a commune in a region and give the region's targets. Everything here is data for the
/// synthetic generator only, not for classification.
/// </summary>
internal static class RegionTables
{
    /// <summary>
    /// TLQ's eight geographic regions → the six socio-economic regions. [M] An approximation: the two systems were
    /// not drawn for each other. The one known disagreement is Quảng Ninh, which TLQ puts in Đông Bắc Bộ and GSO in
    /// the Red River Delta: see <see cref="OldProvinceOverrides"/>.
    /// </summary>
    public static SocioEconomicRegion ToSocioEconomic(GeoRegion region) => region switch
    {
        GeoRegion.NorthEast => SocioEconomicRegion.NorthernMidlandsAndMountains,
        GeoRegion.NorthWest => SocioEconomicRegion.NorthernMidlandsAndMountains,
        GeoRegion.RedRiverDelta => SocioEconomicRegion.RedRiverDelta,
        GeoRegion.NorthCentral => SocioEconomicRegion.NorthCentralAndCentralCoast,
        GeoRegion.SouthCentralCoast => SocioEconomicRegion.NorthCentralAndCentralCoast,
        GeoRegion.CentralHighlands => SocioEconomicRegion.CentralHighlands,
        GeoRegion.Southeast => SocioEconomicRegion.Southeast,
        GeoRegion.MekongDelta => SocioEconomicRegion.MekongDelta,
    };

    /// <summary>Old (pre-2025) provinces whose six-region membership differs from their TLQ region. [M]</summary>
    public static IReadOnlyDictionary<string, SocioEconomicRegion> OldProvinceOverrides { get; } =
        new Dictionary<string, SocioEconomicRegion>(StringComparer.Ordinal)
        {
            ["22"] = SocioEconomicRegion.RedRiverDelta, // Quảng Ninh: GSO's Red River Delta, TLQ's Đông Bắc Bộ.
        };

    /// <summary>
    /// Poor and near-poor household rates under ND07_2021, review 2022 (docs/domain.md §9.2, [V3:
    /// baobariavungtau.com.vn]). The generator calibrates to these.
    /// </summary>
    public static (double Poor, double NearPoor) Rates2022(SocioEconomicRegion region) => region switch
    {
        SocioEconomicRegion.NorthernMidlandsAndMountains => (0.1423, 0.0769),
        SocioEconomicRegion.RedRiverDelta => (0.0100, 0.0145),
        SocioEconomicRegion.NorthCentralAndCentralCoast => (0.0499, 0.0505),
        SocioEconomicRegion.CentralHighlands => (0.0839, 0.0699),
        SocioEconomicRegion.Southeast => (0.0021, 0.0013),
        SocioEconomicRegion.MekongDelta => (0.0226, 0.0346),
    };

    /// <summary>
    /// Median income per person per month (đồng) of households above the poverty line, rural and urban. [M] Rough
    /// orders of magnitude in the spirit of the 2022 household living-standards survey; they only shape the
    /// income column and do not affect the calibrated rates.
    /// </summary>
    public static (long Rural, long Urban) MedianIncome(SocioEconomicRegion region) => region switch
    {
        SocioEconomicRegion.NorthernMidlandsAndMountains => (2_900_000, 4_600_000),
        SocioEconomicRegion.RedRiverDelta => (4_800_000, 6_800_000),
        SocioEconomicRegion.NorthCentralAndCentralCoast => (3_500_000, 5_000_000),
        SocioEconomicRegion.CentralHighlands => (3_400_000, 4_900_000),
        SocioEconomicRegion.Southeast => (5_200_000, 7_400_000),
        SocioEconomicRegion.MekongDelta => (4_000_000, 5_400_000),
    };

    /// <summary>ND07_2021 income line (đồng per person per month, §2.1): poor and near-poor share it.</summary>
    public static long Nd07IncomeLine(AreaType area) => area switch
    {
        AreaType.Rural => 1_500_000,
        AreaType.Urban => 2_000_000,
    };
}
