using GiamNgheo.Application.AdminUnits;
using GiamNgheo.Application.Households;
using GiamNgheo.Application.Persistence;
using GiamNgheo.Application.Standards;
using GiamNgheo.Domain.Classification;
using GiamNgheo.Domain.Common;
using GiamNgheo.Domain.Standards;
using Microsoft.EntityFrameworkCore;

namespace GiamNgheo.Application.Surveys;

/// <summary>One household's classification under one standard, as the household page shows it.</summary>
public sealed record StandardResult(string StandardCode, string StandardName, bool InParallel, Classification? Classification, string? Problem);

/// <summary>Classifies a household's survey under every active standard and stores one row per standard.</summary>
public sealed class HouseholdClassificationService(AppDbContext db, StandardRegistry standards)
{
    /// <summary>
    /// The facts of one survey; <paramref name="area"/> is the commune's area on the survey date (<see cref="AreaAsync"/>,
    /// <see cref="AdminUnits.AreaTypeHistory"/>), never the area frozen on the household.
    /// </summary>
    public static HouseholdFacts Facts(HouseholdEntity household, HouseholdSurveyEntity survey, AreaType area) => new()
    {
        Area = area,
        IncomePerPersonPerMonth = survey.IncomePerCapita,
        B1Score = survey.B1Score,
        B1ScoreTable = ScoreTableOf(survey),
        Answers = SurveyAnswers.Parse(survey.Answers),
        Members = [.. household.Members.Select(m => new MemberFacts
        {
            DateOfBirth = m.DateOfBirth,
            Sex = m.Sex,
            HasHealthInsurance = m.HasHealthInsurance,
            Education = m.Education,
            Schooling = m.Schooling,
            Employment = m.Employment,
            Disability = m.Disability,
        })],
    };

    public static DateOnly AsOf(HouseholdSurveyEntity survey) => survey.SurveyDate ?? new DateOnly(survey.Year, 12, 31);

    /// <summary>The survey's B1 score table: as recorded, else the default of its review year; null without a score.</summary>
    public static string? ScoreTableOf(HouseholdSurveyEntity survey) =>
        survey.B1Score is null ? null : survey.B1ScoreTable ?? ScoreTables.DefaultFor(survey.Year);

    /// <summary>The household's area on the survey date: its commune's type then (docs/standards.md, area by date).</summary>
    public async Task<AreaType> AreaAsync(HouseholdEntity household, HouseholdSurveyEntity survey, CancellationToken ct)
    {
        var asOf = AsOf(survey);
        string? oldCommune = null;
        if (asOf < AreaTypeHistory.ReformDate)
        {
            oldCommune = await Reports.LegacyDistricts.OldCommuneAsync(db, household, ct);
        }

        var history = await AreaTypeHistory.LoadAsync(db, oldCommune is null ? [household.CommuneCode] : [household.CommuneCode, oldCommune], ct);
        return history.For(household.CommuneCode, oldCommune, asOf, household.AreaType);
    }

    /// <summary>Evaluates without saving (the household page and what-if use this).</summary>
    public async Task<IReadOnlyList<StandardResult>> EvaluateAsync(HouseholdEntity household, HouseholdSurveyEntity survey, CancellationToken ct)
    {
        var active = await standards.ActiveAsync(survey.Year, household.ProvinceCode, ct);
        return Evaluate(active, Facts(household, survey, await AreaAsync(household, survey, ct)), survey);
    }

    /// <summary>The one evaluation of a survey under the standards active in its year (no database; the bulk paths call it).</summary>
    public static IReadOnlyList<StandardResult> Evaluate(IReadOnlyList<ActiveStandard> active, HouseholdFacts facts, HouseholdSurveyEntity survey)
    {
        ArgumentNullException.ThrowIfNull(active);
        ArgumentNullException.ThrowIfNull(survey);
        var asOf = AsOf(survey);
        var results = new List<StandardResult>(active.Count);
        foreach (var (standard, inParallel) in active)
        {
            if (survey.ScreenedOut)
            {
                results.Add(new StandardResult(standard.Code, standard.NameVi, inParallel, null,
                    "Hộ được loại qua phiếu A (nhận dạng nhanh): không thuộc diện rà soát tiếp."));
                continue;
            }

            if (HouseholdClassifier.CannotClassifyReason(facts, standard) is { } reason)
            {
                results.Add(new StandardResult(standard.Code, standard.NameVi, inParallel, null, reason));
                continue;
            }

            results.Add(new StandardResult(standard.Code, standard.NameVi, inParallel, HouseholdClassifier.Classify(facts, standard, asOf), null));
        }

        return results;
    }

    /// <summary>Classifies and replaces the stored rows of the household for the survey's year (not those set by a decision).</summary>
    public Task<IReadOnlyList<StandardResult>> ClassifyAndStoreAsync(HouseholdEntity household, HouseholdSurveyEntity survey, CancellationToken ct) =>
        ClassifyAndStoreAsync(household, survey, replaceDecided: false, ct);

    /// <summary>
    /// Classifies and replaces the stored rows of the household for the survey's year. Rows set by a decision are kept,
    /// unless <paramref name="replaceDecided"/> (a new review campaign re-surveyed the household): then they are replaced and
    /// their decision cleared — the earlier decision itself is kept (recognition_decisions, household statuses).
    /// </summary>
    public async Task<IReadOnlyList<StandardResult>> ClassifyAndStoreAsync(HouseholdEntity household, HouseholdSurveyEntity survey, bool replaceDecided, CancellationToken ct)
    {
        var results = await EvaluateAsync(household, survey, ct);
        var existing = await db.HouseholdClassifications.Where(c => c.HouseholdId == household.Id && c.Year == survey.Year).ToListAsync(ct);
        var legacy = survey.Year <= Reports.LegacyDistricts.LastDistrictYear ? await Reports.LegacyDistricts.OldCommuneAsync(db, household, ct) : null;
        Store(db, household, survey, results, existing, legacy, replaceDecided, db.Clock.GetUtcNow().UtcDateTime);
        return results;
    }

    /// <summary>
    /// The one way stored rows follow an evaluation: a row per standard that classified the survey (a screened-out survey
    /// stores "not poor"), none for a standard that cannot; rows set by a decision are kept unless
    /// <paramref name="replaceDecided"/>. Returns how many rows changed category, completeness or deprivations.
    /// </summary>
    internal static int Store(AppDbContext db, HouseholdEntity household, HouseholdSurveyEntity survey, IReadOnlyList<StandardResult> results,
        List<HouseholdClassificationEntity> existing, string? legacyCommune, bool replaceDecided, DateTime nowUtc)
    {
        var changed = 0;
        foreach (var result in results)
        {
            var row = existing.SingleOrDefault(c => c.StandardCode == result.StandardCode);
            if (row is { DecisionId: not null })
            {
                if (!replaceDecided)
                {
                    continue;
                }

                row.DecisionId = null;
            }

            if (result.Classification is null && !survey.ScreenedOut)
            {
                if (row is not null)
                {
                    db.HouseholdClassifications.Remove(row);
                    existing.Remove(row);
                    changed++;
                }

                continue;
            }

            if (row is null)
            {
                row = new HouseholdClassificationEntity
                {
                    HouseholdId = household.Id,
                    ProvinceCode = household.ProvinceCode,
                    CommuneCode = household.CommuneCode,
                    StandardCode = result.StandardCode,
                    Year = survey.Year,
                };
                db.HouseholdClassifications.Add(row);
                existing.Add(row);
                changed++;
            }
            else
            {
                var category = result.Classification?.Category ?? HouseholdCategory.NotPoor;
                var deprived = result.Classification is null ? string.Empty : string.Join(';', result.Classification.DeprivedCodes);
                if (row.Category != category || row.Incomplete != result.Classification is { IsComplete: false }
                    || row.PessimisticCategory != (result.Classification?.PessimisticCategory ?? category) || row.Deprived != deprived)
                {
                    changed++;
                }
            }

            row.CommuneCode = household.CommuneCode;
            row.VillageCode = household.VillageCode;
            row.LegacyCommuneCode = survey.Year <= Reports.LegacyDistricts.LastDistrictYear ? legacyCommune : null;
            row.Category = result.Classification?.Category ?? HouseholdCategory.NotPoor;
            row.PessimisticCategory = result.Classification?.PessimisticCategory ?? row.Category;
            row.Incomplete = result.Classification is { IsComplete: false };
            row.DeprivationCount = result.Classification?.DeprivationCount ?? 0;
            row.Deprived = result.Classification is null ? string.Empty : string.Join(';', result.Classification.DeprivedCodes);
            row.MemberCount = household.Members.Count;
            row.ComputedAtUtc = nowUtc;
        }

        return changed;
    }
}
