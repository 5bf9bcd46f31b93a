using GiamNgheo.Application.AdminUnits;
using GiamNgheo.Application.Identity;
using GiamNgheo.Application.Persistence;
using GiamNgheo.Application.Reports;
using GiamNgheo.Application.Reports.Aggregates;
using GiamNgheo.Domain.Classification;
using GiamNgheo.Domain.Reports;
using GiamNgheo.Domain.Statuses;
using Microsoft.EntityFrameworkCore;

namespace GiamNgheo.Application.Targets;

public sealed record TargetInput(int FromYear, int ToYear, TargetKind Kind, string? StandardCode, TargetComparison Comparison, decimal Value, string? NameVi);

/// <summary>A target with its actual value computed from the registry (null for free-form targets or when no data).</summary>
public sealed record TargetProgress(long Id, string UnitCode, int FromYear, int ToYear, TargetKind Kind, string? StandardCode, TargetComparison Comparison,
    decimal Value, string NameVi, long? ParentId, decimal? Actual, int? MeasuredYear, bool? OnTrack)
{
    /// <summary>What the actual counts: recognised lists (decision) or the computed review results; null when not measured.</summary>
    public TargetBasis? Basis { get; init; }

    /// <summary>Communes of the unit with data in the measured year, and how many of them have a recognition decision.</summary>
    public int CommunesMeasured { get; init; }
    public int CommunesWithDecision { get; init; }
    /// <summary>
    /// Households of the measured year whose classification under the target's standard is incomplete (an indicator
    /// unanswered, e.g. the QĐ 59-only ones): <see cref="TargetProgress.Actual"/> counts them as not deprived.
    /// </summary>
    public long Incomplete { get; init; }
    /// <summary>The rate (or count) if every unanswered indicator were deprived: the range is [Actual – ActualPessimistic].</summary>
    public decimal? ActualPessimistic { get; init; }
    /// <summary>The sentence the page shows beside the actual when households are incomplete (null otherwise).</summary>
    public string? CompletenessVi { get; init; }

    /// <summary>The reporting date of the measured year and its denominator (households resident on it, by status source).</summary>
    public ReportBase? Base { get; init; }

    public string? BasisVi => Basis switch
    {
        TargetBasis.Decision => "theo quyết định công nhận",
        TargetBasis.Review => "theo kết quả rà soát, chưa có quyết định",
        TargetBasis.Mixed => string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"theo quyết định công nhận ({CommunesWithDecision}/{CommunesMeasured} xã), các xã còn lại theo kết quả rà soát, chưa có quyết định"),
        null => null,
    };
}

/// <summary>Which classifications a target's actual counts.</summary>
public enum TargetBasis
{
    /// <summary>Only classifications a recognition decision made official (every commune measured has a decision for the year).</summary>
    Decision = 0,
    /// <summary>The computed review results: no commune has a decision for the year under the target's standard.</summary>
    Review = 1,
    /// <summary>Communes with a decision count their recognised rows, the others their computed rows.</summary>
    Mixed = 2,
}

/// <summary>Targets per unit and year or period, entered by the province and cascaded to communes; actuals computed.</summary>
public sealed class TargetService(AppDbContext db, ReportDataLoader loader, Reports.Aggregates.ReportAggregates aggregates)
{
    public const string DemoTargetName = "Tỷ lệ hộ nghèo dưới 1% năm 2025 (đo theo chuẩn 2016–2020, QĐ 59/2015)";

    public async Task<Result<TargetProgress>> CreateAsync(string unitCode, TargetInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!UnitScope.IsAny(db.CurrentUser, Roles.Administrators))
        {
            return Result<TargetProgress>.Forbidden("Chỉ cán bộ cấp tỉnh giao chỉ tiêu.");
        }

        var unit = await loader.ResolveUnitAsync(unitCode, input.ToYear, ct);
        if (unit is null)
        {
            return Result<TargetProgress>.NotFound();
        }

        var errors = await ValidateAsync(input, ct);
        if (errors.Any)
        {
            return Result<TargetProgress>.Invalid(errors.ToDictionary());
        }

        var target = new TargetEntity
        {
            ProvinceCode = unit.ProvinceCode,
            UnitCode = unit.Code,
            UnitLevel = unit.Level,
            FromYear = input.FromYear,
            ToYear = input.ToYear,
            Kind = input.Kind,
            StandardCode = input.Kind == TargetKind.Custom ? null : input.StandardCode,
            Comparison = input.Comparison,
            Value = input.Value,
            NameVi = string.IsNullOrWhiteSpace(input.NameVi) ? DefaultName(input) : input.NameVi.Trim(),
            CreatedBy = db.CurrentUser.UserName,
            UpdatedAtUtc = db.Clock.GetUtcNow().UtcDateTime,
        };
        db.Targets.Add(target);
        await db.SaveChangesAsync(ct);
        return Result<TargetProgress>.Ok(await ProgressAsync(target, ct));
    }

    /// <summary>
    /// Copies a province target to every commune of the province (the same value unless <paramref name="values"/> gives
    /// one for a commune). Existing commune targets cascaded from it are updated.
    /// </summary>
    public async Task<Result<int>> CascadeAsync(long targetId, IReadOnlyDictionary<string, decimal>? values, CancellationToken ct)
    {
        var parent = await db.Targets.FirstOrDefaultAsync(t => t.Id == targetId, ct);
        if (parent is null || await loader.ResolveUnitAsync(parent.UnitCode, parent.ToYear, ct) is null)
        {
            return Result<int>.NotFound();
        }

        if (!UnitScope.IsAny(db.CurrentUser, Roles.Administrators) || parent.UnitLevel != AdminLevel.Province)
        {
            return Result<int>.Forbidden("Chỉ cán bộ cấp tỉnh phân bổ chỉ tiêu của tỉnh cho các xã.");
        }

        var asOf = new DateOnly(parent.ToYear, 12, 31);
        var communes = (await db.AdminUnits.AsNoTracking().Where(u => u.ParentCode == parent.UnitCode && u.Level == AdminLevel.Commune).ToListAsync(ct))
            .Where(u => u.IsValidOn(asOf) || u.ValidTo is null).Select(u => u.Code).Distinct().ToList();
        var existing = await db.Targets.Where(t => t.ParentId == parent.Id).ToDictionaryAsync(t => t.UnitCode, ct);
        var count = 0;
        foreach (var commune in communes)
        {
            var value = values?.GetValueOrDefault(commune, parent.Value) ?? parent.Value;
            if (existing.TryGetValue(commune, out var child))
            {
                child.Value = value;
                child.UpdatedAtUtc = db.Clock.GetUtcNow().UtcDateTime;
            }
            else
            {
                db.Targets.Add(new TargetEntity
                {
                    ProvinceCode = parent.ProvinceCode,
                    UnitCode = commune,
                    UnitLevel = AdminLevel.Commune,
                    FromYear = parent.FromYear,
                    ToYear = parent.ToYear,
                    Kind = parent.Kind,
                    StandardCode = parent.StandardCode,
                    Comparison = parent.Comparison,
                    Value = value,
                    NameVi = parent.NameVi,
                    ParentId = parent.Id,
                    CreatedBy = db.CurrentUser.UserName,
                    UpdatedAtUtc = db.Clock.GetUtcNow().UtcDateTime,
                });
            }

            count++;
        }

        await db.SaveChangesAsync(ct);
        return Result<int>.Ok(count);
    }

    /// <summary>Targets of a unit covering <paramref name="year"/> (all years when null), with actual values.</summary>
    public async Task<Result<IReadOnlyList<TargetProgress>>> ForUnitAsync(string unitCode, int? year, CancellationToken ct)
    {
        var unit = await loader.ResolveUnitAsync(unitCode, year ?? db.Clock.Today().Year, ct);
        if (unit is null)
        {
            return Result<IReadOnlyList<TargetProgress>>.NotFound();
        }

        var targets = await db.Targets.AsNoTracking()
            .Where(t => t.UnitCode == unitCode && (year == null || (t.FromYear <= year && t.ToYear >= year)))
            .OrderBy(t => t.ToYear).ThenBy(t => t.Id).ToListAsync(ct);
        var list = new List<TargetProgress>();
        foreach (var t in targets)
        {
            list.Add(await ProgressAsync(t, ct));
        }

        return Result<IReadOnlyList<TargetProgress>>.Ok(list);
    }

    private async Task<TargetProgress> ProgressAsync(TargetEntity t, CancellationToken ct)
    {
        decimal? actual = null;
        int? measured = null;
        var communes = 0;
        var withDecision = 0;
        ReportBase? baseOfYear = null;
        long incompleteCount = 0;
        decimal? pessimisticActual = null;
        string? completenessVi = null;
        if (t.Kind != TargetKind.Custom && t.StandardCode is not null)
        {
            // From the commune-total aggregate rows: per commune and year, the households by category (this year's and
            // last year's) and whether a recognition decision made them official.
            await aggregates.RefreshDirtyAsync(t.UnitCode, ct);
            var code = t.UnitCode;
            var standardCode = t.StandardCode;
            var rows = db.ReportAggregates.AsNoTracking().CommuneTotals(true).Where(a => a.Kind == ReportAggregateKind.Households
                && a.StandardCode == standardCode && a.Category != null && a.Year <= t.ToYear);
            rows = t.UnitLevel == AdminLevel.Province ? rows.Where(a => a.ProvinceCode == code) : rows.Where(a => a.CommuneCode == code);
            var facts = await rows.GroupBy(a => new { a.CommuneCode, a.Year, a.Category, a.PreviousCategory, a.Source })
                .Select(g => new { g.Key.CommuneCode, g.Key.Year, g.Key.Category, g.Key.PreviousCategory, g.Key.Source, Households = g.Sum(a => a.Households) })
                .ToListAsync(ct);
            measured = facts.Count == 0 ? null : facts.Max(f => f.Year);
            if (measured is { } y)
            {
                // Every household resident on the year's reporting date is in the denominator with its status (recognised,
                // computed, carried over, not surveyed). A commune with a decision for the year does not count the
                // results computed but not recognised in the numerator; the others count them.
                var decided = facts.Where(f => f.Source == StatusSource.Recognised).Select(f => (f.CommuneCode, f.Year)).ToHashSet();
                bool Counts(string commune, int year, StatusSource source) => source != StatusSource.Computed || !decided.Contains((commune, year));
                baseOfYear = ReportBase.From(loader.ReportingDate(y), facts.Where(f => f.Year == y).Select(f => (f.Source, (long)f.Households)));
                var measuredCommunes = facts.Where(f => f.Year == y).Select(f => f.CommuneCode).Distinct().ToList();
                communes = measuredCommunes.Count;
                withDecision = measuredCommunes.Count(c => decided.Contains((c, y)));
                switch (t.Kind)
                {
                    case TargetKind.PoorRate:
                    case TargetKind.NearPoorRate:
                        var category = t.Kind == TargetKind.PoorRate ? HouseholdCategory.Poor : HouseholdCategory.NearPoor;
                        var total = facts.Where(f => f.Year == y).Sum(f => f.Households);
                        var hits = facts.Where(f => f.Year == y && f.Category == category && Counts(f.CommuneCode, f.Year, f.Source)).Sum(f => f.Households);
                        actual = total == 0 ? null : Math.Round(hits * 100m / total, 2, MidpointRounding.AwayFromZero);
                        // Never a silent single number: the incomplete households and the rate if their unanswered indicators were deprived.
                        var incompleteRows = db.ReportAggregates.AsNoTracking().CommuneTotals(true)
                            .Where(a => a.Kind == ReportAggregateKind.Incomplete && a.StandardCode == standardCode && a.Year == y && a.Category != null);
                        incompleteRows = t.UnitLevel == AdminLevel.Province ? incompleteRows.Where(a => a.ProvinceCode == code) : incompleteRows.Where(a => a.CommuneCode == code);
                        var incomplete = (await incompleteRows.Select(a => new { a.Category, a.PessimisticCategory, a.Households }).ToListAsync(ct))
                            .Select(a => (a.Category!.Value, a.PessimisticCategory ?? a.Category!.Value, (long)a.Households)).ToList();
                        var range = CompletenessRange.From(
                            t.Kind == TargetKind.PoorRate ? hits : 0, t.Kind == TargetKind.NearPoorRate ? hits : 0, incomplete);
                        incompleteCount = range.Incomplete;
                        pessimisticActual = CompletenessRange.Rate(t.Kind == TargetKind.PoorRate ? range.PoorPessimistic : range.NearPoorPessimistic, total);
                        completenessVi = t.Kind == TargetKind.PoorRate ? range.SentenceVi(standardCode, total) : null;
                        if (t.Kind == TargetKind.NearPoorRate && range.Incomplete > 0)
                        {
                            completenessVi = $"{Domain.Common.VietnameseNumber.Format(range.Incomplete)} hộ chưa đủ thông tin theo {standardCode}; tỷ lệ hộ cận nghèo "
                                + $"trong khoảng [{CompletenessRange.FormatPercent(actual ?? 0)} – {CompletenessRange.FormatPercent(pessimisticActual ?? 0)}].";
                        }

                        break;
                    case TargetKind.EscapedPoverty:
                        actual = facts.Where(f => f.Year >= t.FromYear && f.Year <= y && f.PreviousCategory == HouseholdCategory.Poor && f.Category != HouseholdCategory.Poor
                            && Counts(f.CommuneCode, f.Year, f.Source)).Sum(f => f.Households);
                        break;
                    case TargetKind.Custom:
                        break;
                }
            }
        }

        bool? onTrack = actual is { } a
            ? t.Comparison switch
            {
                TargetComparison.Below => a < t.Value,
                TargetComparison.AtMost => a <= t.Value,
                TargetComparison.AtLeast => a >= t.Value,
            }
            : null;
        return new TargetProgress(t.Id, t.UnitCode, t.FromYear, t.ToYear, t.Kind, t.StandardCode, t.Comparison, t.Value, t.NameVi, t.ParentId, actual, measured, onTrack)
        {
            Basis = measured is null ? null : withDecision == 0 ? TargetBasis.Review : withDecision == communes ? TargetBasis.Decision : TargetBasis.Mixed,
            CommunesMeasured = communes,
            CommunesWithDecision = withDecision,
            Base = baseOfYear,
            Incomplete = incompleteCount,
            ActualPessimistic = incompleteCount > 0 ? pessimisticActual : actual,
            CompletenessVi = completenessVi,
        };
    }

    private async Task<ValidationErrors> ValidateAsync(TargetInput input, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (input.FromYear < 2000 || input.ToYear > 2100 || input.FromYear > input.ToYear)
        {
            errors.Add("toYear", "Năm bắt đầu và năm kết thúc không hợp lệ.");
        }

        if (input.Kind != TargetKind.Custom)
        {
            if (input.StandardCode is null || !await db.PovertyStandards.AnyAsync(s => s.Code == input.StandardCode, ct))
            {
                errors.Add("standardCode", "Cần chọn chuẩn nghèo để đo chỉ tiêu.");
            }
        }
        else if (string.IsNullOrWhiteSpace(input.NameVi))
        {
            errors.Add("nameVi", "Chỉ tiêu khác cần có tên.");
        }

        if (input.Kind is TargetKind.PoorRate or TargetKind.NearPoorRate && input.Value is < 0 or > 100)
        {
            errors.Add("value", "Tỷ lệ phải từ 0 đến 100.");
        }

        return errors;
    }

    private static string DefaultName(TargetInput input) => input.Kind switch
    {
        TargetKind.PoorRate => "Tỷ lệ hộ nghèo (%)",
        TargetKind.NearPoorRate => "Tỷ lệ hộ cận nghèo (%)",
        TargetKind.EscapedPoverty => "Số hộ thoát nghèo",
        TargetKind.Custom => "Chỉ tiêu khác",
    };

    /// <summary>The directive's example target for the demo province: poor-household rate below 1% in 2025 under QĐ 59/2015.</summary>
    public static async Task EnsureDemoTargetAsync(AppDbContext db, string provinceCode, CancellationToken ct)
    {
        if (await db.Targets.AnyAsync(t => t.UnitCode == provinceCode, ct))
        {
            return;
        }

        db.Targets.Add(new TargetEntity
        {
            ProvinceCode = provinceCode,
            UnitCode = provinceCode,
            UnitLevel = AdminLevel.Province,
            FromYear = 2025,
            ToYear = 2025,
            Kind = TargetKind.PoorRate,
            StandardCode = "QD59_2015",
            Comparison = TargetComparison.Below,
            Value = 1m,
            NameVi = DemoTargetName,
            CreatedBy = "demo",
            UpdatedAtUtc = db.Clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(ct);
    }
}
