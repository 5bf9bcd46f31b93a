using GiamNgheo.Application.Imports;
using GiamNgheo.Application.Persistence;
using GiamNgheo.Domain.Classification;
using GiamNgheo.Domain.Policies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace GiamNgheo.Application.Support;

/// <summary>
/// Writes the materialised gap tables (<c>household_gap_summary</c>, <c>household_policy_status</c>) from
/// <see cref="GapEngine"/>, the single source of truth: for a few households after a change (inside the caller's
/// transaction when there is one), for the stale or missing households of a unit before a list is read, or for a
/// whole unit (<c>giamngheo support rebuild-gaps</c>, after catalogue edits). Rows are written with
/// <see cref="BulkInserter"/> (prepared INSERT / binary COPY), never through change tracking.
/// </summary>
public sealed class GapMaterializer(AppDbContext db)
{
    private const int Chunk = 2_000;

    private static readonly BulkColumn[] SummaryColumns =
    [
        new("HouseholdId", BulkType.BigInt), new("ProvinceCode", BulkType.Text), new("CommuneCode", BulkType.Text), new("VillageCode", BulkType.Text),
        new("StandardCode", BulkType.Text), new("Category", BulkType.SmallInt), new("InWorklist", BulkType.Bool), new("OpenGaps", BulkType.Int4),
        new("Unanswered", BulkType.Text), new("WaitingSince", BulkType.Date), new("LastSupport", BulkType.Date), new("ComputedOn", BulkType.Date),
        new("StaleOn", BulkType.Date),
    ];

    private static readonly BulkColumn[] StatusColumns =
    [
        new("HouseholdId", BulkType.BigInt), new("PolicyCode", BulkType.Text), new("ProvinceCode", BulkType.Text), new("CommuneCode", BulkType.Text),
        new("VillageCode", BulkType.Text), new("PeriodStart", BulkType.Date), new("Relevant", BulkType.Bool), new("Served", BulkType.Bool),
        new("LastDelivered", BulkType.Date),
    ];

    private readonly GapData data = new(db);

    /// <summary>Recomputes the rows of these households now (after their classification, survey, members or support changed).</summary>
    public async Task RefreshForHouseholdsAsync(IEnumerable<long> householdIds, CancellationToken ct)
    {
        var ids = householdIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            return;
        }

        var asOf = db.Clock.Today();
        await InTransactionAsync(async transaction =>
        {
            foreach (var chunk in ids.Chunk(Chunk))
            {
                await db.HouseholdPolicyStatuses.Where(s => chunk.Contains(s.HouseholdId)).ExecuteDeleteAsync(ct);
                await db.HouseholdGapSummaries.Where(s => chunk.Contains(s.HouseholdId)).ExecuteDeleteAsync(ct);
                var query = db.Households.AsNoTracking().Where(h => chunk.Contains(h.Id));
                var provinces = await query.Select(h => h.ProvinceCode).Distinct().ToListAsync(ct);
                foreach (var province in provinces)
                {
                    var loaded = await data.LoadAsync(query.Where(h => h.ProvinceCode == province), asOf, ct, policyProvince: province);
                    await WriteAsync(transaction, loaded, province, asOf, ct);
                }
            }
        }, ct);
    }

    /// <summary>
    /// After a bulk household import, inside its transaction: up to <see cref="WholeCommunes"/> households, their rows are
    /// recomputed now; above it (a province brought in at once), recomputing here would double the import's time, so the
    /// rows of the communes touched are marked stale instead: the first list read of a unit recomputes its stale and
    /// missing rows (<see cref="RefreshStaleAsync"/>), and <c>giamngheo support rebuild-gaps</c> recomputes them at once.
    /// </summary>
    public async Task RefreshForImportAsync(IReadOnlyCollection<(string Code, string CommuneCode)> households, CancellationToken ct, int recomputeUpTo = WholeCommunes)
    {
        if (households.Count > recomputeUpTo)
        {
            var communes = households.Select(h => h.CommuneCode).Distinct(StringComparer.Ordinal).ToList();
            // By the household's commune now and by the summary's own commune, so a household that moved is caught in both.
            await db.HouseholdGapSummaries
                .Where(s => communes.Contains(s.CommuneCode) || db.Households.Any(h => h.Id == s.HouseholdId && h.ProvinceCode == s.ProvinceCode && communes.Contains(h.CommuneCode)))
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.StaleOn, DateOnly.MinValue), ct);
            return;
        }

        var ids = new List<long>();
        foreach (var chunk in households.Select(h => h.Code).Distinct(StringComparer.Ordinal).Chunk(Chunk))
        {
            ids.AddRange(await db.Households.AsNoTracking().Where(h => chunk.Contains(h.Code)).Select(h => h.Id).ToListAsync(ct));
        }

        await RefreshForHouseholdsAsync(ids, ct);
    }

    /// <summary>Above this many households, a bulk import marks its communes' rows stale instead of recomputing them.</summary>
    public const int WholeCommunes = 20_000;

    /// <summary>
    /// Recomputes the households of a unit whose rows are stale (index on StaleOn) or missing (only looked for when the
    /// unit's household and summary counts differ). <paramref name="summaries"/> must be narrowed like <paramref name="households"/>.
    /// Returns the number of households of the unit.
    /// </summary>
    public async Task<int> RefreshStaleAsync(IQueryable<Households.HouseholdEntity> households, IQueryable<HouseholdGapSummaryEntity> summaries,
        CancellationToken ct)
    {
        var today = db.Clock.Today();
        var stale = await summaries.Where(s => s.StaleOn <= today).Select(s => s.HouseholdId).ToListAsync(ct);
        var count = await households.CountAsync(ct);
        if (count != await summaries.CountAsync(ct))
        {
            stale.AddRange(await households.Where(h => !db.HouseholdGapSummaries.Any(s => s.HouseholdId == h.Id && s.ProvinceCode == h.ProvinceCode)).Select(h => h.Id).ToListAsync(ct));
        }

        await RefreshForHouseholdsAsync(stale, ct);
        return count;
    }

    /// <summary>Recomputes every household of the unit (province, commune or village; all when null), commune by commune.</summary>
    public async Task<int> RebuildAsync(string? unitCode, IProgress<(string Commune, int Households)>? progress, CancellationToken ct)
    {
        var query = db.Households.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(unitCode))
        {
            var level = await db.AdminUnits.AsNoTracking().Where(u => u.Code == unitCode).Select(u => (AdminUnits.AdminLevel?)u.Level).FirstOrDefaultAsync(ct);
            query = level switch
            {
                AdminUnits.AdminLevel.Province => query.Where(h => h.ProvinceCode == unitCode),
                AdminUnits.AdminLevel.Commune => query.Where(h => h.CommuneCode == unitCode),
                AdminUnits.AdminLevel.Village => query.Where(h => h.VillageCode == unitCode),
                AdminUnits.AdminLevel.District or null => query.Where(h => h.ProvinceCode == unitCode || h.CommuneCode == unitCode || h.VillageCode == unitCode),
            };
        }

        await db.Database.OpenConnectionAsync(ct);
        if (db.Database.IsSqlite())
        {
            // A whole province reads far more than SQLite's default 2 MB page cache holds.
            await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -262144", ct);
        }

        var communes = await query.Select(h => new { h.ProvinceCode, h.CommuneCode }).Distinct().ToListAsync(ct);
        var asOf = db.Clock.Today();
        var total = 0;
        foreach (var unit in communes.OrderBy(c => c.ProvinceCode, StringComparer.Ordinal).ThenBy(c => c.CommuneCode, StringComparer.Ordinal))
        {
            var commune = unit.CommuneCode;
            var households = db.Households.AsNoTracking().Where(h => h.CommuneCode == commune);
            if (!string.IsNullOrWhiteSpace(unitCode) && unitCode != unit.ProvinceCode && unitCode != commune)
            {
                households = households.Where(h => h.VillageCode == unitCode);
            }

            var count = 0;
            await InTransactionAsync(async transaction =>
            {
                var ids = households.Select(h => h.Id);
                await db.HouseholdPolicyStatuses.Where(s => ids.Contains(s.HouseholdId)).ExecuteDeleteAsync(ct);
                await db.HouseholdGapSummaries.Where(s => ids.Contains(s.HouseholdId)).ExecuteDeleteAsync(ct);
                var loaded = await data.LoadAsync(households, asOf, ct, communeCode: commune, policyProvince: unit.ProvinceCode);
                count = loaded.Households.Count;
                await WriteAsync(transaction, loaded, unit.ProvinceCode, asOf, ct);
            }, ct);
            total += count;
            progress?.Report((commune, count));
        }

        return total;
    }

    private async Task InTransactionAsync(Func<IDbContextTransaction, Task> action, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is { } current)
        {
            await action(current);
            return;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await action(transaction);
        await transaction.CommitAsync(ct);
    }

    private async Task WriteAsync(IDbContextTransaction transaction, GapData.Loaded loaded, string province, DateOnly asOf, CancellationToken ct)
    {
        if (loaded.Households.Count == 0)
        {
            return;
        }

        var standard = await data.ListStandardAsync(province, asOf, ct);
        var poor = await data.PoorCommunesAsync(asOf, ct);
        var summaries = new List<object?[]>(loaded.Households.Count);
        var statuses = new List<object?[]>();
        foreach (var h in loaded.Households)
        {
            var (summary, rows) = Compute(h, loaded.Policies, standard, asOf, poor.Contains(h.CommuneCode));
            summaries.Add(summary);
            statuses.AddRange(rows);
        }

        var inserter = BulkInserter.For(db.Database.GetDbConnection(), transaction.GetDbTransaction());
        await inserter.InsertAsync("household_gap_summary", SummaryColumns, summaries, ct);
        await inserter.InsertAsync("household_policy_status", StatusColumns, statuses, ct);
    }

    /// <summary>The rows of one household: its summary and one status per eligible and relevant policy (values in column order).</summary>
    internal static (object?[] Summary, List<object?[]> Statuses) Compute(GapHousehold h, IReadOnlyList<Policy> policies, string standard, DateOnly asOf,
        bool inPoorCommune)
    {
        var gaps = GapEngine.Compute(h, policies, standard, asOf, inPoorCommune, withReasons: false);
        var listed = gaps.Category is HouseholdCategory.Poor or HouseholdCategory.NearPoor;
        var open = gaps.OpenGaps.Count();
        var staleOn = new DateOnly(asOf.Year + 1, 1, 1);
        // A recognised status whose policy start is still ahead (a periodic list: 1 January of the next year) flips the rows then.
        foreach (var list in h.Recognised.Values)
        {
            foreach (var s in list)
            {
                if (s.PolicyFrom > asOf && s.PolicyFrom < staleOn)
                {
                    staleOn = s.PolicyFrom;
                }
            }
        }

        var statuses = new List<object?[]>();
        for (var i = 0; i < policies.Count; i++)
        {
            var policy = policies[i];
            var status = gaps.Policies[i];
            if (policy.ValidFrom > asOf && policy.ValidFrom < staleOn)
            {
                staleOn = policy.ValidFrom;
            }

            if (policy.ValidTo is { } to && to >= asOf && to.AddDays(1) < staleOn)
            {
                staleOn = to.AddDays(1);
            }

            foreach (var clause in policy.Eligibility)
            {
                if (clause.EscapedWithinYears is { } years && GapEngine.EscapedOn(h, policy.StandardCode, asOf) is { } escaped
                    && escaped.AddYears(years).AddDays(1) is var until && until > asOf && until < staleOn)
                {
                    staleOn = until;
                }
            }

            if (status.Served && policy.Benefit.Period != BenefitPeriod.Once)
            {
                var next = PolicyPeriods.End(policy.Benefit.Period, asOf).AddDays(1);
                if (next < staleOn)
                {
                    staleOn = next;
                }
            }

            if (status.Eligible && status.Relevant)
            {
                statuses.Add([h.Id, policy.Code, h.ProvinceCode, h.CommuneCode, h.VillageCode, PolicyPeriods.Start(policy.Benefit.Period, asOf),
                    status.Relevant, status.Served, status.LastDelivered]);
            }
        }

        object?[] summary =
        [
            h.Id, h.ProvinceCode, h.CommuneCode, h.VillageCode, standard, gaps.Category is { } c ? (int)c : null,
            listed && (open > 0 || gaps.UnansweredDeprivations.Count > 0), open, string.Join(";", gaps.UnansweredDeprivations),
            gaps.WaitingSince, gaps.LastSupport, asOf, staleOn,
        ];
        return (summary, statuses);
    }
}

/// <summary>One-line hook for the commands that change what gaps are computed from.</summary>
public static class GapRefresh
{
    /// <summary>
    /// Recomputes the materialised gaps of these households: call after the change is saved, inside the use case's
    /// transaction (<see cref="Persistence.UseCaseTransaction"/>), so the change and its gaps commit or roll back together.
    /// </summary>
    public static Task RefreshGapsAsync(this AppDbContext db, IEnumerable<long> householdIds, CancellationToken ct) =>
        new GapMaterializer(db).RefreshForHouseholdsAsync(householdIds, ct);
}
