using GiamNgheo.Application;
using GiamNgheo.Application.Support;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GiamNgheo.Web.Pages.Support;

/// <summary>Upload of an agency's list (CSV/XLSX): all rows or none, with the row-level report.</summary>
public sealed class ImportModel(SupportImport import) : PageModel
{
    public SupportImportReport? Report { get; private set; }
    public string? Problem { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            Problem = Infrastructure.L.T("Chọn tệp CSV hoặc XLSX.", "Choose a CSV or XLSX file.");
            return Page();
        }

        await using var stream = file.OpenReadStream();
        var result = await import.ImportAsync(stream, file.FileName, ct);
        if (result.Status == ResultStatus.Forbidden)
        {
            return Forbid();
        }

        Report = result.Value;
        return Page();
    }
}
