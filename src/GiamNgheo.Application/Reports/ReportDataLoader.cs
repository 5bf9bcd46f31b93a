using GiamNgheo.Application.AdminUnits;
using GiamNgheo.Application.Identity;
using GiamNgheo.Application.Interchange;
using GiamNgheo.Application.Persistence;
using GiamNgheo.Application.Standards;
using GiamNgheo.Domain.Classification;
using GiamNgheo.Domain.Common;
using GiamNgheo.Domain.Households;
using GiamNgheo.Domain.Reports;
using GiamNgheo.Domain.Standards;
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
    /// One row per household of the unit classified in the year (and one per household only on last year's list),
    /// without any scope check: callers check the scope (<see cref="ResolveUnitAsync"/>) or refresh aggregates.
    /// <paramref name="listedOnly"/> keeps only this year's poor and near-poor households (the detailed lists).
    /// </summary>
    public async Task<List<ReportHousehold>> LoadRowsAsync(ReportUnitInfo unit, int year, PovertyStandard standard, bool includeMembers, bool listedOnly, CancellationToken ct)
    {
        var standardCode = standard.Code;
        var province = unit.Level == AdminLevel.Province;
        var code = unit.Code;
        var periodStart = Math.Min(standard.ValidFrom.Year, year);

        var classifications = db.HouseholdClassifications.AsNoTracking()
            .Where(c => c.StandardCode == standardCode && c.Year >= periodStart && c.Year <= year);
        classifications = province ? classifications.Where(c => c.ProvinceCode == code) : classifications.Where(c => c.CommuneCode == code);
        var thisYear = classifications.Where(c => c.Year == year);
        if (listedOnly)
        {
            thisYear = thisYear.Where(c => c.Category == HouseholdCategory.Poor || c.Category == HouseholdCategory.NearPoor);
        }

        var current = await thisYear
            .Select(c => new { c.HouseholdId, c.Category, c.Deprived, c.MemberCount, c.CommuneCode, c.VillageCode, Recognised = c.DecisionId != null })
            .ToListAsync(ct);
        // The detailed lists read only this year's poor and near-poor households (by the unique household/year/standard index).
        var listedIds = thisYear.Select(c => c.HouseholdId);
        var earlierRows = classifications.Where(c => c.Year < year);
        if (listedOnly)
        {
            earlierRows = earlierRows.Where(c => listedIds.Contains(c.HouseholdId));
        }

        var earlier = await earlierRows
            .Select(c => new { c.HouseholdId, c.Year, c.Category, c.MemberCount, c.CommuneCode, c.VillageCode })
            .ToListAsync(ct);

        var households = db.Households.AsNoTracking();
        households = province ? households.Where(h => h.ProvinceCode == code) : households.Where(h => h.CommuneCode == code);
        if (listedOnly)
        {
            households = households.Where(h => listedIds.Contains(h.Id));
        }

        var facts = await households.Select(h => new { h.Id, h.Code, h.Groups }).ToDictionaryAsync(h => h.Id, ct);

        var members = db.Members.AsNoTracking();
        members = province ? members.Where(m => m.ProvinceCode == code) : members.Where(m => m.Household!.CommuneCode == code);
        if (listedOnly)
        {
            members = members.Where(m => listedIds.Contains(m.HouseholdId));
        }

        var heads = await members.Where(m => m.RelationToHead == RelationToHead.Head)
            .Select(m => new { m.HouseholdId, m.EthnicityCode }).ToListAsync(ct);
        var headEthnicity = new Dictionary<long, string>();
        foreach (var h in heads)
        {
            headEthnicity.TryAdd(h.HouseholdId, h.EthnicityCode);
        }

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

        var surveys = db.HouseholdSurveys.AsNoTracking().Where(s => s.Year == year);
        surveys = province
            ? surveys.Where(s => s.ProvinceCode == code)
            : surveys.Where(s => db.Households.Any(h => h.Id == s.HouseholdId && h.CommuneCode == code));
        if (listedOnly)
        {
            surveys = surveys.Where(s => listedIds.Contains(s.HouseholdId));
        }

        var causes = await surveys.Select(s => new { s.HouseholdId, s.Causes, s.Needs }).ToDictionaryAsync(s => s.HouseholdId, ct);

        Dictionary<long, List<ReportMember>>? memberLines = null;
        if (includeMembers)
        {
            var ethnicNames = await db.EthnicGroups.AsNoTracking().ToDictionaryAsync(e => e.Code, e => e.Name, ct);
            var listed = current.Where(c => c.Category is HouseholdCategory.Poor or HouseholdCategory.NearPoor).Select(c => c.HouseholdId).ToHashSet();
            memberLines = (await members.Select(m => new { m.HouseholdId, m.Order, m.FullName, m.DateOfBirth, m.Sex, m.EthnicityCode, m.RelationToHead }).ToListAsync(ct))
                .Where(m => listed.Contains(m.HouseholdId))
                .GroupBy(m => m.HouseholdId)
                .ToDictionary(g => g.Key, g => g.OrderBy(m => m.Order)
                    .Select(m => new ReportMember(m.Order, m.FullName, m.DateOfBirth.Year, m.Sex, ethnicNames.GetValueOrDefault(m.EthnicityCode, m.EthnicityCode), m.RelationToHead.ToVietnamese()))
                    .ToList());
        }

        var previousYear = earlier.Where(e => e.Year == year - 1).ToDictionary(e => e.HouseholdId);
        var before = earlier.Where(e => e.Year < year - 1).GroupBy(e => e.HouseholdId)
            .ToDictionary(g => g.Key, g => (Poor: g.Any(e => e.Category == HouseholdCategory.Poor), NearPoor: g.Any(e => e.Category == HouseholdCategory.NearPoor)));

        string UnitOf(string commune, string? village) => province ? commune : village ?? string.Empty;

        var rows = new List<ReportHousehold>(current.Count + 16);
        var seen = new HashSet<long>();
        foreach (var c in current)
        {
            seen.Add(c.HouseholdId);
            rows.Add(Row(c.HouseholdId, UnitOf(c.CommuneCode, c.VillageCode), c.Category, c.MemberCount, c.Deprived, c.Recognised));
        }

        foreach (var p in previousYear.Values.Where(p => !listedOnly && !seen.Contains(p.HouseholdId)))
        {
            rows.Add(Row(p.HouseholdId, UnitOf(p.CommuneCode, p.VillageCode), null, 0, string.Empty, false));
        }

        ReportHousehold Row(long id, string unitKey, HouseholdCategory? category, int memberCount, string deprived, bool recognised)
        {
            var previous = previousYear.GetValueOrDefault(id);
            var history = before.GetValueOrDefault(id);
            var f = facts.GetValueOrDefault(id);
            var child = childFacts.GetValueOrDefault(id);
            var survey = causes.GetValueOrDefault(id);
            return new ReportHousehold
            {
                HouseholdId = id,
                HouseholdCode = f?.Code ?? id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                UnitCode = unitKey,
                Category = category,
                PreviousCategory = previous?.Category,
                EscapedPoorEarlierInPeriod = history.Poor,
                EscapedNearPoorEarlierInPeriod = history.NearPoor,
                MemberCount = memberCount,
                PreviousMemberCount = previous?.MemberCount ?? 0,
                Groups = f?.Groups ?? SpecialGroups.None,
                HeadEthnicityCode = headEthnicity.GetValueOrDefault(id),
                Causes = (int)(survey?.Causes ?? PovertyCauses.None),
                Needs = (int)(survey?.Needs ?? SupportNeeds.None),
                Deprived = deprived.Length == 0 ? [] : deprived.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                Children = category is null ? 0 : child.Children,
                ChildrenHealthDeprived = category is null ? 0 : child.Health,
                ChildrenEducationDeprived = category is null ? 0 : child.Education,
                Members = memberLines?.GetValueOrDefault(id) ?? [],
                Recognised = recognised,
            };
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
