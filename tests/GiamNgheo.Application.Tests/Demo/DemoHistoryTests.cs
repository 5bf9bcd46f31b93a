using System.Diagnostics;
using System.Text.RegularExpressions;
using GiamNgheo.Application.AdminUnits;
using GiamNgheo.Application.Dashboards;
using GiamNgheo.Application.Demo;
using GiamNgheo.Application.Identity;
using GiamNgheo.Application.Persistence;
using GiamNgheo.Application.Reviews;
using GiamNgheo.Application.Surveys;
using GiamNgheo.Application.Tests.Infrastructure;
using GiamNgheo.Domain.Classification;
using GiamNgheo.Domain.Reviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GiamNgheo.Application.Tests.Demo;

/// <summary>The demo province's review history (docs/review-workflow.md, "Demo history"), on both databases.</summary>
public partial class DemoHistoryTests
{
    private const string Nd07 = "ND07_2021";
    private const string Qd59 = "QD59_2015";
    private static readonly int[] Years = [2023, 2024, 2025];

    private static async Task SeedAsync(TestDatabase db)
    {
        var watch = Stopwatch.StartNew();
        await db.RunAsync(sp => sp.GetRequiredService<DemoSeeder>().SeedAsync("GiamNgheo@2026", default));
        TestContext.Current.TestOutputHelper?.WriteLine($"demo seeded on {db.Provider} in {watch.Elapsed.TotalSeconds:0.0} s");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Seed_ThreeRecognisedYears_LawfulReviewsWithDecisionsCertificatesAndReports(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await SeedAsync(db);
        await using var scope = db.Scope();
        var ctx = db.Get<AppDbContext>(scope);

        var campaigns = await ctx.ReviewCampaigns.AsNoTracking().OrderBy(c => c.Year).ToListAsync();
        Assert.Equal([2023, 2024, 2025], campaigns.Select(c => c.Year));
        Assert.All(campaigns, c => Assert.Equal(CampaignKind.Periodic, c.Kind));
        Assert.All(campaigns, c => Assert.Equal(Nd07, c.StandardCode));
        var reviews = await ctx.CommuneReviews.AsNoTracking().ToListAsync();
        var decisions = await ctx.RecognitionDecisions.AsNoTracking().ToDictionaryAsync(d => d.Id);
        Assert.Equal(3 * DemoSeeder.CommuneCount, reviews.Count);
        foreach (var cr in reviews)
        {
            var year = campaigns.Single(c => c.Id == cr.CampaignId).Year;
            Assert.Equal(year < DemoHistory.LastYear ? CommuneReviewState.Accepted : CommuneReviewState.Reported, cr.State);
            var decision = decisions[cr.DecisionId!.Value];
            Assert.Equal(year, decision.Year);
            Assert.Equal(12, decision.SignedOn.Month);
            Assert.Equal(year, decision.SignedOn.Year);
            Assert.Matches(DecisionNumber(), decision.Number);
            Assert.False(string.IsNullOrWhiteSpace(decision.Signer));
            Assert.True(decision.SignedOn > cr.PostingEnd, "signed after the posting period");
            Assert.True(cr.ReportSubmittedOn <= cr.ReportDeadline, "report on time");
            Assert.Equal(year < 2025, cr.DistrictConsultedOn is not null);
        }

        // 2023 surveys every household; 2024 and 2025 only the previous list and the applicants.
        var surveyed = (await ctx.HouseholdSurveys.AsNoTracking().Select(s => new { s.HouseholdId, s.Year }).ToListAsync())
            .GroupBy(s => s.Year).ToDictionary(g => g.Key, g => g.Select(s => s.HouseholdId).ToHashSet());
        Assert.Equal(DemoSeeder.Households, surveyed[2023].Count);
        Assert.InRange(surveyed[2024].Count, 200, DemoSeeder.Households / 2);
        Assert.InRange(surveyed[2025].Count, 200, DemoSeeder.Households / 2);

        var rows = await ctx.HouseholdClassifications.AsNoTracking()
            .Select(c => new { c.HouseholdId, c.Year, c.StandardCode, c.Category, c.DecisionId }).ToListAsync();
        Assert.All(rows.Where(r => r.StandardCode == Nd07), r => Assert.NotNull(r.DecisionId));
        Assert.All(rows.Where(r => r.StandardCode == Qd59), r => Assert.Null(r.DecisionId));
        var nd07 = rows.Where(r => r.StandardCode == Nd07).GroupBy(r => r.Year)
            .ToDictionary(g => g.Key, g => g.ToDictionary(r => r.HouseholdId, r => r.Category));
        static bool Listed(HouseholdCategory c) => c is HouseholdCategory.Poor or HouseholdCategory.NearPoor;
        foreach (var year in new[] { 2024, 2025 })
        {
            var previousList = nd07[year - 1].Where(p => Listed(p.Value)).Select(p => p.Key).ToList();
            Assert.All(previousList, id => Assert.Contains(id, surveyed[year]));
        }

        // Movements happen in both years: escapes, near-poor falling back, new poor, and relapses after an escape.
        HouseholdCategory At(int year, long id) => nd07[year].TryGetValue(id, out var c) ? c : year > 2023 ? At(year - 1, id) : HouseholdCategory.NotPoor;
        var ids = nd07[2023].Keys.ToList();
        foreach (var year in new[] { 2024, 2025 })
        {
            Assert.True(ids.Count(id => At(year - 1, id) == HouseholdCategory.Poor && At(year, id) != HouseholdCategory.Poor) > 10, $"escaped in {year}");
            Assert.True(ids.Any(id => !Listed(At(year - 1, id)) && At(year, id) == HouseholdCategory.Poor), $"new poor in {year}");
        }

        Assert.True(ids.Any(id => At(2024, id) == HouseholdCategory.NearPoor && At(2025, id) == HouseholdCategory.Poor), "near-poor fell back");
        Assert.True(ids.Any(id => At(2023, id) == HouseholdCategory.Poor && !Listed(At(2024, id)) && At(2025, id) == HouseholdCategory.Poor), "relapsed");

        // The poor rate over every household falls year on year and stays near the generator's 2025 rate.
        var poor = Years.Select(y => ids.Count(id => At(y, id) == HouseholdCategory.Poor) / (double)ids.Count).ToList();
        Assert.True(poor[0] > poor[1] && poor[1] > poor[2], $"poor rates {string.Join(", ", poor)}");
        Assert.InRange(poor[2], 0.08, 0.22);

        // Certificates (Mẫu 03) for exactly the poor and near-poor households; Mẫu 04 requests linked to their review.
        var listedHouseholds = await ctx.ReviewHouseholds.AsNoTracking().ToListAsync();
        Assert.All(listedHouseholds, h => Assert.Equal(HouseholdReviewState.Certified, h.State));
        Assert.All(listedHouseholds, h => Assert.Equal(h.Category is "poor" or "near_poor", h.CertificateNumber is not null));
        Assert.All(listedHouseholds, h => Assert.True(h.Agree * 2 >= h.Attendees, "agreed by at least half of the meeting"));
        Assert.Equal(listedHouseholds.Count, await ctx.ReviewVotes.CountAsync());
        Assert.Contains(listedHouseholds, h => h.ListingReason == ListingReason.Application);
        var requests = await ctx.EscapeRequests.AsNoTracking().ToListAsync();
        Assert.NotEmpty(requests);
        Assert.All(requests, r => Assert.NotNull(r.ReviewHouseholdId));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Seed_Then2026PeriodicReview_BuildsTheListFromThe2025RecognisedList(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await SeedAsync(db);
        const string commune = "03158";
        var expected = await db.RunAsync(sp => sp.GetRequiredService<AppDbContext>().HouseholdClassifications.AsNoTracking()
            .Where(c => c.CommuneCode == commune && c.Year == 2025 && c.StandardCode == Nd07 && c.DecisionId != null
                && (c.Category == HouseholdCategory.Poor || c.Category == HouseholdCategory.NearPoor))
            .Select(c => c.HouseholdId).ToListAsync());
        Assert.NotEmpty(expected);

        db.User.Become("tinh", Roles.ProvincialOfficer, "11", AdminLevel.Province);
        var campaign = await db.RunAsync(sp => sp.GetRequiredService<ReviewCommands>()
            .OpenCampaignAsync(new OpenCampaignInput { Year = 2026, Kind = CampaignKind.Periodic }, default));
        Assert.Equal(ResultStatus.Ok, campaign.Status);
        var reviewId = await db.RunAsync(sp => sp.GetRequiredService<AppDbContext>().CommuneReviews
            .Where(c => c.CampaignId == campaign.Value!.Id && c.CommuneCode == commune).Select(c => c.Id).SingleAsync());
        db.User.Become("xa", Roles.CommuneOfficer, commune, AdminLevel.Commune);
        var board = await db.RunAsync(sp => sp.GetRequiredService<ReviewCommands>().BuildListAsync(reviewId, default));

        Assert.Equal(ResultStatus.Ok, board.Status);
        Assert.Equal(expected.Order(), board.Value!.Households.Select(h => h.HouseholdId).Order());
        Assert.All(board.Value.Households, h => Assert.True(h.PreviousCategory is "poor" or "near_poor"));
    }

    /// <summary>
    /// One household surveyed for 2026 (a new year, nothing decided) must neither become the dashboard's default year nor
    /// make 2026 read "1 household, 100% poor": every figure counts every resident household with its carried-over status.
    /// </summary>
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Seed_OneHouseholdSurveyedFor2026_DashboardStaysOn2025AndCountsEveryHousehold(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await SeedAsync(db);
        var householdId = await db.RunAsync(sp => sp.GetRequiredService<AppDbContext>().Households.Where(h => h.CommuneCode == "03158")
            .OrderBy(h => h.Id).Select(h => h.Id).FirstAsync());
        var saved = await db.RunAsync(sp => sp.GetRequiredService<SurveyCommands>().SaveAsync(householdId, new SurveyInput
        {
            Year = 2026,
            IncomePerCapita = 900_000,
            Answers = new Dictionary<string, bool> { ["employment"] = true, ["nutrition"] = true, ["water"] = true },
        }, default));
        Assert.Equal(ResultStatus.Ok, saved.Status);

        db.User.Become("tinh", Roles.ProvincialOfficer, "11", AdminLevel.Province);
        var dashboard = (await db.RunAsync(sp => sp.GetRequiredService<DashboardService>().GetAsync("11", null, default))).Value!;

        Assert.Equal(2025, dashboard.Year);
        var trend = dashboard.Trends.Single(t => t.StandardCode == Nd07).Years;
        Assert.Equal(DemoSeeder.Households, trend.Single(p => p.Year == 2025).Households);
        Assert.All(trend, p => Assert.True(p.PoorRate < 50m, $"{p.Year}: {p.PoorRate}% of {p.Households}"));
    }

    [GeneratedRegex(@"^\d{3}/QĐ-UBND$")]
    private static partial Regex DecisionNumber();
}
