using GiamNgheo.Application.AdminUnits;
using GiamNgheo.Application.Persistence;
using GiamNgheo.Application.Reports;
using GiamNgheo.Application.Standards;
using GiamNgheo.Application.Support;
using Microsoft.EntityFrameworkCore;

namespace GiamNgheo.Application.Surveys;

/// <summary>Which stored surveys to classify again: one commune (new or pre-2025 code) or all; those dated on or after a day.</summary>
public sealed record ReclassifyScope(string? CommuneCode = null, DateOnly? From = null);

/// <summary>Surveys classified again, stored rows changed, and decided rows left as signed.</summary>
public sealed record ReclassifyOutcome(long Surveys, long ChangedRows);

/// <summary>
/// Classifies stored surveys again with the rules of today — the commune's area on each survey date, the B1 score tables,
/// the completeness of each standard — and updates the stored rows through the same
/// <see cref="HouseholdClassificationService.Store"/> as a survey saved by hand. Rows set by a decision are never touched
/// (docs/review-workflow.md, frozen decisions); their communes' report aggregates go stale through the save interceptor and
/// the support gaps of the households are rebuilt. Runs when a commune's area type changes (from its date), once after
/// the migration that introduced completeness (<see cref="Persistence.DatabaseInitializer"/>), and on demand
/// (<c>giamngheo reclassify</c>). Batches of <see cref="BatchHouseholds"/> households, each saved in its own transaction.
/// </summary>
public sealed class Reclassification(AppDbContext db, StandardRegistry standards)
{
    public const int BatchHouseholds = 1000;

    public async Task<ReclassifyOutcome> RunAsync(ReclassifyScope scope, Action<long, long>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var surveys = db.HouseholdSurveys.AsNoTracking();
        if (scope.CommuneCode is { } commune)
        {
            var households = db.Households.Where(h => h.CommuneCode == commune || h.LegacyCommuneCode == commune).Select(h => h.Id);
            surveys = surveys.Where(s => households.Contains(s.HouseholdId));
        }

        if (scope.From is { } from)
        {
            surveys = surveys.Where(s => (s.SurveyDate != null && s.SurveyDate >= from) || (s.SurveyDate == null && s.Year >= from.Year));
        }

        var total = await surveys.LongCountAsync(ct);
        var active = new Dictionary<(int, string), IReadOnlyList<ActiveStandard>>();
        long last = 0;
        long done = 0;
        long changed = 0;
        progress?.Invoke(0, total);
        while (true)
        {
            var ids = await surveys.Where(s => s.HouseholdId > last).Select(s => s.HouseholdId).Distinct().OrderBy(id => id).Take(BatchHouseholds).ToListAsync(ct);
            if (ids.Count == 0)
            {
                break;
            }

            last = ids[^1];
            var households = await db.Households.AsNoTracking().Include(h => h.Members).Where(h => ids.Contains(h.Id)).ToDictionaryAsync(h => h.Id, ct);
            var batch = await surveys.Where(s => ids.Contains(s.HouseholdId)).ToListAsync(ct);
            var stored = (await db.HouseholdClassifications.Where(c => ids.Contains(c.HouseholdId)).ToListAsync(ct))
                .GroupBy(c => (c.HouseholdId, c.Year)).ToDictionary(g => g.Key, g => g.ToList());
            var communes = households.Values.Select(h => h.CommuneCode).Distinct(StringComparer.Ordinal).ToList();
            var oldCommunes = await LegacyDistricts.SingleOldCommunesAsync(db, communes, ct);
            var areas = await AreaTypeHistory.LoadAsync(db,
                communes.Concat(oldCommunes.Values).Concat(households.Values.Select(h => h.LegacyCommuneCode ?? string.Empty)), ct);
            var now = db.Clock.GetUtcNow().UtcDateTime;
            foreach (var survey in batch)
            {
                var household = households[survey.HouseholdId];
                var legacy = household.LegacyCommuneCode ?? oldCommunes.GetValueOrDefault(household.CommuneCode);
                var area = areas.For(household.CommuneCode, legacy, HouseholdClassificationService.AsOf(survey), household.AreaType);
                if (!active.TryGetValue((survey.Year, household.ProvinceCode), out var standardsOfYear))
                {
                    active[(survey.Year, household.ProvinceCode)] = standardsOfYear = await standards.ActiveAsync(survey.Year, household.ProvinceCode, ct);
                }

                var results = HouseholdClassificationService.Evaluate(standardsOfYear, HouseholdClassificationService.Facts(household, survey, area), survey);
                if (!stored.TryGetValue((survey.HouseholdId, survey.Year), out var rows))
                {
                    stored[(survey.HouseholdId, survey.Year)] = rows = [];
                }

                changed += HouseholdClassificationService.Store(db, household, survey, results, rows, legacy, replaceDecided: false, now);
            }

            // The batch's rows and the gaps that follow from them in one transaction (a savepoint inside a caller's).
            await db.InOneTransactionAsync(async () =>
            {
                await db.SaveChangesAsync(ct);
                await db.RefreshGapsAsync(ids, ct);
                return Result<bool>.Ok(true);
            }, ct);
            db.ChangeTracker.Clear();
            done += batch.Count;
            progress?.Invoke(done, total);
        }

        return new ReclassifyOutcome(done, changed);
    }
}
