using System.Security.Claims;
using GiamNgheo.Application.Persistence;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GiamNgheo.Web.Infrastructure;

/// <summary>
/// Checks every signed-in request (cookie or bearer token) against the user's row: a locked or deactivated account, or
/// a security stamp changed since the sign-in (password reset, lock, deactivation, new role or scope), makes the
/// request anonymous at once — pages go back to the login, the API answers 401. A user who must change their password
/// reaches nothing but the change-password page (API: 403 except <c>POST /api/me/password</c>). One primary-key read per
/// request.
/// </summary>
internal static class SessionValidation
{
    public const string ChangePasswordPage = "/Account/ChangePassword";

    private static readonly string[] AllowedWhileMustChange =
        [ChangePasswordPage, "/Account/Logout", "/Account/Login", "/language", "/api/me", "/Status", "/Error"];

    public static IApplicationBuilder UseSessionValidation(this IApplicationBuilder app) => app.Use(async (ctx, next) =>
    {
        if (ctx.User.Identity?.IsAuthenticated != true)
        {
            await next();
            return;
        }

        var options = ctx.RequestServices.GetRequiredService<IOptions<IdentityOptions>>().Value;
        var id = ctx.User.FindFirstValue(ClaimTypes.NameIdentifier);
        var stamp = ctx.User.FindFirstValue(options.ClaimsIdentity.SecurityStampClaimType);
        var db = ctx.RequestServices.GetRequiredService<AppDbContext>();
        var user = id is null ? null : await db.Users.AsNoTracking().Where(u => u.Id == id)
            .Select(u => new { u.SecurityStamp, u.LockoutEnd, u.DeactivatedAtUtc, u.MustChangePassword })
            .FirstOrDefaultAsync(ctx.RequestAborted);
        var now = db.Clock.GetUtcNow();
        if (user is null || user.SecurityStamp != stamp || user.DeactivatedAtUtc is not null || user.LockoutEnd > now)
        {
            if (!ctx.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.Ordinal))
            {
                await ctx.SignOutAsync(IdentityConstants.ApplicationScheme);
            }

            ctx.User = new ClaimsPrincipal(new ClaimsIdentity());
        }
        else if (user.MustChangePassword && !AllowedWhileMustChange.Any(p => ctx.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)))
        {
            if (ctx.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal))
            {
                await Results.Problem(
                    title: "Bạn phải đổi mật khẩu trước khi làm việc khác (POST /api/me/password).",
                    statusCode: StatusCodes.Status403Forbidden).ExecuteAsync(ctx);
                return;
            }

            var back = ctx.Request.Path + ctx.Request.QueryString;
            ctx.Response.Redirect(ChangePasswordPage + "?returnUrl=" + Uri.EscapeDataString(back));
            return;
        }

        await next();
    });
}
