using GiamNgheo.Application.AdminUnits;
using GiamNgheo.Application.Households;

namespace GiamNgheo.Application.Identity;

/// <summary>
/// A user sees their own unit and the units below it. Every household query goes through <see cref="Apply"/>; data
/// outside the scope is reported as not found, never as forbidden, so its existence does not leak.
/// </summary>
public static class UnitScope
{
    public static IQueryable<HouseholdEntity> Apply(IQueryable<HouseholdEntity> query, ICurrentUser user)
    {
        if (user.ScopeUnitCode is null)
        {
            return user.IsInRole(Roles.SystemAdmin) ? query : query.Where(_ => false);
        }

        var code = user.ScopeUnitCode;
        return user.ScopeLevel switch
        {
            AdminLevel.Province => query.Where(h => h.ProvinceCode == code),
            AdminLevel.Commune => query.Where(h => h.CommuneCode == code),
            AdminLevel.Village => query.Where(h => h.VillageCode == code),
            AdminLevel.District or null => query.Where(_ => false),
        };
    }

    public static bool Contains(ICurrentUser user, string provinceCode, string communeCode, string? villageCode)
    {
        if (user.ScopeUnitCode is null)
        {
            return user.IsInRole(Roles.SystemAdmin);
        }

        return user.ScopeLevel switch
        {
            AdminLevel.Province => provinceCode == user.ScopeUnitCode,
            AdminLevel.Commune => communeCode == user.ScopeUnitCode,
            AdminLevel.Village => villageCode == user.ScopeUnitCode,
            AdminLevel.District or null => false,
        };
    }

    public static bool IsAny(ICurrentUser user, IReadOnlyList<string> roles) => roles.Any(user.IsInRole);
}
