using GiamNgheo.Application.AdminUnits;
using GiamNgheo.Application.Interchange;
using GiamNgheo.Application.Persistence;
using GiamNgheo.Domain.Classification;
using GiamNgheo.Domain.Common;
using GiamNgheo.Domain.Households;
using GiamNgheo.Domain.Reports;
using GiamNgheo.Domain.Standards;
using Microsoft.EntityFrameworkCore;

namespace GiamNgheo.Application.Reports;

/// <summary>
/// The rows of the detailed lists 14–15 in three set-based, no-tracking queries: the year's poor and near-poor
/// classifications of the unit (index province/commune, year, standard, category) with, per household, its code and
/// groups and the survey's needs (primary-key / unique-index lookups); their earlier years (last year's category and
/// the "on the list earlier in the period" flags); then their members joined on the same classifications.
/// Only what the lists print is read. Gives the same lines as <see cref="ReportDataLoader.LoadRowsAsync"/> (same
/// unit restrictions on every source), which stays the reference (tested).
/// </summary>
public sealed class ReportListLoader(AppDbContext db)
{
    public async Task<List<ReportHousehold>> LoadAsync(ReportUnitInfo unit, int year, PovertyStandard standard, CancellationToken ct)
    {
        await using var snapshot = await ReportReads.BeginAsync(db, ct);
        var standardCode = standard.Code;
        var province = unit.Level == AdminLevel.Province;
        var code = unit.Code;
        var periodStart = Math.Min(standard.ValidFrom.Year, year);
        var previousYear = year - 1;

        var classifications = db.HouseholdClassifications.AsNoTracking().Where(c => c.StandardCode == standardCode);
        classifications = province ? classifications.Where(c => c.ProvinceCode == code) : classifications.Where(c => c.CommuneCode == code);
        var earlier = classifications.Where(c => c.Year >= periodStart && c.Year < year);
        var listed = classifications.Where(c => c.Year == year && (c.Category == HouseholdCategory.Poor || c.Category == HouseholdCategory.NearPoor));

        var households = db.Households.AsNoTracking();
        households = province ? households.Where(h => h.ProvinceCode == code) : households.Where(h => h.CommuneCode == code);
        var surveys = db.HouseholdSurveys.AsNoTracking().Where(s => s.Year == year);
        if (province)
        {
            surveys = surveys.Where(s => s.ProvinceCode == code);
        }

        // The listed classifications come from the covering index (unit, year, standard, category, household, village…);
        // each listed household is then one primary-key lookup (code, groups) and one survey lookup (needs). A household
        // that has left the unit keeps its list line without code, groups, needs or members, as the reference loader.
        var heads = await (from c in listed
                           join h in households on c.HouseholdId equals h.Id into hs
                           from h in hs.DefaultIfEmpty()
                           select new
                           {
                               c.HouseholdId,
                               c.Category,
                               c.CommuneCode,
                               c.VillageCode,
                               InUnit = h != null,
                               Code = h != null ? h.Code : null,
                               Groups = h != null ? (SpecialGroups?)h.Groups : null,
                               // A correlated lookup (index household, year), not a join: PostgreSQL hashed a join on
                               // a sequential scan of the whole year's surveys.
                               Needs = province || h != null
                                   ? surveys.Where(s => s.HouseholdId == c.HouseholdId).Select(s => (SupportNeeds?)s.Needs).FirstOrDefault()
                                   : null,
                           })
            .ToListAsync(ct);

        // Earlier years of the listed households (a correlated range lookup would let SQLite's planner scan the
        // unit's index per household): one IN query over the covering index, folded in memory.
        var listedIds = listed.Select(c => c.HouseholdId);
        var history = new Dictionary<long, (HouseholdCategory? Previous, bool Poor, bool NearPoor)>();
        foreach (var p in await earlier.Where(p => listedIds.Contains(p.HouseholdId)).Select(p => new { p.HouseholdId, p.Year, p.Category }).ToListAsync(ct))
        {
            var (previous, poor, near) = history.GetValueOrDefault(p.HouseholdId);
            history[p.HouseholdId] = p.Year == previousYear
                ? (p.Category, poor, near)
                : (previous, poor || p.Category == HouseholdCategory.Poor, near || p.Category == HouseholdCategory.NearPoor);
        }

        // Members of the listed households; those of a household outside the unit are dropped below (members carry
        // the province code, so only a commune needs that check, made on the heads already read).
        var members = db.Members.AsNoTracking();
        if (province)
        {
            members = members.Where(m => m.ProvinceCode == code);
        }

        var lines = await (from m in members
                           join c in listed on m.HouseholdId equals c.HouseholdId
                           select new { m.HouseholdId, m.Order, m.FullName, m.DateOfBirth, m.Sex, m.EthnicityCode, m.RelationToHead })
            .ToListAsync(ct);
        var inUnit = heads.Where(h => h.InUnit).Select(h => h.HouseholdId).ToHashSet();
        var ethnicNames = await db.EthnicGroups.AsNoTracking().ToDictionaryAsync(e => e.Code, e => e.Name, ct);
        var relations = Enum.GetValues<RelationToHead>().ToDictionary(r => r, r => r.ToVietnamese());
        var byHousehold = new Dictionary<long, List<ReportMember>>(heads.Count);
        foreach (var m in lines)
        {
            if (!inUnit.Contains(m.HouseholdId))
            {
                continue;
            }

            if (!byHousehold.TryGetValue(m.HouseholdId, out var list))
            {
                byHousehold[m.HouseholdId] = list = new List<ReportMember>(4);
            }

            list.Add(new ReportMember(m.Order, m.FullName, m.DateOfBirth.Year, m.Sex, ethnicNames.GetValueOrDefault(m.EthnicityCode, m.EthnicityCode), relations[m.RelationToHead]));
        }

        var rows = new List<ReportHousehold>(heads.Count);
        foreach (var h in heads)
        {
            var memberLines = byHousehold.GetValueOrDefault(h.HouseholdId); // the form orders them by member number
            var (previous, poorBefore, nearPoorBefore) = history.GetValueOrDefault(h.HouseholdId);
            rows.Add(new ReportHousehold
            {
                HouseholdId = h.HouseholdId,
                HouseholdCode = h.Code ?? h.HouseholdId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                UnitCode = province ? h.CommuneCode : h.VillageCode ?? string.Empty,
                Category = h.Category,
                PreviousCategory = previous,
                EscapedPoorEarlierInPeriod = poorBefore,
                EscapedNearPoorEarlierInPeriod = nearPoorBefore,
                Groups = h.Groups ?? SpecialGroups.None,
                Needs = (int)(h.Needs ?? SupportNeeds.None),
                Members = memberLines ?? [],
            });
        }

        return rows;
    }
}
