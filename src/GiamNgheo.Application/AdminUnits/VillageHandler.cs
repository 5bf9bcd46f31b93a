using GiamNgheo.Application.Identity;
using GiamNgheo.Application.Persistence;
using GiamNgheo.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace GiamNgheo.Application.AdminUnits;

public sealed record CreateVillageCommand(string CommuneCode, string Name);

/// <summary>Thôn, tổ dân phố, bản, ấp…: created by commune users under their commune. Code: <see cref="VillageCodes.Next"/>.</summary>
public sealed class VillageHandler(AppDbContext db, AdminUnitQueries units)
{
    public async Task<Result<AdminUnitDto>> ExecuteAsync(CreateVillageCommand command, CancellationToken ct)
    {
        var user = db.CurrentUser;
        var today = units.Today;
        var commune = await units.FindAsync(command.CommuneCode, today, ct);
        if (commune is null || commune.Level != AdminLevel.Commune || !CanManage(user, commune))
        {
            return Result<AdminUnitDto>.NotFound();
        }

        var name = VietnameseText.NormalizeName(command.Name ?? string.Empty);
        var errors = new ValidationErrors();
        if (name.Length is 0 or > 150)
        {
            errors.Add("name", "Tên thôn phải có từ 1 đến 150 ký tự.");
        }

        var existing = await db.AdminUnits.Where(u => u.ParentCode == commune.Code && u.Level == AdminLevel.Village).ToListAsync(ct);
        if (existing.Any(v => v.IsValidOn(today) && VietnameseText.Fold(v.Name) == VietnameseText.Fold(name)))
        {
            errors.Add("name", "Xã đã có thôn mang tên này.");
        }

        if (errors.Any)
        {
            return Result<AdminUnitDto>.Invalid(errors.ToDictionary());
        }

        var village = await CreateAsync(commune.Code, name, VillageCodes.Next(commune.Code, existing.Select(v => v.Code)), today, ct);
        return Result<AdminUnitDto>.Ok(new AdminUnitDto(village.Code, village.Name, village.FullName, "village", village.Type, village.ParentCode, village.ValidFrom, null, null));
    }

    /// <summary>Creates the village with the next free code of the commune (<see cref="VillageCodes.Next"/>), without scope checks (demo data runs as the system).</summary>
    internal async Task<AdminUnit> CreateAsync(string communeCode, string name, DateOnly validFrom, CancellationToken ct)
    {
        var codes = await db.AdminUnits.Where(u => u.ParentCode == communeCode && u.Level == AdminLevel.Village).Select(u => u.Code).ToListAsync(ct);
        return await CreateAsync(communeCode, name, VillageCodes.Next(communeCode, codes), validFrom, ct);
    }

    private async Task<AdminUnit> CreateAsync(string communeCode, string name, string code, DateOnly validFrom, CancellationToken ct)
    {
        var village = new AdminUnit
        {
            Code = code,
            Level = AdminLevel.Village,
            Name = name,
            FullName = name,
            Type = "Thôn",
            TypeEn = "Village",
            ParentCode = communeCode,
            ValidFrom = validFrom,
        };
        db.AdminUnits.Add(village);
        await db.SaveChangesAsync(ct);
        return village;
    }

    private static bool CanManage(ICurrentUser user, AdminUnit commune)
    {
        if (!UnitScope.IsAny(user, [Roles.SystemAdmin, Roles.ProvincialOfficer, Roles.CommuneOfficer]))
        {
            return false;
        }

        return user.ScopeUnitCode is null
            ? user.IsInRole(Roles.SystemAdmin)
            : user.ScopeLevel switch
            {
                AdminLevel.Province => commune.ParentCode == user.ScopeUnitCode,
                AdminLevel.Commune => commune.Code == user.ScopeUnitCode,
                AdminLevel.District or AdminLevel.Village or null => false,
            };
    }
}
