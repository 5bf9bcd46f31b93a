using GiamNgheo.Application.Households;
using GiamNgheo.Domain.Households;
using GiamNgheo.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GiamNgheo.Web.Pages.Households;

public sealed class EditModel(HouseholdQueries queries, HouseholdCommands commands) : PageModel
{
    [FromRoute]
    public long? Id { get; set; }

    [BindProperty]
    public HouseholdForm Input { get; set; } = new();

    public IReadOnlyList<(string Code, string Name)> Communes { get; private set; } = [];
    public IReadOnlyList<(string Code, string Name)> Villages { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Id is { } id)
        {
            var h = await queries.GetAsync(id, false, ct);
            if (h is null)
            {
                return NotFound();
            }

            Input = new HouseholdForm
            {
                CommuneCode = h.CommuneCode,
                VillageCode = h.VillageCode,
                Code = h.Code,
                HeadName = h.HeadName,
                Address = h.Address,
                LocalIndigenousMinority = h.Groups.HasFlag(SpecialGroups.LocalIndigenousMinority),
                NoLabourCapacity = h.Groups.HasFlag(SpecialGroups.NoLabourCapacity),
                RevolutionaryMerit = h.Groups.HasFlag(SpecialGroups.RevolutionaryMerit),
                SocialProtection = h.Groups.HasFlag(SpecialGroups.SocialProtection),
                Version = h.Version,
            };
        }

        await LoadUnitsAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var input = new HouseholdInput
        {
            Code = Input.Code,
            CommuneCode = Input.CommuneCode ?? string.Empty,
            VillageCode = string.IsNullOrEmpty(Input.VillageCode) ? null : Input.VillageCode,
            HeadName = Input.HeadName ?? string.Empty,
            Address = Input.Address,
            LocalIndigenousMinority = Input.LocalIndigenousMinority,
            NoLabourCapacity = Input.NoLabourCapacity,
            RevolutionaryMerit = Input.RevolutionaryMerit,
            SocialProtection = Input.SocialProtection,
            Version = Input.Version,
            ResidentFrom = Id is null ? Input.ResidentFrom : null,
        };
        if (ModelState.IsValid)
        {
            var result = Id is { } id ? await commands.UpdateAsync(id, input, ct) : await commands.CreateAsync(input, ct);
            if (this.AfterSave(result, L.T("Đã lưu.", "Saved."), h => $"/Households/Details/{h.Id}") is { } done)
            {
                return done;
            }
        }

        await LoadUnitsAsync(ct);
        return Page();
    }

    private async Task LoadUnitsAsync(CancellationToken ct)
    {
        var units = await queries.ScopeUnitsAsync(ct);
        Communes = [.. units.Where(u => u.ParentCode is null).Select(u => (u.Code, u.Name))];
        var commune = Input.CommuneCode ?? (Communes.Count > 0 ? Communes[0].Code : null);
        Villages = [.. units.Where(u => u.ParentCode is not null && (Id is null || u.ParentCode == commune)).Select(u => (u.Code, u.Name))];
    }
}

public sealed class HouseholdForm
{
    public string? Code { get; set; }
    public string? CommuneCode { get; set; }
    public string? VillageCode { get; set; }
    public string? HeadName { get; set; }
    public string? Address { get; set; }
    public bool LocalIndigenousMinority { get; set; }
    public bool NoLabourCapacity { get; set; }
    public bool RevolutionaryMerit { get; set; }
    public bool SocialProtection { get; set; }
    public int? Version { get; set; }
    /// <summary>On creation: cư trú từ ngày (arrival); blank = resident since before the registry.</summary>
    public DateOnly? ResidentFrom { get; set; }
}
