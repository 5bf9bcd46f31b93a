using GiamNgheo.Application.Identity;
using GiamNgheo.Application.Interchange;
using GiamNgheo.Application.Persistence;
using GiamNgheo.Application.Support;
using GiamNgheo.Application.Standards;
using GiamNgheo.Domain.Standards;
using Microsoft.EntityFrameworkCore;

namespace GiamNgheo.Application.Surveys;

public sealed record SurveyInput
{
    public int Year { get; init; }
    public DateOnly? SurveyDate { get; init; }
    public bool ScreenedOut { get; init; }
    public long? IncomePerCapita { get; init; }
    public int? B1Score { get; init; }
    /// <summary>
    /// The score table the B1 score was taken under (TT17_2016 | TT07_2021, or the circular's number); null = the default
    /// of the review year (Domain.Standards.ScoreTables.DefaultFor: TT 07/2021 from 2022, TT 17/2016 before).
    /// </summary>
    public string? B1ScoreTable { get; init; }
    /// <summary>Indicator code → deprived. Codes not given are "not answered".</summary>
    public IReadOnlyDictionary<string, bool> Answers { get; init; } = new Dictionary<string, bool>();
    public PovertyCauses Causes { get; init; }
    public string? OtherCause { get; init; }
    public SupportNeeds Needs { get; init; }
    /// <summary>The survey version the user started from (optimistic concurrency); null for a new survey.</summary>
    public int? Version { get; init; }
}

public sealed record SurveyView(long HouseholdId, int Year, HouseholdSurveyEntity? Survey, IReadOnlyList<StandardResult> Results, IReadOnlyList<IndicatorChoice> Indicators);

/// <summary>An indicator the survey form asks about: the union of the active standards' indicators.</summary>
public sealed record IndicatorChoice(string Code, string NameVi, string NameEn, string DimensionVi, bool DerivedFromMembers, IReadOnlyList<string> Standards);

/// <summary>Saves a household's review answers for a year and classifies it at once under every active standard.</summary>
public sealed class SurveyCommands(AppDbContext db, StandardRegistry standards, HouseholdClassificationService classifier)
{
    /// <summary>Saves a survey entered directly (survey page, API): a decided household-year is refused (<see cref="DecidedYears"/>).</summary>
    public Task<Result<SurveyView>> SaveAsync(long householdId, SurveyInput input, CancellationToken ct) => SaveAsync(householdId, input, reviewCampaign: false, ct);

    /// <summary>
    /// Saves a survey; <paramref name="reviewCampaign"/>: entered in the review campaign that lists the household, which may
    /// re-survey a year an earlier decision of the same year recognised (its rows are replaced and wait for the new decision).
    /// </summary>
    /// <remarks>
    /// One transaction: the survey, its classifications and the household's materialised gaps are saved together; a refused
    /// save writes nothing. Inside a review step, it runs in the step's transaction (under a savepoint).
    /// </remarks>
    internal Task<Result<SurveyView>> SaveAsync(long householdId, SurveyInput input, bool reviewCampaign, CancellationToken ct) =>
        db.InOneTransactionAsync(() => SaveInTransactionAsync(householdId, input, reviewCampaign, ct), ct);

    private async Task<Result<SurveyView>> SaveInTransactionAsync(long householdId, SurveyInput input, bool reviewCampaign, CancellationToken ct)
    {
        var household = await UnitScope.Apply(db.Households, db.CurrentUser).Include(h => h.Members).SingleOrDefaultAsync(h => h.Id == householdId, ct);
        if (household is null)
        {
            return Result<SurveyView>.NotFound();
        }

        if (!UnitScope.IsAny(db.CurrentUser, Roles.RegistryEditors))
        {
            return Result<SurveyView>.Forbidden("Vai trò của bạn không được nhập phiếu rà soát.");
        }

        var errors = new ValidationErrors();
        var today = db.Clock.Today();
        if (input.Year < 2016 || input.Year > today.Year + 1)
        {
            errors.Add("year", $"Năm rà soát phải từ 2016 đến {today.Year + 1}.");
        }

        if (input.SurveyDate is { } date && (date > today || date.Year < input.Year - 1 || date.Year > input.Year + 1))
        {
            errors.Add("surveyDate", "Ngày khảo sát không được sau hôm nay và phải thuộc kỳ rà soát.");
        }

        if (input.IncomePerCapita is < 0 or > 1_000_000_000)
        {
            errors.Add("incomePerCapita", "Thu nhập bình quân phải từ 0 đến 1.000.000.000 đồng/người/tháng.");
        }

        if (input.B1Score is < 0 or > 1000)
        {
            errors.Add("b1Score", "Điểm B1 phải từ 0 đến 1000.");
        }

        string? scoreTable = null;
        if (!string.IsNullOrWhiteSpace(input.B1ScoreTable))
        {
            if (ScoreTables.TryParse(input.B1ScoreTable, out var table) && ScoreTables.Known.Contains(table))
            {
                scoreTable = table;
            }
            else
            {
                errors.Add("b1ScoreTable", $"Bảng điểm B1 phải là {string.Join(" hoặc ", ScoreTables.Known.Select(ScoreTables.NameVi))}.");
            }
        }

        if (!input.ScreenedOut && input.IncomePerCapita is null && input.B1Score is null)
        {
            errors.Add("incomePerCapita", "Cần nhập thu nhập bình quân đầu người hoặc điểm B1.");
        }

        var known = (await standards.AllAsync(ct)).SelectMany(s => s.Standard.Indicators).Select(i => i.Code).ToHashSet(StringComparer.Ordinal);
        foreach (var code in input.Answers.Keys.Where(k => !known.Contains(k)))
        {
            errors.Add("answers", $"Chỉ số '{code}' không thuộc chuẩn nghèo nào.");
        }

        if (errors.Any)
        {
            return Result<SurveyView>.Invalid(errors.ToDictionary());
        }

        if (!reviewCampaign && await DecidedYears.FindAsync(db, householdId, input.Year, ct) is { } decided)
        {
            return Result<SurveyView>.Conflict(decided.Reason);
        }

        var survey = await db.HouseholdSurveys.SingleOrDefaultAsync(s => s.HouseholdId == householdId && s.Year == input.Year, ct);
        if (survey is not null && input.Version is { } version && version != survey.Version)
        {
            return Result<SurveyView>.Conflict("Phiếu của hộ này vừa được người khác lưu. Dữ liệu bạn nhập vẫn còn trên trang; hãy xem lại rồi lưu lại.");
        }

        if (survey is null)
        {
            survey = new HouseholdSurveyEntity { HouseholdId = householdId, ProvinceCode = household.ProvinceCode, Year = input.Year };
            db.HouseholdSurveys.Add(survey);
        }
        else
        {
            survey.Version++;
        }

        survey.SurveyDate = input.SurveyDate;
        survey.ScreenedOut = input.ScreenedOut;
        survey.IncomePerCapita = input.IncomePerCapita;
        survey.B1Score = input.B1Score;
        survey.B1ScoreTable = input.B1Score is null ? null : scoreTable ?? ScoreTables.DefaultFor(input.Year);
        survey.Answers = SurveyAnswers.Format(input.Answers);
        survey.Causes = input.Causes;
        survey.OtherCause = string.IsNullOrWhiteSpace(input.OtherCause) ? null : Domain.Common.VietnameseText.NormalizeName(input.OtherCause);
        survey.Needs = input.Needs;
        survey.Source = "manual";
        survey.UpdatedAtUtc = db.Clock.GetUtcNow().UtcDateTime;
        var results = await classifier.ClassifyAndStoreAsync(household, survey, replaceDecided: reviewCampaign, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result<SurveyView>.Conflict("Phiếu của hộ này vừa được người khác lưu. Dữ liệu bạn nhập vẫn còn trên trang; hãy xem lại rồi lưu lại.");
        }

        await db.RefreshGapsAsync([householdId], ct); // materialised gaps (Support/GapMaterializer), in the same transaction
        return Result<SurveyView>.Ok(new SurveyView(householdId, input.Year, survey, results, await IndicatorChoicesAsync(input.Year, household.ProvinceCode, ct)));
    }

    /// <summary>The latest (or the given) year's survey of a household in scope, with its classification under each active standard.</summary>
    public async Task<SurveyView?> GetAsync(long householdId, int? year, CancellationToken ct)
    {
        var household = await UnitScope.Apply(db.Households.AsNoTracking(), db.CurrentUser).Include(h => h.Members).SingleOrDefaultAsync(h => h.Id == householdId, ct);
        if (household is null)
        {
            return null;
        }

        var surveys = db.HouseholdSurveys.AsNoTracking().Where(s => s.HouseholdId == householdId);
        var survey = year is { } y
            ? await surveys.SingleOrDefaultAsync(s => s.Year == y, ct)
            : await surveys.OrderByDescending(s => s.Year).FirstOrDefaultAsync(ct);
        var reviewYear = survey?.Year ?? year ?? db.Clock.Today().Year;
        var results = survey is null ? [] : await classifier.EvaluateAsync(household, survey, ct);
        return new SurveyView(householdId, reviewYear, survey, results, await IndicatorChoicesAsync(reviewYear, household.ProvinceCode, ct));
    }

    public async Task<IReadOnlyList<IndicatorChoice>> IndicatorChoicesAsync(int year, string provinceCode, CancellationToken ct)
    {
        var active = await standards.ActiveAsync(year, provinceCode, ct);
        return [.. active.SelectMany(a => a.Standard.Indicators.Select(i => (a.Standard.Code, Indicator: i)))
            .GroupBy(x => x.Indicator.Code, StringComparer.Ordinal)
            .Select(g => new IndicatorChoice(g.Key, g.First().Indicator.NameVi, g.First().Indicator.NameEn, g.First().Indicator.Dimension.NameVi,
                g.First().Indicator.Evaluation.Rule is not null, [.. g.Select(x => x.Code)]))];
    }
}
