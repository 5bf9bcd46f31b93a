using GiamNgheo.Application.Persistence;
using GiamNgheo.Application.Reviews;
using GiamNgheo.Domain.Reviews;
using GiamNgheo.Domain.Statuses;
using Microsoft.EntityFrameworkCore;

namespace GiamNgheo.Application.Statuses;

/// <summary>
/// Freezes the statuses of a recognition decision into <c>household_statuses</c>: one row per household and standard
/// classified in the decision's review year, recognised for the decision's (legal) standard, frozen but not recognised
/// for the others (parallel or local standards). The single writer for <see cref="ReviewCommands.DecideAsync"/> and the
/// decisions import (<c>DecisionImport</c>). The rows are added to the context; the caller saves them in the same
/// transaction as the decision's classifications.
/// </summary>
public sealed class HouseholdStatusWriter(AppDbContext db)
{
    /// <summary>The first day the decision's statuses govern entitlements (review rule <c>periodicPolicyFromNextYear</c>).</summary>
    public async Task<DateOnly> PolicyFromAsync(string? provinceCode, bool periodic, int reviewYear, DateOnly signedOn, CancellationToken ct) =>
        HouseholdStatusRules.PolicyFrom(periodic, reviewYear, signedOn, (await new ReviewSettings(db).RulesAsync(provinceCode, ct)).PeriodicPolicyFromNextYear);

    /// <summary>Stages the status rows of <paramref name="decision"/> (already saved: its id is set) for the households; returns how many.</summary>
    public async Task<int> StageAsync(RecognitionDecisionEntity decision, CampaignKind kind, IReadOnlyCollection<long> householdIds, CancellationToken ct,
        string source = "review")
    {
        if (householdIds.Count == 0)
        {
            return 0;
        }

        var periodic = kind == CampaignKind.Periodic;
        var province = await db.CommuneReviews.AsNoTracking().Where(r => r.Id == decision.CommuneReviewId).Select(r => r.ProvinceCode).FirstOrDefaultAsync(ct);
        var policyFrom = await PolicyFromAsync(province, periodic, decision.Year, decision.SignedOn, ct);
        var now = db.Clock.GetUtcNow().UtcDateTime;
        var count = 0;
        foreach (var chunk in householdIds.Distinct().Chunk(1_000))
        {
            var classifications = await db.HouseholdClassifications.AsNoTracking()
                .Where(c => chunk.Contains(c.HouseholdId) && c.Year == decision.Year).ToListAsync(ct);
            // Rows changed in this unit of work (the decision id just set, a row just created) win over the stored ones.
            var tracked = db.ChangeTracker.Entries<Surveys.HouseholdClassificationEntity>()
                .Where(e => e.State != EntityState.Deleted && chunk.Contains(e.Entity.HouseholdId) && e.Entity.Year == decision.Year)
                .Select(e => e.Entity).ToList();
            var rows = tracked.Concat(classifications).DistinctBy(c => (c.HouseholdId, c.StandardCode)).ToList();
            var households = await db.Households.AsNoTracking().Where(h => chunk.Contains(h.Id))
                .Select(h => new { h.Id, h.Code, h.HeadName, h.Address, h.VillageCode }).ToDictionaryAsync(h => h.Id, ct);
            var surveys = await db.HouseholdSurveys.AsNoTracking().Where(s => chunk.Contains(s.HouseholdId) && s.Year == decision.Year)
                .Select(s => new { s.HouseholdId, s.IncomePerCapita, s.B1Score, s.Answers, s.SurveyDate, s.Causes, s.Needs })
                .ToDictionaryAsync(s => s.HouseholdId, ct);
            foreach (var c in rows.OrderBy(r => r.HouseholdId).ThenBy(r => r.StandardCode, StringComparer.Ordinal))
            {
                var h = households[c.HouseholdId];
                var s = surveys.GetValueOrDefault(c.HouseholdId);
                db.HouseholdStatuses.Add(new HouseholdStatusEntity
                {
                    ProvinceCode = c.ProvinceCode,
                    CommuneCode = c.CommuneCode,
                    VillageCode = c.VillageCode ?? h.VillageCode,
                    HouseholdId = c.HouseholdId,
                    StandardCode = c.StandardCode,
                    ReviewYear = decision.Year,
                    Category = c.Category,
                    Recognised = string.Equals(c.StandardCode, decision.StandardCode, StringComparison.Ordinal),
                    DecisionId = decision.Id,
                    Periodic = periodic,
                    SignedOn = decision.SignedOn,
                    PolicyFrom = policyFrom,
                    DeprivationCount = c.DeprivationCount,
                    Deprived = c.Deprived,
                    MemberCount = c.MemberCount,
                    HouseholdCode = h.Code,
                    HeadName = h.HeadName,
                    Address = h.Address,
                    IncomePerCapita = s?.IncomePerCapita,
                    B1Score = s?.B1Score,
                    Answers = s?.Answers,
                    SurveyDate = s?.SurveyDate,
                    Causes = s?.Causes ?? default,
                    Needs = s?.Needs ?? default,
                    Source = source,
                    RecordedAtUtc = now,
                });
                count++;
            }
        }

        return count;
    }
}
