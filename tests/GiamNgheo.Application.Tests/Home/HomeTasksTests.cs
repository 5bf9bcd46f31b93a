using GiamNgheo.Application.AdminUnits;
using GiamNgheo.Application.Dashboards;
using GiamNgheo.Application.Households;
using GiamNgheo.Application.Identity;
using GiamNgheo.Application.Persistence;
using GiamNgheo.Application.Reviews;
using GiamNgheo.Application.Surveys;
using GiamNgheo.Application.Tests.Infrastructure;
using GiamNgheo.Domain.Reviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GiamNgheo.Application.Tests.Home;

/// <summary>The home page's tasks (HomeTasks): each role sees its own work, and a commune officer never another commune's.</summary>
public class HomeTasksTests
{
    private static readonly Dictionary<string, bool> ThreeDeprived = new() { ["employment"] = true, ["nutrition"] = true, ["water"] = true };

    private static async Task<long> PoorHouseholdAsync(TestDatabase db, string commune, string head)
    {
        var created = await db.RunAsync(sp => sp.GetRequiredService<HouseholdCommands>().CreateAsync(
            Samples.Household(commune: commune, head: head, members: [Samples.Head(head, personalId: null), Samples.Child()]), default));
        Assert.Equal(ResultStatus.Ok, created.Status);
        var id = created.Value!.Id;
        var survey = await db.RunAsync(sp => sp.GetRequiredService<SurveyCommands>().SaveAsync(id,
            new SurveyInput { Year = 2025, IncomePerCapita = 900_000, Answers = ThreeDeprived }, default));
        Assert.Equal(ResultStatus.Ok, survey.Status);
        return id;
    }

    private static Task<T> Home<T>(TestDatabase db, Func<HomeTasks, Task<T>> query) => db.RunAsync(sp => query(sp.GetRequiredService<HomeTasks>()));

    private static TestUser CommuneOfficer(TestDatabase db, string commune) => db.User.Become("xa-" + commune, Roles.CommuneOfficer, commune, AdminLevel.Commune);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task CommuneOfficer_SeesOnlyTheirCommunesStepsReturnedReportsAndSupport_ProvinceSeesLateAndReturned(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await PoorHouseholdAsync(db, Samples.CommuneA, "Hờ A Chá");
        await PoorHouseholdAsync(db, Samples.CommuneA, "Lò Thị Hoa");
        await PoorHouseholdAsync(db, Samples.CommuneB, "Vàng Văn Lử");

        // The province opens the 2026 periodic review (20/11/2026); commune A lists its households and starts the survey.
        db.User.Become("tinh", Roles.ProvincialOfficer, "11", AdminLevel.Province);
        var campaign = await db.RunAsync(sp => sp.GetRequiredService<ReviewCommands>().OpenCampaignAsync(
            new OpenCampaignInput { Year = 2026, Kind = CampaignKind.Periodic }, default));
        Assert.Equal(ResultStatus.Ok, campaign.Status);
        var overview = (await db.RunAsync(sp => sp.GetRequiredService<ReviewQueries>().OverviewAsync(campaign.Value!.Id, default)))!;
        var reviewA = overview.Communes.Single(c => c.CommuneCode == Samples.CommuneA).CommuneReviewId;
        var reviewB = overview.Communes.Single(c => c.CommuneCode == Samples.CommuneB).CommuneReviewId;
        CommuneOfficer(db, Samples.CommuneA);
        Assert.Equal(ResultStatus.Ok, (await db.RunAsync(sp => sp.GetRequiredService<ReviewCommands>().BuildListAsync(reviewA, default))).Status);
        Assert.Equal(ResultStatus.Ok, (await db.RunAsync(sp => sp.GetRequiredService<ReviewCommands>().MoveAsync(reviewA, CommuneAction.StartSurvey, default))).Status);

        var stepsA = await Home(db, h => h.OpenStepsAsync(default));
        var stepA = Assert.Single(stepsA);
        Assert.Equal((reviewA, CommuneReviewState.Surveying, StepDeadlineKind.CampaignEnd, new DateOnly(2026, 12, 14), 24, 2, false),
            (stepA.CommuneReviewId, stepA.State, stepA.DeadlineKind, stepA.Deadline, stepA.DaysLeft, stepA.ToSurvey, stepA.Late));
        Assert.Empty(await Home(db, h => h.ReturnedAsync(default)));
        var supportA = await Home(db, h => h.SupportAsync(byPolicy: true, default));
        Assert.All(supportA.Longest, r => Assert.Equal(Samples.CommuneA, r.CommuneCode));

        // Commune B's report comes back from the province with a comment (set directly: the full workflow is tested elsewhere).
        await db.RunAsync(async sp =>
        {
            var ctx = sp.GetRequiredService<AppDbContext>();
            var b = await ctx.CommuneReviews.SingleAsync(c => c.Id == reviewB);
            (b.State, b.ReturnComment, b.ReportSubmittedOn) = (CommuneReviewState.Returned, "Thiếu biên bản họp dân thôn Nậm Ma", new DateOnly(2026, 11, 18));
            return await ctx.SaveChangesAsync();
        });

        // Commune A never sees commune B's returned report, and B sees it with the province's comment, not A's steps.
        Assert.Empty(await Home(db, h => h.ReturnedAsync(default)));
        Assert.DoesNotContain(await Home(db, h => h.OpenStepsAsync(default)), s => s.CommuneCode == Samples.CommuneB);
        CommuneOfficer(db, Samples.CommuneB);
        var returned = Assert.Single(await Home(db, h => h.ReturnedAsync(default)));
        Assert.Equal((Samples.CommuneB, "Thiếu biên bản họp dân thôn Nậm Ma", $"/Reviews/Board/{reviewB}", false),
            (returned.CommuneCode, returned.Comment, returned.Link, returned.ReportSet));
        Assert.Empty(await Home(db, h => h.OpenStepsAsync(default)));
        var supportB = await Home(db, h => h.SupportAsync(byPolicy: true, default));
        Assert.All(supportB.Longest, r => Assert.Equal(Samples.CommuneB, r.CommuneCode));
        Assert.DoesNotContain(supportB.Longest, r => supportA.Longest.Any(a => a.HouseholdId == r.HouseholdId));

        // The province: after 14/12 commune A is late; B is returned. Neither is waiting for approval.
        db.Clock.Now = new DateTimeOffset(2026, 12, 16, 8, 0, 0, TimeSpan.Zero);
        db.User.Become("tinh", Roles.ProvincialOfficer, "11", AdminLevel.Province);
        var late = Assert.Single(await Home(db, h => h.OpenStepsAsync(default)), s => s.Late);
        Assert.Equal((Samples.CommuneA, -2), (late.CommuneCode, late.DaysLeft));
        Assert.Equal(Samples.CommuneB, Assert.Single(await Home(db, h => h.ReturnedAsync(default))).CommuneCode);
        Assert.Empty(await Home(db, h => h.ReviewReportsWaitingAsync(default)));

        // Another province's officer sees none of it; only a system administrator gets the account and unit figures.
        db.User.Become("tinh-khac", Roles.ProvincialOfficer, "01", AdminLevel.Province);
        Assert.Empty(await Home(db, h => h.OpenStepsAsync(default)));
        Assert.Empty(await Home(db, h => h.ReturnedAsync(default)));
        Assert.Null(await Home(db, h => h.AdminAsync(default)));
        db.User.BecomeAdmin();
        var admin = await Home(db, h => h.AdminAsync(default));
        Assert.NotNull(admin);
        Assert.True(admin.Provinces > 0 && admin.Communes > admin.Provinces, $"{admin.Provinces} provinces, {admin.Communes} communes");
    }
}
