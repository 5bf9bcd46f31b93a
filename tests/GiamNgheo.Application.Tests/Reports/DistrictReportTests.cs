using GiamNgheo.Application.AdminUnits;
using GiamNgheo.Application.Households;
using GiamNgheo.Application.Identity;
using GiamNgheo.Application.Persistence;
using GiamNgheo.Application.Reports;
using GiamNgheo.Application.Surveys;
using GiamNgheo.Application.Tests.Infrastructure;
using GiamNgheo.Domain.Classification;
using GiamNgheo.Domain.Households;
using GiamNgheo.Domain.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GiamNgheo.Application.Tests.Reports;

/// <summary>
/// New commune 03164 of Điện Biên was formed (2025) from old commune 03164 (district 096, Tủa Chùa) and old commune
/// 03167 (district 103, Tuần Giáo). Four households of 03164 classified in 2024 under ND07_2021:
/// h1 poor (3 members, old commune recorded on the classification: 03164 → district 096);
/// h2 near-poor (2, old commune only on the household: 03167 → 103); h3 poor (4, recorded 03167 → 103);
/// h4 not poor (1, no old commune and two candidates: unassigned).
/// </summary>
public class DistrictReportTests
{
    private const ReportRowKind Hh = ReportRowKind.Households;
    private const string NewCommune = "03164";

    private static async Task SeedAsync(TestDatabase db)
    {
        await db.RunAsync(async sp =>
        {
            var ctx = sp.GetRequiredService<AppDbContext>();
            var plan = new (int Members, HouseholdCategory Category, string? OnRow, string? OnHousehold)[]
            {
                (3, HouseholdCategory.Poor, "03164", null),
                (2, HouseholdCategory.NearPoor, null, "03167"),
                (4, HouseholdCategory.Poor, "03167", null),
                (1, HouseholdCategory.NotPoor, null, null),
            };
            var households = new List<HouseholdEntity>();
            for (var i = 0; i < plan.Length; i++)
            {
                var h = new HouseholdEntity
                {
                    ProvinceCode = "11",
                    CommuneCode = NewCommune,
                    Code = "D" + (i + 1).ToString("000", System.Globalization.CultureInfo.InvariantCulture),
                    HeadName = "Chủ hộ " + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    LegacyCommuneCode = plan[i].OnHousehold,
                };
                for (var m = 0; m < plan[i].Members; m++)
                {
                    h.Members.Add(new MemberEntity
                    {
                        ProvinceCode = "11",
                        Order = m + 1,
                        FullName = m == 0 ? h.HeadName : "Thành viên " + m.ToString(System.Globalization.CultureInfo.InvariantCulture),
                        Sex = Sex.Male,
                        DateOfBirth = new DateOnly(1980, 1, 1),
                        EthnicityCode = "01",
                        RelationToHead = m == 0 ? RelationToHead.Head : RelationToHead.Child,
                    });
                }

                households.Add(h);
                ctx.Households.Add(h);
            }

            await ctx.SaveChangesAsync();
            for (var i = 0; i < plan.Length; i++)
            {
                ctx.HouseholdClassifications.Add(new HouseholdClassificationEntity
                {
                    HouseholdId = households[i].Id,
                    ProvinceCode = "11",
                    CommuneCode = NewCommune,
                    Year = 2024,
                    StandardCode = ReportsTestData.Nd07,
                    Category = plan[i].Category,
                    MemberCount = plan[i].Members,
                    LegacyCommuneCode = plan[i].OnRow,
                });
            }

            await ctx.SaveChangesAsync();
            return true;
        });
    }

    private static Task<Result<ReportSetView>> Forms(TestDatabase db, string unit, int year, params int[] numbers) =>
        db.RunAsync(sp => sp.GetRequiredService<ReportService>().GetAsync(unit, year, ReportsTestData.Nd07, numbers, false, default));

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task GetAsync_District2024_CountsOnlyItsOldCommunesHouseholds(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await SeedAsync(db);
        db.User.Become("tinh", Roles.ProvincialOfficer, "11", AdminLevel.Province);

        var tua = await Forms(db, "096", 2024, 1, 2, 15);
        var tuan = await Forms(db, "103", 2024, 1);

        Assert.Equal(ResultStatus.Ok, tua.Status);
        Assert.Equal(AdminLevel.District, tua.Value!.Unit.Level);
        var f1 = tua.Value.Tables[0];
        Assert.Equal(1, f1.Total(Hh, "total"));
        Assert.Equal(1, f1.Total(Hh, "poor"));
        Assert.Equal(1, f1.Value("03164", Hh, "poor"));
        Assert.DoesNotContain(f1.Rows, r => r.UnitCode.Length == 0);          // h4 may belong to either district
        Assert.Equal(1, tua.Value.Tables[1].Total(Hh, "closing"));
        Assert.Equal(3, tua.Value.Tables[2].Rows.Count);                       // h1's three members

        Assert.Equal(ResultStatus.Ok, tuan.Status);
        var g1 = tuan.Value!.Tables[0];
        Assert.Equal(2, g1.Total(Hh, "total"));
        Assert.Equal(1, g1.Total(Hh, "poor"));
        Assert.Equal(1, g1.Total(Hh, "near_poor"));
        Assert.Equal(2, g1.Value("03167", Hh, "total"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task GetAsync_Province2024_OneRowPerOldDistrictAndTotalIsSum(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await SeedAsync(db);
        db.User.Become("tinh", Roles.ProvincialOfficer, "11", AdminLevel.Province);

        var result = await Forms(db, "11", 2024, 1);

        Assert.Equal(ResultStatus.Ok, result.Status);
        var f1 = result.Value!.Tables[0];
        var rows = f1.Rows.Where(r => !r.IsTotal && r.Kind == Hh).ToList();
        Assert.Equal(10 + 1, rows.Count);                                       // the 10 old districts + unassigned
        Assert.Contains(rows, r => r.UnitCode == "096");
        Assert.DoesNotContain(rows, r => r.UnitCode == NewCommune);
        Assert.Equal(1, f1.Value("096", Hh, "total"));
        Assert.Equal(2, f1.Value("103", Hh, "total"));
        Assert.Equal(1, f1.Value(string.Empty, Hh, "total"));
        Assert.Equal(LegacyDistricts.UnassignedName, rows.Single(r => r.UnitCode.Length == 0).Label);
        Assert.Equal(4, f1.Total(Hh, "total"));
        Assert.Equal(f1.Total(Hh, "total"), rows.Sum(r => r.Values[f1.ColumnIndex("total")]));
        Assert.Equal(2, f1.Total(Hh, "poor"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task GetAsync_District2025OrCommuneUser_RefusedOrNotFound(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await SeedAsync(db);
        db.User.Become("tinh", Roles.ProvincialOfficer, "11", AdminLevel.Province);

        var refused = await Forms(db, "096", 2025, 1);

        Assert.Equal(ResultStatus.Invalid, refused.Status);
        Assert.Contains("2024", refused.Errors["unit"][0], StringComparison.Ordinal);

        db.User.Become("xa", Roles.CommuneOfficer, NewCommune, AdminLevel.Commune);
        Assert.Equal(ResultStatus.NotFound, (await Forms(db, "096", 2024, 1)).Status);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task OldCommuneAsync_HouseholdOrSingleSource_RecordedElseNull(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var (own, merged, single) = await db.RunAsync(async sp =>
        {
            var ctx = sp.GetRequiredService<AppDbContext>();
            var singleSource = ctx.CommuneMappings.GroupBy(m => m.NewCommuneCode).Where(g => g.Count() == 1 && g.Min(m => m.OldCommuneCode) != null)
                .Select(g => g.Key).OrderBy(c => c).First();
            var a = await LegacyDistricts.OldCommuneAsync(ctx, new HouseholdEntity { ProvinceCode = "11", CommuneCode = NewCommune, Code = "x", HeadName = "x", LegacyCommuneCode = "03167" }, default);
            var b = await LegacyDistricts.OldCommuneAsync(ctx, new HouseholdEntity { ProvinceCode = "11", CommuneCode = NewCommune, Code = "y", HeadName = "y" }, default);
            var c = await LegacyDistricts.OldCommuneAsync(ctx, new HouseholdEntity { ProvinceCode = "11", CommuneCode = singleSource, Code = "z", HeadName = "z" }, default);
            return (a, b, c);
        });

        Assert.Equal("03167", own);
        Assert.Null(merged);
        Assert.NotNull(single);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SurveySave_Year2024_RecordsOldCommuneOnClassificationRows(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var id = (await db.RunAsync(sp => sp.GetRequiredService<HouseholdCommands>().CreateAsync(Samples.Household(), default))).Value!.Id;
        await db.RunAsync(async sp =>
        {
            var ctx = sp.GetRequiredService<AppDbContext>();
            var h = await ctx.Households.SingleAsync(x => x.Id == id);
            h.LegacyCommuneCode = "03155";                                       // Xã Sen Thượng, merged into 03158
            await ctx.SaveChangesAsync();
            return true;
        });

        foreach (var year in new[] { 2024, 2025 })
        {
            var saved = await db.RunAsync(sp => sp.GetRequiredService<SurveyCommands>().SaveAsync(id, new SurveyInput
            {
                Year = year,
                IncomePerCapita = 900_000,
                Answers = new Dictionary<string, bool> { ["water"] = true },
            }, default));
            Assert.Equal(ResultStatus.Ok, saved.Status);
        }

        var rows = await db.RunAsync(sp => sp.GetRequiredService<AppDbContext>().HouseholdClassifications.AsNoTracking()
            .Where(c => c.HouseholdId == id).ToListAsync());
        Assert.Contains(rows, r => r.Year == 2024);
        Assert.All(rows.Where(r => r.Year == 2024), r => Assert.Equal("03155", r.LegacyCommuneCode));
        Assert.All(rows.Where(r => r.Year == 2025), r => Assert.Null(r.LegacyCommuneCode));
    }
}
