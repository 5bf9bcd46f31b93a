using System.Security.Claims;
using GiamNgheo.Application.AdminUnits;
using GiamNgheo.Application.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace GiamNgheo.Web.Infrastructure;

public static class AppClaims
{
    public const string ScopeUnit = "giamngheo:scope_unit";
    public const string ScopeLevel = "giamngheo:scope_level";
    public const string DisplayName = "giamngheo:display_name";
}

/// <summary>The signed-in user (cookie or bearer token) as the application sees it.</summary>
public sealed class HttpCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    private ClaimsPrincipal? Principal => accessor.HttpContext?.User;

    public string? UserId => Principal?.FindFirstValue(ClaimTypes.NameIdentifier);
    public string UserName => Principal?.Identity?.Name ?? "anonymous";
    public string? ScopeUnitCode => Principal?.FindFirstValue(AppClaims.ScopeUnit);
    public AdminLevel? ScopeLevel => Enum.TryParse<AdminLevel>(Principal?.FindFirstValue(AppClaims.ScopeLevel), out var level) ? level : null;
    public bool IsInRole(string role) => Principal?.IsInRole(role) ?? false;
}

/// <summary>Puts the user's scope into the principal so every request knows it without a database round trip.</summary>
public sealed class AppClaimsPrincipalFactory(UserManager<AppUser> userManager, RoleManager<IdentityRole> roleManager, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.ScopeUnitCode is not null)
        {
            identity.AddClaim(new Claim(AppClaims.ScopeUnit, user.ScopeUnitCode));
        }

        if (user.ScopeLevel is { } level)
        {
            identity.AddClaim(new Claim(AppClaims.ScopeLevel, level.ToString()));
        }

        identity.AddClaim(new Claim(AppClaims.DisplayName, user.DisplayName));
        return identity;
    }
}
