using System.Globalization;
using GiamNgheo.Application.Identity;
using GiamNgheo.Application.Persistence;
using GiamNgheo.Domain.Classification;
using GiamNgheo.Domain.Statuses;
using Microsoft.EntityFrameworkCore;

namespace GiamNgheo.Application.Statuses;

/// <summary>A household's status under one standard with its source and, when recognised, the decision.</summary>
public sealed record StatusView(long HouseholdId, string StandardCode, HouseholdStatus Status, string? DecisionNumber, DateOnly? DecisionSignedOn,
    string? DecisionSigner)
{
    public string SourceVi => StatusLabels.Vietnamese(Status, DecisionNumber, DecisionSignedOn);
    public string SourceEn => StatusLabels.English(Status, DecisionNumber, DecisionSignedOn);

    /// <summary>The source with, for a carried-over status, whether the earlier result it carries was recognised (the household list and its export).</summary>
    public string SourceDetailVi => Status.Source != StatusSource.CarriedOver ? SourceVi
        : Status.DecisionId is null ? $"{SourceVi} ({Lower(StatusLabels.ComputedVi)})" : $"{SourceVi}, {Lower(StatusLabels.RecognisedVi(DecisionNumber, DecisionSignedOn))}";

    public string SourceDetailEn => Status.Source != StatusSource.CarriedOver ? SourceEn
        : Status.DecisionId is null ? $"{SourceEn} ({Lower(StatusLabels.ComputedEn)})" : $"{SourceEn}, {Lower(StatusLabels.RecognisedEn(DecisionNumber, DecisionSignedOn))}";

    private static string Lower(string text) => text.Length == 0 ? text : char.ToLowerInvariant(text[0]) + text[1..];

    /// <summary>The category in Vietnamese, or "Chưa rà soát" for a household never surveyed.</summary>
    public string CategoryVi => Status.Source == StatusSource.NotSurveyed ? StatusLabels.NotSurveyedVi : Status.Category.ToVietnamese();
}

/// <summary>One line of a household's status history: review year × standard.</summary>
public sealed record StatusHistoryLine(int Year, string StandardCode, HouseholdCategory Category, StatusSource Source, int? FromYear, int DeprivationCount,
    long? DecisionId, string? DecisionNumber, DateOnly? DecisionSignedOn, string? DecisionSigner, DateOnly? PolicyFrom)
{
    public string SourceVi => Source switch
    {
        StatusSource.Recognised => StatusLabels.RecognisedVi(DecisionNumber, DecisionSignedOn),
        StatusSource.Computed => StatusLabels.ComputedVi,
        StatusSource.CarriedOver => StatusLabels.CarriedOverVi(FromYear),
        StatusSource.NotSurveyed => StatusLabels.NotSurveyedVi,
    };

    public string SourceEn => Source switch
    {
        StatusSource.Recognised => StatusLabels.RecognisedEn(DecisionNumber, DecisionSignedOn),
        StatusSource.Computed => StatusLabels.ComputedEn,
        StatusSource.CarriedOver => StatusLabels.CarriedOverEn(FromYear),
        StatusSource.NotSurveyed => StatusLabels.NotSurveyedEn,
    };
}

/// <summary>How the source of a category is written wherever a household's category is shown.</summary>
public static class StatusLabels
{
    public const string ComputedVi = "Chưa công nhận";
    public const string ComputedEn = "Not yet recognised";
    public const string NotSurveyedVi = "Chưa rà soát";
    public const string NotSurveyedEn = "Not surveyed";

    public static string RecognisedVi(string? number, DateOnly? signedOn) =>
        number is null ? "Đã công nhận" : $"Đã công nhận (QĐ số {number}, ngày {Date(signedOn)})";

    public static string RecognisedEn(string? number, DateOnly? signedOn) =>
        number is null ? "Recognised" : $"Recognised (decision {number}, {Date(signedOn)})";

    public static string CarriedOverVi(int? year) => year is { } y ? $"Giữ nguyên từ năm {y.ToString(CultureInfo.InvariantCulture)}" : "Giữ nguyên";

    public static string CarriedOverEn(int? year) => year is { } y ? $"Carried over from {y.ToString(CultureInfo.InvariantCulture)}" : "Carried over";

    public static string Vietnamese(HouseholdStatus status, string? number, DateOnly? signedOn) => status.Source switch
    {
        StatusSource.Recognised => RecognisedVi(number, signedOn),
        StatusSource.Computed => ComputedVi,
        StatusSource.CarriedOver => CarriedOverVi(status.ReviewYear),
        StatusSource.NotSurveyed => NotSurveyedVi,
    };

    public static string English(HouseholdStatus status, string? number, DateOnly? signedOn) => status.Source switch
    {
        StatusSource.Recognised => RecognisedEn(number, signedOn),
        StatusSource.Computed => ComputedEn,
        StatusSource.CarriedOver => CarriedOverEn(status.ReviewYear),
        StatusSource.NotSurveyed => NotSurveyedEn,
    };

    private static string Date(DateOnly? d) => d?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) ?? string.Empty;
}

/// <summary>
/// Reads the yearly record of truth (docs/domain.md §12.1) through <see cref="HouseholdStatusRules"/>: facts are the
/// recognised statuses of <c>household_statuses</c> (with their decision and policy start) and the computed
/// classifications no decision fixed. Scope-checked: households outside the user's unit are not returned.
/// </summary>
public sealed class HouseholdStatusQueries(AppDbContext db)
{
    /// <summary>The recognised status in force on <paramref name="date"/> under <paramref name="standardCode"/> for the households (in scope).</summary>
    public async Task<IReadOnlyDictionary<long, StatusView>> InForceAsync(IReadOnlyCollection<long> householdIds, string standardCode, DateOnly date,
        CancellationToken ct)
    {
        var facts = await FactsAsync(householdIds, standardCode, ct);
        var result = new Dictionary<long, StatusView>();
        foreach (var id in facts.Households)
        {
            var status = HouseholdStatusRules.InForce(facts.For(id), date);
            result[id] = facts.View(id, standardCode, status);
        }

        return result;
    }

    /// <summary>The status of review year <paramref name="year"/> (recognised, computed, carried over or not surveyed) for the households (in scope).</summary>
    public async Task<IReadOnlyDictionary<long, StatusView>> ForReviewYearAsync(IReadOnlyCollection<long> householdIds, string standardCode, int year,
        CancellationToken ct)
    {
        var facts = await FactsAsync(householdIds, standardCode, ct);
        var result = new Dictionary<long, StatusView>();
        foreach (var id in facts.Households)
        {
            result[id] = facts.View(id, standardCode, HouseholdStatusRules.ForReviewYear(facts.For(id), year));
        }

        return result;
    }

    /// <summary>
    /// Every review year (from the household's first fact to this year) and standard: the category and its source, newest
    /// year first. Null when the household is outside the user's scope; empty when it was never surveyed.
    /// </summary>
    public async Task<IReadOnlyList<StatusHistoryLine>?> HistoryAsync(long householdId, CancellationToken ct)
    {
        if (!await UnitScope.Apply(db.Households.AsNoTracking(), db.CurrentUser).AnyAsync(h => h.Id == householdId, ct))
        {
            return null;
        }

        var facts = await FactsAsync([householdId], null, ct);
        var lines = new List<StatusHistoryLine>();
        var thisYear = db.Clock.Today().Year;
        foreach (var standard in facts.Standards(householdId))
        {
            var list = facts.For(householdId, standard);
            var first = list.Min(f => f.ReviewYear);
            var last = Math.Max(thisYear, list.Max(f => f.ReviewYear));
            for (var year = last; year >= first; year--)
            {
                var status = HouseholdStatusRules.ForReviewYear(list, year);
                var d = status.DecisionId is { } id ? facts.Decisions.GetValueOrDefault(id) : null;
                var count = facts.DeprivationCount(householdId, standard, status);
                lines.Add(new StatusHistoryLine(year, standard, status.Category, status.Source, status.Source == StatusSource.CarriedOver ? status.ReviewYear : null,
                    count, status.DecisionId, d?.Number, d?.SignedOn, d?.Signer, status.DecisionId is null ? null : status.Since));
            }
        }

        return [.. lines.OrderByDescending(l => l.Year).ThenBy(l => l.StandardCode, StringComparer.Ordinal)];
    }

    /// <summary>The list filter value for "Chưa rà soát" (no fact up to the year); the other values are category codes.</summary>
    public const string NotSurveyedFilter = "not_surveyed";

    /// <summary>Whether <paramref name="filter"/> is a status filter: a category code (poor, near_poor, medium, not_poor) or <see cref="NotSurveyedFilter"/>.</summary>
    public static bool IsStatusFilter(string? filter) =>
        string.Equals(filter?.Trim(), NotSurveyedFilter, StringComparison.OrdinalIgnoreCase) || HouseholdCategoryCodes.TryParse(filter, out _);

    /// <summary>
    /// The ids of the households of <paramref name="households"/> (already scoped and filtered by the caller) whose status of
    /// review year <paramref name="year"/> under <paramref name="standardCode"/> matches <paramref name="filter"/> — a
    /// category (recognised, computed or carried over; a household never surveyed counts as not poor), or
    /// <see cref="NotSurveyedFilter"/>. The rule is <see cref="HouseholdStatusRules.ForReviewYear"/>, applied here to the
    /// candidates only: SQL first narrows the households on the indexed fact tables to those with a fact of that category
    /// up to the year (for "not surveyed", with no fact at all), since a status always rests on one such fact; then the
    /// candidates' facts of the standard up to the year are read in two queries and the rule decides.
    /// </summary>
    public async Task<List<long>> MatchingAsync(IQueryable<Households.HouseholdEntity> households, string standardCode, int year, string filter,
        CancellationToken ct)
    {
        var notSurveyed = string.Equals(filter.Trim(), NotSurveyedFilter, StringComparison.OrdinalIgnoreCase);
        HouseholdCategory category = default;
        if (!notSurveyed && !HouseholdCategoryCodes.TryParse(filter, out category))
        {
            throw new ArgumentException($"Not a status filter: {filter}", nameof(filter));
        }

        var recognised = db.HouseholdStatuses.AsNoTracking().Where(x => x.Recognised && x.StandardCode == standardCode && x.ReviewYear <= year);
        var computed = db.HouseholdClassifications.AsNoTracking().Where(x => x.DecisionId == null && x.StandardCode == standardCode && x.Year <= year);
        IQueryable<Households.HouseholdEntity> candidates;
        if (notSurveyed)
        {
            candidates = households.Where(h => !recognised.Any(x => x.HouseholdId == h.Id && x.ProvinceCode == h.ProvinceCode)
                && !computed.Any(x => x.HouseholdId == h.Id && x.ProvinceCode == h.ProvinceCode));
        }
        else
        {
            var r = recognised.Where(x => x.Category == category);
            var c = computed.Where(x => x.Category == category);
            candidates = category == HouseholdCategory.NotPoor
                ? households.Where(h => r.Any(x => x.HouseholdId == h.Id && x.ProvinceCode == h.ProvinceCode)
                    || c.Any(x => x.HouseholdId == h.Id && x.ProvinceCode == h.ProvinceCode)
                    || (!recognised.Any(x => x.HouseholdId == h.Id && x.ProvinceCode == h.ProvinceCode)
                        && !computed.Any(x => x.HouseholdId == h.Id && x.ProvinceCode == h.ProvinceCode)))
                : households.Where(h => r.Any(x => x.HouseholdId == h.Id && x.ProvinceCode == h.ProvinceCode)
                    || c.Any(x => x.HouseholdId == h.Id && x.ProvinceCode == h.ProvinceCode));
        }

        var ids = candidates.Select(h => h.Id);
        var candidateIds = await ids.ToListAsync(ct);
        if (candidateIds.Count == 0)
        {
            return [];
        }

        var facts = new Dictionary<long, List<StatusFact>>();
        void Add(long householdId, StatusFact fact)
        {
            if (!facts.TryGetValue(householdId, out var list))
            {
                facts[householdId] = list = [];
            }

            list.Add(fact);
        }

        if (!notSurveyed)
        {
            foreach (var x in await recognised.Where(x => ids.Contains(x.HouseholdId))
                .Select(x => new { x.HouseholdId, x.ReviewYear, x.Category, x.SignedOn, x.DecisionId, x.PolicyFrom }).ToListAsync(ct))
            {
                Add(x.HouseholdId, new StatusFact(x.ReviewYear, x.Category, x.SignedOn, x.DecisionId, x.PolicyFrom));
            }

            foreach (var x in await computed.Where(x => ids.Contains(x.HouseholdId))
                .Select(x => new { x.HouseholdId, x.Year, x.Category, x.ComputedAtUtc }).ToListAsync(ct))
            {
                Add(x.HouseholdId, new StatusFact(x.Year, x.Category, DateOnly.FromDateTime(x.ComputedAtUtc)));
            }
        }

        var result = new List<long>();
        foreach (var id in candidateIds)
        {
            var status = HouseholdStatusRules.ForReviewYear(facts.GetValueOrDefault(id) ?? [], year);
            if (notSurveyed ? status.Source == StatusSource.NotSurveyed : status.Category == category)
            {
                result.Add(id);
            }
        }

        return result;
    }

    internal sealed record Decision(string Number, DateOnly SignedOn, string Signer);

    internal sealed class Facts
    {
        public Dictionary<(long HouseholdId, string Standard), List<StatusFact>> ByKey { get; } = [];
        public Dictionary<(long, string, long?, int), int> Deprivations { get; } = [];
        public Dictionary<long, Decision> Decisions { get; init; } = [];
        public HashSet<long> Households { get; init; } = [];

        public IReadOnlyList<StatusFact> For(long householdId) => ByKey.Where(kv => kv.Key.HouseholdId == householdId).SelectMany(kv => kv.Value).ToList();

        public IReadOnlyList<StatusFact> For(long householdId, string standard) => ByKey.GetValueOrDefault((householdId, standard)) ?? [];

        public IEnumerable<string> Standards(long householdId) =>
            ByKey.Keys.Where(k => k.HouseholdId == householdId).Select(k => k.Standard).Distinct().Order(StringComparer.Ordinal);

        public int DeprivationCount(long householdId, string standard, HouseholdStatus status) =>
            status.ReviewYear is { } y ? Deprivations.GetValueOrDefault((householdId, standard, status.DecisionId, y)) : 0;

        public StatusView View(long householdId, string standard, HouseholdStatus status)
        {
            var d = status.DecisionId is { } id ? Decisions.GetValueOrDefault(id) : null;
            return new StatusView(householdId, standard, status, d?.Number, d?.SignedOn, d?.Signer);
        }

        public void Add(long householdId, string standard, StatusFact fact, int deprivationCount)
        {
            if (!ByKey.TryGetValue((householdId, standard), out var list))
            {
                ByKey[(householdId, standard)] = list = [];
            }

            list.Add(fact);
            Deprivations[(householdId, standard, fact.DecisionId, fact.ReviewYear)] = deprivationCount;
        }
    }

    /// <summary>The facts of the households in scope (one standard, or all when null).</summary>
    internal async Task<Facts> FactsAsync(IReadOnlyCollection<long> householdIds, string? standardCode, CancellationToken ct)
    {
        var ids = new HashSet<long>();
        foreach (var chunk in householdIds.Distinct().Chunk(2_000))
        {
            ids.UnionWith(await UnitScope.Apply(db.Households.AsNoTracking(), db.CurrentUser).Where(h => chunk.Contains(h.Id)).Select(h => h.Id).ToListAsync(ct));
        }

        var statuses = new List<HouseholdStatusEntity>();
        var computed = new List<(long HouseholdId, int Year, string StandardCode, HouseholdCategory Category, int DeprivationCount, DateTime ComputedAtUtc)>();
        foreach (var chunk in ids.Chunk(2_000))
        {
            var s = db.HouseholdStatuses.AsNoTracking().Where(x => chunk.Contains(x.HouseholdId) && x.Recognised);
            var c = db.HouseholdClassifications.AsNoTracking().Where(x => chunk.Contains(x.HouseholdId) && x.DecisionId == null);
            if (standardCode is not null)
            {
                s = s.Where(x => x.StandardCode == standardCode);
                c = c.Where(x => x.StandardCode == standardCode);
            }

            statuses.AddRange(await s.ToListAsync(ct));
            computed.AddRange((await c.Select(x => new { x.HouseholdId, x.Year, x.StandardCode, x.Category, x.DeprivationCount, x.ComputedAtUtc }).ToListAsync(ct))
                .Select(x => (x.HouseholdId, x.Year, x.StandardCode, x.Category, x.DeprivationCount, x.ComputedAtUtc)));
        }

        var decisionIds = statuses.Select(s => s.DecisionId).Distinct().ToList();
        var decisions = new Dictionary<long, Decision>();
        foreach (var chunk in decisionIds.Chunk(2_000))
        {
            foreach (var d in await db.RecognitionDecisions.AsNoTracking().Where(d => chunk.Contains(d.Id)).Select(d => new { d.Id, d.Number, d.SignedOn, d.Signer }).ToListAsync(ct))
            {
                decisions[d.Id] = new Decision(d.Number, d.SignedOn, d.Signer);
            }
        }

        var facts = new Facts { Decisions = decisions, Households = ids };
        foreach (var s in statuses)
        {
            facts.Add(s.HouseholdId, s.StandardCode, new StatusFact(s.ReviewYear, s.Category, s.SignedOn, s.DecisionId, s.PolicyFrom), s.DeprivationCount);
        }

        foreach (var c in computed)
        {
            facts.Add(c.HouseholdId, c.StandardCode, new StatusFact(c.Year, c.Category, DateOnly.FromDateTime(c.ComputedAtUtc)), c.DeprivationCount);
        }

        return facts;
    }
}
