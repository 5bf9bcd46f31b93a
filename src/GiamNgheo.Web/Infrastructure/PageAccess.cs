using System.Security.Claims;
using GiamNgheo.Application.Identity;
using GiamNgheo.Application.Support;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace GiamNgheo.Web.Infrastructure;

/// <summary>A named page policy: the roles that may open the pages under it (and use their forms).</summary>
public sealed record PagePolicy(string Name, IReadOnlyList<string> Roles);

/// <summary>
/// Who may open which page — the one rule the page authorization (<see cref="Apply"/>), the menu (<see cref="MenuItems"/>)
/// and the edit buttons (<see cref="Allows"/>) all read, so that a link is shown exactly when its page answers.
/// The application layer still checks every command (scope and role); these policies only keep a role away from pages
/// it can only fail to use.
/// </summary>
public static class PageAccess
{
    /// <summary>Every signed-in role: read pages (households, reviews, support worklist, units, standards).</summary>
    public static readonly PagePolicy SignedIn = new("page.signed-in", Roles.All);

    /// <summary>Create and edit households, members and surveys; import household files.</summary>
    public static readonly PagePolicy RegistryEdit = new("page.registry-edit", Roles.RegistryEditors);

    /// <summary>Province- or commune-wide figures (dashboards, report forms): every role whose scope is a province or commune.</summary>
    public static readonly PagePolicy UnitFigures = new("page.unit-figures",
        [Roles.SystemAdmin, Roles.ProvincialOfficer, Roles.CommuneOfficer, Roles.SectorOfficer, Roles.Supervisor, Roles.Leader]);

    /// <summary>Record support, support plans and agency lists (the Recorders of <see cref="SupportCommands"/>).</summary>
    public static readonly PagePolicy SupportRecord = new("page.support-record", SupportCommands.Recorders);

    /// <summary>The commune review steps (list, meeting, posting, decision, certificates, report): the review officers.</summary>
    public static readonly PagePolicy ReviewSteps = new("page.review-steps", [Roles.SystemAdmin, Roles.ProvincialOfficer, Roles.CommuneOfficer]);

    /// <summary>Province work: return a commune's review report, edit the policy catalogue, area types, audit browser.</summary>
    public static readonly PagePolicy Province = new("page.province", Roles.Administrators);

    /// <summary>User administration (the same roles as <c>/api/users</c>).</summary>
    public static readonly PagePolicy Users = new(Api.UsersApi.Policy, [Roles.SystemAdmin, Roles.ProvincialOfficer, Roles.CommuneOfficer]);

    public static readonly IReadOnlyList<PagePolicy> All = [SignedIn, RegistryEdit, UnitFigures, SupportRecord, ReviewSteps, Province, Users];

    /// <summary>Pages (or folders, ending in '/') that need more than a sign-in. Everything else under "/" needs <see cref="SignedIn"/>.</summary>
    public static readonly IReadOnlyList<(string Path, PagePolicy Policy)> Pages =
    [
        ("/Households/Edit", RegistryEdit),
        ("/Households/Member", RegistryEdit),
        ("/Households/Survey", RegistryEdit),
        ("/Households/Audit", Province),
        ("/Reviews/Survey", RegistryEdit),
        ("/Reviews/Meeting", ReviewSteps),
        ("/Imports/", RegistryEdit),
        ("/Dashboards/", UnitFigures),
        ("/Reports/", UnitFigures),
        ("/Support/Record", SupportRecord),
        ("/Support/Plan", SupportRecord),
        ("/Support/Import", SupportRecord),
        ("/Users/", Users),
    ];

    /// <summary>Registers the policies.</summary>
    public static void AddPolicies(AuthorizationOptions options)
    {
        foreach (var policy in All)
        {
            options.AddPolicy(policy.Name, p => p.RequireRole(policy.Roles));
        }
    }

    /// <summary>Applies <see cref="Pages"/> to the Razor Pages conventions.</summary>
    public static void Apply(PageConventionCollection conventions)
    {
        foreach (var (path, policy) in Pages)
        {
            if (path.EndsWith('/'))
            {
                conventions.AuthorizeFolder(path.TrimEnd('/'), policy.Name);
            }
            else
            {
                conventions.AuthorizePage(path, policy.Name);
            }
        }
    }

    /// <summary>True when the signed-in user has one of the policy's roles (what the page's authorization checks).</summary>
    public static bool Allows(ClaimsPrincipal user, PagePolicy policy) =>
        user.Identity?.IsAuthenticated == true && policy.Roles.Any(user.IsInRole);

    /// <summary>The policy that guards a page path (the most specific entry of <see cref="Pages"/>).</summary>
    public static PagePolicy For(string pagePath) =>
        Pages.Where(p => p.Path.EndsWith('/') ? pagePath.StartsWith(p.Path, StringComparison.OrdinalIgnoreCase) || pagePath.Equals(p.Path.TrimEnd('/'), StringComparison.OrdinalIgnoreCase)
                : pagePath.Equals(p.Path, StringComparison.OrdinalIgnoreCase) || pagePath.StartsWith(p.Path + "/", StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(p => p.Path.Length).Select(p => p.Policy).FirstOrDefault() ?? SignedIn;
}

/// <summary>One entry of the top menu.</summary>
public sealed record MenuItem(string Href, string Vi, string En)
{
    public PagePolicy Policy => PageAccess.For(Href);
}

/// <summary>The role-aware top menu: only the pages the role may open (their policy from <see cref="PageAccess"/>).</summary>
public static class MenuItems
{
    public static readonly IReadOnlyList<MenuItem> All =
    [
        new("/Households", "Hộ gia đình", "Households"),
        new("/Reviews", "Rà soát", "Review"),
        new("/Support", "Chờ hỗ trợ", "Support worklist"),
        new("/Dashboards", "Bảng điều hành", "Dashboards"),
        new("/Reports", "Báo cáo", "Reports"),
        new("/Standards", "Chuẩn nghèo", "Standards"),
        new("/Units", "Đơn vị hành chính", "Administrative units"),
        new("/Imports", "Nhập / xuất", "Import / export"),
        new("/Users", "Người dùng", "Users"),
    ];

    /// <summary>Pages a village reviewer has no use for on a phone even though they may open them.</summary>
    private static readonly string[] NotForVillage = ["/Standards", "/Units", "/Imports"];

    /// <summary>The menu of a role.</summary>
    public static IReadOnlyList<MenuItem> For(string? role) => role is null
        ? []
        : [.. All.Where(i => i.Policy.Roles.Contains(role) && !(role == Roles.VillageReviewer && NotForVillage.Contains(i.Href)))];

    /// <summary>The menu of the signed-in user (their one role).</summary>
    public static IReadOnlyList<MenuItem> For(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true ? For(Roles.All.FirstOrDefault(user.IsInRole)) : [];
}

/// <summary>A role's name for people: Vietnamese, or English in English mode (never the role code).</summary>
public static class RoleLabel
{
    public static string Of(string role) => L.T(Roles.VietnameseName(role), role switch
    {
        Roles.SystemAdmin => "System administrator",
        Roles.ProvincialOfficer => "Provincial officer",
        Roles.CommuneOfficer => "Commune officer",
        Roles.VillageReviewer => "Village reviewer",
        Roles.SectorOfficer => "Sector officer",
        Roles.Supervisor => "Supervisor",
        Roles.Leader => "Leader",
        _ => role,
    });
}
