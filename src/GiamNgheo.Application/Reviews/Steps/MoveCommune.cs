using GiamNgheo.Domain.Reviews;

namespace GiamNgheo.Application.Reviews.Steps;

/// <summary>
/// A commune step without data of its own: start the survey, open the meeting step, return to the survey, submit the
/// report (the certificates step has its own file, <see cref="IssueCertificates"/>).
/// </summary>
internal sealed class MoveCommune(ReviewServices services) : ReviewStep(services)
{
    public Task<Result<CommuneBoard>> RunAsync(long communeReviewId, CommuneAction action, CancellationToken ct)
    {
        switch (action)
        {
            case CommuneAction.StartSurvey or CommuneAction.OpenMeeting or CommuneAction.ReturnToSurvey or CommuneAction.SubmitReport:
                break;
            case CommuneAction.IssueCertificates:
                return new IssueCertificates(Services).RunAsync(communeReviewId, ct);
            case CommuneAction.StartPosting or CommuneAction.ConsultDistrict or CommuneAction.Decide or CommuneAction.ReturnReport or CommuneAction.AcceptReport:
                return Task.FromResult(Invalid("action", "Bước này cần dữ liệu riêng (ngày niêm yết, quyết định, ý kiến…)."));
        }

        return OnCommuneAsync(communeReviewId, Officers, async target =>
        {
            var households = await HouseholdsAsync(communeReviewId, ct);
            if (ApplyCommune(target.Commune, target.Campaign, households, action, Db.Clock.Today(), null) is { } refused)
            {
                return Refused(refused);
            }

            if (action == CommuneAction.SubmitReport)
            {
                target.Commune.ReportSubmittedOn = Db.Clock.Today();
                target.Commune.ReturnComment = null;
            }

            return null;
        }, ct);
    }
}
