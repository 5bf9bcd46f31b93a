using GiamNgheo.Application.AdminUnits;
using GiamNgheo.Application.Identity;
using GiamNgheo.Application.Interchange;
using GiamNgheo.Application.Persistence;
using GiamNgheo.Application.Reports;
using GiamNgheo.Application.Standards;
using GiamNgheo.Application.Targets;
using GiamNgheo.Domain.Classification;
using GiamNgheo.Domain.Households;
using GiamNgheo.Domain.Measures;
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
    bool SmallCellProtection);

/// <summary>
/// Live dashboard figures for a province or a commune, computed by aggregate queries over the classification rows
/// (fresh on every request; no nightly rebuild).
/// </summary>
public sealed class DashboardService(AppDbContext db, ReportDataLoader loader, StandardRegistry standards, TargetService targets)
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
        var all = db.HouseholdClassifications.AsNoTracking();
        all = province ? all.Where(c => c.ProvinceCode == unitCode) : all.Where(c => c.CommuneCode == unitCode);
        var counts = await all.GroupBy(c => new { c.StandardCode, c.Year, c.Category })
            .Select(g => new { g.Key.StandardCode, g.Key.Year, g.Key.Category, Count = g.Count() }).ToListAsync(ct);
        var latest = counts.Count == 0 ? db.Clock.Today().Year : counts.Max(c => c.Year);
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

        var current = all.Where(c => c.Year == y && c.StandardCode == mainCode);
        var previous = all.Where(c => c.Year == y - 1 && c.StandardCode == mainCode);
        var pairs = await current.Join(previous, c => c.HouseholdId, p => p.HouseholdId, (c, p) => new { Now = c.Category, Before = p.Category })
            .GroupBy(x => new { x.Now, x.Before }).Select(g => new { g.Key.Now, g.Key.Before, Count = g.Count() }).ToListAsync(ct);
        var relapsed = await current.CountAsync(c => c.Category == HouseholdCategory.Poor
            && previous.Any(p => p.HouseholdId == c.HouseholdId && p.Category != HouseholdCategory.Poor && p.Category != HouseholdCategory.NearPoor)
            && all.Any(e => e.HouseholdId == c.HouseholdId && e.StandardCode == mainCode && e.Year < y - 1 && e.Category == HouseholdCategory.Poor), ct);
        var becamePoorFromAbove = pairs.Where(p => p.Now == HouseholdCategory.Poor && p.Before is HouseholdCategory.Medium or HouseholdCategory.NotPoor).Sum(p => p.Count);
        var movements = new MovementFigures(
            pairs.Where(p => p.Before == HouseholdCategory.Poor && p.Now != HouseholdCategory.Poor).Sum(p => p.Count),
            pairs.Where(p => p.Before == HouseholdCategory.NearPoor && p.Now == HouseholdCategory.Poor).Sum(p => p.Count),
            becamePoorFromAbove - relapsed,
            relapsed,
            counts.Any(c => c.Year == y - 1 && c.StandardCode == mainCode));

        DeprivationProfile? profile = null;
        if (main is not null)
        {
            var index = main.Indicators.Select((i, n) => (i.Code, n)).ToDictionary(x => x.Code, x => x.n, StringComparer.Ordinal);
            var accumulator = new AlkireFosterAccumulator(IndicatorWeights.NestedEqual(main), AlkireFoster.DefaultCutoff(main));
            await foreach (var deprived in current.Select(c => c.Deprived).AsAsyncEnumerable().WithCancellation(ct))
            {
                uint mask = 0;
                foreach (var code in deprived.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    if (index.TryGetValue(code, out var bit))
                    {
                        mask |= 1u << bit;
                    }
                }

                accumulator.Add(mask);
            }

            var result = accumulator.Result();
            var contributions = new List<IndicatorContribution>();
            foreach (var i in main.Indicators)
            {
                contributions.Add(result.Indicators.TryGetValue(i.Code, out var m)
                    ? new IndicatorContribution(i.Code, i.NameVi, m.CensoredHeadcount, m.Contribution)
                    : new IndicatorContribution(i.Code, i.NameVi, 0, 0));
            }

            profile = new DeprivationProfile(main.Code, result.H, result.A, result.M0, [.. contributions.OrderByDescending(c => c.Contribution)]);
        }

        var listed = current.Where(c => c.Category == HouseholdCategory.Poor || c.Category == HouseholdCategory.NearPoor);
        var byHead = await listed.Join(db.Members.Where(m => m.RelationToHead == RelationToHead.Head), c => c.HouseholdId, m => m.HouseholdId, (c, m) => new { c.Category, m.EthnicityCode })
            .GroupBy(x => new { x.Category, x.EthnicityCode }).Select(g => new { g.Key.Category, g.Key.EthnicityCode, Count = g.Count() }).ToListAsync(ct);
        var ethnicNames = await db.EthnicGroups.AsNoTracking().ToDictionaryAsync(e => e.Code, e => e.Name, ct);
        var byEthnicity = byHead.GroupBy(x => x.EthnicityCode)
            .Select(g => new BreakdownItem(g.Key, ethnicNames.GetValueOrDefault(g.Key, g.Key),
                g.Where(x => x.Category == HouseholdCategory.Poor).Sum(x => x.Count), g.Where(x => x.Category == HouseholdCategory.NearPoor).Sum(x => x.Count)))
            .OrderByDescending(b => b.Poor + b.NearPoor).ToList();

        var groups = await listed.Join(db.Households, c => c.HouseholdId, h => h.Id, (c, h) => new { c.Category, h.Groups })
            .GroupBy(x => new { x.Category, x.Groups }).Select(g => new { g.Key.Category, g.Key.Groups, Count = g.Count() }).ToListAsync(ct);
        var byGroup = new List<BreakdownItem>();
        foreach (var (flag, name) in GroupNames)
        {
            byGroup.Add(new BreakdownItem(flag.ToString(), name,
                groups.Where(g => g.Category == HouseholdCategory.Poor && (g.Groups & flag) != 0).Sum(g => g.Count),
                groups.Where(g => g.Category == HouseholdCategory.NearPoor && (g.Groups & flag) != 0).Sum(g => g.Count)));
        }

        var causes = await listed.Join(db.HouseholdSurveys.Where(s => s.Year == y), c => c.HouseholdId, s => s.HouseholdId, (c, s) => new { c.Category, s.Causes })
            .GroupBy(x => new { x.Category, x.Causes }).Select(g => new { g.Key.Category, g.Key.Causes, Count = g.Count() }).ToListAsync(ct);
        var byCause = Enum.GetValues<PovertyCauses>().Where(c => c != PovertyCauses.None)
            .Select(cause => new BreakdownItem(cause.ToCode(), cause.ToVietnamese(),
                causes.Where(c => c.Category == HouseholdCategory.Poor && (c.Causes & cause) != 0).Sum(c => c.Count),
                causes.Where(c => c.Category == HouseholdCategory.NearPoor && (c.Causes & cause) != 0).Sum(c => c.Count)))
            .OrderByDescending(b => b.Poor + b.NearPoor).ToList();

        var perUnit = province
            ? await current.GroupBy(c => new { Code = c.CommuneCode, c.Category }).Select(g => new { g.Key.Code, g.Key.Category, Count = g.Count() }).ToListAsync(ct)
            : await current.GroupBy(c => new { Code = c.VillageCode ?? string.Empty, c.Category }).Select(g => new { g.Key.Code, g.Key.Category, Count = g.Count() }).ToListAsync(ct);
        var codes = perUnit.Select(p => p.Code).Distinct().ToList();
        var names = (await db.AdminUnits.AsNoTracking().Where(u => codes.Contains(u.Code) && u.Level == (province ? AdminLevel.Commune : AdminLevel.Village))
                .Select(u => new { u.Code, u.FullName, u.ValidTo }).ToListAsync(ct))
            .GroupBy(u => u.Code).ToDictionary(g => g.Key, g => g.OrderBy(u => u.ValidTo is null ? 0 : 1).First().FullName);
        var ranking = perUnit.GroupBy(p => p.Code)
            .Select(g => new UnitRanking(g.Key, names.GetValueOrDefault(g.Key, g.Key.Length == 0 ? ReportDataLoader.NoVillageName : g.Key), g.Sum(p => p.Count),
                g.Where(p => p.Category == HouseholdCategory.Poor).Sum(p => p.Count), g.Where(p => p.Category == HouseholdCategory.NearPoor).Sum(p => p.Count)))
            .OrderByDescending(r => r.PoorRate).ThenBy(r => r.Code, StringComparer.Ordinal).ToList();

        var smallCells = db.CurrentUser.IsInRole(Roles.Leader) && !province;
        return Result<Dashboard>.Ok(new Dashboard(unit, y, mainCode, trends, targetList, movements, profile, byEthnicity, byGroup, byCause, ranking, smallCells));
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
