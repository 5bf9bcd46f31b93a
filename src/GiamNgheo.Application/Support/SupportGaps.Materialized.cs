using GiamNgheo.Application.Households;
using GiamNgheo.Application.Identity;
using GiamNgheo.Domain.Classification;
using Microsoft.EntityFrameworkCore;

namespace GiamNgheo.Application.Support;

/// <summary>
/// The lists read from the materialised gap tables (written by <see cref="GapMaterializer"/> from <see cref="GapEngine"/>):
/// the worklist is one indexed, paged query; coverage is a GROUP BY (unit, policy). Stale or missing rows of the unit
/// are recomputed first. The tests compute the same lists in memory from <see cref="GapEngine"/> and prove them equal.
/// </summary>
public sealed partial class SupportGaps
{
    /// <summary>Poor and near-poor households of the unit with open gaps, longest waiting first (or by name, or by number of gaps).</summary>
    public async Task<Result<Page<WorklistRow>>> WorklistAsync(WorklistQuery query, CancellationToken ct)
    {
        var scoped = Filter(query.CommuneCode, query.VillageCode);
        if (scoped is null)
        {
            return Result<Page<WorklistRow>>.NotFound();
        }

        var size = Math.Clamp(query.PageSize, 1, MaxPageSize);
        var number = Math.Max(1, query.Page);
        var (items, total) = await MaterializedWorklistAsync(scoped, query, (number - 1) * size, size, ct);
        return Result<Page<WorklistRow>>.Ok(new Page<WorklistRow>(await WithVillageNamesAsync(items, ct), number, size, total));
    }

    /// <summary>Poor households of the unit that received no support at all in the current year ("không để ai bị bỏ lại phía sau").</summary>
    public async Task<Result<IReadOnlyList<WorklistRow>>> NoSupportThisYearAsync(string? communeCode, string? villageCode, CancellationToken ct)
    {
        var scoped = Filter(communeCode, villageCode);
        if (scoped is null)
        {
            return Result<IReadOnlyList<WorklistRow>>.NotFound();
        }

        await new GapMaterializer(db).RefreshStaleAsync(scoped, Summaries(communeCode, villageCode), ct);
        var yearStart = new DateOnly(db.Clock.Today().Year, 1, 1);
        var summaries = Summaries(communeCode, villageCode)
            .Where(s => s.Category == HouseholdCategory.Poor && (s.LastSupport == null || s.LastSupport < yearStart));
        // Only the recognised poor list in force: a computed result is not yet an entitlement.
        var rows = (await RowsAsync(summaries, null, ct)).Where(r => r.Recognised);
        return Result<IReadOnlyList<WorklistRow>>.Ok(await ByVillageAndHeadAsync(rows, ct));
    }

    /// <summary>
    /// Eligible (and, for demand-driven policies, asking) households and those served in the current period, per policy
    /// and per unit below <paramref name="unitCode"/> (communes of a province, villages of a commune).
    /// </summary>
    public async Task<Result<CoverageReport>> CoverageAsync(string? unitCode, CancellationToken ct)
    {
        var user = db.CurrentUser;
        var query = UnitScope.Apply(db.Households.AsNoTracking(), user);
        var statuses = ScopeStatuses(db.HouseholdPolicyStatuses.AsNoTracking());
        var summaries = Summaries(null, null);
        var byVillage = false;
        if (!string.IsNullOrWhiteSpace(unitCode))
        {
            var unit = await db.AdminUnits.AsNoTracking().Where(u => u.Code == unitCode && u.ValidTo == null).Select(u => new { u.Level }).FirstOrDefaultAsync(ct);
            if (unit is null)
            {
                return Result<CoverageReport>.NotFound();
            }

            switch (unit.Level)
            {
                case AdminUnits.AdminLevel.Province:
                    query = query.Where(h => h.ProvinceCode == unitCode);
                    statuses = statuses.Where(s => s.ProvinceCode == unitCode);
                    summaries = summaries.Where(s => s.ProvinceCode == unitCode);
                    byVillage = false;
                    break;
                case AdminUnits.AdminLevel.Commune:
                    query = query.Where(h => h.CommuneCode == unitCode);
                    statuses = statuses.Where(s => s.CommuneCode == unitCode);
                    summaries = summaries.Where(s => s.CommuneCode == unitCode);
                    byVillage = true;
                    break;
                case AdminUnits.AdminLevel.Village:
                    query = query.Where(h => h.VillageCode == unitCode);
                    statuses = statuses.Where(s => s.VillageCode == unitCode);
                    summaries = summaries.Where(s => s.VillageCode == unitCode);
                    byVillage = true;
                    break;
                case AdminUnits.AdminLevel.District:
                    return Result<CoverageReport>.NotFound();
            }
        }
        else
        {
            byVillage = user.ScopeLevel is AdminUnits.AdminLevel.Commune or AdminUnits.AdminLevel.Village;
        }

        var householdCount = await new GapMaterializer(db).RefreshStaleAsync(query, summaries, ct);
        var asOf = db.Clock.Today();
        statuses = statuses.Where(s => s.Relevant);
        var grouped = byVillage
            ? await statuses.GroupBy(s => new { s.CommuneCode, s.VillageCode, s.PolicyCode })
                .Select(g => new { g.Key.CommuneCode, g.Key.VillageCode, g.Key.PolicyCode, Eligible = g.Count(), Served = g.Count(x => x.Served) }).ToListAsync(ct)
            : await statuses.GroupBy(s => new { s.CommuneCode, s.PolicyCode })
                .Select(g => new { g.Key.CommuneCode, VillageCode = (string?)null, g.Key.PolicyCode, Eligible = g.Count(), Served = g.Count(x => x.Served) }).ToListAsync(ct);
        var counts = grouped.GroupBy(g => (Unit: byVillage ? g.VillageCode ?? g.CommuneCode : g.CommuneCode, g.PolicyCode))
            .ToDictionary(g => g.Key, g => (Eligible: g.Sum(x => x.Eligible), Served: g.Sum(x => x.Served)));
        var province = user.ScopeLevel == AdminUnits.AdminLevel.Province ? user.ScopeUnitCode : await query.OrderBy(h => h.Id).Select(h => h.ProvinceCode).FirstOrDefaultAsync(ct);
        var policyList = await data.PoliciesAsync(province, ct);
        var names = await households.UnitNamesAsync(counts.Keys.Select(k => k.Unit), ct);
        var policyNames = policyList.ToDictionary(p => p.Code, p => p.NameVi, StringComparer.Ordinal);
        var order = policyList.Select((p, i) => (p.Code, i)).ToDictionary(x => x.Code, x => x.i, StringComparer.Ordinal);
        var rows = counts.Where(kv => policyNames.ContainsKey(kv.Key.PolicyCode))
            .Select(kv => new CoverageRow(kv.Key.Unit, names.GetValueOrDefault(kv.Key.Unit, kv.Key.Unit), kv.Key.PolicyCode,
                policyNames[kv.Key.PolicyCode], kv.Value.Eligible, kv.Value.Served))
            .OrderBy(r => r.UnitCode, StringComparer.Ordinal).ThenBy(r => order[r.PolicyCode]).ToList();
        var totals = rows.GroupBy(r => r.PolicyCode)
            .Select(g => new CoverageRow("*", "Tổng", g.Key, policyNames[g.Key], g.Sum(r => r.Eligible), g.Sum(r => r.Served)))
            .OrderBy(r => order[r.PolicyCode]).ToList();
        return Result<CoverageReport>.Ok(new CoverageReport(unitCode, asOf, rows, totals, householdCount));
    }

    /// <summary>One page (or all, <paramref name="take"/> null) of the worklist from the summary table, and the total.</summary>
    private async Task<(List<WorklistRow> Rows, int Total)> MaterializedWorklistAsync(IQueryable<HouseholdEntity> scoped, WorklistQuery query, int skip,
        int? take, CancellationToken ct)
    {
        await new GapMaterializer(db).RefreshStaleAsync(scoped, Summaries(query.CommuneCode, query.VillageCode), ct);
        var summaries = Summaries(query.CommuneCode, query.VillageCode).Where(s => s.InWorklist);
        string? policy = string.IsNullOrWhiteSpace(query.PolicyCode) ? null : query.PolicyCode.Trim().ToUpperInvariant();
        if (policy is not null)
        {
            summaries = summaries.Where(s => db.HouseholdPolicyStatuses.Any(p => p.HouseholdId == s.HouseholdId && p.ProvinceCode == s.ProvinceCode && p.PolicyCode == policy && p.Relevant && !p.Served));
        }

        var total = await summaries.CountAsync(ct);
        IQueryable<HouseholdGapSummaryEntity> ordered = query.Sort switch
        {
            "name" => from s in summaries
                      join h in db.Households on new { Id = s.HouseholdId, s.ProvinceCode } equals new { h.Id, h.ProvinceCode }
                      orderby h.HeadNameFolded, s.HouseholdId
                      select s,
            "gaps" => summaries.OrderByDescending(s => s.OpenGaps).ThenBy(s => s.WaitingSince == null).ThenBy(s => s.WaitingSince).ThenBy(s => s.HouseholdId),
            "waiting_asc" => summaries.OrderBy(s => s.WaitingSince != null).ThenByDescending(s => s.WaitingSince).ThenBy(s => s.HouseholdId),
            _ => summaries.OrderBy(s => s.WaitingSince == null).ThenBy(s => s.WaitingSince).ThenBy(s => s.HouseholdId),
        };
        ordered = ordered.Skip(skip);
        if (take is { } t)
        {
            ordered = ordered.Take(t);
        }

        return (await RowsAsync(ordered, policy, ct), total);
    }

    /// <summary>Worklist rows (with their open gaps, in catalogue order) for the summaries, keeping their order.</summary>
    private async Task<List<WorklistRow>> RowsAsync(IQueryable<HouseholdGapSummaryEntity> summaries, string? policy, CancellationToken ct)
    {
        var page = await (from s in summaries
                          join h in db.Households on new { Id = s.HouseholdId, s.ProvinceCode } equals new { h.Id, h.ProvinceCode }
                          select new { s.HouseholdId, h.Code, h.HeadName, s.ProvinceCode, s.CommuneCode, s.VillageCode, s.StandardCode, s.Category, s.Unanswered, s.WaitingSince, s.LastSupport })
            .ToListAsync(ct);
        if (page.Count == 0)
        {
            return [];
        }

        // The source of each category shown: the recognised status in force, or a computed result not yet recognised.
        var inForce = new Dictionary<long, Statuses.StatusView>();
        var statusQueries = new Statuses.HouseholdStatusQueries(db);
        foreach (var group in page.GroupBy(p => p.StandardCode, StringComparer.Ordinal))
        {
            foreach (var (id, view) in await statusQueries.InForceAsync([.. group.Select(p => p.HouseholdId)], group.Key, db.Clock.Today(), ct))
            {
                inForce[id] = view;
            }
        }

        var ids = page.Select(p => p.HouseholdId).ToList();
        var gaps = new List<(long HouseholdId, string PolicyCode, DateOnly? LastDelivered)>();
        foreach (var chunk in ids.Chunk(2_000))
        {
            var statuses = db.HouseholdPolicyStatuses.AsNoTracking().Where(p => chunk.Contains(p.HouseholdId) && p.Relevant && !p.Served);
            if (policy is not null)
            {
                statuses = statuses.Where(p => p.PolicyCode == policy);
            }

            gaps.AddRange((await statuses.Select(p => new { p.HouseholdId, p.PolicyCode, p.LastDelivered }).ToListAsync(ct))
                .Select(p => (p.HouseholdId, p.PolicyCode, p.LastDelivered)));
        }

        var policyList = await data.PoliciesAsync(page[0].ProvinceCode, ct);
        var order = policyList.Select((p, i) => (p, i)).ToDictionary(x => x.p.Code, x => x, StringComparer.Ordinal);
        var byHousehold = gaps.Where(g => order.ContainsKey(g.PolicyCode)).ToLookup(g => g.HouseholdId);
        var today = db.Clock.Today();
        return [.. page.Select(p =>
        {
            var open = byHousehold[p.HouseholdId].OrderBy(g => order[g.PolicyCode].i)
                .Select(g => new PolicyStatus(g.PolicyCode, order[g.PolicyCode].p.NameVi, order[g.PolicyCode].p.AgencyVi, true, string.Empty, true, false, g.LastDelivered))
                .ToList();
            var unanswered = p.Unanswered.Split(';', StringSplitOptions.RemoveEmptyEntries);
            var days = p.WaitingSince is { } w ? Math.Max(0, today.DayNumber - w.DayNumber) : 0;
            var status = inForce.GetValueOrDefault(p.HouseholdId);
            var recognised = status is { Status.Source: Domain.Statuses.StatusSource.Recognised } && status.Status.Category == p.Category;
            return new WorklistRow(p.HouseholdId, p.Code, p.HeadName, p.CommuneCode, p.VillageCode, null, p.Category ?? HouseholdCategory.NotPoor, open,
                unanswered, p.WaitingSince, days, p.LastSupport)
            {
                Recognised = recognised,
                DecisionNumber = recognised ? status!.DecisionNumber : null,
                DecisionSignedOn = recognised ? status!.DecisionSignedOn : null,
            };
        })];
    }

    /// <summary>The summary rows the user may see, narrowed to a commune or village.</summary>
    private IQueryable<HouseholdGapSummaryEntity> Summaries(string? communeCode, string? villageCode)
    {
        var query = db.HouseholdGapSummaries.AsNoTracking();
        var user = db.CurrentUser;
        var code = user.ScopeUnitCode;
        if (code is null)
        {
            query = user.IsInRole(Roles.SystemAdmin) ? query : query.Where(_ => false);
        }
        else
        {
            query = user.ScopeLevel switch
            {
                AdminUnits.AdminLevel.Province => query.Where(s => s.ProvinceCode == code),
                AdminUnits.AdminLevel.Commune => query.Where(s => s.CommuneCode == code),
                AdminUnits.AdminLevel.Village => query.Where(s => s.VillageCode == code),
                AdminUnits.AdminLevel.District or null => query.Where(_ => false),
            };
        }

        if (!string.IsNullOrWhiteSpace(communeCode))
        {
            query = query.Where(s => s.CommuneCode == communeCode);
        }

        if (!string.IsNullOrWhiteSpace(villageCode))
        {
            query = query.Where(s => s.VillageCode == villageCode);
        }

        return query;
    }

    private IQueryable<HouseholdPolicyStatusEntity> ScopeStatuses(IQueryable<HouseholdPolicyStatusEntity> query)
    {
        var user = db.CurrentUser;
        var code = user.ScopeUnitCode;
        if (code is null)
        {
            return user.IsInRole(Roles.SystemAdmin) ? query : query.Where(_ => false);
        }

        return user.ScopeLevel switch
        {
            AdminUnits.AdminLevel.Province => query.Where(s => s.ProvinceCode == code),
            AdminUnits.AdminLevel.Commune => query.Where(s => s.CommuneCode == code),
            AdminUnits.AdminLevel.Village => query.Where(s => s.VillageCode == code),
            AdminUnits.AdminLevel.District or null => query.Where(_ => false),
        };
    }
}
