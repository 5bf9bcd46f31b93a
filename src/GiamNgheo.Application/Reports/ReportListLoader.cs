using GiamNgheo.Application.AdminUnits;
using GiamNgheo.Application.Interchange;
using GiamNgheo.Application.Persistence;
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
/// <see cref="ReportDataLoader.LoadRowsAsync"/>, which stays the reference (tested on both databases); only the listed
/// households' members and surveys are read (by their ids).
/// </summary>
/// <remarks>
/// Until issue 15 the lists read only the year's poor and near-poor classification rows (one packed SQL query on
/// SQLite). A household carried over from an earlier list has no row in the year; the lists read the year's poor and
/// near-poor rows of the unit and a narrow lookup of the carried-over (and moved-in) ones, then the statuses of only
/// those households (<see cref="ReportDataLoader.LoadStatusesAsync(ReportUnitInfo, int, PovertyStandard, bool, CancellationToken)"/>
/// with listedOnly), never every household of the unit (issue 15: a commune's lists at 200,000 households went from
/// 90 to 271 ms CPU when they read them all).
/// </remarks>
public sealed class ReportListLoader(AppDbContext db, ReportDataLoader loader)
{
    public async Task<List<ReportHousehold>> LoadAsync(ReportUnitInfo unit, int year, PovertyStandard standard, CancellationToken ct)
    {
        await using var snapshot = await ReportReads.BeginAsync(db, ct);
        var province = unit.Level == AdminLevel.Province;
        var listed = await loader.LoadStatusesAsync(unit, year, standard, listedOnly: true, ct);
        // One collection parameter (json_each on SQLite, an array on PostgreSQL): EF 10 otherwise binds one parameter per
        // id, and a province list passes SQLite's limit of 32,766 variables.
        var ids = listed.Select(s => s.Id).ToList();

        var needs = new Dictionary<(long, int), SupportNeeds>();
        var lines = new Dictionary<long, List<ReportMember>>(listed.Count);
        if (ids.Count > 0)
        {
            foreach (var n in await db.HouseholdSurveys.AsNoTracking().Where(s => EF.Parameter(ids).Contains(s.HouseholdId) && s.Year <= year)
                         .Select(s => new { s.HouseholdId, s.Year, s.Needs }).ToListAsync(ct))
            {
                needs[(n.HouseholdId, n.Year)] = n.Needs;
            }

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

        return [.. listed.Select(s =>
        {
            var status = s.Current!.Value.Status;
            return new ReportHousehold
            {
                HouseholdId = s.Id,
                HouseholdCode = s.Code,
                UnitCode = (province ? s.CommuneCode : s.VillageCode) ?? string.Empty,
                Category = status.Category,
                Source = status.Source,
                Recognised = status.Source == StatusSource.Recognised,
                PreviousCategory = s.Previous?.Status.Category,
                EscapedPoorEarlierInPeriod = s.PoorEarlier,
                EscapedNearPoorEarlierInPeriod = s.NearPoorEarlier,
                Groups = s.Groups,
                Needs = (int)needs.GetValueOrDefault((s.Id, status.ReviewYear ?? year)),
                Members = lines.GetValueOrDefault(s.Id) ?? [],
            };
        })];
    }

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
