using System.Globalization;
using GiamNgheo.Domain.Reviews;
using Microsoft.EntityFrameworkCore;

namespace GiamNgheo.Application.Reviews.Steps;

/// <summary>
/// S1: lists the households of the previous list (poor and near-poor under the legal standard) and links the Mẫu 04
/// requests. A regular (monthly) review handles only the households that applied (Mẫu 01, added by hand) or asked to leave
/// the list (Mẫu 04); the whole current list is reviewed only in the periodic review (QĐ 24/2021 Art. 4 and 5).
/// </summary>
internal sealed class BuildList(ReviewServices services) : ReviewStep(services)
{
    public Task<Result<CommuneBoard>> RunAsync(long communeReviewId, CancellationToken ct) =>
        OnCommuneAsync(communeReviewId, Officers, async target =>
        {
            var (cr, campaign) = (target.Commune, target.Campaign);
            if (cr.State != CommuneReviewState.Listing)
            {
                return Refused($"Chỉ lập danh sách khi xã đang ở bước \"{CommuneReviewState.Listing.ToVietnamese()}\" (hiện: \"{cr.State.ToVietnamese()}\").");
            }

            var listing = new ReviewListing(Db);
            var previous = campaign.Kind == CampaignKind.Periodic ? await listing.PreviousListAsync(cr.CommuneCode, campaign, null, ct) : [];
            var listed = await Db.ReviewHouseholds.Where(h => h.CommuneReviewId == cr.Id).Select(h => h.HouseholdId).ToListAsync(ct);
            var villages = await Db.Households.Where(h => h.ProvinceCode == cr.ProvinceCode && previous.Keys.Contains(h.Id)).Select(h => new { h.Id, h.VillageCode })
                .ToDictionaryAsync(h => h.Id, h => h.VillageCode, ct);
            var added = 0;
            foreach (var (householdId, category) in previous.Where(p => !listed.Contains(p.Key) && villages.ContainsKey(p.Key)))
            {
                Db.ReviewHouseholds.Add(new ReviewHouseholdEntity
                {
                    CommuneReviewId = cr.Id,
                    ProvinceCode = cr.ProvinceCode,
                    HouseholdId = householdId,
                    VillageCode = villages[householdId],
                    ListingReason = ListingReason.CurrentList,
                    PreviousCategory = category,
                    ReasonText = "Hộ thuộc danh sách hộ nghèo, hộ cận nghèo hiện hành",
                });
                added++;
            }

            Db.AddAuditEvent("review.list", "CommuneReview", cr.Id.ToString(CultureInfo.InvariantCulture), null, new { added, fromYear = campaign.Year - 1 });
            return null;
        }, ct, target => new ReviewListing(Db).LinkEscapeRequestsAsync(target.Commune, ct));
}
