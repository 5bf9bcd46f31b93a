using GiamNgheo.Domain.Reviews;
using Microsoft.EntityFrameworkCore;

namespace GiamNgheo.Application.Reviews.Steps;

/// <summary>S4: posts the re-check result again; the commune's posting period is extended to the end of this re-posting.</summary>
internal sealed class Repost(ReviewServices services) : ReviewStep(services)
{
    public Task<Result<CommuneBoard>> RunAsync(long reviewHouseholdId, DateOnly start, CancellationToken ct) =>
        OnHouseholdAsync(reviewHouseholdId, Officers, async target =>
        {
            var (rh, cr) = (target.Household!, target.Commune);
            var end = Rules.PostingEnd(await Services.Settings.CalendarAsync(cr.ProvinceCode, ct), start);
            if (ApplyHousehold(cr, rh, HouseholdAction.Repost, start, 0, 0, new { start, end }) is { } refused)
            {
                return Refused(refused);
            }

            if (cr.PostingEnd is null || end > cr.PostingEnd)
            {
                cr.PostingEnd = end;
            }

            foreach (var complaint in await Db.ReviewComplaints.Where(c => c.ReviewHouseholdId == rh.Id && c.RepostedOn == null).ToListAsync(ct))
            {
                complaint.RepostedOn = start;
            }

            return null;
        }, ct, target => Services.Documents.FreezePostingAsync(target.Commune.Id, ct));
}
