using GiamNgheo.Domain.Reviews;

namespace GiamNgheo.Application.Reviews.Steps;

/// <summary>
/// S8: the province accepts (tiếp nhận) a commune's submitted report, periodic or regular; the commune's review is then
/// closed. The comment is optional; the acceptance is audited (<c>review.commune.AcceptReport</c>).
/// </summary>
internal sealed class AcceptReport(ReviewServices services) : ReviewStep(services)
{
    public Task<Result<CommuneBoard>> RunAsync(long communeReviewId, string? comment, CancellationToken ct) =>
        OnCommuneAsync(communeReviewId, Province, async target =>
        {
            var households = await HouseholdsAsync(communeReviewId, ct);
            var note = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
            if (note is { Length: > 2000 })
            {
                return Invalid("comment", "Ý kiến không được dài quá 2.000 ký tự.");
            }

            if (ApplyCommune(target.Commune, target.Campaign, households, CommuneAction.AcceptReport, Db.Clock.Today(), new { comment = note }) is { } refused)
            {
                return Refused(refused);
            }

            target.Commune.ReturnComment = null;
            return null;
        }, ct);
}
