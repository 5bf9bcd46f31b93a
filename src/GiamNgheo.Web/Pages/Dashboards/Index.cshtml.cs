using System.Globalization;
using GiamNgheo.Application;
using GiamNgheo.Application.AdminUnits;
using GiamNgheo.Application.Dashboards;
using GiamNgheo.Application.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GiamNgheo.Web.Pages.Dashboards;

public sealed class IndexModel(DashboardService dashboards, ICurrentUser user) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Unit { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    public Dashboard? Data { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var unit = string.IsNullOrWhiteSpace(Unit) ? user.ScopeLevel is AdminLevel.Village ? null : user.ScopeUnitCode ?? Application.Demo.DemoSeeder.ProvinceCode : Unit.Trim();
        if (unit is null)
        {
            return NotFound();
        }

        var result = await dashboards.GetAsync(unit, Year, ct);
        if (result.Status != ResultStatus.Ok)
        {
            return NotFound();
        }

        Data = result.Value;
        return Page();
    }

    public bool IsProvince => Data!.Unit.Level == AdminLevel.Province;

    /// <summary>The household list behind a figure (the list applies the user's scope itself).</summary>
    public string HouseholdsLink(string category, string? standard = null, string? commune = null, string? village = null)
    {
        var query = new Dictionary<string, string?>
        {
            ["commune"] = commune ?? (IsProvince ? null : Data!.Unit.Code),
            ["village"] = village,
            ["standard"] = standard ?? Data!.MainStandard,
            ["year"] = Data!.Year.ToString(CultureInfo.InvariantCulture),
            ["category"] = category,
        };
        return "/Households" + QueryString.Create(query.Where(kv => kv.Value is not null)).ToUriComponent();
    }

    public string Count(int value, bool village) => DashboardService.Show(value, village && Data!.SmallCellProtection);

    public static string Sign(Application.Targets.TargetComparison comparison) =>
        comparison == Application.Targets.TargetComparison.Below ? "<" : comparison == Application.Targets.TargetComparison.AtMost ? "≤" : "≥";

    public static string Rate(decimal value) => value.ToString("0.00", CultureInfo.CurrentCulture) + "%";
}
