using GiamNgheo.Application.AdminUnits;
using GiamNgheo.Application.Dashboards;
using GiamNgheo.Application.Identity;
using GiamNgheo.Application.Persistence;
using GiamNgheo.Application.Targets;
using GiamNgheo.Application.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GiamNgheo.Application.Tests.Reports;

public class TargetAndDashboardTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task DemoTarget_PoorRateUnderQd59_ActualComputedAndOffTrack(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await ReportsTestData.SeedAsync(db);
        await db.RunAsync(async sp => { await TargetService.EnsureDemoTargetAsync(sp.GetRequiredService<AppDbContext>(), "11", default); return 0; });
        db.User.Become("lanhdao", Roles.Leader, "11", AdminLevel.Province);

        var targets = (await db.RunAsync(sp => sp.GetRequiredService<TargetService>().ForUnitAsync("11", 2025, default))).Value!;

        var target = Assert.Single(targets);
        Assert.Equal(ReportsTestData.Qd59, target.StandardCode);
        Assert.Equal(16.67m, target.Actual);          // 1 poor of 6 under QĐ 59
        Assert.False(target.OnTrack);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Cascade_ProvinceTarget_CommuneTargetsWithOwnActuals(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await ReportsTestData.SeedAsync(db);
        db.User.Become("tinh", Roles.ProvincialOfficer, "11", AdminLevel.Province);
        var created = await db.RunAsync(sp => sp.GetRequiredService<TargetService>().CreateAsync("11",
            new TargetInput(2025, 2025, TargetKind.EscapedPoverty, ReportsTestData.Nd07, TargetComparison.AtLeast, 1, null), default));
        Assert.Equal(ResultStatus.Ok, created.Status);
        Assert.Equal(1m, created.Value!.Actual);       // h2 poor → near-poor
        Assert.True(created.Value.OnTrack);

        var count = await db.RunAsync(sp => sp.GetRequiredService<TargetService>().CascadeAsync(created.Value.Id,
            new Dictionary<string, decimal> { [Samples.CommuneB] = 2 }, default));
        Assert.True(count.Value > 2);
        db.User.Become("xa2", Roles.CommuneOfficer, Samples.CommuneB, AdminLevel.Commune);
        var communeTargets = (await db.RunAsync(sp => sp.GetRequiredService<TargetService>().ForUnitAsync(Samples.CommuneB, 2025, default))).Value!;
        var commune = Assert.Single(communeTargets);
        Assert.Equal(2m, commune.Value);
        Assert.Equal(0m, commune.Actual);
        Assert.False(commune.OnTrack);

        var denied = await db.RunAsync(sp => sp.GetRequiredService<TargetService>().CreateAsync(Samples.CommuneB,
            new TargetInput(2025, 2025, TargetKind.Custom, null, TargetComparison.AtLeast, 10, "Số lao động được đào tạo nghề"), default));
        Assert.Equal(ResultStatus.Forbidden, denied.Status);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Dashboard_Province_RatesMovementsProfileAndRanking(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await ReportsTestData.SeedAsync(db);
        db.User.Become("lanhdao", Roles.Leader, "11", AdminLevel.Province);

        var dashboard = (await db.RunAsync(sp => sp.GetRequiredService<DashboardService>().GetAsync("11", 2025, default))).Value!;

        Assert.Equal(2025, dashboard.Year);
        Assert.Equal(ReportsTestData.Nd07, dashboard.MainStandard);
        var nd07 = dashboard.Trends.Single(t => t.StandardCode == ReportsTestData.Nd07);
        Assert.Equal([2024, 2025], nd07.Years.Select(p => p.Year));
        Assert.Equal(50m, nd07.Years[1].PoorRate);
        Assert.Equal(16.67m, dashboard.Trends.Single(t => t.StandardCode == ReportsTestData.Qd59).Years.Single().PoorRate);
        Assert.Equal(1, dashboard.Movements.Escaped);
        Assert.Equal(1, dashboard.Movements.FromNearPoor);
        Assert.Equal(1, dashboard.Movements.NewlyPoor);
        Assert.Equal(0, dashboard.Movements.Relapsed);
        Assert.NotNull(dashboard.Profile);
        Assert.Equal(0.5, dashboard.Profile!.H, 6);
        Assert.Equal(2, dashboard.ByGroup.Single(g => g.Key == "EthnicMinority").Poor);
        Assert.Equal([Samples.CommuneA, Samples.CommuneB], dashboard.Ranking.Select(r => r.Code)); // both 50%: by code
        Assert.False(dashboard.SmallCellProtection);
    }

    [Theory]
    [InlineData(0, true, "0")]
    [InlineData(1, true, "<5")]
    [InlineData(4, true, "<5")]
    [InlineData(5, true, "5")]
    [InlineData(4, false, "4")]
    [InlineData(1234, true, "1.234")]
    public void Show_SmallCellProtection_CountsOneToFourHidden(int count, bool protect, string expected) =>
        Assert.Equal(expected, DashboardService.Show(count, protect));
}
