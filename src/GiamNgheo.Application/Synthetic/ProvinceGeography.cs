using System.Globalization;
using GiamNgheo.Application.ReferenceData;
using GiamNgheo.Domain.Common;

namespace GiamNgheo.Application.Synthetic;

/// <summary>
/// A 2025 province and its communes from the official lists, with what the generator derives from the pre-2025
/// units each commune was formed from: its regions (majority of its predecessor communes' old provinces), a weight
/// for its share of households, and the old provinces its people were born in (for the ID prefix).
/// </summary>
internal sealed class ProvinceGeography
{
    private ProvinceGeography(AdminUnitRecord province, SocioEconomicRegion region, IReadOnlyList<CommuneGeography> communes)
    {
        Province = province;
        Region = region;
        Communes = communes;
    }

    public AdminUnitRecord Province { get; }

    /// <summary>Majority region of the old provinces merged into this one, weighted by their number of communes.</summary>
    public SocioEconomicRegion Region { get; }

    /// <summary>Communes in code order.</summary>
    public IReadOnlyList<CommuneGeography> Communes { get; }

    /// <summary>Null when <paramref name="provinceCode"/> is not a province of the 2025 list.</summary>
    public static ProvinceGeography? Load(string provinceCode)
    {
        var units = ReferenceDataFiles.ReadUnits2025();
        var province = units.FirstOrDefault(u => u.Level == 1 && u.Code == provinceCode);
        if (province is null)
        {
            return null;
        }

        var oldRegions = ReferenceDataFiles.ReadUnits2024()
            .Where(u => u.Level == 1)
            .ToDictionary(u => u.Code, u => OldProvinceRegions(u), StringComparer.Ordinal);

        var predecessors = ReferenceDataFiles.ReadRows(ReferenceDataFiles.CommuneMapping2025)
            .Where(r => r["new_province_code"] == provinceCode)
            .Select(r => (NewCode: r["new_commune_code"], OldProvince: r["old_province_code"],
                Weight: r["merge_type"] == "partial" ? 0.5 : 1.0))
            .ToLookup(r => r.NewCode, StringComparer.Ordinal);

        var oldProvinces = ReferenceDataFiles.ReadRows(ReferenceDataFiles.ProvinceMapping2025)
            .Where(r => r["new_province_code"] == provinceCode)
            .Select(r => r["old_province_code"])
            .ToList();
        var oldProvinceWeights = oldProvinces.ToDictionary(
            code => code,
            code => predecessors.SelectMany(g => g).Where(p => p.OldProvince == code).Sum(p => p.Weight),
            StringComparer.Ordinal);
        var region = Majority(oldProvinces.Select(code => (oldRegions[code].Socio, Math.Max(oldProvinceWeights[code], 1.0))));

        var communes = units
            .Where(u => u.Level == 2 && u.ParentCode == provinceCode)
            .OrderBy(u => u.Code, StringComparer.Ordinal)
            .Select(u =>
            {
                var rows = predecessors[u.Code].ToList();
                if (rows.Count == 0)
                {
                    rows = [(u.Code, oldProvinces[0], 1.0)];
                }

                return new CommuneGeography(
                    u,
                    AreaOf(u.Type),
                    Majority(rows.Select(r => (oldRegions[r.OldProvince].Geo, r.Weight))),
                    Majority(rows.Select(r => (oldRegions[r.OldProvince].Socio, r.Weight))),
                    rows.Sum(r => r.Weight),
                    new WeightedTable<int>(rows
                        .GroupBy(r => r.OldProvince, StringComparer.Ordinal)
                        .OrderBy(g => g.Key, StringComparer.Ordinal)
                        .Select(g => (int.Parse(g.Key, CultureInfo.InvariantCulture), g.Sum(r => r.Weight)))));
            })
            .ToList();

        return new ProvinceGeography(province, region, communes);
    }

    /// <summary>Phường → urban; xã and đặc khu → rural (docs/domain.md §8.3; the đặc khu choice is [M]).</summary>
    public static AreaType AreaOf(string unitType) =>
        unitType == "Phường" ? AreaType.Urban : AreaType.Rural;

    private static (GeoRegion Geo, SocioEconomicRegion Socio) OldProvinceRegions(AdminUnitRecord oldProvince)
    {
        var geo = GeoRegions.FromTlqName(oldProvince.RegionName)
            ?? throw new InvalidDataException($"Old province {oldProvince.Code} has no known region.");
        var socio = RegionTables.OldProvinceOverrides.TryGetValue(oldProvince.Code, out var overridden)
            ? overridden
            : RegionTables.ToSocioEconomic(geo);
        return (geo, socio);
    }

    /// <summary>The value with the largest total weight; ties go to the first value in enum order.</summary>
    private static T Majority<T>(IEnumerable<(T Value, double Weight)> votes)
        where T : struct, Enum =>
        votes.GroupBy(v => v.Value)
            .Select(g => (g.Key, Weight: g.Sum(v => v.Weight)))
            .OrderByDescending(g => g.Weight)
            .ThenBy(g => Convert.ToInt32(g.Key, CultureInfo.InvariantCulture))
            .First().Key;
}

/// <summary>A commune with its derived regions, household weight and birth-province mix.</summary>
internal sealed record CommuneGeography(
    AdminUnitRecord Unit,
    AreaType Area,
    GeoRegion GeoRegion,
    SocioEconomicRegion Region,
    double Weight,
    WeightedTable<int> BirthProvinces);
