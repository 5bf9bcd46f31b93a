using GiamNgheo.Application.AdminUnits;
using GiamNgheo.Application.Identity;
using GiamNgheo.Application.Persistence;
using GiamNgheo.Application.Targets;
using GiamNgheo.Application.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GiamNgheo.Application.Tests.Reports;

/// <summary>Target actuals count only recognised classifications where a commune has a recognition decision for the year.</summary>
public class TargetBasisTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ForUnitAsync_NoDecision_ComputedResultsAndReviewBasis(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await ReportsTestData.SeedAsync(db);
        db.User.Become("tinh", Roles.ProvincialOfficer, "11", AdminLevel.Province);

        var target = await CreatePoorRateAsync(db);

        Assert.Equal(50m, target.Actual);                 // h1, h3, h5 poor of 6
        Assert.Equal(TargetBasis.Review, target.Basis);
        Assert.Equal("theo kết quả rà soát, chưa có quyết định", target.BasisVi);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ForUnitAsync_Decisions_OnlyRecognisedPoorCounted(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var ids = await ReportsTestData.SeedAsync(db);
        db.User.Become("tinh", Roles.ProvincialOfficer, "11", AdminLevel.Province);
        var target = await CreatePoorRateAsync(db);

        // Sín Thầu's decision recognises h1, h2 and h4 but not h3 (poor only by the computed result).
        await RecogniseAsync(db, 9001, ids[0], ids[1], ids[3]);
        var mixed = await ProgressAsync(db, target.Id);
        Assert.Equal(33.33m, mixed.Actual);               // h1 (recognised) + h5 (Mường Nhé, no decision yet) of 6
        Assert.Equal(TargetBasis.Mixed, mixed.Basis);
        Assert.Contains("theo quyết định công nhận (1/2 xã)", mixed.BasisVi, StringComparison.Ordinal);

        // Mường Nhé's decision recognises h6 only: h5 no longer counts.
        await RecogniseAsync(db, 9002, ids[5]);
        var decided = await ProgressAsync(db, target.Id);
        Assert.Equal(16.67m, decided.Actual);             // h1 of 6
        Assert.Equal(TargetBasis.Decision, decided.Basis);
        Assert.Equal("theo quyết định công nhận", decided.BasisVi);
    }

    private static async Task<TargetProgress> CreatePoorRateAsync(TestDatabase db)
    {
        var created = await db.RunAsync(sp => sp.GetRequiredService<TargetService>().CreateAsync("11",
            new TargetInput(2025, 2025, TargetKind.PoorRate, ReportsTestData.Nd07, TargetComparison.Below, 10, null), default));
        Assert.Equal(ResultStatus.Ok, created.Status);
        return created.Value!;
    }

    private static async Task<TargetProgress> ProgressAsync(TestDatabase db, long id)
    {
        var list = (await db.RunAsync(sp => sp.GetRequiredService<TargetService>().ForUnitAsync("11", 2025, default))).Value!;
        return list.Single(t => t.Id == id);
    }

    private static Task<int> RecogniseAsync(TestDatabase db, long decisionId, params long[] households) => db.RunAsync(async sp =>
    {
        var ctx = sp.GetRequiredService<AppDbContext>();
        var rows = await ctx.HouseholdClassifications.Where(c => households.Contains(c.HouseholdId) && c.Year == 2025 && c.StandardCode == ReportsTestData.Nd07).ToListAsync();
        foreach (var row in rows)
        {
            row.DecisionId = decisionId;
        }

        return await ctx.SaveChangesAsync();
    });
}
