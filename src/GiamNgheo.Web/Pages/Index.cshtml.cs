using System.Security.Claims;
using GiamNgheo.Application.Households;
using GiamNgheo.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GiamNgheo.Web.Pages;

public sealed class IndexModel(HouseholdQueries households) : PageModel
{
    public string DisplayName { get; private set; } = string.Empty;
    public string ScopeName { get; private set; } = string.Empty;
    public long HouseholdCount { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        DisplayName = User.FindFirstValue(AppClaims.DisplayName) ?? User.Identity?.Name ?? string.Empty;
        var scope = User.FindFirstValue(AppClaims.ScopeUnit);
        ScopeName = scope is null ? L.T("Toàn quốc", "Whole country") : (await households.UnitNamesAsync([scope], ct)).GetValueOrDefault(scope, scope);
        HouseholdCount = (await households.ListAsync(new HouseholdListQuery(PageSize: 1), ct)).TotalCount;
    }
}
