using GiamNgheo.Application;
using GiamNgheo.Application.Households;
using GiamNgheo.Application.Policies;
using GiamNgheo.Application.Support;
using GiamNgheo.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GiamNgheo.Web.Pages.Support;

public sealed class RecordModel(HouseholdQueries households, PolicyRegistry policies, SupportCommands commands, TimeProvider clock) : PageModel
{
    public HouseholdDetail? Household { get; private set; }
    public IReadOnlyList<PolicySummary> Policies { get; private set; } = [];
    public IReadOnlyList<SupportRecordDto> History { get; private set; } = [];

    [BindProperty]
    public RecordForm Input { get; set; } = new();

    public sealed class RecordForm
    {
        public string PolicyCode { get; set; } = string.Empty;
        public long? MemberId { get; set; }
        public string? Agency { get; set; }
        public DateOnly Date { get; set; }
        [System.ComponentModel.DataAnnotations.DataType(System.ComponentModel.DataAnnotations.DataType.Currency)]
        public long AmountDong { get; set; }
        public decimal? Quantity { get; set; }
        public string Funding { get; set; } = "central_budget";
        public string? Reference { get; set; }
        public string? Note { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(long id, string? policy, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Input = new RecordForm { PolicyCode = policy ?? string.Empty, Date = Application.VietnamTime.Today(clock) };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            // A date or amount that could not be read (its Vietnamese message is on the field): shown again as typed.
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }

        var result = await commands.RecordAsync(new SupportInput
        {
            HouseholdId = id, PolicyCode = Input.PolicyCode, MemberId = Input.MemberId, Agency = Input.Agency, Date = Input.Date,
            AmountDong = Input.AmountDong, Quantity = Input.Quantity, Funding = Input.Funding, Reference = Input.Reference, Note = Input.Note,
        }, ct);
        switch (result.Status)
        {
            case ResultStatus.Ok:
                TempData["Flash"] = result.Value!.DuplicateOfId is null
                    ? L.T("Đã ghi nhận hỗ trợ.", "Support recorded.")
                    : L.T("Đã ghi nhận, nhưng hộ đã nhận chính sách này trong kỳ: bản ghi được đánh dấu nghi trùng.", "Recorded, but flagged as a duplicate for this period.");
                return Redirect($"/Households/Details/{id}#household-support");
            case ResultStatus.NotFound:
                return NotFound();
            case ResultStatus.Forbidden:
                return Forbid();
            case ResultStatus.Invalid:
            case ResultStatus.Conflict:
                PageErrors.AddTo(ModelState, result.Errors);
                await LoadAsync(id, ct);
                return Page();
        }

        return Page();
    }

    public async Task<IActionResult> OnPostReverseAsync(long id, long recordId, string? reason, CancellationToken ct)
    {
        var result = await commands.ReverseAsync(id, recordId, reason, ct);
        if (result.Status == ResultStatus.NotFound)
        {
            return NotFound();
        }

        TempData["Flash"] = result.Status == ResultStatus.Ok ? L.T("Đã lập bút toán điều chỉnh.", "Reversing entry recorded.")
            : result.Message + " " + string.Join(" ", result.Errors.SelectMany(e => e.Value));
        return Redirect($"/Support/Record/{id}");
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        Household = await households.GetAsync(id, false, ct);
        if (Household is null)
        {
            return false;
        }

        Policies = [.. (await policies.ListAsync(ct)).Where(p => p.IsEnabled)];
        History = (await commands.HistoryAsync(id, ct)).Value ?? [];
        return true;
    }
}
