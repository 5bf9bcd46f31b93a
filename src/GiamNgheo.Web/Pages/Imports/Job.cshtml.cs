using GiamNgheo.Application.Identity;
using GiamNgheo.Application.Imports;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GiamNgheo.Web.Pages.Imports;

/// <summary>Progress of an import job (the page refreshes itself while it runs), then its result or its error table.</summary>
public sealed class JobModel(ImportJobs jobs, ICurrentUser user) : PageModel
{
    public const int ShownProblems = 500;

    public ImportJob Job { get; private set; } = null!;

    public IActionResult OnGet(Guid id)
    {
        if (jobs.Find(id, user.UserName) is not { } job)
        {
            return NotFound();
        }

        Job = job;
        if (!job.Done)
        {
            Response.Headers["Refresh"] = "1";
        }

        return Page();
    }

    /// <summary>The error report as CSV (UTF-8 with BOM, opens in Excel).</summary>
    public IActionResult OnGetReport(Guid id)
    {
        if (jobs.Find(id, user.UserName) is not { Result: { } result })
        {
            return NotFound();
        }

        using var stream = new MemoryStream();
        ImportErrorReport.WriteCsv(stream, result.FileError, result.Problems.Count > 0 ? result.Problems : result.Refused);
        return File(stream.ToArray(), "text/csv; charset=utf-8", "loi-nhap-du-lieu.csv");
    }
}
