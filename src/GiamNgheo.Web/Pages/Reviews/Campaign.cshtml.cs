using GiamNgheo.Application.Reviews;
using Microsoft.AspNetCore.Mvc;

namespace GiamNgheo.Web.Pages.Reviews;

/// <summary>Provincial overview of a campaign: communes by state, report deadlines and lateness; return a report with a comment.</summary>
public sealed class CampaignModel(ReviewQueries queries, ReviewCommands commands) : ReviewPage
{
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
}
