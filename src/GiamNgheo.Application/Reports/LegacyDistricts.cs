using GiamNgheo.Application.AdminUnits;
using GiamNgheo.Application.Households;
using GiamNgheo.Application.Identity;
using GiamNgheo.Application.Persistence;
using GiamNgheo.Domain.Reports;
using GiamNgheo.Domain.Standards;
using Microsoft.EntityFrameworkCore;

namespace GiamNgheo.Application.Reports;

/// <summary>
/// Reports of review years before the 2025 reform (≤ <see cref="LastDistrictYear"/>) by pre-2025 unit: a district
/// (huyện) report has one row per old commune of the district, a province report one row per old district. Households
/// live in new communes; the old commune of a row is <c>household_classifications.LegacyCommuneCode</c> (recorded when
/// classifying a year ≤ 2024), else the household's <c>LegacyCommuneCode</c>, else the only old commune its new commune
/// comes from in <c>commune_mappings</c>; otherwise the row is "unassigned" (never guessed). The old district is the
/// parent of the old commune in the shipped pre-2025 unit list. These historical forms are computed from the rows
/// (<see cref="ReportDataLoader.LoadRowsAsync"/>, per new commune or new province), not from the aggregates.
/// </summary>
public sealed class LegacyDistricts(AppDbContext db, ReportDataLoader loader)
{
    /// <summary>The last review year with districts (the 2025 periodic review happens after 01/07/2025).</summary>
    public const int LastDistrictYear = 2024;

    public const string UnassignedName = "(chưa xác định xã, huyện cũ)";

    public const string DistrictRefusedVi = "Cấp huyện chỉ có trong báo cáo các năm rà soát đến 2024: từ 01/07/2025 không còn cấp huyện, hãy chọn tỉnh hoặc xã.";

    private static readonly DateOnly LastDay = new(2025, 6, 30);

    /// <summary>Whether the forms of <paramref name="unit"/> for <paramref name="year"/> are grouped by pre-2025 units.</summary>
    public static bool Applies(ReportUnitInfo unit, int year) =>
        unit.Level == AdminLevel.District || (unit.Level == AdminLevel.Province && year <= LastDistrictYear);

    /// <summary>The household's pre-2025 commune: its own legacy code, else the only old commune of its new commune.</summary>
    public static async Task<string?> OldCommuneAsync(AppDbContext db, HouseholdEntity household, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(household.LegacyCommuneCode))
        {
            return household.LegacyCommuneCode;
        }

        var olds = await db.CommuneMappings.AsNoTracking()
            .Where(m => m.NewCommuneCode == household.CommuneCode && m.OldCommuneCode != null)
            .Select(m => m.OldCommuneCode!).Distinct().Take(2).ToListAsync(ct);
        return olds.Count == 1 ? olds[0] : null;
    }

    /// <summary>New commune → its only old commune, for those of <paramref name="newCommunes"/> formed from exactly one (bulk paths).</summary>
    public static async Task<Dictionary<string, string>> SingleOldCommunesAsync(AppDbContext db, IReadOnlyList<string> newCommunes, CancellationToken ct)
    {
        if (newCommunes.Count == 0)
        {
            return new Dictionary<string, string>(StringComparer.Ordinal);
        }

        return (await db.CommuneMappings.AsNoTracking().Where(m => newCommunes.Contains(m.NewCommuneCode) && m.OldCommuneCode != null)
                .Select(m => new { m.NewCommuneCode, m.OldCommuneCode }).ToListAsync(ct))
            .GroupBy(m => m.NewCommuneCode).Select(g => (g.Key, Olds: g.Select(m => m.OldCommuneCode!).Distinct().ToList()))
            .Where(g => g.Olds.Count == 1).ToDictionary(g => g.Key, g => g.Olds[0], StringComparer.Ordinal);
    }

    /// <summary>A pre-2025 district visible to the user (a province user of its province, or a system administrator); null otherwise.</summary>
    public async Task<ReportUnitInfo?> ResolveDistrictAsync(string code, CancellationToken ct)
    {
        var district = await db.AdminUnits.AsNoTracking().Where(u => u.Code == code && u.Level == AdminLevel.District)
            .OrderByDescending(u => u.ValidTo).FirstOrDefaultAsync(ct);
        if (district?.ParentCode is not { } province)
        {
            return null;
        }

        var user = db.CurrentUser;
        var visible = user.ScopeUnitCode is null
            ? user.IsInRole(Roles.SystemAdmin)
            : user.ScopeLevel == AdminLevel.Province && (user.ScopeUnitCode == province
                || await db.CommuneMappings.AnyAsync(m => m.OldProvinceCode == province && m.NewProvinceCode == user.ScopeUnitCode, ct));
        if (!visible)
        {
            return null;
        }

        var provinceName = await db.AdminUnits.AsNoTracking().Where(u => u.Code == province && u.Level == AdminLevel.Province)
            .OrderBy(u => u.ValidFrom).Select(u => u.FullName).FirstOrDefaultAsync(ct) ?? province;
        return new ReportUnitInfo(district.Code, district.FullName, AdminLevel.District, province, provinceName);
    }

    /// <summary>The pre-2025 districts of a province (for pickers).</summary>
    public async Task<IReadOnlyList<ReportUnit>> DistrictsAsync(string provinceCode, CancellationToken ct) =>
        (await db.AdminUnits.AsNoTracking().Where(u => u.ParentCode == provinceCode && u.Level == AdminLevel.District).ToListAsync(ct))
            .GroupBy(u => u.Code).Select(g => g.First()).OrderBy(u => u.Code, StringComparer.Ordinal)
            .Select(u => new ReportUnit(u.Code, u.FullName)).ToList();

    /// <summary>The rows of a district (unit = old commune) or of a province for a year ≤ 2024 (unit = old district).</summary>
    public async Task<List<ReportHousehold>> LoadRowsAsync(ReportUnitInfo unit, int year, PovertyStandard standard, bool includeMembers, bool listedOnly, CancellationToken ct)
    {
        var district = unit.Level == AdminLevel.District;
        var oldToDistrict = await OldCommunesAsync(unit, ct);
        var mappings = db.CommuneMappings.AsNoTracking();
        var sources = await (district ? mappings.Where(m => m.OldDistrictCode == unit.Code) : mappings.Where(m => m.OldProvinceCode == unit.Code))
            .Select(m => new { m.NewCommuneCode, m.NewProvinceCode }).Distinct().ToListAsync(ct);
        var newCodes = sources.Select(s => s.NewCommuneCode).Distinct().ToList();
        if (newCodes.Count == 0)
        {
            return [];
        }

        // Rows with their new commune (village-level units for a commune, commune-level units for a province).
        var loaded = new List<(ReportHousehold Row, string NewCommune)>();
        if (district)
        {
            foreach (var s in sources.DistinctBy(s => s.NewCommuneCode))
            {
                var commune = new ReportUnitInfo(s.NewCommuneCode, s.NewCommuneCode, AdminLevel.Commune, s.NewProvinceCode, s.NewProvinceCode);
                loaded.AddRange((await loader.LoadRowsAsync(commune, year, standard, includeMembers, listedOnly, ct)).Select(r => (r, s.NewCommuneCode)));
            }
        }
        else
        {
            var wanted = newCodes.ToHashSet(StringComparer.Ordinal);
            foreach (var p in sources.Select(s => s.NewProvinceCode).Distinct())
            {
                var province = new ReportUnitInfo(p, p, AdminLevel.Province, p, p);
                loaded.AddRange((await loader.LoadRowsAsync(province, year, standard, includeMembers, listedOnly, ct))
                    .Where(r => wanted.Contains(r.UnitCode)).Select(r => (r, r.UnitCode)));
            }
        }

        // The old commune of each household: the classification row of the year (else last year), the household, the mapping.
        var standardCode = standard.Code;
        var recorded = (await db.HouseholdClassifications.AsNoTracking()
                .Where(c => c.StandardCode == standardCode && (c.Year == year || c.Year == year - 1) && c.LegacyCommuneCode != null && newCodes.Contains(c.CommuneCode))
                .Select(c => new { c.HouseholdId, c.Year, c.LegacyCommuneCode }).ToListAsync(ct))
            .GroupBy(c => c.HouseholdId).ToDictionary(g => g.Key, g => g.OrderByDescending(c => c.Year).First().LegacyCommuneCode!);
        var ofHousehold = await db.Households.AsNoTracking()
            .Where(h => h.LegacyCommuneCode != null && newCodes.Contains(h.CommuneCode))
            .Select(h => new { h.Id, h.LegacyCommuneCode }).ToDictionaryAsync(h => h.Id, h => h.LegacyCommuneCode!, ct);
        var oldOfNew = (await mappings.Where(m => newCodes.Contains(m.NewCommuneCode) && m.OldCommuneCode != null)
                .Select(m => new { m.NewCommuneCode, m.OldCommuneCode }).ToListAsync(ct))
            .GroupBy(m => m.NewCommuneCode).ToDictionary(g => g.Key, g => g.Select(m => m.OldCommuneCode!).Distinct().ToList());

        var rows = new List<ReportHousehold>(loaded.Count);
        foreach (var (row, newCommune) in loaded)
        {
            var olds = oldOfNew.GetValueOrDefault(newCommune) ?? [];
            var old = recorded.GetValueOrDefault(row.HouseholdId) ?? ofHousehold.GetValueOrDefault(row.HouseholdId) ?? (olds.Count == 1 ? olds[0] : null);
            if (old is not null)
            {
                if (oldToDistrict.TryGetValue(old, out var oldDistrict))
                {
                    rows.Add(row with { UnitCode = district ? old : oldDistrict });
                }

                continue;
            }

            // Unknown old commune: counted on the unassigned line only when every old commune of its new commune is in the unit.
            if (olds.Count > 0 && olds.All(oldToDistrict.ContainsKey))
            {
                rows.Add(row with { UnitCode = string.Empty });
            }
        }

        return rows;
    }

    /// <summary>The context: rows are the old communes of the district or the old districts of the province, plus the unassigned line.</summary>
    public async Task<ReportContext> ContextAsync(ReportUnitInfo unit, int year, PovertyStandard standard, IEnumerable<string> unitCodes, CancellationToken ct)
    {
        var context = await loader.ContextAsync(unit, year, standard, [], ct);
        var children = unit.Level == AdminLevel.District
            ? (await db.AdminUnits.AsNoTracking().Where(u => u.ParentCode == unit.Code && u.Level == AdminLevel.Commune && u.ValidTo != null && u.ValidTo <= LastDay).ToListAsync(ct))
                .GroupBy(u => u.Code).Select(g => g.First()).OrderBy(u => u.Code, StringComparer.Ordinal).Select(u => new ReportUnit(u.Code, u.FullName)).ToList()
            : [.. await DistrictsAsync(unit.Code, ct)];
        var known = children.Select(u => u.Code).ToHashSet(StringComparer.Ordinal);
        foreach (var extra in unitCodes.Where(u => !known.Contains(u)).Distinct().Order(StringComparer.Ordinal).ToList())
        {
            children.Add(new ReportUnit(extra, extra.Length == 0 ? UnassignedName : extra));
        }

        return context with { Units = children };
    }

    /// <summary>Old commune → old district, for the old communes of the unit (a district or a province).</summary>
    private async Task<Dictionary<string, string>> OldCommunesAsync(ReportUnitInfo unit, CancellationToken ct)
    {
        var districts = unit.Level == AdminLevel.District
            ? [unit.Code]
            : (await DistrictsAsync(unit.Code, ct)).Select(d => d.Code).ToList();
        var communes = await db.AdminUnits.AsNoTracking()
            .Where(u => u.Level == AdminLevel.Commune && u.ParentCode != null && districts.Contains(u.ParentCode) && u.ValidTo != null && u.ValidTo <= LastDay)
            .Select(u => new { u.Code, u.ParentCode }).ToListAsync(ct);
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var c in communes)
        {
            map.TryAdd(c.Code, c.ParentCode!);
        }

        return map;
    }
}
