using GiamNgheo.Domain.Reviews;

namespace GiamNgheo.Application.Reviews.Steps;

/// <summary>S4: records a complaint about a posted household, received within the posting period.</summary>
internal sealed class Complain(ReviewServices services) : ReviewStep(services)
{
    public Task<Result<CommuneBoard>> RunAsync(long reviewHouseholdId, ComplaintInput input, CancellationToken ct) =>
        OnHouseholdAsync(reviewHouseholdId, Officers, target =>
        {
            var errors = new ValidationErrors();
            if (input.ReceivedOn > Db.Clock.Today())
            {
                errors.Add("receivedOn", $"Ngày nhận khiếu nại không được sau hôm nay ({Day(Db.Clock.Today())}).");
            }

            if (string.IsNullOrWhiteSpace(input.Complainant))
            {
                errors.Add("complainant", "Nhập người khiếu nại.");
            }

            if (string.IsNullOrWhiteSpace(input.Content))
            {
                errors.Add("content", "Nhập nội dung khiếu nại.");
            }

            if (errors.Any)
            {
                return Task.FromResult<Result<CommuneBoard>?>(Result<CommuneBoard>.Invalid(errors.ToDictionary()));
            }

            var (rh, cr) = (target.Household!, target.Commune);
            if (ApplyHousehold(cr, rh, HouseholdAction.Complain, input.ReceivedOn, 0, 0, new { input.ReceivedOn, input.Complainant, input.Content }) is { } refused)
            {
                return Task.FromResult<Result<CommuneBoard>?>(Refused(refused));
            }

            Db.ReviewComplaints.Add(new ReviewComplaintEntity
            {
                ProvinceCode = rh.ProvinceCode, ReviewHouseholdId = rh.Id, ReceivedOn = input.ReceivedOn, Complainant = input.Complainant.Trim(), Content = input.Content.Trim(),
            });
            return Task.FromResult<Result<CommuneBoard>?>(null);
        }, ct);
}
