using GiamNgheo.Application;
using GiamNgheo.Application.Households;
using GiamNgheo.Application.Identity;
using GiamNgheo.Application.Statuses;
using GiamNgheo.Application.Surveys;
using GiamNgheo.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GiamNgheo.Web.Pages.Households;

public sealed class DetailsModel(HouseholdQueries queries, HouseholdCommands commands, SurveyCommands surveys, HouseholdStatusQueries statuses) : PageModel
{
    public HouseholdDetail? Household { get; private set; }
    public SurveyView? Survey { get; private set; }
    /// <summary>The household's status per review year and standard, with its source (recognised, computed, carried over).</summary>
    public IReadOnlyList<StatusHistoryLine> Statuses { get; private set; } = [];
    public bool CanEdit => Infrastructure.PageAccess.Allows(User, Infrastructure.PageAccess.RegistryEdit);
    public bool CanSeeIds => Roles.PersonalIdViewers.Any(User.IsInRole);
    public bool CanSeeAudit => Infrastructure.PageAccess.Allows(User, Infrastructure.PageAccess.Province);

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        Household = await queries.GetAsync(id, false, ct);
        Survey = Household is null ? null : await surveys.GetAsync(id, null, ct);
        Statuses = Household is null ? [] : await statuses.HistoryAsync(id, ct) ?? [];
        return Household is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostRevealAsync(long id, CancellationToken ct)
    {
        Household = await queries.GetAsync(id, true, ct);
        Survey = Household is null ? null : await surveys.GetAsync(id, null, ct);
        Statuses = Household is null ? [] : await statuses.HistoryAsync(id, ct) ?? [];
        return Household is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostRemoveMemberAsync(long id, long memberId, CancellationToken ct)
    {
        var result = await commands.RemoveMemberAsync(id, memberId, ct);
        if (result.Status == ResultStatus.NotFound)
        {
            return NotFound();
        }

        TempData["Flash"] = result.Status == ResultStatus.Ok ? L.T("Đã xóa thành viên.", "Member removed.") : result.Message;
        return Redirect($"/Households/Details/{id}");
    }

    /// <summary>Hộ chuyển đi / giải thể / nhập hộ (nothing deleted; audited).</summary>
    public async Task<IActionResult> OnPostLeaveAsync(long id, DateOnly? leaveDate, HouseholdLeaveReason? leaveReason, string? leaveNote, int? version, CancellationToken ct)
    {
        var result = await commands.LeaveAsync(id, new HouseholdLeaveInput(leaveDate, leaveReason, leaveNote, version), ct);
        if (result.Status == ResultStatus.NotFound)
        {
            return NotFound();
        }

        TempData["Flash"] = result.Status == ResultStatus.Ok
            ? L.T("Đã ghi nhận hộ không còn cư trú.", "Recorded: the household is no longer resident.")
            : result.Message ?? string.Join(" ", result.Errors.Values.SelectMany(v => v));
        return Redirect($"/Households/Details/{id}");
    }

    public async Task<IActionResult> OnPostDeleteAsync(long id, CancellationToken ct)
    {
        var result = await commands.DeleteAsync(id, ct);
        if (result.Status == ResultStatus.NotFound)
        {
            return NotFound();
        }

        if (result.Status != ResultStatus.Ok)
        {
            TempData["Flash"] = result.Message;
            return Redirect($"/Households/Details/{id}");
        }

        TempData["Flash"] = L.T("Đã xóa hộ.", "Household deleted.");
        return Redirect("/Households");
    }
}
