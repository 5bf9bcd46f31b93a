using GiamNgheo.Domain.Reviews;

namespace GiamNgheo.Application.Reviews.Steps;

/// <summary>S5: the district's opinion (only for reviews before 01/07/2025, when districts still existed).</summary>
internal sealed class ConsultDistrict(ReviewServices services) : ReviewStep(services)
{
    public Task<Result<CommuneBoard>> RunAsync(long communeReviewId, DateOnly on, string opinion, CancellationToken ct) =>
        OnCommuneAsync(communeReviewId, Officers, async target =>
        {
            var households = await HouseholdsAsync(communeReviewId, ct);
            if (ApplyCommune(target.Commune, target.Campaign, households, CommuneAction.ConsultDistrict, on, new { on, opinion }) is { } refused)
            {
                return Refused(refused);
            }

            target.Commune.DistrictConsultedOn = on;
            target.Commune.DistrictOpinion = opinion.Trim();
            return null;
        }, ct);
}
