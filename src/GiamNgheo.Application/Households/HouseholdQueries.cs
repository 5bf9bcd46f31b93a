using GiamNgheo.Application.AdminUnits;
using GiamNgheo.Application.Audit;
using GiamNgheo.Application.Identity;
using GiamNgheo.Application.Persistence;
using GiamNgheo.Domain.Common;
using GiamNgheo.Domain.Households;
using Microsoft.EntityFrameworkCore;

namespace GiamNgheo.Application.Households;

public sealed class HouseholdQueries(AppDbContext db)
{
    public const int MaxPageSize = 200;

    /// <summary>Households in the user's scope, filtered and paged; the search ignores diacritics and matches any member's name or the code.</summary>
    public async Task<Page<HouseholdListItem>> ListAsync(HouseholdListQuery query, CancellationToken ct)
    {
        var pageSize = Math.Clamp(query.PageSize, 1, MaxPageSize);
        var pageNumber = Math.Max(1, query.Page);
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

        if (!string.IsNullOrWhiteSpace(query.Standard) && query.Year is { } year
            && Domain.Classification.HouseholdCategoryCodes.TryParse(query.Category, out var category))
        {
            var standard = query.Standard;
            households = households.Where(h => db.HouseholdClassifications.Any(c => c.HouseholdId == h.Id && c.ProvinceCode == h.ProvinceCode && c.Year == year && c.StandardCode == standard && c.Category == category));
        }

        var folded = VietnameseText.Fold(query.Search);
        if (folded.Length > 0)
        {
            var raw = query.Search!.Trim();
            households = households.Where(h => h.HeadNameFolded.Contains(folded)
                || h.Members.Any(m => m.FullNameFolded.Contains(folded))
                || h.Code == raw);
        }

        var total = await households.CountAsync(ct);
        var rows = await households.OrderBy(h => h.CommuneCode).ThenBy(h => h.VillageCode).ThenBy(h => h.HeadNameFolded).ThenBy(h => h.Id)
            .Skip((pageNumber - 1) * pageSize).Take(pageSize)
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
        var items = rows.Select(r => new HouseholdListItem(r.Id, r.Code, r.HeadName, r.CommuneCode, names.GetValueOrDefault(r.CommuneCode, r.CommuneCode),
            r.VillageCode, r.VillageCode is null ? null : names.GetValueOrDefault(r.VillageCode), r.Address, r.MemberCount, PersonalId.Mask(r.HeadId))
        { ResidentUntil = r.ResidentUntil }).ToList();
        return new Page<HouseholdListItem>(items, pageNumber, pageSize, total);
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
