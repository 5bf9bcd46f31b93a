using GiamNgheo.Domain.Reviews;

namespace GiamNgheo.Application.Reviews.Steps;

/// <summary>
/// Before the meeting step: takes a household off the list (<see cref="HouseholdAction.Remove"/>, listed by mistake) or
/// marks it "không rà soát lại" (<see cref="HouseholdAction.SkipResurvey"/>), with a reason, audited. Its status carries
/// over: it takes no part in the meeting, posting, decision or certificates of this review.
/// </summary>
internal sealed class ExcludeHousehold(ReviewServices services) : ReviewStep(services)
{
    public Task<Result<CommuneBoard>> RunAsync(long reviewHouseholdId, HouseholdAction action, string? reason, CancellationToken ct)
    {
        if (action is not (HouseholdAction.Remove or HouseholdAction.SkipResurvey))
        {
            return Task.FromResult(Invalid("action", "Chỉ rút hộ khỏi danh sách hoặc ghi không rà soát lại."));
        }

        return OnHouseholdAsync(reviewHouseholdId, Officers, target =>
        {
            if (string.IsNullOrWhiteSpace(reason))
            {
                return Task.FromResult<Result<CommuneBoard>?>(Invalid("reason",
                    action == HouseholdAction.Remove ? "Nhập lý do rút hộ khỏi danh sách rà soát." : "Nhập lý do hộ không rà soát lại."));
            }

            var (rh, cr) = (target.Household!, target.Commune);
            var text = Domain.Common.VietnameseText.NormalizeName(reason);
            if (ApplyHousehold(cr, rh, action, Db.Clock.Today(), 0, 0, new { reason = text }) is { } refused)
            {
                return Task.FromResult<Result<CommuneBoard>?>(Refused(refused));
            }

            rh.ExclusionReason = text;
            return Task.FromResult<Result<CommuneBoard>?>(null);
        }, ct);
    }
}
