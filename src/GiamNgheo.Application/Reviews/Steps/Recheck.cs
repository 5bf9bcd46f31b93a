using GiamNgheo.Domain.Reviews;
using Microsoft.EntityFrameworkCore;

namespace GiamNgheo.Application.Reviews.Steps;

/// <summary>S4: the re-check (phúc tra) of a complained household; its open complaints get the result; optionally a new survey.</summary>
internal sealed class Recheck(ReviewServices services) : ReviewStep(services)
{
    public Task<Result<CommuneBoard>> RunAsync(long reviewHouseholdId, RecheckInput input, CancellationToken ct) =>
        OnHouseholdAsync(reviewHouseholdId, Officers, async target =>
        {
            var (rh, cr, campaign) = (target.Household!, target.Commune, target.Campaign);
            if (string.IsNullOrWhiteSpace(input.Result) || input.RecheckedOn > Db.Clock.Today())
            {
                return Invalid("result", $"Nhập kết quả phúc tra và ngày phúc tra (không sau hôm nay, {Day(Db.Clock.Today())}).");
            }

            if (ApplyHousehold(cr, rh, HouseholdAction.Recheck, input.RecheckedOn, 0, 0, new { input.RecheckedOn, input.Result }) is { } refused)
            {
                return Refused(refused);
            }

            var complaints = await Db.ReviewComplaints.Where(c => c.ReviewHouseholdId == rh.Id && c.RecheckedOn == null).ToListAsync(ct);
            foreach (var complaint in complaints)
            {
                complaint.RecheckedOn = input.RecheckedOn;
                complaint.RecheckResult = input.Result.Trim();
            }

            if (input.Survey is { } survey)
            {
                var saved = await Services.Surveys.SaveAsync(rh.HouseholdId, survey with { Year = campaign.Year }, reviewCampaign: true, ct);
                if (saved.Status != ResultStatus.Ok)
                {
                    return Convert<CommuneBoard, Surveys.SurveyView>(saved);
                }

                rh.SurveyId = saved.Value!.Survey!.Id;
                rh.Category = RecordSurvey.CategoryOf(saved.Value, campaign.StandardCode);
            }

            return null;
        }, ct);
}
