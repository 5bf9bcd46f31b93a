using GiamNgheo.Domain.Reviews;

namespace GiamNgheo.Application.Reviews.Steps;

/// <summary>S4: starts the public posting; its end follows the province's working calendar; the posting lists are frozen.</summary>
internal sealed class StartPosting(ReviewServices services) : ReviewStep(services)
{
    public Task<Result<CommuneBoard>> RunAsync(long communeReviewId, DateOnly start, CancellationToken ct) =>
        OnCommuneAsync(communeReviewId, Officers, async target =>
        {
            var (cr, campaign) = (target.Commune, target.Campaign);
            if (start < campaign.StartDate || start > Db.Clock.Today().AddDays(30))
            {
                return Invalid("start", $"Ngày bắt đầu niêm yết phải từ ngày {Day(campaign.StartDate)} (bắt đầu đợt rà soát) đến ngày {Day(Db.Clock.Today().AddDays(30))}.");
            }

            var households = await HouseholdsAsync(cr.Id, ct);
            var calendar = await Services.Settings.CalendarAsync(cr.ProvinceCode, ct);
            var end = Rules.PostingEnd(calendar, start);
            if (ApplyCommune(cr, campaign, households, CommuneAction.StartPosting, start,
                new { start, end, workingDays = Rules.PostingWorkingDays, countsFirstDay = Rules.PostingCountsFirstDay }) is { } refused)
            {
                return Refused(refused);
            }

            cr.PostingStart = start;
            cr.PostingEnd = end;
            foreach (var rh in households.Where(h => !h.State.IsExcluded()))
            {
                ApplyHousehold(cr, rh, HouseholdAction.Post, start, 0, 0, null);
            }

            return null;
        }, ct, target => Services.Documents.FreezePostingAsync(target.Commune.Id, ct));
}
