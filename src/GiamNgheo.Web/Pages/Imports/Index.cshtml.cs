using GiamNgheo.Application;
using GiamNgheo.Application.Exports;
using GiamNgheo.Application.Households;
using GiamNgheo.Application.Identity;
using GiamNgheo.Application.Imports;
using GiamNgheo.Application.Persistence;
using GiamNgheo.Domain.Classification;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GiamNgheo.Web.Pages.Imports;

/// <summary>Nhập / xuất: upload a CSV pair or a workbook (background job), download templates, export a unit's list.</summary>
[RequestSizeLimit(256L * 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = 256L * 1024 * 1024)]
public sealed class IndexModel(AppDbContext db, HouseholdQueries queries, ImportJobs jobs, HouseholdExporter exporter) : PageModel
{
    public IReadOnlyList<ImportRecord> Recent { get; private set; } = [];
    public IReadOnlyList<(string Code, string Name)> Units { get; private set; } = [];
    public string? Error { get; private set; }
    public bool CanImport => Infrastructure.PageAccess.Allows(User, Infrastructure.PageAccess.RegistryEdit);
    public bool CanExport => Roles.PersonalIdViewers.Any(User.IsInRole);

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostUploadAsync(IFormFile? households, IFormFile? members, IFormFile? workbook, IFormFile? kobo, bool skipDecided, CancellationToken ct)
    {
        if (!CanImport)
        {
            return Forbid();
        }

        var folder = Directory.CreateTempSubdirectory("giamngheo-upload-").FullName;
        ImportRequest request;
        string name;
        if (kobo is { Length: > 0 })
        {
            name = Path.GetFileName(kobo.FileName);
            request = ImportRequest.Kobo(await SaveAsync(kobo, folder, "kobo.xlsx", ct), name);
        }
        else if (workbook is { Length: > 0 })
        {
            name = Path.GetFileName(workbook.FileName);
            request = ImportRequest.Workbook(await SaveAsync(workbook, folder, "workbook.xlsx", ct), name);
        }
        else if (households is { Length: > 0 } && members is { Length: > 0 })
        {
            name = Path.GetFileName(households.FileName);
            request = ImportRequest.Csv(await SaveAsync(households, folder, "households.csv", ct), await SaveAsync(members, folder, "members.csv", ct), name);
        }
        else
        {
            Directory.Delete(folder, true);
            Error = "Hãy chọn một tệp Excel (.xlsx), hoặc cả hai tệp CSV (hộ gia đình và thành viên).";
            await LoadAsync(ct);
            return Page();
        }

        var job = jobs.Start(db.CurrentUser, name, folder, request with { SkipDecided = skipDecided }, db.Clock);
        return RedirectToPage("Job", new { id = job.Id });
    }

    public IActionResult OnGetTemplate(string kind) => kind switch
    {
        "households.csv" => File(Write(ImportTemplates.WriteHouseholdsCsv), "text/csv; charset=utf-8", "households.csv"),
        "members.csv" => File(Write(ImportTemplates.WriteMembersCsv), "text/csv; charset=utf-8", "members.csv"),
        "xlsform" => File(Write(KoboForm.WriteXlsForm), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsform-ho-gia-dinh.xlsx"),
        _ => File(Write(ImportTemplates.WriteWorkbook), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "mau-ho-gia-dinh.xlsx"),
    };

    /// <summary>Streams the export straight into the response (never the whole list in memory).</summary>
    public async Task<IActionResult> OnPostExportAsync(string unit, string format, string? category, int? year, CancellationToken ct)
    {
        if (!CanExport)
        {
            return Forbid();
        }

        HouseholdCategory? parsed = HouseholdCategoryCodes.TryParse(category, out var c) ? c : null;
        var request = new ExportRequest { UnitCode = unit ?? string.Empty, Category = parsed, Year = year };
        var stamp = db.Clock.Today().ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
        Response.Headers.ContentDisposition = format switch
        {
            "xlsx" => $"attachment; filename=\"ho-gia-dinh-{unit}-{stamp}.xlsx\"",
            "members" => $"attachment; filename=\"members-{unit}-{stamp}.csv\"",
            _ => $"attachment; filename=\"households-{unit}-{stamp}.csv\"",
        };
        Response.ContentType = format == "xlsx" ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv; charset=utf-8";
        Result<ExportSummary> result;
        if (format == "xlsx")
        {
            // The XLSX package (ZipArchive) is written synchronously: write it to a temporary file, then stream that.
            var temp = Path.GetTempFileName();
            try
            {
                await using (var file = System.IO.File.Create(temp))
                {
                    result = await exporter.ExportXlsxAsync(request, file, ct);
                }

                if (result.Status == ResultStatus.Ok)
                {
                    await using var read = System.IO.File.OpenRead(temp);
                    await read.CopyToAsync(Response.Body, ct);
                }
            }
            finally
            {
                System.IO.File.Delete(temp);
            }
        }
        else
        {
            result = format == "members"
                ? await exporter.ExportCsvAsync(request, Stream.Null, Response.Body, ct)
                : await exporter.ExportCsvAsync(request, Response.Body, null, ct);
        }

        if (result.Status != ResultStatus.Ok)
        {
            Response.Headers.ContentDisposition = default;
            return NotFound();
        }

        return new EmptyResult();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var units = await queries.ScopeUnitsAsync(ct);
        var scope = db.CurrentUser.ScopeUnitCode;
        Units = [.. (scope is not null && db.CurrentUser.ScopeLevel == Application.AdminUnits.AdminLevel.Province ? [(scope, Infrastructure.L.T("Cả tỉnh", "Whole province"))] : Array.Empty<(string, string)>())
            .Concat(units.Where(u => u.ParentCode is null).Select(u => (u.Code, u.Name)))];
        Recent = await db.ImportRecords.AsNoTracking().Where(r => r.UserName == db.CurrentUser.UserName)
            .OrderByDescending(r => r.Id).Take(10).ToListAsync(ct);
    }

    private static async Task<string> SaveAsync(IFormFile file, string folder, string name, CancellationToken ct)
    {
        var path = Path.Combine(folder, name);
        await using var stream = System.IO.File.Create(path);
        await file.CopyToAsync(stream, ct);
        return path;
    }

    private static byte[] Write(Action<Stream> write)
    {
        using var stream = new MemoryStream();
        write(stream);
        return stream.ToArray();
    }
}
