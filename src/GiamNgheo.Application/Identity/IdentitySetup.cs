using GiamNgheo.Application.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace GiamNgheo.Application.Identity;

/// <summary>
/// The one set of Identity rules, shared by the web app and the CLI: passwords of at least 10 characters with upper and
/// lower case, a digit and a symbol; five failed logins lock the account for 15 minutes; a deactivated account cannot
/// sign in (<see cref="ActiveUserConfirmation"/>).
/// </summary>
public static class IdentitySetup
{
    /// <summary>
    /// The one registration of the user store (called by <c>AddApplication</c>): users and roles in the application's
    /// database with these rules. The web host adds sign-in, its claims and token providers on the returned builder's
    /// services (<see cref="IdentityBuilder"/> over the same types); the CLI and the tests use it as it is.
    /// </summary>
    public static IdentityBuilder AddUsers(IServiceCollection services) =>
        services.AddIdentityCore<AppUser>(Configure)
            .AddRoles<IdentityRole>()
            .AddUserConfirmation<ActiveUserConfirmation>()
            .AddEntityFrameworkStores<AppDbContext>();

    public static void Configure(IdentityOptions o)
    {
        o.Lockout.MaxFailedAccessAttempts = 5;
        o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        o.Lockout.AllowedForNewUsers = true;
        o.Password.RequiredLength = 10;
        o.User.RequireUniqueEmail = false;
        o.SignIn.RequireConfirmedAccount = true;
    }

    /// <summary>The Vietnamese sentence for an Identity error (the framework's are English), by its code.</summary>
    public static string Vietnamese(IdentityError error) => error.Code switch
    {
        nameof(IdentityErrorDescriber.PasswordTooShort) => "Mật khẩu phải có ít nhất 10 ký tự.",
        nameof(IdentityErrorDescriber.PasswordRequiresDigit) => "Mật khẩu phải có ít nhất một chữ số (0–9).",
        nameof(IdentityErrorDescriber.PasswordRequiresLower) => "Mật khẩu phải có ít nhất một chữ thường (a–z).",
        nameof(IdentityErrorDescriber.PasswordRequiresUpper) => "Mật khẩu phải có ít nhất một chữ hoa (A–Z).",
        nameof(IdentityErrorDescriber.PasswordRequiresNonAlphanumeric) => "Mật khẩu phải có ít nhất một ký tự đặc biệt (ví dụ @, #, !).",
        nameof(IdentityErrorDescriber.PasswordRequiresUniqueChars) => "Mật khẩu phải có nhiều ký tự khác nhau hơn.",
        nameof(IdentityErrorDescriber.PasswordMismatch) => "Mật khẩu hiện tại không đúng.",
        nameof(IdentityErrorDescriber.DuplicateUserName) => "Tên đăng nhập này đã có người dùng.",
        nameof(IdentityErrorDescriber.InvalidUserName) => "Tên đăng nhập chỉ gồm chữ cái không dấu, chữ số và các ký tự . _ - @.",
        nameof(IdentityErrorDescriber.ConcurrencyFailure) => "Tài khoản vừa được người khác sửa. Hãy tải lại trang và làm lại.",
        _ => "Không lưu được tài khoản (" + error.Code + ").",
    };
}

/// <summary>A deactivated account is "not confirmed": Identity then refuses its sign-in (RequireConfirmedAccount).</summary>
public sealed class ActiveUserConfirmation : IUserConfirmation<AppUser>
{
    public Task<bool> IsConfirmedAsync(UserManager<AppUser> manager, AppUser user) => Task.FromResult(user.DeactivatedAtUtc is null);
}
