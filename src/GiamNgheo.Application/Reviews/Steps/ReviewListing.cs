using GiamNgheo.Application.Persistence;
using GiamNgheo.Domain.Classification;
using GiamNgheo.Domain.Statuses;
using Microsoft.EntityFrameworkCore;

namespace GiamNgheo.Application.Reviews.Steps;

/// <summary>The list in force before a campaign, and the Mẫu 04 requests linked into a review: shared by the listing steps.</summary>
internal sealed class ReviewListing(AppDbContext db)
{
    /// <summary>
    /// The list in force before the campaign under its standard (poor / near-poor; household → category code), from the
    /// classification facts through <see cref="HouseholdStatusRules.ForReviewYear"/>: the latest recognised category of
    /// each household, including a regular review's decision earlier in the same year; carried over from earlier years.
    /// For a household never decided (data loaded before the workflow), its computed results stand in.
    /// One household when <paramref name="householdId"/> is given.
    /// </summary>
    public async Task<Dictionary<long, string>> PreviousListAsync(string communeCode, ReviewCampaignEntity campaign, long? householdId, CancellationToken ct)
    {
        var thisCampaign = db.CommuneReviews.Where(c => c.CampaignId == campaign.Id).Select(c => c.Id);
        var rows = await (from c in db.HouseholdClassifications.AsNoTracking()
                          join d in db.RecognitionDecisions.AsNoTracking() on c.DecisionId equals d.Id into decisions
                          from d in decisions.DefaultIfEmpty()
                          where c.CommuneCode == communeCode && c.StandardCode == campaign.StandardCode
                                && (householdId == null || c.HouseholdId == householdId)
                                && (c.Year < campaign.Year
                                    || (c.Year == campaign.Year && d != null && d.SignedOn <= campaign.StartDate && !thisCampaign.Contains(d.CommuneReviewId)))
                          select new { c.HouseholdId, c.Year, c.Category, c.ComputedAtUtc, c.DecisionId, SignedOn = d == null ? (DateOnly?)null : d.SignedOn })
            .ToListAsync(ct);
        var list = new Dictionary<long, string>();
        foreach (var household in rows.GroupBy(r => r.HouseholdId))
        {
            // The recognised facts when the household has any; computed results only stand in for households never decided.
            var recognised = household.Where(r => r.DecisionId is not null).ToList();
            var facts = (recognised.Count > 0 ? recognised : [.. household])
                .Select(r => new StatusFact(r.Year, r.Category, r.SignedOn ?? DateOnly.FromDateTime(r.ComputedAtUtc), r.DecisionId));
            var status = HouseholdStatusRules.ForReviewYear(facts, campaign.Year);
            if (status.IsListed)
            {
                list[household.Key] = status.Category.ToCode();
            }
        }

        return list;
    }

    /// <summary>A household's category on the list in force before the campaign ("poor"/"near_poor"; null: not on it).</summary>
    public async Task<string?> PreviousCategoryAsync(long householdId, string communeCode, ReviewCampaignEntity campaign, CancellationToken ct) =>
        (await PreviousListAsync(communeCode, campaign, householdId, ct)).GetValueOrDefault(householdId);

    /// <summary>
    /// Links the commune's unlinked Mẫu 04 requests to the review, adding the household to its list when it is not on it.
    /// Inside the caller's transaction; a household added is flushed at once for its key.
    /// </summary>
    public async Task LinkEscapeRequestsAsync(CommuneReviewEntity cr, CancellationToken ct)
    {
        var requests = await db.EscapeRequests.Where(r => r.CommuneCode == cr.CommuneCode && r.ReviewHouseholdId == null).ToListAsync(ct);
        if (requests.Count == 0)
        {
            return;
        }

        var campaign = await db.ReviewCampaigns.AsNoTracking().SingleAsync(c => c.Id == cr.CampaignId, ct);
        var inReview = await db.ReviewHouseholds.Where(h => h.CommuneReviewId == cr.Id).ToDictionaryAsync(h => h.HouseholdId, ct);
        foreach (var request in requests)
        {
            if (!inReview.TryGetValue(request.HouseholdId, out var rh))
            {
                var household = await db.Households.AsNoTracking().SingleAsync(h => h.Id == request.HouseholdId, ct);
                rh = new ReviewHouseholdEntity
                {
                    CommuneReviewId = cr.Id,
                    ProvinceCode = household.ProvinceCode,
                    HouseholdId = request.HouseholdId,
                    VillageCode = household.VillageCode,
                    ListingReason = ListingReason.Application,
                    ApplicationDate = request.ReceivedOn,
                    PreviousCategory = await PreviousCategoryAsync(request.HouseholdId, cr.CommuneCode, campaign, ct),
                    ReasonText = "Mẫu 04: đề nghị công nhận thoát nghèo/thoát cận nghèo",
                };
                db.ReviewHouseholds.Add(rh);
                await db.SaveChangesAsync(ct);
                inReview[rh.HouseholdId] = rh;
            }

            request.ReviewHouseholdId = rh.Id;
        }

        await db.SaveChangesAsync(ct);
    }
}
