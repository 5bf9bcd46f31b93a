using System.Globalization;
using GiamNgheo.Application.Persistence;
using Microsoft.EntityFrameworkCore;

namespace GiamNgheo.Application.Surveys;

/// <summary>A household's review year recognised by a decision (Mẫu 02): its data is frozen.</summary>
public sealed record DecidedYear(long HouseholdId, string HouseholdCode, int Year, string DecisionNumber, DateOnly SignedOn)
{
    /// <summary>The refusal shown to the user: household code, year, decision number and what to do instead.</summary>
    public string Reason => string.Create(CultureInfo.InvariantCulture,
        $"Kết quả rà soát năm {Year} của hộ {HouseholdCode} đã được công nhận tại Quyết định số {DecisionNumber} ngày {SignedOn:dd/MM/yyyy} và bị khóa; không ghi đè. Muốn thay đổi, hãy điều chỉnh qua rà soát thường xuyên.");
}

/// <summary>
/// The one rule that freezes decided data, shared by the survey form, the API and the import: a household-year whose
/// classification carries a recognition decision is not changed by a direct edit (only the review campaign that lists
/// the household again may re-survey it).
/// </summary>
public static class DecidedYears
{
    /// <summary>The decided (household, year) pairs among the given households and years.</summary>
    public static async Task<Dictionary<(long HouseholdId, int Year), DecidedYear>> FindAsync(
        AppDbContext db, IReadOnlyCollection<long> householdIds, IReadOnlyCollection<int> years, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var result = new Dictionary<(long, int), DecidedYear>();
        foreach (var chunk in householdIds.Distinct().Chunk(500))
        {
            var rows = await (from c in db.HouseholdClassifications.AsNoTracking()
                              join d in db.RecognitionDecisions.AsNoTracking() on c.DecisionId equals d.Id
                              join h in db.Households.AsNoTracking() on new { Id = c.HouseholdId, c.ProvinceCode } equals new { h.Id, h.ProvinceCode }
                              where chunk.Contains(c.HouseholdId) && years.Contains(c.Year)
                              select new { c.HouseholdId, h.Code, c.Year, d.Number, d.SignedOn, d.Id }).ToListAsync(ct);
            foreach (var r in rows.OrderByDescending(r => r.SignedOn).ThenByDescending(r => r.Id))
            {
                result.TryAdd((r.HouseholdId, r.Year), new DecidedYear(r.HouseholdId, r.Code, r.Year, r.Number, r.SignedOn));
            }
        }

        return result;
    }

    public static async Task<DecidedYear?> FindAsync(AppDbContext db, long householdId, int year, CancellationToken ct) =>
        (await FindAsync(db, [householdId], [year], ct)).GetValueOrDefault((householdId, year));
}
