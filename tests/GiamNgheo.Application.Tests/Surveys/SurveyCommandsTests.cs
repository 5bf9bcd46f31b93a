using GiamNgheo.Application.AdminUnits;
using GiamNgheo.Application.Households;
using GiamNgheo.Application.Identity;
using GiamNgheo.Application.Persistence;
using GiamNgheo.Application.Standards;
using GiamNgheo.Application.Surveys;
using GiamNgheo.Application.Tests.Infrastructure;
using GiamNgheo.Domain.Classification;
using GiamNgheo.Domain.Standards;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GiamNgheo.Application.Tests.Surveys;

public class SurveyCommandsTests
{
    private static readonly string[] AllDeprivedNd07 = ["employment", "dependants", "nutrition"];

    private static async Task<long> HouseholdWithoutMembersAsync(TestDatabase db)
    {
        var created = await db.RunAsync(sp => sp.GetRequiredService<HouseholdCommands>().CreateAsync(Samples.Household(), default));
        return created.Value!.Id;
    }

    private static Dictionary<string, bool> Deprived(params string[] codes) => codes.ToDictionary(c => c, _ => true);

    /// <summary>
    /// Rural, 900,000 đ/person/month, deprived in water and sanitation only (2 of the shared indicators): under QĐ 59/2015
    /// (poverty line 700,000, near line 1,000,000) with 3 deprivations counted there (adding health_access) it is poor;
    /// under NĐ 07/2021 (one line 1,500,000, k = 3) two deprivations make it near-poor.
    /// </summary>
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Save_OneHousehold_ClassifiedUnderBothActiveStandardsAndStored(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var id = await HouseholdWithoutMembersAsync(db);
        var result = await db.RunAsync(sp => sp.GetRequiredService<SurveyCommands>().SaveAsync(id, new SurveyInput
        {
            Year = 2025,
            IncomePerCapita = 900_000,
            Answers = Deprived("water", "sanitation", "health_access"),
        }, default));

        Assert.Equal(ResultStatus.Ok, result.Status);
        var byStandard = result.Value!.Results.ToDictionary(r => r.StandardCode);
        Assert.Equal(["ND07_2021", "QD59_2015"], result.Value.Results.Select(r => r.StandardCode));
        Assert.Equal(HouseholdCategory.NearPoor, byStandard["ND07_2021"].Classification!.Category);
        Assert.Equal(HouseholdCategory.Poor, byStandard["QD59_2015"].Classification!.Category);
        Assert.True(byStandard["QD59_2015"].InParallel);

        var stored = await db.RunAsync(sp => sp.GetRequiredService<AppDbContext>().HouseholdClassifications
            .Where(c => c.HouseholdId == id).OrderBy(c => c.StandardCode).ToListAsync());
        Assert.Equal(2, stored.Count);
        Assert.Equal(HouseholdCategory.NearPoor, stored[0].Category);
        Assert.Equal("sanitation;water", string.Join(';', stored[0].Deprived.Split(';').Order(StringComparer.Ordinal)));
        Assert.Equal(HouseholdCategory.Poor, stored[1].Category);
        Assert.Equal(Samples.CommuneA, stored[1].CommuneCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Save_AgainWithHigherIncome_ReplacesTheYearsClassification(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var id = await HouseholdWithoutMembersAsync(db);
        var first = await db.RunAsync(sp => sp.GetRequiredService<SurveyCommands>().SaveAsync(id, new SurveyInput
        {
            Year = 2025, IncomePerCapita = 1_500_000, Answers = Deprived(AllDeprivedNd07),
        }, default));
        Assert.Equal(HouseholdCategory.Poor, first.Value!.Results[0].Classification!.Category);

        var second = await db.RunAsync(sp => sp.GetRequiredService<SurveyCommands>().SaveAsync(id, new SurveyInput
        {
            Year = 2025, IncomePerCapita = 1_500_001, Answers = Deprived(AllDeprivedNd07), Version = first.Value.Survey!.Version,
        }, default));
        Assert.Equal(HouseholdCategory.Medium, second.Value!.Results[0].Classification!.Category);

        var stale = await db.RunAsync(sp => sp.GetRequiredService<SurveyCommands>().SaveAsync(id, new SurveyInput
        {
            Year = 2025, IncomePerCapita = 100, Version = first.Value.Survey!.Version,
        }, default));
        Assert.Equal(ResultStatus.Conflict, stale.Status);
        var rows = await db.RunAsync(sp => sp.GetRequiredService<AppDbContext>().HouseholdClassifications.CountAsync(c => c.HouseholdId == id));
        Assert.Equal(2, rows);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Save_NoIncomeNoScore_RefusedInVietnamese(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var id = await HouseholdWithoutMembersAsync(db);
        var result = await db.RunAsync(sp => sp.GetRequiredService<SurveyCommands>().SaveAsync(id, new SurveyInput
        {
            Year = 2025, Answers = Deprived("no_such_indicator"),
        }, default));
        Assert.Equal(ResultStatus.Invalid, result.Status);
        Assert.Contains("thu nhập", result.Errors["incomePerCapita"][0], StringComparison.Ordinal);
        Assert.Contains("no_such_indicator", result.Errors["answers"][0], StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Save_OutsideScope_NotFound(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var id = await HouseholdWithoutMembersAsync(db);
        db.User.Become("xa2", Roles.CommuneOfficer, Samples.CommuneB, AdminLevel.Commune);
        var result = await db.RunAsync(sp => sp.GetRequiredService<SurveyCommands>().SaveAsync(id, new SurveyInput { Year = 2025, IncomePerCapita = 1 }, default));
        Assert.Equal(ResultStatus.NotFound, result.Status);
        Assert.Null(await db.RunAsync(sp => sp.GetRequiredService<SurveyCommands>().GetAsync(id, null, default)));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ImportStandard_LocalStandardOfTheProvince_AppliesOnlyThere(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var local = StandardCatalog.Get("ND07_2021").ToLocal("DB_2025", "11", "Chuẩn nghèo tỉnh Điện Biên", "Điện Biên local standard", new Marked<string>("Quyết định mẫu của tỉnh", VerificationMark.Unverified));
        var json = StandardJson.Serialize(local);

        db.User.Become("tinh-hn", Roles.ProvincialOfficer, "01", AdminLevel.Province);
        var refused = await db.RunAsync(sp => sp.GetRequiredService<ImportStandardHandler>().ExecuteAsync(new ImportStandardCommand(json), default));
        Assert.Equal(ResultStatus.Forbidden, refused.Status);

        db.User.Become("tinh", Roles.ProvincialOfficer, "11", AdminLevel.Province);
        var loaded = await db.RunAsync(sp => sp.GetRequiredService<ImportStandardHandler>().ExecuteAsync(new ImportStandardCommand(json), default));
        Assert.Equal(ResultStatus.Ok, loaded.Status);

        var inDienBien = await db.RunAsync(sp => sp.GetRequiredService<StandardRegistry>().ActiveAsync(2025, "11", default));
        var inHanoi = await db.RunAsync(sp => sp.GetRequiredService<StandardRegistry>().ActiveAsync(2025, "01", default));
        Assert.Contains(inDienBien, a => a.Standard.Code == "DB_2025");
        Assert.DoesNotContain(inHanoi, a => a.Standard.Code == "DB_2025");

        var broken = await db.RunAsync(sp => sp.GetRequiredService<ImportStandardHandler>().ExecuteAsync(new ImportStandardCommand("{ not json"), default));
        Assert.Equal(ResultStatus.Invalid, broken.Status);
    }
}
