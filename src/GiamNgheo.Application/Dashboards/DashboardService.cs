using GiamNgheo.Application.AdminUnits;
using GiamNgheo.Application.Identity;
using GiamNgheo.Application.Interchange;
using GiamNgheo.Application.Persistence;
using GiamNgheo.Application.Reports;
using GiamNgheo.Application.Reports.Aggregates;
using GiamNgheo.Domain.Reports;
using GiamNgheo.Application.Standards;
using GiamNgheo.Application.Targets;
using GiamNgheo.Domain.Classification;
using GiamNgheo.Domain.Households;
using GiamNgheo.Domain.Measures;
using GiamNgheo.Domain.Statuses;
using Microsoft.EntityFrameworkCore;

namespace GiamNgheo.Application.Dashboards;

public sealed record RatePoint(int Year, int Households, int Poor, int NearPoor)
{
    public decimal PoorRate => Households == 0 ? 0 : Math.Round(Poor * 100m / Households, 2, MidpointRounding.AwayFromZero);
    public decimal NearPoorRate => Households == 0 ? 0 : Math.Round(NearPoor * 100m / Households, 2, MidpointRounding.AwayFromZero);
}

public sealed record StandardTrend(string StandardCode, string StandardName, bool InParallel, IReadOnlyList<RatePoint> Years);

public sealed record MovementFigures(int Escaped, int FromNearPoor, int NewlyPoor, int Relapsed, bool HasPreviousYear);

public sealed record IndicatorContribution(string Code, string NameVi, double CensoredHeadcount, double Contribution);

public sealed record DeprivationProfile(string StandardCode, double H, double A, double M0, IReadOnlyList<IndicatorContribution> Indicators);

/// <summary>A count of poor and near-poor households in one group; <see cref="Key"/> is used in the household-list link.</summary>
public sealed record BreakdownItem(string Key, string NameVi, int Poor, int NearPoor);

/// <summary>A row of the ranked table: a commune of a province, or a village of a commune.</summary>
public sealed record UnitRanking(string Code, string Name, int Households, int Poor, int NearPoor)
{
    public decimal PoorRate => Households == 0 ? 0 : Math.Round(Poor * 100m / Households, 2, MidpointRounding.AwayFromZero);
    public decimal NearPoorRate => Households == 0 ? 0 : Math.Round(NearPoor * 100m / Households, 2, MidpointRounding.AwayFromZero);
}

public sealed record Dashboard(
    ReportUnitInfo Unit,
    int Year,
    string MainStandard,
    IReadOnlyList<StandardTrend> Trends,
    IReadOnlyList<TargetProgress> Targets,
    MovementFigures Movements,
    DeprivationProfile? Profile,
    IReadOnlyList<BreakdownItem> ByEthnicity,
    IReadOnlyList<BreakdownItem> ByGroup,
    IReadOnlyList<BreakdownItem> ByCause,
    IReadOnlyList<UnitRanking> Ranking,
    bool SmallCellProtection)
{
    /// <summary>
    /// The reporting date and the denominator of every figure of the year under the main standard (households resident on
    /// the date, by status source); null when there is no data.
    /// </summary>
    public ReportBase? Base { get; init; }
    /// <summary>Per standard, the year's incomplete households and the poor rate both ways (empty when none is incomplete).</summary>
    public IReadOnlyList<StandardCompleteness> Completeness { get; init; } = [];
}

/// <summary>
/// The households of <see cref="Dashboard.Year"/> whose classification under a standard is incomplete (docs/standards.md,
/// completeness rule) and what they do to the poor rate: <see cref="Range"/> optimistic (as counted) and pessimistic.
/// </summary>
public sealed record StandardCompleteness(string StandardCode, long Households, CompletenessRange Range)
{
    public decimal? PoorRateOptimistic => CompletenessRange.Rate(Range.PoorOptimistic, Households);
    public decimal? PoorRatePessimistic => CompletenessRange.Rate(Range.PoorPessimistic, Households);
    public string? SentenceVi => Range.SentenceVi(StandardCode, Households);
}

/// <summary>
/// Live dashboard figures for a province or a commune, summed from the report aggregate rows (kept fresh by the
/// change marker, the read-through refresh and the background refresher; no nightly rebuild).
/// </summary>
public sealed class DashboardService(AppDbContext db, ReportDataLoader loader, StandardRegistry standards, TargetService targets, ReportAggregates aggregates)
{
    /// <summary>Villages' counts under this threshold are shown as "&lt;5" to the leader role (small-cell care).</summary>
    public const int SmallCell = 5;

    public async Task<Result<Dashboard>> GetAsync(string unitCode, int? year, CancellationToken ct)
    {
        var unit = await loader.ResolveUnitAsync(unitCode, year ?? db.Clock.Today().Year, ct);
        if (unit is null)
        {
            return Result<Dashboard>.NotFound();
        }

        var province = unit.Level == AdminLevel.Province;
        await aggregates.RefreshDirtyAsync(unit.Code, ct);

        // Every figure is a sum of report aggregate rows (report_aggregates), never a scan of the households.
        // Every resident household has a status in every year shown (recognised, computed, carried over or not
        // surveyed), so each year's count is the resident set on that year's reporting date.
        var all = db.ReportAggregates.AsNoTracking().CommuneTotals(true).Where(a => a.Kind == ReportAggregateKind.Households && a.Category != null);
        all = province ? all.Where(c => c.ProvinceCode == unitCode) : all.Where(c => c.CommuneCode == unitCode);
        var counts = await all.GroupBy(c => new { c.StandardCode, c.Year, c.Category, c.Source })
            .Select(g => new { g.Key.StandardCode, g.Key.Year, g.Key.Category, g.Key.Source, Count = g.Sum(c => c.Households) }).ToListAsync(ct);

        // The default year: the latest review year with a recognised decision in scope, else the latest year with any
        // review data (a survey computed) — never a year only because one household was surveyed when others were decided.
        var decided = counts.Where(c => c.Source == StatusSource.Recognised && c.Count > 0).Select(c => c.Year).DefaultIfEmpty().Max();
        var surveyed = counts.Where(c => c.Source is StatusSource.Recognised or StatusSource.Computed && c.Count > 0).Select(c => c.Year).DefaultIfEmpty().Max();
        var latest = decided > 0 ? decided : surveyed > 0 ? surveyed : counts.Count > 0 ? counts.Max(c => c.Year) : db.Clock.Today().Year;
        var y = year is { } requested && counts.Any(c => c.Year == requested) ? requested : latest;

        var active = await standards.ActiveAsync(y, unit.ProvinceCode, ct);
        var trends = new List<StandardTrend>();
        foreach (var a in active)
        {
            var points = counts.Where(c => c.StandardCode == a.Standard.Code).GroupBy(c => c.Year).OrderBy(g => g.Key)
                .Select(g => new RatePoint(g.Key, g.Sum(c => c.Count), g.Where(c => c.Category == HouseholdCategory.Poor).Sum(c => c.Count),
                    g.Where(c => c.Category == HouseholdCategory.NearPoor).Sum(c => c.Count)))
                .ToList();
            trends.Add(new StandardTrend(a.Standard.Code, a.Standard.NameVi, a.InParallel, points));
        }

        var main = active.Count > 0 ? active[0].Standard : null;
        var mainCode = main?.Code ?? string.Empty;
        var targetList = (await targets.ForUnitAsync(unitCode, y, ct)).Value ?? [];

        var rows = await aggregates.ReadAsync(unit, y, mainCode, null, ct);
        var core = rows.Where(r => r.Kind == ReportAggregateKind.Households && r.Key.Category is not null).ToList();
        int Sum(IEnumerable<ReportAggregate> of) => (int)of.Sum(r => r.Households);

        // Movements on the poor list (the one rule, Domain/Statuses/Movements) of the households on both years' lists.
        var pairs = core.Where(r => r.Key.PreviousCategory is not null).ToList();
        int Moved(params Movement[] kinds) => Sum(pairs.Where(r => kinds.Contains(r.Key.MovementOn(HouseholdCategory.Poor))));
        var movements = new MovementFigures(
            Moved(Movement.DecreaseToOtherList, Movement.DecreaseAboveNearPoor),
            Moved(Movement.IncreaseFromOtherList),
            Moved(Movement.IncreaseNew),
            Moved(Movement.IncreaseRelapsed),
            counts.Any(c => c.Year == y - 1 && c.StandardCode == mainCode));

        DeprivationProfile? profile = null;
        if (main is not null)
        {
            // Alkire–Foster from the aggregates: n and q with the sum of the poor's scores, and per indicator the
            // households deprived in it (uncensored) and those among the poor (censored), as AlkireFosterAccumulator.
            var weights = IndicatorWeights.NestedEqual(main);
            var multi = rows.Where(r => r.Kind == ReportAggregateKind.Multidimensional).ToList();
            double n = multi.Sum(r => r.Households), q = multi.Where(r => r.MultidimensionallyPoor).Sum(r => r.Households);
            var poorScore = multi.Where(r => r.MultidimensionallyPoor).Sum(r => r.ScoreSum);
            var m0 = n > 0 ? poorScore / n : 0;
            var deprivedRows = rows.Where(r => r.Kind == ReportAggregateKind.Deprivations).ToList();
            var contributions = new List<IndicatorContribution>();
            for (var j = 0; j < weights.Codes.Count; j++)
            {
                var code = weights.Codes[j];
                var censored = n > 0 ? deprivedRows.Where(r => r.MultidimensionallyPoor && r.Key.Deprived.Contains(code)).Sum(r => r.Households) / n : 0;
                contributions.Add(new IndicatorContribution(code, main.Indicators[j].NameVi, censored, m0 > 0 ? weights.Weights[j] * censored / m0 : 0));
            }

            profile = new DeprivationProfile(main.Code, n > 0 ? q / n : 0, q > 0 ? poorScore / q : 0, m0, [.. contributions.OrderByDescending(c => c.Contribution)]);
        }

        var listed = core.Where(r => r.Key.Category is HouseholdCategory.Poor or HouseholdCategory.NearPoor).ToList();
        var ethnicNames = await db.EthnicGroups.AsNoTracking().ToDictionaryAsync(e => e.Code, e => e.Name, ct);
        var byEthnicity = listed.Where(r => r.Key.HeadEthnicityCode is not null).GroupBy(r => r.Key.HeadEthnicityCode!)
            .Select(g => new BreakdownItem(g.Key, ethnicNames.GetValueOrDefault(g.Key, g.Key),
                Sum(g.Where(x => x.Key.Category == HouseholdCategory.Poor)), Sum(g.Where(x => x.Key.Category == HouseholdCategory.NearPoor))))
            .OrderByDescending(b => b.Poor + b.NearPoor).ToList();

        var byGroup = new List<BreakdownItem>();
        foreach (var (flag, name) in GroupNames)
        {
            byGroup.Add(new BreakdownItem(flag.ToString(), name,
                Sum(listed.Where(g => g.Key.Category == HouseholdCategory.Poor && (g.Key.Groups & flag) != 0)),
                Sum(listed.Where(g => g.Key.Category == HouseholdCategory.NearPoor && (g.Key.Groups & flag) != 0))));
        }

        var causes = rows.Where(r => r.Kind == ReportAggregateKind.Causes).ToList();
        var byCause = Enum.GetValues<PovertyCauses>().Where(c => c != PovertyCauses.None)
            .Select(cause => new BreakdownItem(cause.ToCode(), cause.ToVietnamese(),
                Sum(causes.Where(c => c.Key.Category == HouseholdCategory.Poor && (c.Key.Causes & (int)cause) != 0)),
                Sum(causes.Where(c => c.Key.Category == HouseholdCategory.NearPoor && (c.Key.Causes & (int)cause) != 0))))
            .OrderByDescending(b => b.Poor + b.NearPoor).ToList();

        var codes = core.Select(p => p.Key.UnitCode).Distinct().ToList();
        var names = (await db.AdminUnits.AsNoTracking().Where(u => codes.Contains(u.Code) && u.Level == (province ? AdminLevel.Commune : AdminLevel.Village))
                .Select(u => new { u.Code, u.FullName, u.ValidTo }).ToListAsync(ct))
            .GroupBy(u => u.Code).ToDictionary(g => g.Key, g => g.OrderBy(u => u.ValidTo is null ? 0 : 1).First().FullName);
        var ranking = core.GroupBy(p => p.Key.UnitCode)
            .Select(g => new UnitRanking(g.Key, names.GetValueOrDefault(g.Key, g.Key.Length == 0 ? ReportDataLoader.NoVillageName : g.Key), Sum(g),
                Sum(g.Where(p => p.Key.Category == HouseholdCategory.Poor)), Sum(g.Where(p => p.Key.Category == HouseholdCategory.NearPoor))))
            .OrderByDescending(r => r.PoorRate).ThenBy(r => r.Code, StringComparer.Ordinal).ToList();

        var smallCells = db.CurrentUser.IsInRole(Roles.Leader) && !province;
        var counted = counts.Where(c => c.Year == y && c.StandardCode == mainCode).Select(c => (c.Source, (long)c.Count)).ToList();
        var resident = counted.Count == 0 ? null : ReportBase.From(loader.ReportingDate(y), counted);
        // Completeness (additive): the incomplete households of the year per standard and the poor rate both ways.
        var incompleteRows = db.ReportAggregates.AsNoTracking().CommuneTotals(true).Where(a => a.Kind == ReportAggregateKind.Incomplete && a.Year == y && a.Category != null);
        incompleteRows = province ? incompleteRows.Where(c => c.ProvinceCode == unitCode) : incompleteRows.Where(c => c.CommuneCode == unitCode);
        var incomplete = await incompleteRows.GroupBy(a => new { a.StandardCode, a.Category, a.PessimisticCategory })
            .Select(g => new { g.Key.StandardCode, g.Key.Category, g.Key.PessimisticCategory, Households = g.Sum(a => a.Households) }).ToListAsync(ct);
        var completeness = incomplete.GroupBy(i => i.StandardCode).Select(g =>
        {
            var year = counts.Where(c => c.StandardCode == g.Key && c.Year == y).ToList();
            return new StandardCompleteness(g.Key, year.Sum(c => (long)c.Count), CompletenessRange.From(
                year.Where(c => c.Category == HouseholdCategory.Poor).Sum(c => (long)c.Count),
                year.Where(c => c.Category == HouseholdCategory.NearPoor).Sum(c => (long)c.Count),
                g.Select(i => (i.Category!.Value, i.PessimisticCategory ?? i.Category!.Value, (long)i.Households))));
        }).OrderBy(c => c.StandardCode, StringComparer.Ordinal).ToList();

        return Result<Dashboard>.Ok(new Dashboard(unit, y, mainCode, trends, targetList, movements, profile, byEthnicity, byGroup, byCause, ranking, smallCells)
        {
            Base = resident,
            Completeness = completeness,
        });
    }

    private static readonly (SpecialGroups Flag, string Name)[] GroupNames =
    [
        (SpecialGroups.EthnicMinority, "Dân tộc thiểu số"),
        (SpecialGroups.LocalIndigenousMinority, "Dân tộc thiểu số tại chỗ"),
        (SpecialGroups.NoLabourCapacity, "Không có khả năng lao động"),
        (SpecialGroups.RevolutionaryMerit, "Có người có công với cách mạng"),
        (SpecialGroups.SocialProtection, "Đối tượng bảo trợ xã hội"),
        (SpecialGroups.FemaleHead, "Chủ hộ là nữ"),
    ];

    /// <summary>A count as shown: "&lt;5" for a small village cell under small-cell protection.</summary>
    public static string Show(int count, bool protect) =>
        protect && count is > 0 and < SmallCell ? "<5" : count.ToString("#,0", System.Globalization.CultureInfo.GetCultureInfo("vi-VN"));
}
