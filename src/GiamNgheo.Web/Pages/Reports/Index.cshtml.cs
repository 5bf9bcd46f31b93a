using GiamNgheo.Application;
using GiamNgheo.Application.AdminUnits;
using GiamNgheo.Application.Identity;
using GiamNgheo.Application.Reports;
using GiamNgheo.Application.Standards;
using GiamNgheo.Domain.Reports;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GiamNgheo.Web.Pages.Reports;

public sealed class IndexModel(ReportService reports, ReportSetService sets, ReportDataLoader loader, LegacyDistricts legacy, StandardRegistry standards, ICurrentUser user, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Unit { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Standard { get; set; }

    [BindProperty(SupportsGet = true)]
    public int Form { get; set; } = 1;

    [BindProperty]
    public string? Comment { get; set; }

    public ReportSetView? View { get; private set; }
    public IReadOnlyList<string> StandardCodes { get; private set; } = [];
    public IReadOnlyList<ReportSetDto> History { get; private set; } = [];
    public IReadOnlyList<CommuneReportStatus> Completeness { get; private set; } = [];
    public string? Message { get; private set; }
    /// <summary>The pre-2025 districts offered for review years ≤ 2024 (province or district reports).</summary>
    public IReadOnlyList<ReportUnit> Districts { get; private set; } = [];

    public ReportTable Table => View!.Tables[0];
    public bool IsCommune => View!.Unit.Level == AdminLevel.Commune;
    public bool IsDistrict => View!.Unit.Level == AdminLevel.District;
    public bool CanSubmit => IsCommune && (User.IsInRole(Roles.CommuneOfficer) || User.IsInRole(Roles.SystemAdmin));
    public bool CanDecide => Roles.Administrators.Any(User.IsInRole);

    private async Task<IActionResult> LoadAsync(CancellationToken ct)
    {
        var unit = string.IsNullOrWhiteSpace(Unit) ? user.ScopeLevel is AdminLevel.Village ? null : user.ScopeUnitCode ?? Application.Demo.DemoSeeder.ProvinceCode : Unit.Trim();
        if (unit is null)
        {
            return NotFound();
        }

        Unit = unit;
        Year ??= VietnamTime.Today(clock).Year - 1;
        var resolved = await loader.ResolveUnitAsync(unit, Year.Value, ct) ?? await legacy.ResolveDistrictAsync(unit, ct);
        if (resolved is null)
        {
            return NotFound();
        }

        if (Year <= LegacyDistricts.LastDistrictYear && resolved.Level is AdminLevel.Province or AdminLevel.District)
        {
            Districts = await legacy.DistrictsAsync(resolved.ProvinceCode, ct);
        }

        var active = await standards.ActiveAsync(Year.Value, resolved.ProvinceCode, ct);
        StandardCodes = [.. (await standards.AllAsync(ct)).Select(s => s.Standard.Code)];
        Standard ??= active.Count > 0 ? active[0].Standard.Code : StandardCodes.Count > 0 ? StandardCodes[0] : string.Empty;
        Form = Math.Clamp(Form, 1, 15);
        var result = await reports.GetAsync(unit, Year.Value, Standard, [Form], false, ct);
        if (result.Status == ResultStatus.Invalid)
        {
            return BadRequest(string.Join(" ", result.Errors.Values.SelectMany(e => e)));
        }

        if (result.Status != ResultStatus.Ok)
        {
            return NotFound();
        }

        View = result.Value;
        if (IsDistrict)
        {
            return Page();
        }

        if (IsCommune)
        {
            History = (await sets.HistoryAsync(unit, Year.Value, Standard, ct)).Value ?? [];
        }
        else
        {
            Completeness = (await sets.CompletenessAsync(unit, Year.Value, Standard, null, ct)).Value ?? [];
        }

        return Page();
    }

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnGetExportAsync(string format, CancellationToken ct)
    {
        var page = await LoadAsync(ct);
        if (View is null)
        {
            return page;
        }

        var today = VietnamTime.Today(clock);
        return format == "pdf"
            ? File(ReportExport.ToPdf(Table, today), "application/pdf", ReportExport.FileName(Table, "pdf"))
            : File(ReportExport.ToXlsx(Table, today), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ReportExport.FileName(Table, "xlsx"));
    }

    public async Task<IActionResult> OnPostSubmitAsync(CancellationToken ct)
    {
        var result = await sets.SubmitAsync(Unit ?? string.Empty, Year ?? 0, Standard ?? string.Empty, null, ct);
        return await AfterAsync(result, T("Đã gửi bộ báo cáo lên tỉnh.", "Report set submitted."), ct);
    }

    public async Task<IActionResult> OnPostDecideAsync(long id, string decision, CancellationToken ct)
    {
        var result = decision switch
        {
            "approve" => await sets.ApproveAsync(id, ct),
            "return" => await sets.ReturnAsync(id, Comment, ct),
            "reopen" => await sets.ReopenAsync(id, Comment, ct),
            _ => Result<ReportSetDto>.NotFound(),
        };
        return await AfterAsync(result, T("Đã cập nhật trạng thái bộ báo cáo.", "Report set updated."), ct);
    }

    private async Task<IActionResult> AfterAsync(Result<ReportSetDto> result, string ok, CancellationToken ct)
    {
        if (result.Status == ResultStatus.NotFound)
        {
            return NotFound();
        }

        Message = result.Status == ResultStatus.Ok ? ok
            : result.Errors.Count > 0 ? string.Join(" ", result.Errors.SelectMany(e => e.Value))
            : result.Message;
        return await LoadAsync(ct);
    }

    private static string T(string vi, string en) => Infrastructure.L.T(vi, en);

    public string Link(int form, string? unit = null) =>
        "/Reports" + QueryString.Create(new Dictionary<string, string?>
        {
            ["unit"] = unit ?? View!.Unit.Code,
            ["year"] = Year?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["standard"] = Standard,
            ["form"] = form.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }).ToUriComponent();

    public static string StatusName(ReportSetStatus status) => status switch
    {
        ReportSetStatus.Submitted => T("Chờ duyệt", "Submitted"),
        ReportSetStatus.Returned => T("Trả lại", "Returned"),
        ReportSetStatus.Approved => T("Đã duyệt (khóa)", "Approved (locked)"),
        ReportSetStatus.Reopened => T("Đã mở lại", "Reopened"),
    };
}
