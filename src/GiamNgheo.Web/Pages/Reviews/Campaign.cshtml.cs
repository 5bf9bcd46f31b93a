using GiamNgheo.Application.Identity;
using GiamNgheo.Application.Reviews;
using Microsoft.AspNetCore.Mvc;

namespace GiamNgheo.Web.Pages.Reviews;

/// <summary>Provincial overview of a campaign: communes by state, report deadlines and lateness; accept a report, or return it with a comment.</summary>
public sealed class CampaignModel(ReviewQueries queries, ReviewCommands commands, ICurrentUser user) : ReviewPage
{
    /// <summary>Only the province (and the system administrator) accepts or returns a commune's report.</summary>
    public bool CanDecideReports => UnitScope.IsAny(user, [Roles.SystemAdmin, Roles.ProvincialOfficer]);

    public CampaignOverview Overview { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var overview = await queries.OverviewAsync(id, ct);
        if (overview is null)
        {
            return NotFound();
        }

        Overview = overview;
        return Page();
    }

    public async Task<IActionResult> OnPostReturnAsync(long id, long communeReviewId, string comment, CancellationToken ct) =>
        After(await commands.ReturnReportAsync(communeReviewId, comment ?? string.Empty, ct), Ok("Đã trả lại báo cáo cho xã.", "Report returned."), $"/Reviews/Campaign/{id}");

    public async Task<IActionResult> OnPostAcceptAsync(long id, long communeReviewId, CancellationToken ct) =>
        After(await commands.AcceptReportAsync(communeReviewId, null, ct), Ok("Đã tiếp nhận báo cáo của xã.", "Report accepted."), $"/Reviews/Campaign/{id}");
}
