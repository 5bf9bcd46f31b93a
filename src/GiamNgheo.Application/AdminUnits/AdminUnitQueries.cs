using GiamNgheo.Application.Persistence;
using GiamNgheo.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace GiamNgheo.Application.AdminUnits;

public sealed record AdminUnitDto(string Code, string Name, string FullName, string Level, string Type, string? ParentCode, DateOnly? ValidFrom, DateOnly? ValidTo, string? AreaType);

public sealed record CommuneSuccessorDto(string OldCommuneCode, string OldCommuneName, string NewCommuneCode, string NewCommuneName, string NewProvinceCode, string MergeType);

/// <summary>Reading the versioned hierarchy "as of a date".</summary>
public sealed class AdminUnitQueries(AppDbContext db)
{
    public DateOnly Today => db.Clock.Today();

    public async Task<IReadOnlyList<AdminUnitDto>> ListAsync(AdminLevel level, DateOnly asOf, CancellationToken ct)
    {
        var units = await ValidOn(db.AdminUnits.AsNoTracking().Where(u => u.Level == level), asOf).OrderBy(u => u.Code).ToListAsync(ct);
        return await WithAreaTypes(units, asOf, ct);
    }

    public async Task<AdminUnit?> FindAsync(string code, DateOnly asOf, CancellationToken ct) =>
        await ValidOn(db.AdminUnits.AsNoTracking().Where(u => u.Code == code), asOf).OrderBy(u => u.Level).FirstOrDefaultAsync(ct);

    public async Task<IReadOnlyList<AdminUnitDto>?> ChildrenAsync(string code, DateOnly asOf, CancellationToken ct)
    {
        var parent = await FindAsync(code, asOf, ct);
        if (parent is null)
        {
            return null;
        }

        var children = await ValidOn(db.AdminUnits.AsNoTracking().Where(u => u.ParentCode == code && u.Level > parent.Level), asOf)
            .OrderBy(u => u.Code).ToListAsync(ct);
        return await WithAreaTypes(children, asOf, ct);
    }

    public async Task<AreaType?> AreaTypeOfAsync(string communeCode, DateOnly asOf, CancellationToken ct)
    {
        var rows = await db.CommuneAreaTypes.AsNoTracking().Where(a => a.CommuneCode == communeCode).ToListAsync(ct);
        return rows.Where(a => (a.ValidFrom is null || a.ValidFrom <= asOf) && (a.ValidTo is null || a.ValidTo >= asOf))
            .OrderByDescending(a => a.ValidFrom).Select(a => (AreaType?)a.AreaType).FirstOrDefault();
    }

    /// <summary>Where a pre-2025 commune went in the 2025 reform (several rows when it was split).</summary>
    public async Task<IReadOnlyList<CommuneSuccessorDto>> SuccessorsAsync(string oldCommuneCode, CancellationToken ct) =>
        await db.CommuneMappings.AsNoTracking().Where(m => m.OldCommuneCode == oldCommuneCode)
            .OrderBy(m => m.NewCommuneCode)
            .Select(m => new CommuneSuccessorDto(m.OldCommuneCode!, m.OldCommuneName, m.NewCommuneCode, m.NewCommuneName, m.NewProvinceCode, m.MergeType))
            .ToListAsync(ct);

    public async Task<IReadOnlyList<EthnicGroup>> EthnicGroupsAsync(CancellationToken ct) =>
        await db.EthnicGroups.AsNoTracking().OrderBy(e => e.Code).ToListAsync(ct);

    internal static IQueryable<AdminUnit> ValidOn(IQueryable<AdminUnit> query, DateOnly date) =>
        query.Where(u => (u.ValidFrom == null || u.ValidFrom <= date) && (u.ValidTo == null || u.ValidTo >= date));

    private async Task<IReadOnlyList<AdminUnitDto>> WithAreaTypes(List<AdminUnit> units, DateOnly asOf, CancellationToken ct)
    {
        var communeCodes = units.Where(u => u.Level == AdminLevel.Commune).Select(u => u.Code).ToList();
        var areas = new Dictionary<string, AreaType>(StringComparer.Ordinal);
        if (communeCodes.Count > 0)
        {
            var rows = await db.CommuneAreaTypes.AsNoTracking()
                .Where(a => communeCodes.Contains(a.CommuneCode)
                    && (a.ValidFrom == null || a.ValidFrom <= asOf) && (a.ValidTo == null || a.ValidTo >= asOf))
                .ToListAsync(ct);
            foreach (var row in rows.OrderBy(r => r.ValidFrom))
            {
                areas[row.CommuneCode] = row.AreaType;
            }
        }

        return [.. units.Select(u => new AdminUnitDto(u.Code, u.Name, u.FullName, LevelCode(u.Level), u.Type, u.ParentCode, u.ValidFrom, u.ValidTo,
            areas.TryGetValue(u.Code, out var area) ? area.ToCode() : null))];
    }

    public static string LevelCode(AdminLevel level) => level switch
    {
        AdminLevel.Province => "province",
        AdminLevel.District => "district",
        AdminLevel.Commune => "commune",
        AdminLevel.Village => "village",
    };

    public static bool TryParseLevel(string? text, out AdminLevel level)
    {
        switch (text?.ToUpperInvariant())
        {
            case "PROVINCE":
                level = AdminLevel.Province;
                return true;
            case "DISTRICT":
                level = AdminLevel.District;
                return true;
            case "COMMUNE":
                level = AdminLevel.Commune;
                return true;
            case "VILLAGE":
                level = AdminLevel.Village;
                return true;
            default:
                level = AdminLevel.Province;
                return false;
        }
    }
}
