using GiamNgheo.Application.Households;
using GiamNgheo.Application.Interchange;
using GiamNgheo.Application.Surveys;
using GiamNgheo.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GiamNgheo.Web.Pages.Households;

/// <summary>Phiếu A/B1/B2 for one household and year. Saving classifies at once under every active standard.</summary>
public sealed class SurveyModel(HouseholdQueries households, SurveyCommands surveys) : PageModel
{
    [FromRoute]
    public long Id { get; set; }

    [BindProperty]
    public SurveyForm Input { get; set; } = new();

    /// <summary>Indicator code → "true" | "false" | "" as posted.</summary>
    [BindProperty]
    public Dictionary<string, string?> Answers { get; set; } = [];

    [BindProperty]
    public List<string> Causes { get; set; } = [];

    [BindProperty]
    public List<string> Needs { get; set; } = [];

    public string HeadName { get; private set; } = string.Empty;
    public IReadOnlyList<IndicatorChoice> Indicators { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? year, CancellationToken ct)
    {
        var view = await surveys.GetAsync(Id, year, ct);
        if (view is null)
        {
            return NotFound();
        }

        if (view.Survey is { } s)
        {
            Input = new SurveyForm
            {
                Year = s.Year, SurveyDate = s.SurveyDate, ScreenedOut = s.ScreenedOut, IncomePerCapita = s.IncomePerCapita, B1Score = s.B1Score, B1ScoreTable = s.B1ScoreTable,
                OtherCause = s.OtherCause, Causes = s.Causes, Needs = s.Needs, Version = s.Version,
            };
            Answers = SurveyAnswers.Parse(s.Answers).ToDictionary(a => a.Key, a => (string?)(a.Value ? "true" : "false"));
        }
        else
        {
            Input = new SurveyForm { Year = view.Year };
        }

        return await ShowAsync(view, ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var causes = PovertyCauses.None;
        foreach (var c in Causes)
        {
            causes |= HouseholdCodes.AllCauses.FirstOrDefault(x => x.ToCode() == c);
        }

        var needs = SupportNeeds.None;
        foreach (var n in Needs)
        {
            needs |= HouseholdCodes.AllNeeds.FirstOrDefault(x => x.ToCode() == n);
        }

        Input.Causes = causes;
        Input.Needs = needs;
        var input = new SurveyInput
        {
            Year = Input.Year, SurveyDate = Input.SurveyDate, ScreenedOut = Input.ScreenedOut, IncomePerCapita = Input.IncomePerCapita,
            B1Score = Input.B1Score, B1ScoreTable = Input.B1ScoreTable, Causes = causes, Needs = needs, OtherCause = Input.OtherCause, Version = Input.Version,
            Answers = Answers.Where(a => a.Value is "true" or "false").ToDictionary(a => a.Key, a => a.Value == "true", StringComparer.Ordinal),
        };
        if (ModelState.IsValid)
        {
            var result = await surveys.SaveAsync(Id, input, ct);
            if (this.AfterSave(result, L.T("Đã lưu phiếu và phân loại hộ.", "Saved and classified."), _ => $"/Households/Details/{Id}") is { } done)
            {
                return done;
            }
        }

        var view = await surveys.GetAsync(Id, Input.Year, ct);
        return view is null ? NotFound() : await ShowAsync(view, ct);
    }

    private async Task<IActionResult> ShowAsync(SurveyView view, CancellationToken ct)
    {
        Indicators = view.Indicators;
        HeadName = (await households.GetAsync(Id, false, ct))?.HeadName ?? string.Empty;
        return Page();
    }
}

public sealed class SurveyForm
{
    public int Year { get; set; }
    public DateOnly? SurveyDate { get; set; }
    public bool ScreenedOut { get; set; }
    [System.ComponentModel.DataAnnotations.DataType(System.ComponentModel.DataAnnotations.DataType.Currency)]
    public long? IncomePerCapita { get; set; }
    public int? B1Score { get; set; }
    /// <summary>TT17_2016 | TT07_2021; empty = the default of the review year.</summary>
    public string? B1ScoreTable { get; set; }
    public string? OtherCause { get; set; }
    public PovertyCauses Causes { get; set; }
    public SupportNeeds Needs { get; set; }
    public int? Version { get; set; }
}
