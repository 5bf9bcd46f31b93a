using System.Globalization;
using GiamNgheo.Application.Audit;
using GiamNgheo.Application.Households;
using GiamNgheo.Application.Identity;
using GiamNgheo.Application.Persistence;
using GiamNgheo.Application.Policies;
using GiamNgheo.Application.Standards;
using GiamNgheo.Domain.Classification;
using GiamNgheo.Domain.Policies;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace GiamNgheo.Application.Support;

public sealed record WorklistQuery(string? CommuneCode = null, string? VillageCode = null, string? PolicyCode = null, string Sort = "waiting",
    int Page = 1, int PageSize = 50);

public sealed record WorklistRow(long HouseholdId, string Code, string HeadName, string CommuneCode, string? VillageCode, string? VillageName,
    HouseholdCategory Category, IReadOnlyList<PolicyStatus> Gaps, IReadOnlyList<string> UnansweredDeprivations, DateOnly? WaitingSince,
    int WaitingDays, DateOnly? LastSupport);

public sealed record CoverageRow(string UnitCode, string UnitName, string PolicyCode, string PolicyNameVi, int Eligible, int Served)
{
    public double Rate => Eligible == 0 ? 0 : (double)Served / Eligible;
}

public sealed record CoverageReport(string? UnitCode, DateOnly AsOf, IReadOnlyList<CoverageRow> ByUnit, IReadOnlyList<CoverageRow> Totals, int Households);

/// <summary>Gaps per household, the commune worklist, the "no support this year" list and coverage per policy and unit.</summary>
public sealed class SupportGaps(AppDbContext db, PolicyRegistry policies, StandardRegistry standards, HouseholdQueries households, Microsoft.Extensions.Configuration.IConfiguration configuration)
{
    public const int MaxPageSize = 500;

    private HashSet<string> PoorCommunes => (configuration["Policies:PoorCommunes"] ?? string.Empty)
        .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);

    public async Task<Result<HouseholdGaps>> ForHouseholdAsync(long householdId, CancellationToken ct)
    {
        var query = UnitScope.Apply(db.Households.AsNoTracking(), db.CurrentUser).Where(h => h.Id == householdId);
        var asOf = db.Clock.Today();
        var loaded = await LoadAsync(query, asOf, ct);
        if (loaded.Households.Count == 0)
        {
            return Result<HouseholdGaps>.NotFound();
        }

        var h = loaded.Households[0];
        return Result<HouseholdGaps>.Ok(GapEngine.Compute(h, loaded.Policies, await ListStandardAsync(h, asOf, ct), asOf, PoorCommunes.Contains(h.CommuneCode)));
    }

    /// <summary>Poor and near-poor households of the unit with open gaps, longest waiting first (or by name, or by number of gaps).</summary>
    public async Task<Result<Page<WorklistRow>>> WorklistAsync(WorklistQuery query, CancellationToken ct)
    {
        var all = await WorklistAllAsync(query, ct);
        if (all is null)
        {
            return Result<Page<WorklistRow>>.NotFound();
        }

        var size = Math.Clamp(query.PageSize, 1, MaxPageSize);
        var number = Math.Max(1, query.Page);
        var items = all.Skip((number - 1) * size).Take(size).ToList();
        var names = await households.UnitNamesAsync(items.Select(i => i.VillageCode).OfType<string>(), ct);
        items = [.. items.Select(i => i with { VillageName = i.VillageCode is null ? null : names.GetValueOrDefault(i.VillageCode) })];
        return Result<Page<WorklistRow>>.Ok(new Page<WorklistRow>(items, number, size, all.Count));
    }

    /// <summary>The whole worklist as an XLSX file for the agency; the export is audited.</summary>
    public async Task<Result<byte[]>> ExportWorklistAsync(WorklistQuery query, CancellationToken ct)
    {
        var all = await WorklistAllAsync(query, ct);
        if (all is null)
        {
            return Result<byte[]>.NotFound();
        }

        var names = await households.UnitNamesAsync(all.Select(i => i.VillageCode).OfType<string>(), ct);
        var rows = all.Select((r, i) => new Dictionary<string, object?>
        {
            ["STT"] = i + 1,
            ["Mã hộ"] = r.Code,
            ["Chủ hộ"] = r.HeadName,
            ["Thôn/bản"] = r.VillageCode is null ? string.Empty : names.GetValueOrDefault(r.VillageCode, r.VillageCode),
            ["Phân loại"] = r.Category.ToVietnamese(),
            ["Chính sách chưa nhận"] = string.Join("; ", r.Gaps.Select(g => $"{g.PolicyNameVi} ({g.AgencyVi})")),
            ["Mã chính sách"] = string.Join(";", r.Gaps.Select(g => g.PolicyCode)),
            ["Chỉ số thiếu hụt chưa được hỗ trợ"] = string.Join(";", r.UnansweredDeprivations),
            ["Chờ từ ngày"] = r.WaitingSince?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) ?? string.Empty,
            ["Số ngày chờ"] = r.WaitingDays,
            ["Lần hỗ trợ gần nhất"] = r.LastSupport?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) ?? string.Empty,
        }).ToList();
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(rows, sheetName: "Danh sach cho ho tro", cancellationToken: ct);
        db.AddAuditEvent(AuditActions.Export, "SupportWorklist", query.CommuneCode ?? db.CurrentUser.ScopeUnitCode ?? "*", null,
            new { query.CommuneCode, query.VillageCode, query.PolicyCode, rows = rows.Count, format = "xlsx" });
        await db.SaveChangesAsync(ct);
        return Result<byte[]>.Ok(stream.ToArray());
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
        var loaded = await LoadAsync(scoped, asOf, ct, communeCode: communeCode);
        var result = new List<WorklistRow>();
        foreach (var h in loaded.Households)
        {
            var standard = await ListStandardAsync(h, asOf, ct);
            if (GapEngine.Latest(h, standard, asOf)?.Category != HouseholdCategory.Poor || h.Deliveries.Any(d => d.Date >= yearStart && d.Date <= asOf))
            {
                continue;
            }

            var gaps = GapEngine.Compute(h, loaded.Policies, standard, asOf, PoorCommunes.Contains(h.CommuneCode), withReasons: false);
            result.Add(ToRow(gaps, HouseholdCategory.Poor));
        }

        var names = await households.UnitNamesAsync(result.Select(i => i.VillageCode).OfType<string>(), ct);
        return Result<IReadOnlyList<WorklistRow>>.Ok([.. result
            .OrderBy(r => r.VillageCode, StringComparer.Ordinal).ThenBy(r => r.HeadName, StringComparer.Ordinal)
            .Select(i => i with { VillageName = i.VillageCode is null ? null : names.GetValueOrDefault(i.VillageCode) })]);
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
        AdminUnits.AdminLevel? unitLevel = null;
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
                case AdminUnits.AdminLevel.Province:
                    query = query.Where(h => h.ProvinceCode == unitCode);
                    break;
                case AdminUnits.AdminLevel.Commune:
                    query = query.Where(h => h.CommuneCode == unitCode);
                    byVillage = true;
                    break;
                case AdminUnits.AdminLevel.Village:
                    query = query.Where(h => h.VillageCode == unitCode);
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

        var asOf = db.Clock.Today();
        var level = string.IsNullOrWhiteSpace(unitCode) ? user.ScopeLevel : unitLevel;
        var code = string.IsNullOrWhiteSpace(unitCode) ? user.ScopeUnitCode : unitCode;
        var loaded = await LoadAsync(query, asOf, ct, communeCode: level == AdminUnits.AdminLevel.Commune ? code : null,
            provinceCode: level == AdminUnits.AdminLevel.Province ? code : null);
        var poor = PoorCommunes;
        var counts = new Dictionary<(string Unit, string Policy), (int Eligible, int Served)>();
        foreach (var h in loaded.Households)
        {
            var gaps = GapEngine.Compute(h, loaded.Policies, await ListStandardAsync(h, asOf, ct), asOf, poor.Contains(h.CommuneCode), withReasons: false);
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

    private async Task<List<WorklistRow>?> WorklistAllAsync(WorklistQuery query, CancellationToken ct)
    {
        var scoped = Filter(query.CommuneCode, query.VillageCode);
        if (scoped is null)
        {
            return null;
        }

        var asOf = db.Clock.Today();
        var loaded = await LoadAsync(scoped, asOf, ct, listedOnly: true, communeCode: query.CommuneCode);
        var poor = PoorCommunes;
        var rows = new List<WorklistRow>();
        foreach (var h in loaded.Households)
        {
            var standard = await ListStandardAsync(h, asOf, ct);
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

    private static WorklistRow ToRow(HouseholdGaps gaps, HouseholdCategory category) => new(gaps.HouseholdId, gaps.Code, gaps.HeadName, gaps.CommuneCode,
        gaps.VillageCode, null, category, [.. gaps.OpenGaps], gaps.UnansweredDeprivations, gaps.WaitingSince, gaps.WaitingDays, gaps.LastSupport);

    /// <summary>The user's households, narrowed to a commune or village; null when the unit is outside the scope.</summary>
    private IQueryable<HouseholdEntity>? Filter(string? communeCode, string? villageCode)
    {
        var query = UnitScope.Apply(db.Households.AsNoTracking(), db.CurrentUser);
        if (!string.IsNullOrWhiteSpace(communeCode))
        {
            if (db.CurrentUser.ScopeLevel == AdminUnits.AdminLevel.Commune && db.CurrentUser.ScopeUnitCode != communeCode)
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

    private readonly Dictionary<string, string> listStandards = new(StringComparer.Ordinal);

    /// <summary>The standard the poor/near-poor list is kept under for the year (the legal one, first of the active standards).</summary>
    private async Task<string> ListStandardAsync(GapHousehold h, DateOnly asOf, CancellationToken ct)
    {
        var province = h.ProvinceCode;
        if (!listStandards.TryGetValue(province, out var code))
        {
            var active = await standards.ActiveAsync(asOf.Year, province, ct);
            code = active.FirstOrDefault(a => !a.InParallel)?.Standard.Code ?? (active.Count > 0 ? active[0].Standard.Code : Domain.Standards.StandardCatalog.Nd07Of2021);
            listStandards[province] = code;
        }

        return code;
    }

    internal sealed record Loaded(List<GapHousehold> Households, IReadOnlyList<Policy> Policies);

    /// <summary>Loads households with their classification history, latest support needs and effective deliveries, in four queries.</summary>
    /// <remarks>
    /// When the households are all in one commune (or province), the other tables are filtered on their own commune
    /// (province) column and rows of households outside the query are dropped in memory: faster than a semi-join.
    /// </remarks>
    internal async Task<Loaded> LoadAsync(IQueryable<HouseholdEntity> query, DateOnly asOf, CancellationToken ct, bool listedOnly = false,
        string? communeCode = null, string? provinceCode = null)
    {
        var province = db.CurrentUser.ScopeLevel == AdminUnits.AdminLevel.Province ? db.CurrentUser.ScopeUnitCode : await query.Select(h => h.ProvinceCode).FirstOrDefaultAsync(ct);
        var policyList = await policies.ForProvinceAsync(province, ct);
        var year = asOf.Year;
        var ids = query.Select(h => h.Id);
        var classificationQuery = db.HouseholdClassifications.AsNoTracking().Where(c => c.Year <= year);
        var recordQuery = db.SupportRecords.AsNoTracking().Where(s => s.ReversesId == null && s.ReversedById == null && s.Date <= asOf);
        if (!string.IsNullOrWhiteSpace(communeCode))
        {
            classificationQuery = classificationQuery.Where(c => c.CommuneCode == communeCode);
            recordQuery = recordQuery.Where(s => s.CommuneCode == communeCode);
        }
        else if (!string.IsNullOrWhiteSpace(provinceCode))
        {
            classificationQuery = classificationQuery.Where(c => c.ProvinceCode == provinceCode);
            recordQuery = recordQuery.Where(s => s.ProvinceCode == provinceCode);
        }
        else
        {
            classificationQuery = classificationQuery.Where(c => ids.Contains(c.HouseholdId));
            recordQuery = recordQuery.Where(s => ids.Contains(s.HouseholdId));
        }

        var classifications = await classificationQuery
            .Select(c => new { c.HouseholdId, c.Year, c.StandardCode, c.Category, c.Deprived, c.ComputedAtUtc }).ToListAsync(ct);
        HashSet<long>? listed = null;
        if (listedOnly)
        {
            listed = [.. classifications.Where(c => c.Category is HouseholdCategory.Poor or HouseholdCategory.NearPoor).Select(c => c.HouseholdId)];
        }

        var rows = await query.Select(h => new
        {
            h.Id, h.Code, h.HeadName, h.ProvinceCode, h.CommuneCode, h.VillageCode, h.AreaType, h.Groups, MemberCount = h.Members.Count,
        }).ToListAsync(ct);
        var map = new Dictionary<long, GapHousehold>(rows.Count);
        foreach (var r in rows)
        {
            if (listed is null || listed.Contains(r.Id))
            {
                map[r.Id] = new GapHousehold
                {
                    Id = r.Id, Code = r.Code, HeadName = r.HeadName, ProvinceCode = r.ProvinceCode, CommuneCode = r.CommuneCode, VillageCode = r.VillageCode,
                    Area = r.AreaType, Groups = r.Groups, MemberCount = r.MemberCount,
                };
            }
        }

        foreach (var c in classifications)
        {
            if (map.TryGetValue(c.HouseholdId, out var h))
            {
                if (!h.History.TryGetValue(c.StandardCode, out var years))
                {
                    h.History[c.StandardCode] = years = [];
                }

                years[c.Year] = new GapClassification(c.Category, c.Deprived, DateOnly.FromDateTime(c.ComputedAtUtc));
            }
        }

        var needs = await db.HouseholdSurveys.AsNoTracking().Where(s => ids.Contains(s.HouseholdId) && s.Year <= year)
            .Select(s => new { s.HouseholdId, s.Year, s.Needs }).ToListAsync(ct);
        foreach (var n in needs.OrderBy(n => n.Year))
        {
            if (map.TryGetValue(n.HouseholdId, out var h))
            {
                h.Needs = n.Needs;
            }
        }

        var deliveries = await recordQuery
            .Select(s => new { s.HouseholdId, s.PolicyCode, s.MemberId, s.Date }).ToListAsync(ct);
        foreach (var d in deliveries)
        {
            if (map.TryGetValue(d.HouseholdId, out var h))
            {
                h.Add(new GapDelivery(d.PolicyCode, d.MemberId, d.Date));
            }
        }

        return new Loaded([.. map.Values], policyList);
    }
}
