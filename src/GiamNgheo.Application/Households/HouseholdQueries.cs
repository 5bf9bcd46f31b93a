using GiamNgheo.Application.AdminUnits;
using GiamNgheo.Application.Audit;
using GiamNgheo.Application.Identity;
using GiamNgheo.Application.Persistence;
using GiamNgheo.Application.Statuses;
using GiamNgheo.Domain.Common;
using GiamNgheo.Domain.Households;
using Microsoft.EntityFrameworkCore;

namespace GiamNgheo.Application.Households;

public sealed class HouseholdQueries(AppDbContext db)
{
    public const int MaxPageSize = 200;

    /// <summary>
    /// Households in the user's scope, filtered and paged; the search ignores diacritics and matches any member's name or
    /// the code. With <see cref="HouseholdListQuery.Standard"/> and <see cref="HouseholdListQuery.Year"/> every item carries
    /// its status of that review year (<see cref="HouseholdStatusQueries.ForReviewYearAsync"/>); with a
    /// <see cref="HouseholdListQuery.Category"/> too, only the households whose status matches (<see cref="HouseholdStatusQueries.MatchingAsync"/>).
    /// </summary>
    public async Task<Page<HouseholdListItem>> ListAsync(HouseholdListQuery query, CancellationToken ct)
    {
        var pageSize = Math.Clamp(query.PageSize, 1, MaxPageSize);
        var pageNumber = Math.Max(1, query.Page);
        var households = await FilteredAsync(query, ct);
        var total = await households.CountAsync(ct);
        var items = await ItemsAsync(Ordered(households).Skip((pageNumber - 1) * pageSize).Take(pageSize), query, ct);
        return new Page<HouseholdListItem>(items, pageNumber, pageSize, total);
    }

    /// <summary>The list's order: commune, village, head's name (folded), id.</summary>
    internal static IQueryable<HouseholdEntity> Ordered(IQueryable<HouseholdEntity> households) =>
        households.OrderBy(h => h.CommuneCode).ThenBy(h => h.VillageCode).ThenBy(h => h.HeadNameFolded).ThenBy(h => h.Id);

    /// <summary>The households of the list's filters in the user's scope (unordered), the status filter applied by the one rule.</summary>
    internal async Task<IQueryable<HouseholdEntity>> FilteredAsync(HouseholdListQuery query, CancellationToken ct)
    {
        var households = UnitScope.Apply(db.Households.AsNoTracking(), db.CurrentUser);
        if (!string.IsNullOrWhiteSpace(query.CommuneCode))
        {
            households = households.Where(h => h.CommuneCode == query.CommuneCode);
        }

        if (!string.IsNullOrWhiteSpace(query.VillageCode))
        {
            households = households.Where(h => h.VillageCode == query.VillageCode);
        }

        if (!query.IncludeFormer)
        {
            // Residents today (households that moved away, dissolved or merged stay in the registry, marked).
            var today = db.Clock.Today();
            households = households.Where(h => h.ResidentUntil == null || h.ResidentUntil > today);
        }

        var folded = VietnameseText.Fold(query.Search);
        if (folded.Length > 0)
        {
            var raw = query.Search!.Trim();
            households = households.Where(h => h.HeadNameFolded.Contains(folded)
                || h.Members.Any(m => m.FullNameFolded.Contains(folded))
                || h.Code == raw);
        }

        if (!string.IsNullOrWhiteSpace(query.Standard) && query.Year is { } year && HouseholdStatusQueries.IsStatusFilter(query.Category))
        {
            var ids = await new HouseholdStatusQueries(db).MatchingAsync(households, query.Standard, year, query.Category!, ct);
            households = households.Where(h => ids.Contains(h.Id));
        }

        return households;
    }

    /// <summary>The list items of a page (or an export batch) of households, with their status when the query names a standard and a year.</summary>
    internal async Task<List<HouseholdListItem>> ItemsAsync(IQueryable<HouseholdEntity> households, HouseholdListQuery query, CancellationToken ct)
    {
        var rows = await households
            .Select(h => new
            {
                h.Id,
                h.Code,
                h.HeadName,
                h.CommuneCode,
                h.VillageCode,
                h.Address,
                h.ResidentUntil,
                MemberCount = h.Members.Count,
                HeadId = h.Members.Where(m => m.RelationToHead == RelationToHead.Head).Select(m => m.PersonalId).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var names = await UnitNamesAsync(rows.Select(r => r.CommuneCode).Concat(rows.Select(r => r.VillageCode).OfType<string>()), ct);
        IReadOnlyDictionary<long, StatusView> statuses = !string.IsNullOrWhiteSpace(query.Standard) && query.Year is { } year && rows.Count > 0
            ? await new HouseholdStatusQueries(db).ForReviewYearAsync([.. rows.Select(r => r.Id)], query.Standard, year, ct)
            : new Dictionary<long, StatusView>();
        return [.. rows.Select(r => new HouseholdListItem(r.Id, r.Code, r.HeadName, r.CommuneCode, names.GetValueOrDefault(r.CommuneCode, r.CommuneCode),
            r.VillageCode, r.VillageCode is null ? null : names.GetValueOrDefault(r.VillageCode), r.Address, r.MemberCount, PersonalId.Mask(r.HeadId))
        {
            ResidentUntil = r.ResidentUntil,
            Status = statuses.GetValueOrDefault(r.Id),
        })];
    }

    /// <summary>
    /// The main (legal) standard of review year <paramref name="year"/> for the user's households: the first standard of
    /// the province that is not only computed in parallel, as a campaign takes it (<c>OpenCampaign</c>); the national
    /// default when the scope has no household.
    /// </summary>
    public async Task<(string Code, string NameVi)> MainStandardAsync(int year, CancellationToken ct)
    {
        var registry = new Standards.StandardRegistry(db);
        var province = await UnitScope.Apply(db.Households.AsNoTracking(), db.CurrentUser).Select(h => h.ProvinceCode).FirstOrDefaultAsync(ct);
        var legal = province is null ? null : await registry.LegalAsync(year, province, ct);
        if (legal is not null)
        {
            return (legal.Code, legal.NameVi);
        }

        var fallback = (await registry.AllAsync(ct)).Select(s => s.Standard).FirstOrDefault(s => s.Code == Exports.HouseholdExporter.DefaultStandard);
        return (Exports.HouseholdExporter.DefaultStandard, fallback?.NameVi ?? Exports.HouseholdExporter.DefaultStandard);
    }

    /// <summary>
    /// One household in scope, or null. Whole ID numbers only when asked for by a user whose role allows it; that view
    /// is audited.
    /// </summary>
    public async Task<HouseholdDetail?> GetAsync(long id, bool revealPersonalIds, CancellationToken ct)
    {
        var household = await UnitScope.Apply(db.Households.AsNoTracking(), db.CurrentUser)
            .Include(h => h.Members).SingleOrDefaultAsync(h => h.Id == id, ct);
        if (household is null)
        {
            return null;
        }

        var reveal = revealPersonalIds && CanSeePersonalIds(db.CurrentUser);
        if (reveal)
        {
            db.AddAuditEvent(AuditActions.ViewPersonalId, "Household", household.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), household.Id,
                new { members = household.Members.Where(m => m.PersonalId is not null).Select(m => m.Id).ToArray() });
            await db.SaveChangesAsync(ct);
        }

        var names = await UnitNamesAsync(new[] { household.CommuneCode, household.VillageCode }.OfType<string>(), ct);
        var ethnic = await db.EthnicGroups.AsNoTracking().ToDictionaryAsync(e => e.Code, e => e.Name, ct);
        return new HouseholdDetail(household.Id, household.Code, household.ProvinceCode, household.CommuneCode,
            names.GetValueOrDefault(household.CommuneCode, household.CommuneCode), household.VillageCode,
            household.VillageCode is null ? null : names.GetValueOrDefault(household.VillageCode),
            household.Address, household.HeadName, household.AreaType.ToCode(), household.Groups, household.LegacyCommuneCode, household.Version,
            [.. household.Members.OrderBy(m => m.Order).ThenBy(m => m.Id).Select(m => new MemberDetail(m.Id, m.FullName, m.Sex, m.DateOfBirth,
                m.EthnicityCode, ethnic.GetValueOrDefault(m.EthnicityCode, m.EthnicityCode), m.RelationToHead,
                reveal ? m.PersonalId : PersonalId.Mask(m.PersonalId) is { Length: > 0 } masked ? masked : null,
                m.HasHealthInsurance, m.Education, m.Schooling, m.Disability, m.Employment))],
            reveal)
        {
            ResidentFrom = household.ResidentFrom,
            ResidentUntil = household.ResidentUntil,
            LeftReason = household.LeftReason,
            LeftNote = household.LeftNote,
        };
    }

    /// <summary>The Vietnamese name of a standard, or its code when unknown.</summary>
    public async Task<string> StandardNameAsync(string code, CancellationToken ct) =>
        (await new Standards.StandardRegistry(db).AllAsync(ct)).Select(s => s.Standard).FirstOrDefault(s => s.Code == code)?.NameVi ?? code;

    public static bool CanSeePersonalIds(ICurrentUser user) => UnitScope.IsAny(user, Roles.PersonalIdViewers);

    /// <summary>Communes (and their villages) that the user may pick from: those of the scope, in force today.</summary>
    public async Task<IReadOnlyList<(string Code, string Name, string? ParentCode)>> ScopeUnitsAsync(CancellationToken ct)
    {
        var user = db.CurrentUser;
        var units = db.AdminUnits.AsNoTracking().Where(u => u.ValidTo == null && (u.Level == AdminLevel.Commune || u.Level == AdminLevel.Village));
        units = user.ScopeUnitCode is null
            ? (user.IsInRole(Roles.SystemAdmin) ? units.Where(u => db.Households.Any(h => h.CommuneCode == u.Code || h.VillageCode == u.Code)) : units.Where(_ => false))
            : user.ScopeLevel switch
            {
                AdminLevel.Province => units.Where(u => u.ParentCode == user.ScopeUnitCode
                    || db.AdminUnits.Any(c => c.Code == u.ParentCode && c.ParentCode == user.ScopeUnitCode && c.ValidTo == null)),
                AdminLevel.Commune => units.Where(u => u.Code == user.ScopeUnitCode || u.ParentCode == user.ScopeUnitCode),
                AdminLevel.Village => units.Where(u => u.Code == user.ScopeUnitCode),
                AdminLevel.District or null => units.Where(_ => false),
            };
        var rows = await units.OrderBy(u => u.Code).Select(u => new { u.Code, u.FullName, u.ParentCode, u.Level }).ToListAsync(ct);
        return [.. rows.Select(r => (r.Code, r.FullName, r.Level == AdminLevel.Village ? r.ParentCode : null))];
    }

    /// <summary>Current names of units by code.</summary>
    public async Task<Dictionary<string, string>> UnitNamesAsync(IEnumerable<string> codes, CancellationToken ct)
    {
        var list = codes.Distinct(StringComparer.Ordinal).ToList();
        var rows = await db.AdminUnits.AsNoTracking()
            .Where(u => list.Contains(u.Code) && u.ValidTo == null)
            .Select(u => new { u.Code, u.FullName }).ToListAsync(ct);
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            result[row.Code] = row.FullName;
        }

        return result;
    }
}
