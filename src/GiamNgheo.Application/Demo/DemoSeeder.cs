using GiamNgheo.Application.AdminUnits;
using GiamNgheo.Application.Audit;
using GiamNgheo.Application.Households;
using GiamNgheo.Application.Identity;
using GiamNgheo.Application.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace GiamNgheo.Application.Demo;

public sealed record DemoAccount(string UserName, string Password, string Role, string? ScopeUnitCode, string ScopeName);

/// <summary>
/// The demo province: Điện Biên (11) with four real communes (one ward), five villages each and ~2,000 synthetic
/// households from the seeded generator, plus one account per role. Runs only on a database without households.
/// </summary>
public sealed class DemoSeeder(AppDbContext db, UserManager<AppUser> users, VillageHandler villages)
{
    public const string ProvinceCode = "11";
    public static readonly string[] CommuneCodes = ["03127", "03158", "03160", "03166"];
    public const int HouseholdsPerCommune = 500;
    public const int Seed = 20251;

    public async Task<IReadOnlyList<DemoAccount>> SeedAsync(string password, CancellationToken ct)
    {
        var accounts = new List<DemoAccount>();
        if (!await db.Households.AnyAsync(ct))
        {
            await SeedHouseholdsAsync(ct);
        }

        var firstVillage = await db.AdminUnits.Where(u => u.ParentCode == CommuneCodes[1] && u.Level == AdminLevel.Village)
            .OrderBy(u => u.Code).Select(u => u.Code).FirstAsync(ct);
        var plan = new (string User, string Role, string? Scope, AdminLevel? Level)[]
        {
            ("admin", Roles.SystemAdmin, null, null),
            ("tinh", Roles.ProvincialOfficer, ProvinceCode, AdminLevel.Province),
            ("xa", Roles.CommuneOfficer, CommuneCodes[1], AdminLevel.Commune),
            ("xa2", Roles.CommuneOfficer, CommuneCodes[2], AdminLevel.Commune),
            ("thon", Roles.VillageReviewer, firstVillage, AdminLevel.Village),
            ("nganh", Roles.SectorOfficer, ProvinceCode, AdminLevel.Province),
            ("giamsat", Roles.Supervisor, ProvinceCode, AdminLevel.Province),
            ("lanhdao", Roles.Leader, ProvinceCode, AdminLevel.Province),
        };
        var names = await db.AdminUnits.AsNoTracking().Where(u => u.ValidTo == null).ToDictionaryAsync(u => u.Code, u => u.FullName, ct);
        foreach (var (userName, role, scope, level) in plan)
        {
            var user = await users.FindByNameAsync(userName);
            if (user is null)
            {
                user = new AppUser
                {
                    UserName = userName,
                    DisplayName = Roles.VietnameseName(role) + (scope is null ? string.Empty : " — " + names.GetValueOrDefault(scope, scope)),
                    ScopeUnitCode = scope,
                    ScopeLevel = level,
                    LockoutEnabled = true,
                };
                var created = await users.CreateAsync(user, password);
                if (!created.Succeeded)
                {
                    throw new InvalidOperationException("Cannot create demo user: " + string.Join("; ", created.Errors.Select(e => e.Description)));
                }

                await users.AddToRoleAsync(user, role);
            }

            accounts.Add(new DemoAccount(userName, password, role, scope, scope is null ? "Toàn quốc" : names.GetValueOrDefault(scope, scope)));
        }

        return accounts;
    }

    private async Task SeedHouseholdsAsync(CancellationToken ct)
    {
        var start = new DateOnly(2025, 7, 1);
        var villageCodes = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var commune in CommuneCodes)
        {
            var list = new List<string>();
            for (var i = 1; i <= 5; i++)
            {
                var name = commune == CommuneCodes[0] ? $"Tổ dân phố {i}" : DemoHouseholdGenerator.VillageName(commune, i);
                list.Add((await villages.CreateAsync(commune, name, i, start, ct)).Code);
            }

            villageCodes[commune] = list;
        }

        var areas = await db.CommuneAreaTypes.AsNoTracking().Where(a => CommuneCodes.Contains(a.CommuneCode) && a.ValidTo == null)
            .ToDictionaryAsync(a => a.CommuneCode, a => a.AreaType, ct);
        var minority = (await db.EthnicGroups.AsNoTracking().ToListAsync(ct)).Select(e => e.IsEthnicMinority ? e.Code : "!" + e.Code).ToHashSet();
        var generator = new DemoHouseholdGenerator(Seed);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        db.SuppressEntityAudit = true;
        try
        {
            var count = 0;
            foreach (var commune in CommuneCodes)
            {
                foreach (var household in generator.Generate(ProvinceCode, commune, villageCodes[commune], areas[commune], HouseholdsPerCommune))
                {
                    HouseholdCommands.RefreshDerived(household, minority);
                    db.Households.Add(household);
                    count++;
                }
            }

            await db.SaveChangesAsync(ct);
            db.SuppressEntityAudit = false;
            db.AddAuditEvent(AuditActions.Create, "DemoData", ProvinceCode, null, new { households = count, seed = Seed });
            await db.SaveChangesAsync(ct);
        }
        finally
        {
            db.SuppressEntityAudit = false;
            db.ChangeTracker.AutoDetectChangesEnabled = true;
            db.ChangeTracker.Clear();
        }
    }
}
