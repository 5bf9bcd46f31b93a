using GiamNgheo.Application;
using GiamNgheo.Application.Households;
using GiamNgheo.Application.Standards;
using GiamNgheo.Domain.Classification;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GiamNgheo.Web.Pages.Standards;

public sealed class WhatIfModel(WhatIfQuery whatIf, StandardRegistry registry, HouseholdQueries households) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int Year { get; set; } = 2025;

    [BindProperty(SupportsGet = true)]
    public string From { get; set; } = "ND07_2021";

    [BindProperty(SupportsGet = true)]
    public string To { get; set; } = "ND351_2025";

    public IReadOnlyList<(string Code, string NameVi, string NameEn)> Codes { get; private set; } = [];
    public WhatIfReport? Report { get; private set; }
    public string? Error { get; private set; }
    public Dictionary<string, string> Names { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Codes = [.. (await registry.AllAsync(ct)).Select(s => (s.Standard.Code, s.Standard.NameVi, s.Standard.NameEn))];
        var result = await whatIf.ExecuteAsync(new WhatIfCommand(Year, From, To), ct);
        if (result.Status == ResultStatus.Ok)
        {
            Report = result.Value;
            Names = await households.UnitNamesAsync(Report!.Groups.Select(g => g.Key), ct);
        }
        else
        {
            Error = string.Join(" ", result.Errors.SelectMany(e => e.Value));
        }
    }
}
