using GiamNgheo.Application;
using GiamNgheo.Application.Households;
using GiamNgheo.Application.Policies;
using GiamNgheo.Application.Support;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GiamNgheo.Web.Pages.Support;

/// <summary>The commune worklist: poor and near-poor households waiting for support, the "no support this year" list, overdue plan items.</summary>
public sealed class IndexModel(SupportGaps gaps, SupportPlans plans, HouseholdQueries households, PolicyRegistry policies) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Commune { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Village { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Policy { get; set; }

    [BindProperty(SupportsGet = true)]
    public string Sort { get; set; } = "waiting";

    /// <summary>worklist or nosupport.</summary>
    [BindProperty(SupportsGet = true)]
    public string View { get; set; } = "worklist";

    [BindProperty(Name = "page", SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    public Page<WorklistRow> Result { get; private set; } = new([], 1, 50, 0);
    public IReadOnlyList<WorklistRow> NoSupport { get; private set; } = [];
    public IReadOnlyList<OverdueItem> Overdue { get; private set; } = [];
    public IReadOnlyList<(string Code, string Name)> Communes { get; private set; } = [];
    public IReadOnlyList<(string Code, string Name)> Villages { get; private set; } = [];
    public IReadOnlyList<PolicySummary> Policies { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var units = await households.ScopeUnitsAsync(ct);
        Communes = [.. units.Where(u => u.ParentCode is null).Select(u => (u.Code, u.Name))];
        Villages = [.. units.Where(u => u.ParentCode is not null && (string.IsNullOrEmpty(Commune) || u.ParentCode == Commune)).Select(u => (u.Code, u.Name))];
        Policies = await policies.ListAsync(ct);
        Overdue = await plans.OverdueAsync(mine: true, ct);
        if (View == "nosupport")
        {
            var list = await gaps.NoSupportThisYearAsync(Commune, Village, ct);
            if (list.Status == ResultStatus.NotFound)
            {
                return NotFound();
            }

            NoSupport = list.Value!;
            return Page();
        }

        var result = await gaps.WorklistAsync(new WorklistQuery(Commune, Village, Policy, Sort, PageNumber, 50), ct);
        if (result.Status == ResultStatus.NotFound)
        {
            return NotFound();
        }

        Result = result.Value!;
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        var result = await gaps.ExportWorklistAsync(new WorklistQuery(Commune, Village, Policy, Sort), ct);
        return result.Status == ResultStatus.Ok
            ? File(result.Value!, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"danh-sach-cho-ho-tro-{Commune ?? "tat-ca"}.xlsx")
            : NotFound();
    }

    public string Link(int page, string? sort = null, string? view = null, string? handler = null) =>
        QueryString.Create(new Dictionary<string, string?>
        {
            ["commune"] = Commune, ["village"] = Village, ["policy"] = Policy, ["sort"] = sort ?? Sort, ["view"] = view ?? View,
            ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture), ["handler"] = handler,
        }.Where(kv => !string.IsNullOrEmpty(kv.Value))).ToUriComponent();
}
