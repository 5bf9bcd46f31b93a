using GiamNgheo.Application;
using GiamNgheo.Application.Households;
using GiamNgheo.Application.Support;
using GiamNgheo.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GiamNgheo.Web.Pages.Support;

/// <summary>Support plan of a household, its escape-poverty registration and commitment, follow-up visits.</summary>
public sealed class PlanModel(HouseholdQueries households, SupportPlans plans, TimeProvider clock) : PageModel
{
    public HouseholdDetail? Household { get; private set; }
    public PlanDto? Plan { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        Household = await households.GetAsync(id, false, ct);
        if (Household is null)
        {
            return NotFound();
        }

        Plan = (await plans.GetAsync(id, ct)).Value;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, string responsible, int? escapeYear, string? commitment, DateOnly? registeredOn,
        string? itemDescription, DateOnly? itemTarget, string? itemPolicy, CancellationToken ct)
    {
        var items = string.IsNullOrWhiteSpace(itemDescription) || itemTarget is null ? [] : new[] { new PlanItemInput(itemDescription, itemTarget.Value, itemPolicy) };
        return Done(id, await plans.SaveAsync(id, new PlanInput
        {
            Responsible = responsible ?? string.Empty, EscapeYear = escapeYear, Commitment = commitment, RegisteredOn = registeredOn, Items = items,
        }, ct));
    }

    public async Task<IActionResult> OnPostVisitAsync(long id, DateOnly date, string notes, CancellationToken ct) =>
        Done(id, await plans.AddVisitAsync(id, date, notes, ct));

    public async Task<IActionResult> OnPostDoneAsync(long id, long itemId, CancellationToken ct) =>
        Done(id, await plans.CompleteItemAsync(id, itemId, Application.VietnamTime.Today(clock), ct));

    private IActionResult Done(long id, Result<PlanDto?> result)
    {
        if (result.Status == ResultStatus.NotFound)
        {
            return NotFound();
        }

        TempData["Flash"] = result.Status == ResultStatus.Ok ? L.T("Đã lưu.", "Saved.") : result.Message + " " + string.Join(" ", result.Errors.SelectMany(e => e.Value));
        return Redirect($"/Support/Plan/{id}");
    }
}
