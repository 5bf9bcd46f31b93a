using GiamNgheo.Application;
using GiamNgheo.Application.Audit;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GiamNgheo.Web.Pages.Households;

public sealed class AuditModel(AuditQueries audit) : PageModel
{
    [FromRoute]
    public long Id { get; set; }

    public IReadOnlyList<AuditEntryDto> Entries { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var result = await audit.ForHouseholdAsync(Id, ct);
        return result.Status switch
        {
            ResultStatus.Ok => SetAndShow(result.Value!),
            ResultStatus.Forbidden => Forbid(),
            ResultStatus.NotFound or ResultStatus.Invalid or ResultStatus.Conflict => NotFound(),
        };
    }

    private PageResult SetAndShow(IReadOnlyList<AuditEntryDto> entries)
    {
        Entries = entries;
        return Page();
    }
}
