using GiamNgheo.Application;
using GiamNgheo.Application.Interchange;
using GiamNgheo.Application.Reviews;
using GiamNgheo.Application.Surveys;
using GiamNgheo.Web.Infrastructure;
using GiamNgheo.Web.Pages.Households;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GiamNgheo.Web.Pages.Reviews;

/// <summary>
/// The village reviewer's survey inside a review (phone-sized): the same Phiếu A/B1/B2 fields as /Households/Survey, saved
/// through the review so the household moves to "surveyed"; a concurrent save is refused and the input is shown back.
/// </summary>
public sealed class SurveyModel(ReviewQueries queries, ReviewCommands commands, SurveyCommands surveys) : PageModel
{
    [BindProperty]
    public SurveyForm Input { get; set; } = new();

    [BindProperty]
    public Dictionary<string, string?> Answers { get; set; } = [];

    [BindProperty]
    public List<string> Causes { get; set; } = [];

    [BindProperty]
    public List<string> Needs { get; set; } = [];

    public ReviewHouseholdRef Household { get; private set; } = null!;
    public IReadOnlyList<IndicatorChoice> Indicators { get; private set; } = [];
    public IReadOnlyList<StandardResult> Results { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var rh = await queries.ReviewHouseholdAsync(id, ct);
        if (rh is null)
        {
            return NotFound();
        }

        Household = rh;
        var view = await surveys.GetAsync(rh.HouseholdId, rh.Year, ct);
        if (view?.Survey is { } s)
        {
            Input = new SurveyForm
            {
                Year = s.Year, SurveyDate = s.SurveyDate, ScreenedOut = s.ScreenedOut, IncomePerCapita = s.IncomePerCapita, B1Score = s.B1Score, B1ScoreTable = s.B1ScoreTable,
                OtherCause = s.OtherCause, Causes = s.Causes, Needs = s.Needs, Version = s.Version,
            };
            Answers = SurveyAnswers.Parse(s.Answers).ToDictionary(a => a.Key, a => (string?)(a.Value ? "true" : "false"));
            Results = view.Results;
        }
        else
        {
            Input = new SurveyForm { Year = rh.Year };
        }

        Indicators = view?.Indicators ?? [];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        var rh = await queries.ReviewHouseholdAsync(id, ct);
        if (rh is null)
        {
            return NotFound();
        }

        Household = rh;
        var causes = Causes.Aggregate(PovertyCauses.None, (acc, c) => acc | HouseholdCodes.AllCauses.FirstOrDefault(x => x.ToCode() == c));
        var needs = Needs.Aggregate(SupportNeeds.None, (acc, n) => acc | HouseholdCodes.AllNeeds.FirstOrDefault(x => x.ToCode() == n));
        Input.Causes = causes;
        Input.Needs = needs;
        var input = new SurveyInput
        {
            Year = rh.Year, SurveyDate = Input.SurveyDate, ScreenedOut = Input.ScreenedOut, IncomePerCapita = Input.IncomePerCapita,
            B1Score = Input.B1Score, B1ScoreTable = Input.B1ScoreTable, Causes = causes, Needs = needs, OtherCause = Input.OtherCause, Version = Input.Version,
            Answers = Answers.Where(a => a.Value is "true" or "false").ToDictionary(a => a.Key, a => a.Value == "true", StringComparer.Ordinal),
        };
        if (ModelState.IsValid)
        {
            var result = await commands.RecordSurveyAsync(id, input, ct);
            switch (result.Status)
            {
                case ResultStatus.Ok:
                    TempData["Flash"] = L.T("Đã lưu phiếu và phân loại hộ.", "Saved and classified.");
                    return Redirect($"/Reviews/Board/{rh.CommuneReviewId}");
                case ResultStatus.NotFound:
                    return NotFound();
                case ResultStatus.Invalid:
                    PageErrors.AddTo(ModelState, result.Errors);
                    break;
                case ResultStatus.Conflict:
                case ResultStatus.Forbidden:
                    ModelState.AddModelError(string.Empty, result.Message!);
                    break;
            }
        }

        var view = await surveys.GetAsync(rh.HouseholdId, rh.Year, ct);
        Indicators = view?.Indicators ?? [];
        return Page();
    }
}
