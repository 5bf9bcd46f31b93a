using GiamNgheo.Application.AdminUnits;
using GiamNgheo.Application.Identity;
using GiamNgheo.Application.Reviews.Rules;
using Microsoft.AspNetCore.Mvc;

namespace GiamNgheo.Web.Pages.Reviews;

/// <summary>
/// The review procedure's rules as data (posting days and first-day convention, meeting share, windows, deadlines): a
/// system administrator corrects the national values, a provincial officer their province's; each value with its mark and
/// source; every change audited.
/// </summary>
public sealed class RulesModel(ReviewRuleCommands rules, ICurrentUser user) : ReviewPage
{
    public IReadOnlyList<ReviewRuleRow> Rows { get; private set; } = [];

    /// <summary>Null: the national rules; otherwise the province whose overrides are shown.</summary>
    public string? ProvinceCode { get; private set; }

    public bool CanEdit => user.IsInRole(Roles.SystemAdmin) || (ProvinceCode is not null && user.IsInRole(Roles.ProvincialOfficer));

    private string? Scope(string? province) =>
        user.IsInRole(Roles.SystemAdmin) ? (string.IsNullOrWhiteSpace(province) ? null : province.Trim())
        : user.ScopeLevel == AdminLevel.Province ? user.ScopeUnitCode : null;

    /// <summary>A JSON value as typed in the form (a date without its quotes).</summary>
    public static string Plain(string json) => json.Trim('"');

    private static string Here(string? province) => province is null ? "/Reviews/Rules" : $"/Reviews/Rules?province={Uri.EscapeDataString(province)}";

    public async Task OnGetAsync(string? province, CancellationToken ct)
    {
        ProvinceCode = Scope(province);
        Rows = await rules.ListAsync(ProvinceCode, ct);
    }

    public async Task<IActionResult> OnPostAsync(string? province, string key, string? value, string? mark, string? source, CancellationToken ct)
    {
        var scope = Scope(province);
        return After(await rules.SaveAsync(scope, new ReviewRuleInput(key, value ?? string.Empty, mark ?? string.Empty, source ?? string.Empty), ct),
            Ok("Đã lưu quy tắc rà soát.", "Review rule saved."), Here(scope));
    }
}
