using GiamNgheo.Application.AdminUnits;
using GiamNgheo.Application.Households;
using GiamNgheo.Application.Identity;
using GiamNgheo.Application.Persistence;
using GiamNgheo.Application.Support;
using GiamNgheo.Domain.Classification;
using Microsoft.EntityFrameworkCore;

namespace GiamNgheo.Application.Tests.Support;

/// <summary>
/// The support lists computed in memory, household by household, straight from <see cref="GapEngine"/> (the rule):
/// what <see cref="SupportGaps"/> reads from the materialised gap tables must equal this. Test code only: the product
/// reads the materialised tables.
/// </summary>
internal sealed class LiveGaps(AppDbContext db, HouseholdQueries households)
{
    private readonly GapData data = new(db);

    /// <summary>Poor and near-poor households of the unit with open gaps, longest waiting first (or by name, or by number of gaps).</summary>
    public async Task<Result<Page<WorklistRow>>> WorklistAsync(WorklistQuery query, CancellationToken ct)
    {
        var all = await WorklistAllAsync(query, ct);
        if (all is null)
        {
            return Result<Page<WorklistRow>>.NotFound();
        }

        var size = Math.Clamp(query.PageSize, 1, SupportGaps.MaxPageSize);
        var number = Math.Max(1, query.Page);
        var items = all.Skip((number - 1) * size).Take(size).ToList();
        return Result<Page<WorklistRow>>.Ok(new Page<WorklistRow>(await WithVillageNamesAsync(items, ct), number, size, all.Count));
    }

    private async Task<List<WorklistRow>?> WorklistAllAsync(WorklistQuery query, CancellationToken ct)
    {
        var scoped = Filter(query.CommuneCode, query.VillageCode);
        if (scoped is null)
        {
            return null;
        }

        var asOf = db.Clock.Today();
        var loaded = await data.LoadAsync(scoped, asOf, ct, listedOnly: true, communeCode: query.CommuneCode);
        var poor = await data.PoorCommunesAsync(asOf, ct);
        var rows = new List<WorklistRow>();
        foreach (var h in loaded.Households)
        {
            var standard = await data.ListStandardAsync(h.ProvinceCode, asOf, ct);
            if (GapEngine.Latest(h, standard, asOf) is not { Category: HouseholdCategory.Poor or HouseholdCategory.NearPoor } current)
            {
                continue;
            }

            var gaps = GapEngine.Compute(h, loaded.Policies, standard, asOf, poor.Contains(h.CommuneCode), withReasons: false);
            var open = gaps.OpenGaps.ToList();
            if (!string.IsNullOrWhiteSpace(query.PolicyCode))
            {
                open = [.. open.Where(g => string.Equals(g.PolicyCode, query.PolicyCode, StringComparison.OrdinalIgnoreCase))];
                if (open.Count == 0)
                {
                    continue;
                }
            }
            else if (open.Count == 0 && gaps.UnansweredDeprivations.Count == 0)
            {
                continue;
            }

            rows.Add(ToRow(gaps, current.Category) with { Gaps = open });
        }

        IEnumerable<WorklistRow> sorted = query.Sort switch
        {
            "name" => rows.OrderBy(r => Domain.Common.VietnameseText.Fold(r.HeadName), StringComparer.Ordinal).ThenBy(r => r.HouseholdId),
            "gaps" => rows.OrderByDescending(r => r.Gaps.Count).ThenByDescending(r => r.WaitingDays).ThenBy(r => r.HouseholdId),
            "waiting_asc" => rows.OrderBy(r => r.WaitingDays).ThenBy(r => r.HouseholdId),
            _ => rows.OrderByDescending(r => r.WaitingDays).ThenBy(r => r.HouseholdId),
        };
        return [.. sorted];
    }

    /// <summary>Poor households of the unit that received no support at all in the current year ("không để ai bị bỏ lại phía sau").</summary>
    public async Task<Result<IReadOnlyList<WorklistRow>>> NoSupportThisYearAsync(string? communeCode, string? villageCode, CancellationToken ct)
    {
        var scoped = Filter(communeCode, villageCode);
        if (scoped is null)
        {
            return Result<IReadOnlyList<WorklistRow>>.NotFound();
        }

        var asOf = db.Clock.Today();
        var yearStart = new DateOnly(asOf.Year, 1, 1);
        var loaded = await data.LoadAsync(scoped, asOf, ct, communeCode: communeCode);
        var result = new List<WorklistRow>();
        foreach (var h in loaded.Households)
        {
            var standard = await data.ListStandardAsync(h.ProvinceCode, asOf, ct);
            if (GapEngine.Latest(h, standard, asOf) is not { Category: HouseholdCategory.Poor, Recognised: true } || h.Deliveries.Any(d => d.Date >= yearStart && d.Date <= asOf))
            {
                continue;
            }

            var gaps = GapEngine.Compute(h, loaded.Policies, standard, asOf, (await data.PoorCommunesAsync(asOf, ct)).Contains(h.CommuneCode), withReasons: false);
            result.Add(ToRow(gaps, HouseholdCategory.Poor));
        }

        return Result<IReadOnlyList<WorklistRow>>.Ok(await ByVillageAndHeadAsync(result, ct));
    }

    /// <summary>
    /// Eligible (and, for demand-driven policies, asking) households and those served in the current period, per policy
    /// and per unit below <paramref name="unitCode"/> (communes of a province, villages of a commune).
    /// </summary>
    public async Task<Result<CoverageReport>> CoverageAsync(string? unitCode, CancellationToken ct)
    {
        var user = db.CurrentUser;
        var query = UnitScope.Apply(db.Households.AsNoTracking(), user);
        var byVillage = false;
        AdminLevel? unitLevel = null;
        if (!string.IsNullOrWhiteSpace(unitCode))
        {
            var unit = await db.AdminUnits.AsNoTracking().Where(u => u.Code == unitCode && u.ValidTo == null).Select(u => new { u.Level }).FirstOrDefaultAsync(ct);
            if (unit is null)
            {
                return Result<CoverageReport>.NotFound();
            }

            unitLevel = unit.Level;
            switch (unit.Level)
            {
                case AdminLevel.Province:
                    query = query.Where(h => h.ProvinceCode == unitCode);
                    break;
                case AdminLevel.Commune:
                    query = query.Where(h => h.CommuneCode == unitCode);
                    byVillage = true;
                    break;
                case AdminLevel.Village:
                    query = query.Where(h => h.VillageCode == unitCode);
                    byVillage = true;
                    break;
                case AdminLevel.District:
                    return Result<CoverageReport>.NotFound();
            }
        }
        else
        {
            byVillage = user.ScopeLevel is AdminLevel.Commune or AdminLevel.Village;
        }

        var asOf = db.Clock.Today();
        var level = string.IsNullOrWhiteSpace(unitCode) ? user.ScopeLevel : unitLevel;
        var code = string.IsNullOrWhiteSpace(unitCode) ? user.ScopeUnitCode : unitCode;
        var loaded = await data.LoadAsync(query, asOf, ct, communeCode: level == AdminLevel.Commune ? code : null,
            provinceCode: level == AdminLevel.Province ? code : null);
        var poor = await data.PoorCommunesAsync(asOf, ct);
        var counts = new Dictionary<(string Unit, string Policy), (int Eligible, int Served)>();
        foreach (var h in loaded.Households)
        {
            var gaps = GapEngine.Compute(h, loaded.Policies, await data.ListStandardAsync(h.ProvinceCode, asOf, ct), asOf, poor.Contains(h.CommuneCode), withReasons: false);
            var unit = byVillage ? h.VillageCode ?? h.CommuneCode : h.CommuneCode;
            foreach (var p in gaps.Policies)
            {
                if (p.Eligible && p.Relevant)
                {
                    var key = (unit, p.PolicyCode);
                    var c = counts.GetValueOrDefault(key);
                    counts[key] = (c.Eligible + 1, c.Served + (p.Served ? 1 : 0));
                }
            }
        }

        var names = await households.UnitNamesAsync(counts.Keys.Select(k => k.Unit), ct);
        var policyNames = loaded.Policies.ToDictionary(p => p.Code, p => p.NameVi, StringComparer.Ordinal);
        var order = loaded.Policies.Select((p, i) => (p.Code, i)).ToDictionary(x => x.Code, x => x.i, StringComparer.Ordinal);
        var rows = counts.Select(kv => new CoverageRow(kv.Key.Unit, names.GetValueOrDefault(kv.Key.Unit, kv.Key.Unit), kv.Key.Policy,
                policyNames[kv.Key.Policy], kv.Value.Eligible, kv.Value.Served))
            .OrderBy(r => r.UnitCode, StringComparer.Ordinal).ThenBy(r => order[r.PolicyCode]).ToList();
        var totals = rows.GroupBy(r => r.PolicyCode)
            .Select(g => new CoverageRow("*", "Tổng", g.Key, policyNames[g.Key], g.Sum(r => r.Eligible), g.Sum(r => r.Served)))
            .OrderBy(r => order[r.PolicyCode]).ToList();
        return Result<CoverageReport>.Ok(new CoverageReport(unitCode, asOf, rows, totals, loaded.Households.Count));
    }

    private static WorklistRow ToRow(HouseholdGaps gaps, HouseholdCategory category) => new(gaps.HouseholdId, gaps.Code, gaps.HeadName, gaps.CommuneCode,
        gaps.VillageCode, null, category, [.. gaps.OpenGaps], gaps.UnansweredDeprivations, gaps.WaitingSince, gaps.WaitingDays, gaps.LastSupport)
    {
        Recognised = gaps.Recognised,
        DecisionNumber = gaps.DecisionNumber,
        DecisionSignedOn = gaps.DecisionSignedOn,
    };

    /// <summary>The rows with their village names.</summary>
    private async Task<List<WorklistRow>> WithVillageNamesAsync(IEnumerable<WorklistRow> rows, CancellationToken ct)
    {
        var list = rows as IReadOnlyCollection<WorklistRow> ?? [.. rows];
        var names = await households.UnitNamesAsync(list.Select(i => i.VillageCode).OfType<string>(), ct);
        return [.. list.Select(i => i with { VillageName = i.VillageCode is null ? null : names.GetValueOrDefault(i.VillageCode) })];
    }

    /// <summary>The rows by village then head of household, with their village names (the no-support list).</summary>
    private async Task<IReadOnlyList<WorklistRow>> ByVillageAndHeadAsync(IEnumerable<WorklistRow> rows, CancellationToken ct) =>
        await WithVillageNamesAsync(rows.OrderBy(r => r.VillageCode, StringComparer.Ordinal).ThenBy(r => r.HeadName, StringComparer.Ordinal), ct);

    /// <summary>The user's households, narrowed to a commune or village; null when the unit is outside the scope (as the product's filter).</summary>
    private IQueryable<HouseholdEntity>? Filter(string? communeCode, string? villageCode)
    {
        var query = UnitScope.Apply(db.Households.AsNoTracking(), db.CurrentUser);
        if (!string.IsNullOrWhiteSpace(communeCode))
        {
            if (db.CurrentUser.ScopeLevel == AdminLevel.Commune && db.CurrentUser.ScopeUnitCode != communeCode)
            {
                return null;
            }

            query = query.Where(h => h.CommuneCode == communeCode);
        }

        if (!string.IsNullOrWhiteSpace(villageCode))
        {
            query = query.Where(h => h.VillageCode == villageCode);
        }

        return query;
    }
}
