using System.Globalization;
using GiamNgheo.Application;
using GiamNgheo.Application.Exports;
using GiamNgheo.Application.Households;
using GiamNgheo.Application.Statuses;
using GiamNgheo.Domain.Classification;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GiamNgheo.Web.Pages.Households;

/// <summary>
/// The household list: each household's status of a review year (the current year by default) under the main standard
/// (the province's legal one, or the standard a report or dashboard link names), a filter by that status, and an export
/// of the whole filtered list (XLSX or CSV, Vietnamese headers, ID numbers masked, audited).
/// </summary>
public sealed class IndexModel(HouseholdQueries queries, HouseholdExporter exporter, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Commune { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Village { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    /// <summary>A standard named by a link (reports, dashboards); otherwise the main standard of the year.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Standard { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    /// <summary>The status filter: poor, near_poor, medium, not_poor or not_surveyed.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Category { get; set; }

    /// <summary>Also households no longer resident (moved away, dissolved, merged); residents only by default.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Former { get; set; }

    [BindProperty(Name = "page", SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    public Page<HouseholdListItem> Result { get; private set; } = new([], 1, 25, 0);
    public IReadOnlyList<(string Code, string Name)> Communes { get; private set; } = [];
    public IReadOnlyList<(string Code, string Name)> Villages { get; private set; } = [];
    public bool CanEdit { get; private set; }

    /// <summary>The review year the statuses are shown for.</summary>
    public int StatusYear { get; private set; }

    public string StandardCode { get; private set; } = string.Empty;
    public string StandardName { get; private set; } = string.Empty;
    public bool StandardFromLink { get; private set; }
    public IReadOnlyList<int> Years { get; private set; } = [];

    /// <summary>The status filter's choices (value, Vietnamese, English).</summary>
    public static IReadOnlyList<(string Value, string Vi, string En)> StatusChoices { get; } =
    [
        (HouseholdCategory.Poor.ToCode(), HouseholdCategory.Poor.ToVietnamese(), "Poor"),
        (HouseholdCategory.NearPoor.ToCode(), HouseholdCategory.NearPoor.ToVietnamese(), "Near-poor"),
        (HouseholdCategory.Medium.ToCode(), HouseholdCategory.Medium.ToVietnamese(), "Medium living standard"),
        (HouseholdCategory.NotPoor.ToCode(), HouseholdCategory.NotPoor.ToVietnamese(), "Not poor"),
        (HouseholdStatusQueries.NotSurveyedFilter, StatusLabels.NotSurveyedVi, StatusLabels.NotSurveyedEn),
    ];

    public string? CategoryVi => StatusChoices.Where(c => string.Equals(c.Value, Category, StringComparison.OrdinalIgnoreCase)).Select(c => c.Vi).FirstOrDefault();

    public async Task OnGetAsync(CancellationToken ct)
    {
        var units = await queries.ScopeUnitsAsync(ct);
        Communes = [.. units.Where(u => u.ParentCode is null).Select(u => (u.Code, u.Name))];
        Villages = [.. units.Where(u => u.ParentCode is not null && (string.IsNullOrEmpty(Commune) || u.ParentCode == Commune)).Select(u => (u.Code, u.Name))];
        await ResolveStatusAsync(ct);
        Result = await queries.ListAsync(Query(PageNumber), ct);
        CanEdit = Infrastructure.PageAccess.Allows(User, Infrastructure.PageAccess.RegistryEdit);
    }

    /// <summary>The whole filtered list as a file (every page), audited.</summary>
    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken ct)
    {
        await ResolveStatusAsync(ct);
        var csv = string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase);
        var memory = new MemoryStream();
        var result = await exporter.ExportListAsync(Query(1), csv ? "csv" : "xlsx", memory, ct);
        if (result.Status != ResultStatus.Ok)
        {
            return BadRequest();
        }

        memory.Position = 0;
        var name = string.Create(CultureInfo.InvariantCulture, $"danh-sach-ho-{Commune ?? Village ?? "tat-ca"}-{StatusYear}{(Category is { Length: > 0 } c ? "-" + c : string.Empty)}");
        return csv
            ? File(memory, "text/csv; charset=utf-8", name + ".csv")
            : File(memory, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name + ".xlsx");
    }

    private async Task ResolveStatusAsync(CancellationToken ct)
    {
        var thisYear = clock.Today().Year;
        StatusYear = Year is { } y && y is >= 2016 && y <= thisYear + 1 ? y : thisYear;
        Years = [.. Enumerable.Range(0, 5).Select(i => thisYear - i).Append(StatusYear).Distinct().OrderDescending()];
        var main = await queries.MainStandardAsync(StatusYear, ct);
        StandardFromLink = !string.IsNullOrWhiteSpace(Standard) && Standard != main.Code;
        StandardCode = StandardFromLink ? Standard!.Trim() : main.Code;
        StandardName = StandardFromLink ? await queries.StandardNameAsync(StandardCode, ct) : main.NameVi;
        if (!HouseholdStatusQueries.IsStatusFilter(Category))
        {
            Category = null;
        }
    }

    private HouseholdListQuery Query(int page) =>
        new(Commune, Village, Q, page, 25) { Standard = StandardCode, Year = StatusYear, Category = Category, IncludeFormer = Former };

    private Dictionary<string, string?> Parameters() => new()
    {
        ["commune"] = Commune, ["village"] = Village, ["q"] = Q, ["standard"] = StandardFromLink ? StandardCode : null,
        ["year"] = StatusYear.ToString(CultureInfo.InvariantCulture), ["category"] = Category, ["former"] = Former ? "true" : null,
    };

    public string PageLink(int page)
    {
        var p = Parameters();
        p["page"] = page.ToString(CultureInfo.InvariantCulture);
        return QueryString.Create(p).ToUriComponent();
    }

    public string ExportLink(string format)
    {
        var p = Parameters();
        p["handler"] = "Export";
        p["format"] = format;
        return "/Households" + QueryString.Create(p).ToUriComponent();
    }
}
