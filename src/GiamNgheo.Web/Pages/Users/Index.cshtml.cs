using GiamNgheo.Application;
using GiamNgheo.Application.Identity;
using GiamNgheo.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GiamNgheo.Web.Pages.Users;

/// <summary>The users of the signed-in manager's scope: filter, pages, lock, unlock and deactivate.</summary>
public sealed class IndexModel(UserAdministration administration) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Role { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool All { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public Page<UserSummary> Users { get; private set; } = new([], 1, 25, 0);
    public IReadOnlyList<string> AssignableRoles { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        AssignableRoles = administration.AssignableRoles();
        Users = await administration.ListAsync(new UserFilter(Search, Role, All, PageNumber, 25), ct);
    }

    public Task<IActionResult> OnPostLockAsync(string id, CancellationToken ct) =>
        ActAsync(administration.LockAsync(id, ct), L.T("Đã khóa tài khoản.", "Account locked."));

    public Task<IActionResult> OnPostUnlockAsync(string id, CancellationToken ct) =>
        ActAsync(administration.UnlockAsync(id, ct), L.T("Đã mở khóa tài khoản.", "Account unlocked."));

    public Task<IActionResult> OnPostDeactivateAsync(string id, CancellationToken ct) =>
        ActAsync(administration.DeactivateAsync(id, ct), L.T("Đã ngừng hoạt động tài khoản.", "Account deactivated."));

    private async Task<IActionResult> ActAsync(Task<Result<UserSummary>> action, string flash)
    {
        var result = await action;
        if (result.Status == ResultStatus.NotFound)
        {
            return NotFound();
        }

        TempData["Flash"] = result.Status == ResultStatus.Ok ? flash : result.Message;
        return Redirect("/Users" + Request.QueryString);
    }
}
