using GiamNgheo.Application;
using GiamNgheo.Application.Households;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GiamNgheo.Web.Pages.Households;

public sealed class IndexModel(HouseholdQueries queries) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Commune { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Village { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Standard { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

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

    public async Task OnGetAsync(CancellationToken ct)
    {
        var units = await queries.ScopeUnitsAsync(ct);
        Communes = [.. units.Where(u => u.ParentCode is null).Select(u => (u.Code, u.Name))];
        Villages = [.. units.Where(u => u.ParentCode is not null && (string.IsNullOrEmpty(Commune) || u.ParentCode == Commune)).Select(u => (u.Code, u.Name))];
        Result = await queries.ListAsync(new HouseholdListQuery(Commune, Village, Q, PageNumber, 25) { Standard = Standard, Year = Year, Category = Category, IncludeFormer = Former }, ct);
        CanEdit = Infrastructure.PageAccess.Allows(User, Infrastructure.PageAccess.RegistryEdit);
    }

    public string PageLink(int page) =>
        QueryString.Create(new Dictionary<string, string?> { ["commune"] = Commune, ["village"] = Village, ["q"] = Q, ["standard"] = Standard, ["year"] = Year?.ToString(System.Globalization.CultureInfo.InvariantCulture), ["category"] = Category, ["former"] = Former ? "true" : null, ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture) }).ToUriComponent();
}
