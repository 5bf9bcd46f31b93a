using GiamNgheo.Application.Identity;
using GiamNgheo.Application.Surveys;
using GiamNgheo.Domain.Classification;
using GiamNgheo.Domain.Reviews;

namespace GiamNgheo.Application.Reviews.Steps;

/// <summary>
/// S2: saves the household's survey for the campaign year through <see cref="SurveyCommands"/> (optimistic concurrency,
/// classification, gap refresh — all in this step's transaction) and marks it surveyed.
/// </summary>
internal sealed class RecordSurvey(ReviewServices services) : ReviewStep(services)
{
    public Task<Result<SurveyView>> RunAsync(long reviewHouseholdId, SurveyInput input, CancellationToken ct) =>
        InTransactionAsync(async () =>
        {
            var (target, error) = await LoadHouseholdAsync(reviewHouseholdId, Roles.RegistryEditors, ct);
            if (error is not null)
            {
                return Convert<SurveyView, CommuneBoard>(error);
            }

            var (rh, cr, campaign) = (target!.Household!, target.Commune, target.Campaign);
            if (ApplyHousehold(cr, rh, HouseholdAction.RecordSurvey, Db.Clock.Today(), 0, 0, null) is { } refused)
            {
                return Result<SurveyView>.Conflict(refused);
            }

            // The campaign that lists the household may re-survey a year decided earlier (a regular review's decision before the
            // periodic review): the year's rows are replaced and wait for this campaign's decision; the earlier decision stays.
            var saved = await Services.Surveys.SaveAsync(rh.HouseholdId, input with { Year = campaign.Year }, reviewCampaign: true, ct);
            if (saved.Status != ResultStatus.Ok)
            {
                return saved;
            }

            rh.SurveyId = saved.Value!.Survey!.Id;
            rh.Category = CategoryOf(saved.Value, campaign.StandardCode);
            await Db.SaveChangesAsync(ct);
            return saved;
        }, ct);

    /// <summary>The household's category under the campaign's standard from a saved survey ("not_poor" when screened out).</summary>
    internal static string? CategoryOf(SurveyView view, string standard) =>
        view.Survey is { ScreenedOut: true } ? HouseholdCategory.NotPoor.ToCode()
        : view.Results.FirstOrDefault(r => r.StandardCode == standard)?.Classification?.Category.ToCode();
}
