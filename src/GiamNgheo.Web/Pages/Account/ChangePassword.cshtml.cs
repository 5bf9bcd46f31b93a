using GiamNgheo.Application;
using GiamNgheo.Application.Identity;
using GiamNgheo.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GiamNgheo.Web.Pages.Account;

/// <summary>
/// The signed-in user's own password. After a reset (or a first password chosen by a manager) the user is sent here
/// and can do nothing else until it is changed (<see cref="SessionValidation"/>).
/// </summary>
public sealed class ChangePasswordModel(UserAdministration administration, UserManager<AppUser> users, SignInManager<AppUser> signIn) : PageModel
{
    [BindProperty]
    public PasswordForm Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public bool Required { get; private set; }

    public async Task OnGetAsync() => Required = (await users.GetUserAsync(User))?.MustChangePassword == true;

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await administration.ChangeOwnPasswordAsync(Input.CurrentPassword ?? string.Empty, Input.NewPassword ?? string.Empty,
            Input.ConfirmPassword ?? string.Empty, ct);
        if (result.Status == ResultStatus.Ok)
        {
            // The new security stamp ended every session of the user, this one included: sign in again with the new one.
            var user = await users.GetUserAsync(User);
            if (user is not null)
            {
                await signIn.SignInAsync(user, isPersistent: false);
            }

            TempData["Flash"] = L.T("Đã đổi mật khẩu.", "Password changed.");
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        }

        PageErrors.AddTo(ModelState, result.Errors);
        Required = (await users.GetUserAsync(User))?.MustChangePassword == true;
        return Page();
    }

    public sealed class PasswordForm
    {
        public string? CurrentPassword { get; set; }
        public string? NewPassword { get; set; }
        public string? ConfirmPassword { get; set; }
    }
}
