using GiamNgheo.Application.Identity;
using GiamNgheo.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using System.Security.Claims;

namespace GiamNgheo.Web.Api;

/// <summary>
/// Scripts get a bearer token from <c>POST /api/auth/token</c> and send it as <c>Authorization: Bearer …</c>;
/// browsers use the login cookie of the pages. Both pass the same scope rules.
/// </summary>
public static class AuthApi
{
    public sealed record TokenRequest(string UserName, string Password);

    public sealed record MeResponse(string UserName, string DisplayName, string[] Roles, string? ScopeUnitCode, string? ScopeLevel);

    public static void MapAuthApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/auth").WithTags("Auth");
        group.MapPost("/token", Token).AllowAnonymous();
        app.MapGet("/api/me", Me).RequireAuthorization().WithTags("Auth");
    }

    public static async Task<Results<EmptyHttpResult, ProblemHttpResult>> Token(TokenRequest request, SignInManager<AppUser> signIn)
    {
        signIn.AuthenticationScheme = IdentityConstants.BearerScheme;
        var result = await signIn.PasswordSignInAsync(request.UserName, request.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            // The bearer handler has written the token response.
            return TypedResults.Empty;
        }

        return TypedResults.Problem(
            title: result.IsLockedOut ? "Tài khoản tạm khóa do đăng nhập sai nhiều lần." : "Tên đăng nhập hoặc mật khẩu không đúng.",
            statusCode: StatusCodes.Status401Unauthorized);
    }

    public static Ok<MeResponse> Me(ClaimsPrincipal user) => TypedResults.Ok(new MeResponse(
        user.Identity?.Name ?? string.Empty,
        user.FindFirstValue(AppClaims.DisplayName) ?? string.Empty,
        [.. user.FindAll(ClaimTypes.Role).Select(c => c.Value)],
        user.FindFirstValue(AppClaims.ScopeUnit),
        user.FindFirstValue(AppClaims.ScopeLevel)));
}
