using GiamNgheo.Application;
using GiamNgheo.Application.AdminUnits;
using GiamNgheo.Application.Identity;
using GiamNgheo.Domain.Common;
using GiamNgheo.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GiamNgheo.Web.Pages.Units;

public sealed class IndexModel(AdminUnitQueries units, VillageHandler villages, AreaTypeHandler areas) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    public DateOnly AsOf { get; private set; }
    public AdminUnit? Parent { get; private set; }
    public IReadOnlyList<AdminUnitDto> Units { get; private set; } = [];
    public bool CanManageVillages => new[] { Roles.SystemAdmin, Roles.ProvincialOfficer, Roles.CommuneOfficer }.Any(User.IsInRole);
    public bool CanSetArea => Roles.Administrators.Any(User.IsInRole);

    public async Task<IActionResult> OnGetAsync([FromQuery] DateOnly? asOf, CancellationToken ct)
    {
        await LoadAsync(asOf, ct);
        return Parent is null && Code is not null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostVillageAsync(string villageName, CancellationToken ct)
    {
        var result = await villages.ExecuteAsync(new CreateVillageCommand(Code ?? string.Empty, villageName), ct);
        if (result.Status == ResultStatus.Ok)
        {
            TempData["Flash"] = L.T("Đã thêm thôn.", "Village added.");
            return Redirect($"/Units?code={Code}");
        }

        if (result.Status == ResultStatus.NotFound)
        {
            return NotFound();
        }

        PageErrors.AddTo(ModelState, result.Errors, string.Empty);
        await LoadAsync(null, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAreaAsync(string area, DateOnly from, CancellationToken ct)
    {
        if (!AreaTypeCodes.TryParse(area, out var parsed))
        {
            return BadRequest();
        }

        var result = await areas.ExecuteAsync(new SetAreaTypeCommand(Code ?? string.Empty, parsed, from), ct);
        return result.Status switch
        {
            ResultStatus.Ok => FlashAndBack(L.T(
                $"Đã cập nhật khu vực. Đã phân loại lại {VietnameseNumber.Format(result.Value!.SurveysReclassified)} phiếu khảo sát từ ngày {from:dd/MM/yyyy}; {VietnameseNumber.Format(result.Value.RowsChanged)} kết quả phân loại thay đổi (kết quả đã có quyết định công nhận giữ nguyên).",
                $"Area type updated. {result.Value!.SurveysReclassified} surveys from {from:dd/MM/yyyy} classified again; {result.Value.RowsChanged} results changed (results recognised by a decision unchanged).")),
            ResultStatus.Forbidden => Forbid(),
            ResultStatus.NotFound or ResultStatus.Invalid or ResultStatus.Conflict => NotFound(),
        };
    }

    private RedirectResult FlashAndBack(string message)
    {
        TempData["Flash"] = message;
        return Redirect($"/Units?code={Code}");
    }

    private async Task LoadAsync(DateOnly? asOf, CancellationToken ct)
    {
        AsOf = asOf ?? units.Today;
        if (Code is null)
        {
            Units = await units.ListAsync(AdminLevel.Province, AsOf, ct);
            return;
        }

        Parent = await units.FindAsync(Code, AsOf, ct);
        Units = Parent is null ? [] : await units.ChildrenAsync(Code, AsOf, ct) ?? [];
    }
}
