using GiamNgheo.Application;
using GiamNgheo.Application.Identity;
using GiamNgheo.Application.Reviews;
using GiamNgheo.Domain.Reviews;
using Microsoft.AspNetCore.Mvc;

namespace GiamNgheo.Web.Pages.Reviews;

/// <summary>Review campaigns in the user's scope; a provincial officer opens the periodic review, a commune officer a regular one.</summary>
public sealed class IndexModel(ReviewQueries queries, ReviewCommands commands, ICurrentUser user, TimeProvider clock) : ReviewPage
{
    public int ThisYear => clock.Today().Year;

    public IReadOnlyList<CampaignSummary> Campaigns { get; private set; } = [];
    public bool CanOpenPeriodic => UnitScope.IsAny(user, [Roles.SystemAdmin, Roles.ProvincialOfficer]);
    public bool CanOpenRegular => UnitScope.IsAny(user, [Roles.SystemAdmin, Roles.ProvincialOfficer, Roles.CommuneOfficer]);

    public async Task OnGetAsync(CancellationToken ct) => Campaigns = await queries.CampaignsAsync(ct);

    public async Task<IActionResult> OnPostOpenAsync(int year, CampaignKind kind, int? month, CancellationToken ct)
    {
        var result = await commands.OpenCampaignAsync(new OpenCampaignInput { Year = year, Kind = kind, Month = kind == CampaignKind.Regular ? month : null }, ct);
        return After(result, Ok("Đã mở đợt rà soát.", "Review campaign opened."), result.Value is { } c ? $"/Reviews/Campaign/{c.Id}" : "/Reviews");
    }
}
