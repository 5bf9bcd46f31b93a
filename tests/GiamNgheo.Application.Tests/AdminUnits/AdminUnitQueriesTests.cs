using GiamNgheo.Application.AdminUnits;
using GiamNgheo.Application.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace GiamNgheo.Application.Tests.AdminUnits;

public class AdminUnitQueriesTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task List_ProvincesToday_Returns34(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var units = await db.RunAsync(sp => sp.GetRequiredService<AdminUnitQueries>().ListAsync(AdminLevel.Province, new DateOnly(2026, 11, 20), default));
        Assert.Equal(34, units.Count);
        Assert.Contains(units, u => u.Code == "11" && u.FullName == "Tỉnh Điện Biên");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task List_ProvincesBeforeTheReform_Returns63AndAllCommunes(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var scope = db.Scope();
        var queries = db.Get<AdminUnitQueries>(scope);
        Assert.Equal(63, (await queries.ListAsync(AdminLevel.Province, new DateOnly(2024, 12, 31), default)).Count);
        Assert.Equal(696, (await queries.ListAsync(AdminLevel.District, new DateOnly(2024, 12, 31), default)).Count);
        Assert.Equal(10_035, (await queries.ListAsync(AdminLevel.Commune, new DateOnly(2025, 6, 30), default)).Count);
        Assert.Equal(3_321, (await queries.ListAsync(AdminLevel.Commune, new DateOnly(2025, 7, 1), default)).Count);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Children_ProvinceAsOfDate_FollowsTheHierarchyOfThatDate(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var scope = db.Scope();
        var queries = db.Get<AdminUnitQueries>(scope);
        var after = (await queries.ChildrenAsync("11", new DateOnly(2026, 1, 1), default))!;
        Assert.Equal(45, after.Count);
        Assert.All(after, u => Assert.Equal("commune", u.Level));
        var before = (await queries.ChildrenAsync("11", new DateOnly(2024, 12, 31), default))!;
        Assert.All(before, u => Assert.Equal("district", u.Level));
        Assert.Null(await queries.ChildrenAsync("99", new DateOnly(2026, 1, 1), default));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AreaType_WardAndCommune_UrbanAndRuralWithThe2026Change(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var scope = db.Scope();
        var queries = db.Get<AdminUnitQueries>(scope);
        Assert.Equal(Domain.Common.AreaType.Urban, await queries.AreaTypeOfAsync("03127", new DateOnly(2025, 8, 1), default)); // Phường Điện Biên Phủ
        Assert.Equal(Domain.Common.AreaType.Rural, await queries.AreaTypeOfAsync("03158", new DateOnly(2025, 8, 1), default)); // Xã Sín Thầu
        // Xã Lộc Ninh became Phường Lộc Ninh on 2026-04-30 (NQ 237/NQ-UBTVQH16).
        Assert.Equal(Domain.Common.AreaType.Rural, await queries.AreaTypeOfAsync("25270", new DateOnly(2026, 4, 29), default));
        Assert.Equal(Domain.Common.AreaType.Urban, await queries.AreaTypeOfAsync("25270", new DateOnly(2026, 4, 30), default));
        var unit = await queries.FindAsync("25270", new DateOnly(2026, 5, 1), default);
        Assert.Equal("Phường Lộc Ninh", unit!.FullName);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Successors_OldCommune_MapsToTheNewCommune(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var successors = await db.RunAsync(sp => sp.GetRequiredService<AdminUnitQueries>().SuccessorsAsync("00013", default));
        var only = Assert.Single(successors);
        Assert.Equal("00004", only.NewCommuneCode);
        Assert.Equal("Phường Ba Đình", only.NewCommuneName);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SetAreaType_ProvincialOfficerOfAnotherProvince_NotFound(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        db.User.Become("tinh-hn", Identity.Roles.ProvincialOfficer, "01", AdminLevel.Province);
        var result = await db.RunAsync(sp => sp.GetRequiredService<AreaTypeHandler>()
            .ExecuteAsync(new SetAreaTypeCommand("03158", Domain.Common.AreaType.Urban, new DateOnly(2026, 1, 1)), default));
        Assert.Equal(ResultStatus.NotFound, result.Status);

        db.User.Become("tinh-db", Identity.Roles.ProvincialOfficer, "11", AdminLevel.Province);
        result = await db.RunAsync(sp => sp.GetRequiredService<AreaTypeHandler>()
            .ExecuteAsync(new SetAreaTypeCommand("03158", Domain.Common.AreaType.Urban, new DateOnly(2026, 1, 1)), default));
        Assert.Equal(ResultStatus.Ok, result.Status);
        var before = await db.RunAsync(sp => sp.GetRequiredService<AdminUnitQueries>().AreaTypeOfAsync("03158", new DateOnly(2025, 12, 31), default));
        var after = await db.RunAsync(sp => sp.GetRequiredService<AdminUnitQueries>().AreaTypeOfAsync("03158", new DateOnly(2026, 1, 1), default));
        Assert.Equal(Domain.Common.AreaType.Rural, before);
        Assert.Equal(Domain.Common.AreaType.Urban, after);
    }
}
