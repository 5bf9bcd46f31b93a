using GiamNgheo.Application;
using GiamNgheo.Application.Identity;
using GiamNgheo.Application.Support;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GiamNgheo.Web.Pages.Policies;

/// <summary>Poor / extremely difficult communes: the list, and its replacement from a CSV by a provincial administrator.</summary>
public sealed class PoorCommunesModel(PoorCommuneList communes, ICurrentUser user) : PageModel
{
    public IReadOnlyList<PoorCommuneRow> Rows { get; private set; } = [];
    public PoorCommuneImportReport? Report { get; private set; }
    public bool CanEdit => UnitScope.IsAny(user, Roles.Administrators);
    public string Sample => PoorCommuneList.SampleCsv();

    [BindProperty]
    public string? Csv { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Rows = await communes.ListAsync(user.ScopeLevel == Application.AdminUnits.AdminLevel.Province ? user.ScopeUnitCode : null, ct);

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken ct)
    {
        var text = Csv;
        if (file is { Length: > 0 })
        {
            using var reader = new StreamReader(file.OpenReadStream());
            text = await reader.ReadToEndAsync(ct);
        }

        var result = await communes.ImportAsync(text ?? string.Empty, ct);
        if (result.Status == ResultStatus.Forbidden)
        {
            return Forbid();
        }

        Report = result.Value;
        await OnGetAsync(ct);
        return Page();
    }
}
