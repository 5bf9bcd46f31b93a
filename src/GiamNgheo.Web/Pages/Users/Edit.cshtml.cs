using GiamNgheo.Application;
using GiamNgheo.Application.Identity;
using GiamNgheo.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GiamNgheo.Web.Pages.Users;

/// <summary>Create a user (no id) or edit one of the scope: full name, position, role, unit; reset the password.</summary>
public sealed class EditModel(UserAdministration administration) : PageModel
{
    [FromRoute]
    public string? Id { get; set; }

    [BindProperty]
    public UserForm Input { get; set; } = new();

    [BindProperty]
    public string? NewPassword { get; set; }

    public UserSummary? Current { get; private set; }
    public IReadOnlyList<string> AssignableRoles { get; private set; } = [];
    public IReadOnlyList<(string Code, string Name)> Units { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Id is not null)
        {
            Current = await administration.GetAsync(Id, ct);
            if (Current is null)
            {
                return NotFound();
            }

            Input = UserForm.From(Current);
        }

        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var input = new UserInput
        {
            UserName = Input.UserName,
            FullName = Input.FullName,
            Position = Input.Position,
            Password = Input.Password,
            Role = Input.Role,
            UnitCode = Input.UnitCode,
            Version = Input.Version,
        };
        var result = Id is null ? await administration.CreateAsync(input, mustChangePassword: true, ct) : await administration.UpdateAsync(Id, input, ct);
        if (this.AfterSave(result, L.T("Đã lưu tài khoản.", "Account saved."), u => $"/Users/Edit/{u.Id}") is { } done)
        {
            return done;
        }

        if (Id is not null)
        {
            Current = await administration.GetAsync(Id, ct);
        }

        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostResetAsync(CancellationToken ct)
    {
        if (Id is null)
        {
            return NotFound();
        }

        var result = await administration.ResetPasswordAsync(Id, NewPassword, ct);
        if (result.Status == ResultStatus.Invalid)
        {
            PageErrors.AddTo(ModelState, result.Errors, prefix: "New");
        }

        if (this.AfterSave(result, L.T("Đã đặt lại mật khẩu; người dùng phải đổi mật khẩu ở lần đăng nhập sau.", "Password reset; the user must change it at the next login."),
                u => $"/Users/Edit/{u.Id}") is { } done && result.Status != ResultStatus.Invalid)
        {
            return done;
        }

        ModelState.Remove("Input.Password");
        Current = await administration.GetAsync(Id, ct);
        if (Current is not null)
        {
            Input = UserForm.From(Current);
        }

        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        AssignableRoles = administration.AssignableRoles();
        Units = await administration.UnitChoicesAsync(ct);
    }

    public sealed class UserForm
    {
        /// <summary>The form as the stored user reads (when editing starts, and after a password reset).</summary>
        public static UserForm From(UserSummary user) => new()
        {
            UserName = user.UserName,
            FullName = user.FullName,
            Position = user.Position,
            Role = user.Role,
            UnitCode = user.UnitCode,
            Version = user.Version,
        };

        public string? UserName { get; set; }
        public string? FullName { get; set; }
        public string? Position { get; set; }
        public string? Password { get; set; }
        public string? Role { get; set; }
        public string? UnitCode { get; set; }
        public string? Version { get; set; }
    }
}
