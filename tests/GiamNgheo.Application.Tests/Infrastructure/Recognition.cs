using GiamNgheo.Application.Persistence;
using GiamNgheo.Application.Reviews;
using GiamNgheo.Application.Statuses;
using GiamNgheo.Domain.Reviews;
using Microsoft.EntityFrameworkCore;

namespace GiamNgheo.Application.Tests.Infrastructure;

/// <summary>
/// Records a recognition decision over households' existing classifications of a year, without walking the whole review
/// (the review itself is tested in Reviews/): a campaign, a decided commune review, the decision, the classification rows'
/// decision, and the statuses through the production writer.
/// </summary>
internal static class Recognition
{
    public static async Task<long> RecogniseAsync(AppDbContext ctx, IReadOnlyCollection<long> householdIds, int year, DateOnly signedOn, CampaignKind kind,
        string number, string standard = "ND07_2021", bool writeStatuses = true)
    {
        var first = await ctx.Households.AsNoTracking().Where(h => householdIds.Contains(h.Id)).Select(h => new { h.ProvinceCode, h.CommuneCode }).FirstAsync();
        var campaign = new ReviewCampaignEntity
        {
            ProvinceCode = first.ProvinceCode, Year = year, Month = kind == CampaignKind.Periodic ? 9 : signedOn.Month, Kind = kind, StartDate = signedOn,
            EndDate = signedOn, StandardCode = standard, OpenedBy = "test", OpenedAtUtc = ctx.Clock.GetUtcNow().UtcDateTime,
        };
        ctx.ReviewCampaigns.Add(campaign);
        await ctx.SaveChangesAsync();
        var review = new CommuneReviewEntity
        {
            CampaignId = campaign.Id, ProvinceCode = first.ProvinceCode, CommuneCode = first.CommuneCode, State = CommuneReviewState.Decided, ReportDeadline = signedOn,
        };
        ctx.CommuneReviews.Add(review);
        await ctx.SaveChangesAsync();
        var decision = new RecognitionDecisionEntity
        {
            CommuneReviewId = review.Id, CommuneCode = first.CommuneCode, Year = year, StandardCode = standard, Number = number, SignedOn = signedOn, Signer = "Lò Văn Thắng",
        };
        ctx.RecognitionDecisions.Add(decision);
        await ctx.SaveChangesAsync();
        review.DecisionId = decision.Id;
        foreach (var row in await ctx.HouseholdClassifications.Where(c => householdIds.Contains(c.HouseholdId) && c.Year == year && c.StandardCode == standard).ToListAsync())
        {
            row.DecisionId = decision.Id;
        }

        if (writeStatuses)
        {
            await new HouseholdStatusWriter(ctx).StageAsync(decision, kind, householdIds, default);
        }

        await ctx.SaveChangesAsync();
        if (writeStatuses)
        {
            // As ReviewCommands.DecideAsync does: the entitlements follow the decision at once.
            await GiamNgheo.Application.Support.GapRefresh.RefreshGapsAsync(ctx, householdIds, default);
        }

        return decision.Id;
    }
}
