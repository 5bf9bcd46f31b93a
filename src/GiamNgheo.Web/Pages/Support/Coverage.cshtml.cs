using GiamNgheo.Application;
using GiamNgheo.Application.Support;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GiamNgheo.Web.Pages.Support;

public sealed class CoverageModel(SupportGaps gaps) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Unit { get; set; }

    public CoverageReport? Report { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var result = await gaps.CoverageAsync(Unit, ct);
        if (result.Status != ResultStatus.Ok)
        {
            return NotFound();
        }

        Report = result.Value;
        return Page();
    }
}
