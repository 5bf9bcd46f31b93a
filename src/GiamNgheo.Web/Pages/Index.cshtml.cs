using System.Security.Claims;
using GiamNgheo.Application.Dashboards;
using GiamNgheo.Application.Households;
using GiamNgheo.Application.Identity;
using GiamNgheo.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GiamNgheo.Web.Pages;

/// <summary>The home page: what the signed-in role has to do now (Application/Dashboards/HomeTasks), each count linking to its list.</summary>
public sealed class IndexModel(HouseholdQueries households, HomeTasks tasks) : PageModel
{
    public string DisplayName { get; private set; } = string.Empty;
    public string ScopeName { get; private set; } = string.Empty;
    public string? ScopeCode { get; private set; }
    public string? Role { get; private set; }
    public long HouseholdCount { get; private set; }

    public IReadOnlyList<OpenReviewStep> OpenSteps { get; private set; } = [];
    public IReadOnlyList<ReturnedReport> Returned { get; private set; } = [];
    public IReadOnlyList<CampaignReportsWaiting> ReviewReportsWaiting { get; private set; } = [];
    public IReadOnlyList<ReportSetWaiting> ReportSetsWaiting { get; private set; } = [];
    public IReadOnlyList<VillageSurveyWork> Surveys { get; private set; } = [];
    public SupportWaiting? Support { get; private set; }
    public KeyFigures? Figures { get; private set; }
    public AdminFigures? Admin { get; private set; }

    public IReadOnlyList<MenuItem> Menu { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        DisplayName = User.FindFirstValue(AppClaims.DisplayName) is { Length: > 0 } name ? name : User.Identity?.Name ?? string.Empty;
        Role = Roles.All.FirstOrDefault(User.IsInRole);
        Menu = MenuItems.For(Role);
        ScopeCode = User.FindFirstValue(AppClaims.ScopeUnit);
        ScopeName = ScopeCode is null ? L.T("Toàn quốc", "Whole country") : (await households.UnitNamesAsync([ScopeCode], ct)).GetValueOrDefault(ScopeCode, ScopeCode);
        HouseholdCount = (await households.ListAsync(new HouseholdListQuery(PageSize: 1), ct)).TotalCount;
        switch (Role)
        {
            case Roles.CommuneOfficer:
                OpenSteps = await tasks.OpenStepsAsync(ct);
                Returned = await tasks.ReturnedAsync(ct);
                Support = await tasks.SupportAsync(byPolicy: false, ct);
                break;
            case Roles.VillageReviewer:
                Surveys = await tasks.VillageSurveyAsync(ct);
                break;
            case Roles.ProvincialOfficer:
                OpenSteps = await tasks.OpenStepsAsync(ct);
                Returned = await tasks.ReturnedAsync(ct);
                ReviewReportsWaiting = await tasks.ReviewReportsWaitingAsync(ct);
                ReportSetsWaiting = await tasks.ReportSetsWaitingAsync(ct);
                break;
            case Roles.Leader:
                Figures = await tasks.KeyFiguresAsync(ct);
                break;
            case Roles.SectorOfficer:
                Support = await tasks.SupportAsync(byPolicy: true, ct);
                break;
            case Roles.SystemAdmin:
                Admin = await tasks.AdminAsync(ct);
                break;
        }
    }

    /// <summary>Communes late (a step past its deadline) — the provincial officer's first card.</summary>
    public IReadOnlyList<OpenReviewStep> Late => [.. OpenSteps.Where(s => s.Late)];

    public static string DaysText(int daysLeft) => daysLeft switch
    {
        < 0 => L.T($"quá hạn {-daysLeft} ngày", $"{-daysLeft} days overdue"),
        0 => L.T("hạn hôm nay", "due today"),
        _ => L.T($"còn {daysLeft} ngày", $"{daysLeft} days left"),
    };

    public static string DeadlineText(StepDeadlineKind kind) => kind switch
    {
        StepDeadlineKind.CampaignEnd => L.T("Kết thúc đợt", "Campaign ends"),
        StepDeadlineKind.PostingEnd => L.T("Hết niêm yết", "Posting ends"),
        StepDeadlineKind.ReportDue => L.T("Hạn báo cáo tỉnh", "Report due"),
    };

    public static string Rate(decimal value) => value.ToString("0.00", System.Globalization.CultureInfo.CurrentCulture) + "%";
}
