using GiamNgheo.Domain.Reviews;

namespace GiamNgheo.Application.Reviews.Steps;

/// <summary>S8: the province returns a submitted report to the commune with a comment.</summary>
internal sealed class ReturnReport(ReviewServices services) : ReviewStep(services)
{
    public Task<Result<CommuneBoard>> RunAsync(long communeReviewId, string comment, CancellationToken ct) =>
        OnCommuneAsync(communeReviewId, Province, async target =>
        {
            if (string.IsNullOrWhiteSpace(comment))
            {
                return Invalid("comment", "Nhập ý kiến khi trả lại báo cáo.");
            }

            var households = await HouseholdsAsync(communeReviewId, ct);
            if (ApplyCommune(target.Commune, target.Campaign, households, CommuneAction.ReturnReport, Db.Clock.Today(), new { comment }) is { } refused)
            {
                return Refused(refused);
            }

            target.Commune.ReturnComment = comment.Trim();
            return null;
        }, ct);
}
