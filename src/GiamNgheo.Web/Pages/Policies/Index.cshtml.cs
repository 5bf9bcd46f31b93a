using GiamNgheo.Application;
using GiamNgheo.Application.Identity;
using GiamNgheo.Application.Policies;
using GiamNgheo.Domain.Policies;
using GiamNgheo.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GiamNgheo.Web.Pages.Policies;

/// <summary>The policy catalogue; a provincial administrator edits a policy's definition (JSON) here.</summary>
public sealed class IndexModel(PolicyRegistry registry) : PageModel
{
    public IReadOnlyList<(PolicySummary Summary, Policy Policy)> Items { get; private set; } = [];
    public bool CanEdit => Roles.Administrators.Any(User.IsInRole);

    [BindProperty(SupportsGet = true)]
    public string? Edit { get; set; }

    [BindProperty]
    public string Json { get; set; } = string.Empty;

    [BindProperty]
    public bool Enabled { get; set; } = true;

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var editing = Items.FirstOrDefault(i => i.Summary.Code == Edit);
        if (editing.Policy is not null)
        {
            Json = PolicyJson.Serialize(editing.Policy);
            Enabled = editing.Summary.IsEnabled;
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await registry.SaveAsync(Json, Enabled, ct);
        switch (result.Status)
        {
            case ResultStatus.Ok:
                TempData["Flash"] = L.T("Đã lưu chính sách ", "Saved policy ") + result.Value!.Code + ".";
                return Redirect("/Policies");
            case ResultStatus.Forbidden:
                return Forbid();
            case ResultStatus.NotFound:
                return NotFound();
            case ResultStatus.Invalid:
            case ResultStatus.Conflict:
                PageErrors.AddTo(ModelState, result.Errors, string.Empty);
                await LoadAsync(ct);
                return Page();
        }

        return Page();
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Items = [.. (await registry.AllAsync(ct)).Select(p => (PolicyRegistry.Summarize(p.Row, p.Policy), p.Policy))];
}
