using GiamNgheo.Application.AdminUnits;
using GiamNgheo.Application.Identity;
using GiamNgheo.Application.Interchange;
using GiamNgheo.Application.Persistence;
using GiamNgheo.Application.Support;
using GiamNgheo.Application.Tests.Infrastructure;
using GiamNgheo.Domain.Classification;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GiamNgheo.Application.Tests.Support;

/// <summary>The materialised gap tables give the same lists as the live <see cref="GapEngine"/> computation.</summary>
public class MaterialisedGapsTests
{
    /// <summary>The lists computed in memory from the rule (<see cref="LiveGaps"/>), to compare with the materialised ones.</summary>
    private static LiveGaps Live(IServiceProvider sp) => new(sp.GetRequiredService<AppDbContext>(), sp.GetRequiredService<GiamNgheo.Application.Households.HouseholdQueries>());

    private static Task<Result<SupportRecordDto>> Record(TestDatabase db, long household, string policy, string date, long? member = null) =>
        db.RunAsync(sp => sp.GetRequiredService<SupportCommands>().RecordAsync(new SupportInput
        {
            HouseholdId = household, PolicyCode = policy, Date = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture),
            AmountDong = 100_000, MemberId = member, Reference = "TEST",
        }, default));

    private static async Task<List<long>> CraftCommuneAsync(TestDatabase db)
    {
        var ids = new List<long>();
        var n = 0;
        string Id() => "0110850001" + (n++).ToString("00", System.Globalization.CultureInfo.InvariantCulture);
        ids.Add((await SupportFixture.HouseholdAsync(db, "Lò Văn Một", HouseholdCategory.Poor, "health_insurance;housing_quality;water", personalId: Id())).Id);
        ids.Add((await SupportFixture.HouseholdAsync(db, "Lò Văn Hai", HouseholdCategory.Poor, "health_insurance", needs: SupportNeeds.Credit, personalId: Id())).Id);
        ids.Add((await SupportFixture.HouseholdAsync(db, "Lò Văn Ba", HouseholdCategory.NearPoor, "health_insurance", personalId: Id())).Id);
        ids.Add((await SupportFixture.HouseholdAsync(db, "Lò Văn Bốn", HouseholdCategory.Medium, personalId: Id())).Id);
        ids.Add((await SupportFixture.HouseholdAsync(db, "Lò Văn Năm", HouseholdCategory.NotPoor, personalId: Id())).Id);
        ids.Add((await SupportFixture.HouseholdAsync(db, "Lò Thị Sáu", HouseholdCategory.Poor, "telecom;sanitation", needs: SupportNeeds.Credit | SupportNeeds.Health,
            personalId: Id(), extra: Samples.Child("Lò Văn Con"))).Id);
        ids.Add((await SupportFixture.HouseholdAsync(db, "Lò Thị Bảy", HouseholdCategory.NearPoor, "water;sanitation", needs: SupportNeeds.Credit, personalId: Id())).Id);
        // Poor in 2024, medium in 2025: escaped (recently-escaped policies).
        var escaped = await SupportFixture.HouseholdAsync(db, "Lò Văn Tám", HouseholdCategory.Poor, "water", needs: SupportNeeds.Credit, personalId: Id(), year: 2024);
        await SupportFixture.ClassifyAsync(db, escaped, HouseholdCategory.Medium, string.Empty, 2025, SupportNeeds.Credit);
        ids.Add(escaped.Id);
        // Never classified.
        var created = await db.RunAsync(sp => sp.GetRequiredService<GiamNgheo.Application.Households.HouseholdCommands>().CreateAsync(
            Samples.Household(Samples.CommuneA, "Lò Văn Chín", members: [Samples.Head("Lò Văn Chín", Id())]), default));
        ids.Add(created.Value!.Id);
        // Other commune.
        ids.Add((await SupportFixture.HouseholdAsync(db, "Lò Văn Mười", HouseholdCategory.Poor, "water", commune: Samples.CommuneB, personalId: Id())).Id);

        db.User.Become("tinh", Roles.ProvincialOfficer, "11", AdminLevel.Province);
        Assert.Equal(ResultStatus.Ok, (await Record(db, ids[1], "HI_POOR", "2026-01-15")).Status);
        Assert.Equal(ResultStatus.Ok, (await Record(db, ids[1], "STUDY_COST", "2026-11-02")).Status);
        Assert.Equal(ResultStatus.Ok, (await Record(db, ids[2], "HI_NEAR_POOR", "2026-02-01")).Status);
        Assert.Equal(ResultStatus.Ok, (await Record(db, ids[5], "ELECTRICITY", "2026-07-02")).Status); // last quarter: not served now
        Assert.Equal(ResultStatus.Ok, (await Record(db, ids[5], "VBSP_POOR", "2025-03-02")).Status); // once: served
        Assert.Equal(ResultStatus.Ok, (await Record(db, ids[6], "VBSP_NEAR_POOR", "2026-05-02")).Status);
        Assert.Equal(ResultStatus.Ok, (await Record(db, ids[9], "HI_POOR", "2026-03-02")).Status);
        return ids;
    }

    private static object Shape(WorklistRow r) => (r.HouseholdId, r.Code, r.HeadName, r.VillageCode, r.Category, string.Join(",", r.Gaps.Select(g => g.PolicyCode + ":" + g.LastDelivered)),
        string.Join(",", r.UnansweredDeprivations), r.WaitingSince, r.WaitingDays, r.LastSupport);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Materialised_CraftedCommune_EqualsLiveGapEngine(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await CraftCommuneAsync(db);
        foreach (var (user, role, unit, level) in new[]
                 {
                     ("xa", Roles.CommuneOfficer, Samples.CommuneA, AdminLevel.Commune), ("tinh", Roles.ProvincialOfficer, "11", AdminLevel.Province),
                 })
        {
            db.User.Become(user, role, unit, level);
            foreach (var query in new[]
                     {
                         new WorklistQuery(Samples.CommuneA), new WorklistQuery(Samples.CommuneA, Sort: "gaps"), new WorklistQuery(Samples.CommuneA, PolicyCode: "ELECTRICITY"),
                         new WorklistQuery(Samples.CommuneA, PolicyCode: "vbsp_poor"), new WorklistQuery(Samples.CommuneA, PageSize: 2, Page: 2),
                     })
            {
                var live = (await db.RunAsync(sp => Live(sp).WorklistAsync(query, default))).Value!;
                var stored = (await db.RunAsync(sp => sp.GetRequiredService<SupportGaps>().WorklistAsync(query, default))).Value!;
                Assert.Equal(live.TotalCount, stored.TotalCount);
                Assert.Equal(live.Items.Select(Shape), stored.Items.Select(Shape));
            }

            var liveNone = (await db.RunAsync(sp => Live(sp).NoSupportThisYearAsync(Samples.CommuneA, null, default))).Value!;
            var storedNone = (await db.RunAsync(sp => sp.GetRequiredService<SupportGaps>().NoSupportThisYearAsync(Samples.CommuneA, null, default))).Value!;
            Assert.NotEmpty(storedNone);
            Assert.Equal(liveNone.Select(Shape), storedNone.Select(Shape));

            foreach (var unitCode in level == AdminLevel.Province ? new[] { "11", Samples.CommuneA, null } : [Samples.CommuneA, null])
            {
                var liveCoverage = (await db.RunAsync(sp => Live(sp).CoverageAsync(unitCode, default))).Value!;
                var storedCoverage = (await db.RunAsync(sp => sp.GetRequiredService<SupportGaps>().CoverageAsync(unitCode, default))).Value!;
                Assert.NotEmpty(storedCoverage.Totals);
                Assert.Equal(liveCoverage.Households, storedCoverage.Households);
                Assert.Equal(liveCoverage.ByUnit, storedCoverage.ByUnit);
                Assert.Equal(liveCoverage.Totals, storedCoverage.Totals);
            }
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RecordAndReverse_UpdateTheMaterialisedRowImmediately(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var h = await SupportFixture.HouseholdAsync(db, "Lò Thị Sáu", HouseholdCategory.Poor, "health_insurance", personalId: "011085000301");
        db.User.Become("xa", Roles.CommuneOfficer, Samples.CommuneA, AdminLevel.Commune);
        Task<HouseholdPolicyStatusEntity> Status() => db.RunAsync(sp => sp.GetRequiredService<AppDbContext>().HouseholdPolicyStatuses.AsNoTracking()
            .SingleAsync(s => s.HouseholdId == h.Id && s.PolicyCode == "HI_POOR"));
        Task<HouseholdGapSummaryEntity> Summary() => db.RunAsync(sp => sp.GetRequiredService<AppDbContext>().HouseholdGapSummaries.AsNoTracking()
            .SingleAsync(s => s.HouseholdId == h.Id));

        Assert.False((await Status()).Served);
        Assert.Equal("health_insurance", (await Summary()).Unanswered);
        var openBefore = (await Summary()).OpenGaps;

        var hi = (await Record(db, h.Id, "HI_POOR", "2026-01-10")).Value!;
        Assert.True((await Status()).Served);
        Assert.Equal(new DateOnly(2026, 1, 10), (await Status()).LastDelivered);
        Assert.Equal(string.Empty, (await Summary()).Unanswered);
        Assert.Equal(openBefore - 1, (await Summary()).OpenGaps);

        Assert.Equal(ResultStatus.Ok, (await db.RunAsync(sp => sp.GetRequiredService<SupportCommands>().ReverseAsync(h.Id, hi.Id, "Nhập nhầm", default))).Status);
        Assert.False((await Status()).Served);
        Assert.Equal(openBefore, (await Summary()).OpenGaps);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Rebuild_AfterRowsAreLost_RestoresTheSameLists(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await CraftCommuneAsync(db);
        db.User.Become("xa", Roles.CommuneOfficer, Samples.CommuneA, AdminLevel.Commune);
        var before = (await db.RunAsync(sp => sp.GetRequiredService<SupportGaps>().WorklistAsync(new WorklistQuery(Samples.CommuneA), default))).Value!;
        var rebuilt = await db.RunAsync(async sp =>
        {
            var ctx = sp.GetRequiredService<AppDbContext>();
            await ctx.HouseholdPolicyStatuses.ExecuteDeleteAsync();
            await ctx.HouseholdGapSummaries.ExecuteDeleteAsync();
            return await new GapMaterializer(ctx).RebuildAsync("11", null, default);
        });
        Assert.Equal(10, rebuilt);
        var after = (await db.RunAsync(sp => sp.GetRequiredService<SupportGaps>().WorklistAsync(new WorklistQuery(Samples.CommuneA), default))).Value!;
        Assert.Equal(before.Items.Select(Shape), after.Items.Select(Shape));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task LargeImport_MarksTheCommuneStale_AndTheNextReadRecomputesIt(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await CraftCommuneAsync(db);
        db.User.Become("xa", Roles.CommuneOfficer, Samples.CommuneA, AdminLevel.Commune);
        var query = new WorklistQuery(Samples.CommuneA);
        var live = (await db.RunAsync(sp => Live(sp).WorklistAsync(query, default))).Value!;

        // The rows no longer match the registry (as after a bulk load that did not recompute them) and are not stale yet.
        await db.RunAsync(async sp =>
        {
            var ctx = sp.GetRequiredService<AppDbContext>();
            await ctx.HouseholdGapSummaries.ExecuteUpdateAsync(u => u.SetProperty(s => s.InWorklist, false).SetProperty(s => s.StaleOn, new DateOnly(2099, 1, 1)));
            return 0;
        });
        Assert.Equal(0, (await db.RunAsync(sp => sp.GetRequiredService<SupportGaps>().WorklistAsync(query, default))).Value!.TotalCount);

        // An import larger than the recompute limit marks the commune stale instead of recomputing inside the import.
        var households = await db.RunAsync(sp => sp.GetRequiredService<AppDbContext>().Households.AsNoTracking()
            .Where(h => h.CommuneCode == Samples.CommuneA).Select(h => new { h.Code, h.CommuneCode }).ToListAsync());
        await db.RunAsync(async sp =>
        {
            await new GapMaterializer(sp.GetRequiredService<AppDbContext>()).RefreshForImportAsync([.. households.Select(h => (h.Code, h.CommuneCode))], default, recomputeUpTo: 1);
            return 0;
        });
        var stale = await db.RunAsync(sp => sp.GetRequiredService<AppDbContext>().HouseholdGapSummaries.AsNoTracking()
            .Where(s => s.CommuneCode == Samples.CommuneA).Select(s => s.StaleOn).Distinct().ToListAsync());
        Assert.Equal([DateOnly.MinValue], stale);

        var stored = (await db.RunAsync(sp => sp.GetRequiredService<SupportGaps>().WorklistAsync(query, default))).Value!;
        Assert.True(stored.TotalCount > 0);
        Assert.Equal(live.TotalCount, stored.TotalCount);
        Assert.Equal(live.Items.Select(Shape), stored.Items.Select(Shape));
    }
}
