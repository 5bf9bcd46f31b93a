using GiamNgheo.Application.AdminUnits;
using GiamNgheo.Application.Identity;
using GiamNgheo.Application.Interchange;
using GiamNgheo.Application.Persistence;
using GiamNgheo.Application.Standards;
using GiamNgheo.Application.Surveys;
using GiamNgheo.Domain.Classification;
using GiamNgheo.Domain.Common;
using GiamNgheo.Domain.Households;
using GiamNgheo.Domain.Reports;
using GiamNgheo.Domain.Standards;
using GiamNgheo.Domain.Statuses;
using Microsoft.EntityFrameworkCore;

namespace GiamNgheo.Application.Reports;

/// <summary>A unit a report or dashboard is about, resolved and checked against the user's scope.</summary>
public sealed record ReportUnitInfo(string Code, string Name, AdminLevel Level, string ProvinceCode, string ProvinceName);

/// <summary>The rows the report forms are computed from, and their context.</summary>
public sealed record ReportData(ReportContext Context, IReadOnlyList<ReportHousehold> Households, ReportUnitInfo Unit);

/// <summary>
/// Builds <see cref="ReportHousehold"/> rows from the registry for one unit (commune: one row per village; province:
/// one row per commune), review year and standard. Every number of the forms comes from the
/// <c>household_classifications</c> rows of that year and the year before (same standard), the households' special
/// groups, the head's ethnicity, the children among the members and the survey's causes and needs.
/// </summary>
public sealed class ReportDataLoader(AppDbContext db, StandardRegistry standards)
{
    /// <summary>Label of the pseudo-village of households registered without a village.</summary>
    public const string NoVillageName = "(chưa xác định thôn)";

    public async Task<ReportUnitInfo?> ResolveUnitAsync(string unitCode, int year, CancellationToken ct)
    {
        var asOf = AsOf(year, db.Clock.Today());
        var candidates = await db.AdminUnits.AsNoTracking()
            .Where(u => u.Code == unitCode && (u.Level == AdminLevel.Province || u.Level == AdminLevel.Commune))
            .ToListAsync(ct);
        var unit = candidates.FirstOrDefault(u => u.IsValidOn(asOf)) ?? candidates.OrderByDescending(u => u.ValidFrom).FirstOrDefault();
        if (unit is null)
        {
            return null;
        }

        var provinceCode = unit.Level == AdminLevel.Province ? unit.Code : await ProvinceOfAsync(unit, ct);
        if (provinceCode is null)
        {
            return null;
        }

        var user = db.CurrentUser;
        var visible = unit.Level == AdminLevel.Province
            ? user.ScopeUnitCode is null ? user.IsInRole(Roles.SystemAdmin) : user.ScopeLevel == AdminLevel.Province && user.ScopeUnitCode == provinceCode
            : UnitScope.Contains(user, provinceCode, unit.Code, null);
        if (!visible)
        {
            return null;
        }

        var provinceName = await db.AdminUnits.AsNoTracking().Where(u => u.Code == provinceCode && u.Level == AdminLevel.Province)
            .OrderByDescending(u => u.ValidFrom).Select(u => u.FullName).FirstOrDefaultAsync(ct) ?? provinceCode;
        return new ReportUnitInfo(unit.Code, unit.FullName, unit.Level, provinceCode, provinceName);
    }

    private async Task<string?> ProvinceOfAsync(AdminUnit commune, CancellationToken ct)
    {
        var parent = commune.ParentCode;
        for (var i = 0; i < 2 && parent is not null; i++)
        {
            var code = parent;
            var row = await db.AdminUnits.AsNoTracking().Where(u => u.Code == code && u.Level < commune.Level)
                .OrderBy(u => u.Level).FirstOrDefaultAsync(ct);
            if (row is null)
            {
                return null;
            }

            if (row.Level == AdminLevel.Province)
            {
                return row.Code;
            }

            parent = row.ParentCode;
        }

        return null;
    }

    private static DateOnly AsOf(int year, DateOnly today)
    {
        var end = new DateOnly(year, 12, 31);
        return end < today ? end : today;
    }

    /// <summary>The unit's rows (null when the unit is unknown or outside the user's scope).</summary>
    public async Task<ReportData?> LoadAsync(string unitCode, int year, string standardCode, bool includeMembers, CancellationToken ct)
    {
        var unit = await ResolveUnitAsync(unitCode, year, ct);
        if (unit is null)
        {
            return null;
        }

        var standard = await StandardAsync(standardCode, ct);
        if (standard is null)
        {
            return null;
        }

        var rows = await LoadRowsAsync(unit, year, standard, includeMembers, listedOnly: false, ct);
        var context = await ContextAsync(unit, year, standard, rows.Select(r => r.UnitCode), ct);
        return new ReportData(context, rows, unit);
    }

    public async Task<PovertyStandard?> StandardAsync(string standardCode, CancellationToken ct) =>
        (await standards.AllAsync(ct)).Select(s => s.Standard).FirstOrDefault(s => s.Code == standardCode);

    /// <summary>
    /// The reporting date of review year <paramref name="year"/>: 31/12 of the year, or today when that is earlier.
    /// Every report, dashboard and target of the year counts the households resident on this date.
    /// </summary>
    public DateOnly ReportingDate(int year) => AsOf(year, db.Clock.Today());

    /// <summary>
    /// The statuses of every household of the unit resident on the reporting date of <paramref name="year"/> or of the
    /// year before, under one standard: this year's and last year's status by <see cref="HouseholdStatusRules.ForReviewYear"/>
    /// over its classification rows (null when not resident on that year's date), the fact each rests on, and the
    /// "on the list earlier in the period" flags. A household is counted in the unit (commune, village) it is registered
    /// in now (household moves with history are a later issue). No scope check.
    /// </summary>
    internal Task<List<HouseholdStatusRow>> LoadStatusesAsync(ReportUnitInfo unit, int year, PovertyStandard standard, CancellationToken ct) =>
        LoadStatusesAsync(unit, year, standard, listedOnly: false, ct);

    /// <summary>
    /// As <see cref="LoadStatusesAsync(ReportUnitInfo, int, PovertyStandard, CancellationToken)"/>; with
    /// <paramref name="listedOnly"/> only the households whose status of the year is poor or near-poor (the detailed
    /// lists 14–15), found without reading every household of the unit: the year's poor and near-poor classification
    /// rows of the unit (its covering index), plus a narrow lookup of the resident households of the unit with no row
    /// in the year whose latest earlier row is poor or near-poor (carried over), or — a commune only — whose row of the
    /// year is poor or near-poor but written under another commune (moved in). Only these households' registry rows and
    /// classification rows are then read, and the statuses come from the same rule over the same facts, so the rows
    /// are those of the full read filtered to the listed ones (one row per household, year and standard: unique index).
    /// </summary>
    internal async Task<List<HouseholdStatusRow>> LoadStatusesAsync(ReportUnitInfo unit, int year, PovertyStandard standard, bool listedOnly, CancellationToken ct)
    {
        var standardCode = standard.Code;
        var province = unit.Level == AdminLevel.Province;
        var code = unit.Code;
        var periodStart = Math.Min(standard.ValidFrom.Year, year);
        var asOf = ReportingDate(year);
        var previousAsOf = ReportingDate(year - 1);

        var households = db.Households.AsNoTracking();
        households = province ? households.Where(h => h.ProvinceCode == code) : households.Where(h => h.CommuneCode == code);

        // Every classification row of the standard up to the year: the facts the status rule chooses from. A province
        // reads its rows by the province column; a commune by its households (the rows of a household that moved in were
        // written under its old commune).
        var rows = db.HouseholdClassifications.AsNoTracking().Where(c => c.StandardCode == standardCode && c.Year <= year);
        IQueryable<HouseholdClassificationEntity> facts;
        if (!listedOnly)
        {
            households = households.Where(h => (h.ResidentFrom == null || h.ResidentFrom <= asOf) && (h.ResidentUntil == null || h.ResidentUntil > previousAsOf));
            facts = province
                ? rows.Where(c => c.ProvinceCode == code)
                : from c in rows join h in db.Households on new { Id = c.HouseholdId, c.ProvinceCode } equals new { h.Id, h.ProvinceCode } where h.CommuneCode == code select c;
        }
        else
        {
            // A household's facts, as above: a province's rows by the province column, a commune household's all rows.
            // The probes by household write the unit test so that it cannot use the unit's index (`+ ""`): SQLite would
            // otherwise scan the province's earlier rows for every household (and the unit's households for the ids).
            var own = province ? rows.Where(c => c.ProvinceCode + "" == code) : rows;

            // The year's poor and near-poor rows of the unit, from the covering index alone; residence and the unit of
            // the household are checked on the registry rows below.
            var yearRows = rows.Where(c => c.Year == year && (c.Category == HouseholdCategory.Poor || c.Category == HouseholdCategory.NearPoor));
            yearRows = province ? yearRows.Where(c => c.ProvinceCode == code) : yearRows.Where(c => c.CommuneCode == code);
            var onYearList = await yearRows.Select(c => c.HouseholdId).ToListAsync(ct);

            // Candidates for "carried over": no row in the year and an earlier poor or near-poor row. A superset (the
            // latest earlier row may be another category): the status rule below keeps only the listed ones. A province
            // starts from its earlier listed rows (covering index, one probe each); a commune from its households.
            IQueryable<long> carried;
            if (province)
            {
                carried = rows.Where(c => c.ProvinceCode == code && c.Year < year && (c.Category == HouseholdCategory.Poor || c.Category == HouseholdCategory.NearPoor))
                    .Where(c => !own.Any(l => l.HouseholdId == c.HouseholdId && l.Year == year))
                    .Select(c => c.HouseholdId).Distinct();
            }
            else
            {
                // One pass over the commune's resident households: a listed row of the year written under another commune
                // (moved in), or an earlier listed row and none in the year (carried over).
                var resident = households.Where(h => (h.ResidentFrom == null || h.ResidentFrom <= asOf) && (h.ResidentUntil == null || h.ResidentUntil > asOf));
                carried = resident.Where(h => own.Any(c => c.HouseholdId == h.Id
                        && (c.Category == HouseholdCategory.Poor || c.Category == HouseholdCategory.NearPoor)
                        && ((c.Year == year && c.CommuneCode != code) || (c.Year < year && !own.Any(l => l.HouseholdId == h.Id && l.Year == year)))))
                    .Select(h => h.Id);
            }

            // One collection parameter (json_each on SQLite, an array on PostgreSQL): EF 10 otherwise binds one
            // parameter per id, and a province list passes SQLite's limit of 32,766 variables.
            var ids = onYearList.Concat(await carried.ToListAsync(ct)).Distinct().ToList();
            households = (province
                    ? db.Households.AsNoTracking().Where(h => h.ProvinceCode + "" == code)
                    : db.Households.AsNoTracking().Where(h => h.CommuneCode + "" == code))
                .Where(h => EF.Parameter(ids).Contains(h.Id));
            facts = own.Where(c => EF.Parameter(ids).Contains(c.HouseholdId));
        }

        var registry = await households
            .Select(h => new { h.Id, h.Code, h.Groups, h.CommuneCode, h.VillageCode, h.ResidentFrom, h.ResidentUntil })
            .ToListAsync(ct);

        var byHousehold = new Dictionary<long, List<ClassificationFact>>(registry.Count);
        foreach (var f in await facts.Select(c => new { c.HouseholdId, c.Year, c.Category, c.MemberCount, c.Deprived, c.DecisionId, c.ComputedAtUtc }).ToListAsync(ct))
        {
            if (!byHousehold.TryGetValue(f.HouseholdId, out var list))
            {
                byHousehold[f.HouseholdId] = list = new List<ClassificationFact>(3);
            }

            list.Add(new ClassificationFact(new StatusFact(f.Year, f.Category, DateOnly.FromDateTime(f.ComputedAtUtc), f.DecisionId), f.MemberCount, f.Deprived));
        }

        var result = new List<HouseholdStatusRow>(registry.Count);
        foreach (var h in registry)
        {
            var list = byHousehold.GetValueOrDefault(h.Id) ?? [];
            var current = HouseholdStatusRules.IsResident(h.ResidentFrom, h.ResidentUntil, asOf) ? Status(list, year) : null;
            var previous = HouseholdStatusRules.IsResident(h.ResidentFrom, h.ResidentUntil, previousAsOf) ? Status(list, year - 1) : null;
            if (current is null && previous is null)
            {
                continue;
            }

            var poorBefore = false;
            var nearPoorBefore = false;
            foreach (var f in list)
            {
                if (f.Fact.ReviewYear >= periodStart && f.Fact.ReviewYear < year - 1)
                {
                    poorBefore |= f.Fact.Category == HouseholdCategory.Poor;
                    nearPoorBefore |= f.Fact.Category == HouseholdCategory.NearPoor;
                }
            }

            if (!listedOnly || current?.Status.IsListed == true)
            {
                result.Add(new HouseholdStatusRow(h.Id, h.Code, h.Groups, h.CommuneCode, h.VillageCode, current, previous, poorBefore, nearPoorBefore));
            }
        }

        return result;

        static (HouseholdStatus Status, ClassificationFact? Fact)? Status(List<ClassificationFact> list, int y)
        {
            var status = HouseholdStatusRules.ForReviewYear(list.Select(f => f.Fact), y);
            return (status, status.ReviewYear is { } r ? list.First(f => f.Fact.ReviewYear == r) : null);
        }
    }

    /// <summary>
    /// One row per household of the unit resident on the reporting date (its status of the year: recognised, computed,
    /// carried over or not surveyed — all in every denominator), plus one row (category null) per household resident
    /// on last year's date only (moved away, dissolved: an "other decrease"). No scope check: callers check the scope
    /// (<see cref="ResolveUnitAsync"/>) or refresh aggregates. <paramref name="listedOnly"/> keeps only this year's poor
    /// and near-poor households (the detailed lists). Members of a household without a classification behind its status
    /// (not surveyed) are counted from the registry.
    /// </summary>
    public async Task<List<ReportHousehold>> LoadRowsAsync(ReportUnitInfo unit, int year, PovertyStandard standard, bool includeMembers, bool listedOnly, CancellationToken ct)
    {
        var province = unit.Level == AdminLevel.Province;
        var code = unit.Code;
        var statuses = await LoadStatusesAsync(unit, year, standard, ct);
        if (listedOnly)
        {
            statuses = [.. statuses.Where(s => s.Current?.Status.IsListed == true)];
        }

        var members = db.Members.AsNoTracking();
        members = province ? members.Where(m => m.ProvinceCode == code) : members.Where(m => m.Household!.CommuneCode == code);

        var heads = await members.Where(m => m.RelationToHead == RelationToHead.Head)
            .Select(m => new { m.HouseholdId, m.EthnicityCode }).ToListAsync(ct);
        var headEthnicity = new Dictionary<long, string>();
        foreach (var h in heads)
        {
            headEthnicity.TryAdd(h.HouseholdId, h.EthnicityCode);
        }

        var memberCounts = await members.GroupBy(m => m.HouseholdId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);

        var endOfYear = new DateOnly(year, 12, 31);
        var bornAfter = endOfYear.AddYears(-16);
        var kids = await members.Where(m => m.DateOfBirth > bornAfter && m.DateOfBirth <= endOfYear)
            .Select(m => new { m.HouseholdId, m.DateOfBirth, m.HasHealthInsurance, m.Schooling }).ToListAsync(ct);
        var childFacts = new Dictionary<long, (int Children, int Health, int Education)>();
        foreach (var k in kids)
        {
            var age = Ages.At(k.DateOfBirth, endOfYear);
            var (c, h, e) = childFacts.GetValueOrDefault(k.HouseholdId);
            childFacts[k.HouseholdId] = (c + 1, h + (age >= 6 && !k.HasHealthInsurance ? 1 : 0), e + (age is >= 5 and <= 15 && k.Schooling == Schooling.NotInSchool ? 1 : 0));
        }

        // Causes and needs of the survey the status rests on (this year's, or the carried-over year's).
        var surveys = db.HouseholdSurveys.AsNoTracking().Where(s => s.Year <= year);
        surveys = province
            ? surveys.Where(s => s.ProvinceCode == code)
            : surveys.Where(s => db.Households.Any(h => h.Id == s.HouseholdId && h.ProvinceCode == s.ProvinceCode && h.CommuneCode == code));
        var causes = (await surveys.Select(s => new { s.HouseholdId, s.Year, s.Causes, s.Needs }).ToListAsync(ct))
            .ToDictionary(s => (s.HouseholdId, s.Year), s => (s.Causes, s.Needs));

        Dictionary<long, List<ReportMember>>? memberLines = null;
        if (includeMembers)
        {
            var ethnicNames = await db.EthnicGroups.AsNoTracking().ToDictionaryAsync(e => e.Code, e => e.Name, ct);
            var listed = statuses.Where(s => s.Current?.Status.IsListed == true).Select(s => s.Id).ToHashSet();
            memberLines = (await members.Select(m => new { m.HouseholdId, m.Order, m.FullName, m.DateOfBirth, m.Sex, m.EthnicityCode, m.RelationToHead }).ToListAsync(ct))
                .Where(m => listed.Contains(m.HouseholdId))
                .GroupBy(m => m.HouseholdId)
                .ToDictionary(g => g.Key, g => g.OrderBy(m => m.Order)
                    .Select(m => new ReportMember(m.Order, m.FullName, m.DateOfBirth.Year, m.Sex, ethnicNames.GetValueOrDefault(m.EthnicityCode, m.EthnicityCode), m.RelationToHead.ToVietnamese()))
                    .ToList());
        }

        var rows = new List<ReportHousehold>(statuses.Count);
        foreach (var s in statuses)
        {
            var id = s.Id;
            var current = s.Current;
            var registered = memberCounts.GetValueOrDefault(id);
            var child = current is null ? default : childFacts.GetValueOrDefault(id);
            var survey = current?.Status.ReviewYear is { } surveyYear ? causes.GetValueOrDefault((id, surveyYear)) : default;
            var deprived = current?.Fact?.Deprived ?? string.Empty;
            rows.Add(new ReportHousehold
            {
                HouseholdId = id,
                HouseholdCode = s.Code,
                UnitCode = province ? s.CommuneCode : s.VillageCode ?? string.Empty,
                Category = current?.Status.Category,
                Source = current?.Status.Source ?? StatusSource.NotSurveyed,
                Recognised = current?.Status.Source == StatusSource.Recognised,
                PreviousCategory = s.Previous?.Status.Category,
                EscapedPoorEarlierInPeriod = s.PoorEarlier,
                EscapedNearPoorEarlierInPeriod = s.NearPoorEarlier,
                MemberCount = current is null ? 0 : current.Value.Fact?.MemberCount ?? registered,
                PreviousMemberCount = s.Previous is null ? 0 : s.Previous.Value.Fact?.MemberCount ?? registered,
                Groups = s.Groups,
                HeadEthnicityCode = headEthnicity.GetValueOrDefault(id),
                Causes = (int)survey.Causes,
                Needs = (int)survey.Needs,
                Deprived = deprived.Length == 0 ? [] : deprived.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                Children = child.Children,
                ChildrenHealthDeprived = child.Health,
                ChildrenEducationDeprived = child.Education,
                Members = memberLines?.GetValueOrDefault(id) ?? [],
            });
        }

        return rows;
    }

    /// <summary>The context of a unit's forms: its row units (children valid in the year, plus any found in <paramref name="unitCodes"/>).</summary>
    public async Task<ReportContext> ContextAsync(ReportUnitInfo unit, int year, PovertyStandard standard, IEnumerable<string> unitCodes, CancellationToken ct)
    {
        var province = unit.Level == AdminLevel.Province;
        var code = unit.Code;
        var asOf = AsOf(year, db.Clock.Today());

        // Rows of the report: villages of a commune, or communes of a province.
        var childLevel = province ? AdminLevel.Commune : AdminLevel.Village;
        var children = (await db.AdminUnits.AsNoTracking().Where(u => u.ParentCode == code && u.Level == childLevel).ToListAsync(ct))
            .Where(u => u.IsValidOn(asOf) || u.Level == AdminLevel.Village)
            .GroupBy(u => u.Code).Select(g => g.First())
            .OrderBy(u => u.Code, StringComparer.Ordinal)
            .Select(u => new ReportUnit(u.Code, u.FullName)).ToList();
        var present = unitCodes.ToHashSet(StringComparer.Ordinal);
        if (!province && present.Contains(string.Empty))
        {
            children.Add(new ReportUnit(string.Empty, NoVillageName));
        }

        var knownUnits = children.Select(u => u.Code).ToHashSet(StringComparer.Ordinal);
        foreach (var extra in present.Where(u => !knownUnits.Contains(u)).Order(StringComparer.Ordinal).ToList())
        {
            children.Add(new ReportUnit(extra, extra));
            knownUnits.Add(extra);
        }

        var context = new ReportContext
        {
            UnitCode = unit.Code,
            UnitName = unit.Name,
            Year = year,
            StandardCode = standard.Code,
            StandardName = standard.NameVi,
            Units = children,
            Indicators = [.. standard.Indicators.Select(i => new ReportIndicator(i.Code, i.NameVi))],
            Causes = [.. Enum.GetValues<PovertyCauses>().Where(c => c != PovertyCauses.None).Select(c => new ReportCode((int)c, c.ToCode(), c.ToVietnamese()))],
            Needs = [.. Enum.GetValues<SupportNeeds>().Where(c => c != SupportNeeds.None).Select(c => new ReportCode((int)c, c.ToCode(), c.ToVietnamese()))],
            EthnicNames = await db.EthnicGroups.AsNoTracking().ToDictionaryAsync(e => e.Code, e => e.Name, ct),
        };
        return context;
    }
}

/// <summary>A classification row as a status fact, with what the forms read from it.</summary>
internal sealed record ClassificationFact(StatusFact Fact, int MemberCount, string Deprived);

/// <summary>
/// A household of a report unit with its status of the report year and of the year before (null = not resident on
/// that year's reporting date), each with the classification row it rests on (null = not surveyed).
/// </summary>
internal sealed record HouseholdStatusRow(
    long Id,
    string Code,
    SpecialGroups Groups,
    string CommuneCode,
    string? VillageCode,
    (HouseholdStatus Status, ClassificationFact? Fact)? Current,
    (HouseholdStatus Status, ClassificationFact? Fact)? Previous,
    bool PoorEarlier,
    bool NearPoorEarlier);
