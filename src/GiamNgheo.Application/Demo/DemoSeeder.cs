using GiamNgheo.Application.AdminUnits;
using GiamNgheo.Application.Audit;
using GiamNgheo.Application.Households;
using GiamNgheo.Application.Identity;
using GiamNgheo.Application.Persistence;
using Microsoft.AspNetCore.Identity;
using GiamNgheo.Application.Interchange;
using GiamNgheo.Application.Reviews;
using GiamNgheo.Application.Standards;
using GiamNgheo.Application.Synthetic;
using GiamNgheo.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace GiamNgheo.Application.Demo;

public sealed record DemoAccount(string UserName, string Password, string Role, string? ScopeUnitCode, string ScopeName);

/// <summary>
/// The demo province: Điện Biên (11) with its first four real communes, their villages and 2,000 synthetic
/// households from the seeded generator, their review history (the recognised lists of 2023, 2024 and 2025, see
/// <see cref="DemoHistory"/>), plus one account per role. Runs only on a database without households.
/// </summary>
public sealed class DemoSeeder(AppDbContext db, UserManager<AppUser> users, VillageHandler villages, StandardRegistry standards, ReviewSettings settings)
{
    public const string ProvinceCode = "11";
    /// <summary>The first four communes of Điện Biên in code order: two wards (urban) and two communes (rural).</summary>
    public static readonly string[] CommuneCodes = ["03127", "03151", "03158", "03160"];
    public const int CommuneCount = 4;
    public const int Households = 2_000;
    public const int Seed = 20251;

    public async Task<IReadOnlyList<DemoAccount>> SeedAsync(string password, CancellationToken ct)
    {
        var accounts = new List<DemoAccount>();
        if (!await db.Households.AnyAsync(ct))
        {
            await SeedHouseholdsAsync(ct);
        }

        await Targets.TargetService.EnsureDemoTargetAsync(db, ProvinceCode, ct);

        var plan = new (string User, string Role, string? Scope, AdminLevel? Level, string FullName, string Position)[]
        {
            ("admin", Roles.SystemAdmin, null, null, "Nguyễn Văn An", "Quản trị hệ thống"),
            ("tinh", Roles.ProvincialOfficer, ProvinceCode, AdminLevel.Province, "Lò Thị Bình", "Chuyên viên Sở Nông nghiệp và Môi trường"),
            ("xa", Roles.CommuneOfficer, CommuneCodes[2], AdminLevel.Commune, "Vàng A Chính", "Công chức Văn hóa – Xã hội"),
            ("xa2", Roles.CommuneOfficer, CommuneCodes[3], AdminLevel.Commune, "Quàng Văn Dũng", "Công chức Văn hóa – Xã hội"),
            ("thon", Roles.VillageReviewer, await DemoVillageAsync(ct), AdminLevel.Village, "Giàng Thị Hoa", "Trưởng thôn"),
            ("nganh", Roles.SectorOfficer, ProvinceCode, AdminLevel.Province, "Trần Văn Khánh", "Chuyên viên Sở Y tế"),
            ("giamsat", Roles.Supervisor, ProvinceCode, AdminLevel.Province, "Lường Thị Lan", "Ủy viên Ủy ban MTTQ Việt Nam tỉnh"),
            ("lanhdao", Roles.Leader, ProvinceCode, AdminLevel.Province, "Phạm Đức Minh", "Phó Chủ tịch UBND tỉnh"),
        };
        var names = await db.AdminUnits.AsNoTracking().Where(u => u.ValidTo == null).ToDictionaryAsync(u => u.Code, u => u.FullName, ct);
        foreach (var (userName, role, scope, level, fullName, position) in plan)
        {
            if (level is not null && scope is null)
            {
                // No village in the demo commune (the database was filled by the CLI with other data): no village account.
                continue;
            }

            var user = await users.FindByNameAsync(userName);
            if (user is null)
            {
                user = new AppUser
                {
                    UserName = userName,
                    DisplayName = fullName,
                    Position = position,
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

    /// <summary>
    /// The village reviewer's village: the first current village of the demo commune Xã Sín Thầu. None when the database
    /// already held households before the demo (filled by <c>giamngheo import</c>) and that commune has no village: the
    /// demo then starts without the village account instead of stopping the start-up.
    /// </summary>
    private Task<string?> DemoVillageAsync(CancellationToken ct) =>
        db.AdminUnits.Where(u => u.ParentCode == CommuneCodes[2] && u.Level == AdminLevel.Village && u.ValidTo == null)
            .OrderBy(u => u.Code).Select(u => u.Code).FirstOrDefaultAsync(ct);

    private async Task SeedHouseholdsAsync(CancellationToken ct)
    {
        var created = SyntheticProvinceGenerator.Create(new SyntheticProvinceOptions
        {
            ProvinceCode = ProvinceCode,
            Households = Households,
            Seed = Seed,
            MaxCommunes = CommuneCount,
            ReviewYear = 2025,
        });
        var generator = created.Generator ?? throw new InvalidOperationException(created.Message);
        var start = new DateOnly(2025, 7, 1);
        var villageCodes = new Dictionary<(string Commune, string Name), string>();
        foreach (var commune in generator.Plan.Communes)
        {
            foreach (var name in commune.Villages)
            {
                villageCodes[(commune.Code, name)] = (await villages.CreateAsync(commune.Code, name, start, ct)).Code;
            }
        }

        var minority = (await db.EthnicGroups.AsNoTracking().ToListAsync(ct)).Select(e => e.IsEthnicMinority ? e.Code : "!" + e.Code).ToHashSet();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        db.SuppressEntityAudit = true;
        try
        {
            var count = 0;
            var surveys = new List<(HouseholdEntity Household, HouseholdRow Row)>(Households);
            foreach (var synthetic in generator.Generate())
            {
                var row = synthetic.Household;
                var household = new HouseholdEntity
                {
                    ProvinceCode = ProvinceCode,
                    CommuneCode = row.CommuneCode,
                    VillageCode = villageCodes[(row.CommuneCode, row.Village)],
                    Code = row.HouseholdCode,
                    Address = row.Address,
                    HeadName = row.HeadName,
                    HeadNameFolded = VietnameseText.Fold(row.HeadName),
                    AreaType = row.Area,
                    Groups = row.Flags,
                };
                var order = 0;
                foreach (var m in synthetic.Members)
                {
                    household.Members.Add(new MemberEntity
                    {
                        ProvinceCode = ProvinceCode,
                        Order = ++order,
                        FullName = m.FullName,
                        FullNameFolded = VietnameseText.Fold(m.FullName),
                        Sex = m.Sex,
                        DateOfBirth = m.DateOfBirth,
                        EthnicityCode = m.EthnicityCode,
                        RelationToHead = m.RelationToHead,
                        PersonalId = m.PersonalId,
                        HasHealthInsurance = m.HealthInsurance,
                        Education = m.Education,
                        Schooling = m.Schooling,
                        Disability = m.Disability,
                        Employment = m.Employment,
                    });
                }

                HouseholdCommands.RefreshDerived(household, minority);
                db.Households.Add(household);
                surveys.Add((household, row));
                count++;
            }

            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();

            // The recognised lists of 2023, 2024 and 2025 (docs/review-workflow.md, "Demo history").
            await new DemoHistory(db, standards, settings).WriteAsync(ProvinceCode, Seed, surveys, ct);

            db.SuppressEntityAudit = false;
            await Support.PoorCommuneList.SeedSampleAsync(db, ct); // sample poor-commune list [M]
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
