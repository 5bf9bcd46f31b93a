using GiamNgheo.Application.Households;
using GiamNgheo.Application.Persistence;
using GiamNgheo.Application.Policies;
using GiamNgheo.Application.Standards;
using GiamNgheo.Domain.Classification;
using GiamNgheo.Domain.Policies;
using Microsoft.EntityFrameworkCore;

namespace GiamNgheo.Application.Support;

/// <summary>Loads what <see cref="GapEngine"/> needs (households, classification history, needs, deliveries, poor communes).</summary>
internal sealed class GapData(AppDbContext db)
{
    private readonly PolicyRegistry policies = new(db);
    private readonly StandardRegistry standards = new(db);
    private readonly Dictionary<string, string> listStandards = new(StringComparer.Ordinal);
    private HashSet<string>? poorCommunes;
    private DateOnly poorCommunesOn;

    /// <summary>Communes listed as poor or extremely difficult on the day (table <c>poor_communes</c>).</summary>
    public async Task<HashSet<string>> PoorCommunesAsync(DateOnly asOf, CancellationToken ct)
    {
        if (poorCommunes is null || poorCommunesOn != asOf)
        {
            poorCommunes = (await db.PoorCommunes.AsNoTracking().Where(p => p.ValidFrom <= asOf && (p.ValidTo == null || p.ValidTo >= asOf))
                .Select(p => p.CommuneCode).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
            poorCommunesOn = asOf;
        }

        return poorCommunes;
    }

    /// <summary>The standard the poor/near-poor list is kept under for the year (the legal one, first of the active standards).</summary>
    public async Task<string> ListStandardAsync(string province, DateOnly asOf, CancellationToken ct)
    {
        var key = province + "/" + asOf.Year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (!listStandards.TryGetValue(key, out var code))
        {
            var active = await standards.ActiveAsync(asOf.Year, province, ct);
            code = active.FirstOrDefault(a => !a.InParallel)?.Standard.Code ?? (active.Count > 0 ? active[0].Standard.Code : Domain.Standards.StandardCatalog.Nd07Of2021);
            listStandards[key] = code;
        }

        return code;
    }

    public Task<IReadOnlyList<Policy>> PoliciesAsync(string? province, CancellationToken ct) => policies.ForProvinceAsync(province, ct);

    internal sealed record Loaded(List<GapHousehold> Households, IReadOnlyList<Policy> Policies);

    /// <summary>Loads households with their classification history, latest support needs and effective deliveries, in four queries.</summary>
    /// <remarks>
    /// When the households are all in one commune (or province), the other tables are filtered on their own commune
    /// (province) column and rows of households outside the query are dropped in memory: faster than a semi-join.
    /// </remarks>
    public async Task<Loaded> LoadAsync(IQueryable<HouseholdEntity> query, DateOnly asOf, CancellationToken ct, bool listedOnly = false,
        string? communeCode = null, string? provinceCode = null, string? policyProvince = null)
    {
        var province = policyProvince ?? (db.CurrentUser.ScopeLevel == AdminUnits.AdminLevel.Province ? db.CurrentUser.ScopeUnitCode : await query.Select(h => h.ProvinceCode).FirstOrDefaultAsync(ct));
        var policyList = await policies.ForProvinceAsync(province, ct);
        var year = asOf.Year;
        var ids = query.Select(h => h.Id);
        // Computed results no decision fixed (shown "chưa công nhận"); recognised statuses come from household_statuses.
        var classificationQuery = db.HouseholdClassifications.AsNoTracking().Where(c => c.Year <= year && c.DecisionId == null);
        // Every recognised status, including one whose policy start is still ahead (it makes the materialised rows stale on that day).
        var statusQuery = db.HouseholdStatuses.AsNoTracking().Where(s => s.Recognised && s.ReviewYear <= year);
        var recordQuery = db.SupportRecords.AsNoTracking().Where(s => s.ReversesId == null && s.ReversedById == null && s.Date <= asOf);
        if (!string.IsNullOrWhiteSpace(communeCode))
        {
            classificationQuery = classificationQuery.Where(c => c.CommuneCode == communeCode);
            statusQuery = statusQuery.Where(c => c.CommuneCode == communeCode);
            recordQuery = recordQuery.Where(s => s.CommuneCode == communeCode);
        }
        else if (!string.IsNullOrWhiteSpace(provinceCode))
        {
            classificationQuery = classificationQuery.Where(c => c.ProvinceCode == provinceCode);
            statusQuery = statusQuery.Where(c => c.ProvinceCode == provinceCode);
            recordQuery = recordQuery.Where(s => s.ProvinceCode == provinceCode);
        }
        else
        {
            classificationQuery = classificationQuery.Where(c => ids.Contains(c.HouseholdId));
            statusQuery = statusQuery.Where(c => ids.Contains(c.HouseholdId));
            recordQuery = recordQuery.Where(s => ids.Contains(s.HouseholdId));
        }

        var classifications = await classificationQuery
            .Select(c => new { c.HouseholdId, c.Year, c.StandardCode, c.Category, c.Deprived, c.ComputedAtUtc }).ToListAsync(ct);
        var statuses = await (from st in statusQuery
                              join d in db.RecognitionDecisions on st.DecisionId equals d.Id
                              select new { st.HouseholdId, st.StandardCode, st.ReviewYear, st.Category, st.Deprived, st.SignedOn, st.PolicyFrom, st.DecisionId, d.Number })
            .ToListAsync(ct);
        HashSet<long>? listed = null;
        if (listedOnly)
        {
            listed = [.. classifications.Where(c => c.Category is HouseholdCategory.Poor or HouseholdCategory.NearPoor).Select(c => c.HouseholdId)
                .Concat(statuses.Where(c => c.Category is HouseholdCategory.Poor or HouseholdCategory.NearPoor).Select(c => c.HouseholdId))];
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
                if (!h.Computed.TryGetValue(c.StandardCode, out var years))
                {
                    h.Computed[c.StandardCode] = years = [];
                }

                years[c.Year] = new GapClassification(c.Category, c.Deprived, DateOnly.FromDateTime(c.ComputedAtUtc));
            }
        }

        foreach (var st in statuses.OrderBy(x => x.PolicyFrom).ThenBy(x => x.SignedOn).ThenBy(x => x.DecisionId))
        {
            if (map.TryGetValue(st.HouseholdId, out var h))
            {
                if (!h.Recognised.TryGetValue(st.StandardCode, out var list))
                {
                    h.Recognised[st.StandardCode] = list = [];
                }

                list.Add(new GapStatus(st.ReviewYear, st.Category, st.Deprived, st.SignedOn, st.PolicyFrom, st.DecisionId, st.Number));
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
