using GiamNgheo.Application.AdminUnits;
using GiamNgheo.Application.Interchange;
using GiamNgheo.Application.Persistence;
using GiamNgheo.Application.Reports.Aggregates;
using GiamNgheo.Domain.Classification;
using GiamNgheo.Domain.Common;
using GiamNgheo.Domain.Households;
using GiamNgheo.Domain.Reports;
using GiamNgheo.Domain.Standards;
using GiamNgheo.Domain.Statuses;
using Microsoft.EntityFrameworkCore;

namespace GiamNgheo.Application.Reports;

/// <summary>
/// The rows of the detailed lists 14–15: the households of the unit whose status of the year
/// (<see cref="ReportDataLoader.LoadStatusesAsync(ReportUnitInfo, int, PovertyStandard, CancellationToken)"/>: recognised, computed or carried over from an earlier list) is poor
/// or near-poor, with their members and the needs of the survey the status rests on. Gives the same lines as
/// <see cref="ReportDataLoader.LoadRowsAsync"/>, which stays the reference (tested on both databases).
/// </summary>
/// <remarks>
/// The lines come from <c>report_list_entries</c>, written with the commune's report aggregates from the same statuses
/// (<see cref="ReportAggregates"/>; the unit's queued communes are refreshed first, as for forms 1–13), so a list reads
/// one indexed row per listed household and the members of those households by id. A (year, standard) the unit has no
/// aggregates for (no classification of that year and standard anywhere in its province) is read from the
/// classification rows instead (<see cref="ReportDataLoader.LoadStatusesAsync(ReportUnitInfo, int, PovertyStandard, bool, CancellationToken)"/>
/// with listedOnly). Deriving every list's statuses at read time (carried-over households have no row in the year) took
/// a 1 M-household province's lists to 14 s; docs/benchmarks.md §4.
/// </remarks>
public sealed class ReportListLoader(AppDbContext db, ReportDataLoader loader, ReportAggregates aggregates)
{
    public async Task<List<ReportHousehold>> LoadAsync(ReportUnitInfo unit, int year, PovertyStandard standard, CancellationToken ct)
    {
        await aggregates.RefreshDirtyAsync(unit.Code, ct);
        await using var snapshot = await ReportReads.BeginAsync(db, ct);
        var province = unit.Level == AdminLevel.Province;
        var listed = await MaterialisedAsync(unit, year, standard.Code, ct) ?? await ComputedAsync(unit, year, standard, ct);
        // One collection parameter (json_each on SQLite, an array on PostgreSQL): EF 10 otherwise binds one parameter per
        // id, and a province list passes SQLite's limit of 32,766 variables.
        var ids = listed.Select(s => s.Line.HouseholdId).ToList();
        var lines = new Dictionary<long, List<ReportMember>>(listed.Count);
        if (ids.Count > 0)
        {
            var text = await MemberText.LoadAsync(db, ct);
            foreach (var m in await db.Members.AsNoTracking().Where(m => EF.Parameter(ids).Contains(m.HouseholdId))
                         .Select(m => new { m.HouseholdId, m.Order, m.FullName, m.DateOfBirth, m.Sex, m.EthnicityCode, m.RelationToHead }).ToListAsync(ct))
            {
                if (!lines.TryGetValue(m.HouseholdId, out var list))
                {
                    lines[m.HouseholdId] = list = new List<ReportMember>(4);
                }

                list.Add(text.Member(m.Order, m.FullName, m.DateOfBirth.Year, m.Sex, m.EthnicityCode, m.RelationToHead));
            }
        }

        return [.. listed.Select(h => h.Line with
        {
            UnitCode = province ? h.CommuneCode : h.Line.UnitCode,
            Members = lines.GetValueOrDefault(h.Line.HouseholdId) ?? [],
        })];
    }

    /// <summary>The unit's materialised list lines, or null when the unit has no aggregates of the year and standard.</summary>
    private async Task<List<Listed>?> MaterialisedAsync(ReportUnitInfo unit, int year, string standardCode, CancellationToken ct)
    {
        var code = unit.Code;
        var province = unit.Level == AdminLevel.Province;
        var aggregated = db.ReportAggregates.AsNoTracking().Where(a => a.StandardCode == standardCode && a.Year == year && a.Kind == ReportAggregateKind.Households);
        aggregated = province ? aggregated.Where(a => a.ProvinceCode == code) : aggregated.Where(a => a.CommuneCode == code);
        if (!await aggregated.AnyAsync(ct))
        {
            return null;
        }

        var entries = db.ReportListEntries.AsNoTracking().Where(e => e.StandardCode == standardCode && e.Year == year);
        entries = province ? entries.Where(e => e.ProvinceCode == code) : entries.Where(e => e.CommuneCode == code);
        return [.. (await entries.Select(e => new
                {
                    e.HouseholdId, e.HouseholdCode, e.CommuneCode, e.VillageCode, e.Category, e.Source, e.PreviousCategory,
                    e.EscapedPoorEarlier, e.EscapedNearPoorEarlier, e.Groups, e.Needs,
                }).ToListAsync(ct))
            .Select(e => new Listed(e.CommuneCode, new ReportHousehold
            {
                HouseholdId = e.HouseholdId,
                HouseholdCode = e.HouseholdCode,
                UnitCode = e.VillageCode,
                Category = e.Category,
                Source = e.Source,
                Recognised = e.Source == StatusSource.Recognised,
                PreviousCategory = e.PreviousCategory,
                EscapedPoorEarlierInPeriod = e.EscapedPoorEarlier,
                EscapedNearPoorEarlierInPeriod = e.EscapedNearPoorEarlier,
                Groups = e.Groups,
                Needs = e.Needs,
            }))];
    }

    /// <summary>The list lines derived from the classification rows now (no aggregates of the year and standard).</summary>
    private async Task<List<Listed>> ComputedAsync(ReportUnitInfo unit, int year, PovertyStandard standard, CancellationToken ct)
    {
        var listed = await loader.LoadStatusesAsync(unit, year, standard, listedOnly: true, ct);
        var ids = listed.Select(s => s.Id).ToList();
        var needs = new Dictionary<(long, int), SupportNeeds>();
        if (ids.Count > 0)
        {
            foreach (var n in await db.HouseholdSurveys.AsNoTracking().Where(s => EF.Parameter(ids).Contains(s.HouseholdId) && s.Year <= year)
                         .Select(s => new { s.HouseholdId, s.Year, s.Needs }).ToListAsync(ct))
            {
                needs[(n.HouseholdId, n.Year)] = n.Needs;
            }
        }

        return [.. listed.Select(s =>
        {
            var status = s.Current!.Value.Status;
            return new Listed(s.CommuneCode, new ReportHousehold
            {
                HouseholdId = s.Id,
                HouseholdCode = s.Code,
                UnitCode = s.VillageCode ?? string.Empty,
                Category = status.Category,
                Source = status.Source,
                Recognised = status.Source == StatusSource.Recognised,
                PreviousCategory = s.Previous?.Status.Category,
                EscapedPoorEarlierInPeriod = s.PoorEarlier,
                EscapedNearPoorEarlierInPeriod = s.NearPoorEarlier,
                Groups = s.Groups,
                Needs = (int)needs.GetValueOrDefault((s.Id, status.ReviewYear ?? year)),
            });
        })];
    }

    /// <summary>A list line with the commune of the household (the province's lists group by commune).</summary>
    private sealed record Listed(string CommuneCode, ReportHousehold Line);

    /// <summary>How a list prints a member's ethnic group (its name) and relation to the head (in Vietnamese).</summary>
    private sealed class MemberText(Dictionary<string, string> ethnicNames)
    {
        private static readonly Dictionary<RelationToHead, string> Relations = Enum.GetValues<RelationToHead>().ToDictionary(r => r, r => r.ToVietnamese());

        public static async Task<MemberText> LoadAsync(AppDbContext db, CancellationToken ct) =>
            new(await db.EthnicGroups.AsNoTracking().ToDictionaryAsync(e => e.Code, e => e.Name, ct));

        public ReportMember Member(int order, string fullName, int birthYear, Sex sex, string ethnicityCode, RelationToHead relation) =>
            new(order, fullName, birthYear, sex, ethnicNames.GetValueOrDefault(ethnicityCode, ethnicityCode), Relations[relation]);
    }
}
