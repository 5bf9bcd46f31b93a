using GiamNgheo.Application.Identity;
using GiamNgheo.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GiamNgheo.Web.Pages.Account;

public sealed class LoginModel(SignInManager<AppUser> signIn, GiamNgheo.Application.Persistence.AppDbContext db) : PageModel
{
    [BindProperty]
    public string UserName { get; set; } = string.Empty;

    [BindProperty]
    public string Password { get; set; } = string.Empty;

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    /// <summary>No account at all yet (a real installation before its first administrator): the page says how to create one.</summary>
    public bool NoUsers { get; private set; }

    public async Task OnGetAsync() => NoUsers = !await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.Users);

    public async Task<IActionResult> OnPostAsync()
    {
        var result = await signIn.PasswordSignInAsync(UserName, Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        }

        Error = result.IsLockedOut
            ? L.T("Tài khoản đang tạm khóa: 15 phút sau 5 lần đăng nhập sai, hoặc đến khi người quản lý mở khóa.", "The account is locked: for 15 minutes after five failures, or until a manager unlocks it.")
            : L.T("Tên đăng nhập hoặc mật khẩu không đúng.", "Wrong user name or password.");
        return Page();
    }
}
