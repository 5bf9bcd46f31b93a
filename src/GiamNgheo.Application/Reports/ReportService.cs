using System.Text.Json;
using GiamNgheo.Application.AdminUnits;
using GiamNgheo.Application.Persistence;
using GiamNgheo.Application.Reports.Aggregates;
using GiamNgheo.Domain.Reports;
using Microsoft.EntityFrameworkCore;

namespace GiamNgheo.Application.Reports;

/// <summary>The forms of a unit, either computed now or (for a commune whose set is approved) the locked snapshot.</summary>
public sealed record ReportSetView(ReportUnitInfo Unit, int Year, string StandardCode, IReadOnlyList<ReportTable> Tables, ReportSetEntity? Locked);

/// <summary>Computes the official forms for a unit, year and standard.</summary>
public sealed class ReportService(
    AppDbContext db, ReportDataLoader loader, ReportListLoader listLoader, ReportAggregates aggregates, LegacyDistricts legacy)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// The forms (all when <paramref name="numbers"/> is empty). A commune whose latest set for the year and standard
    /// is approved gets the approved snapshot (<see cref="ReportSetView.Locked"/> set), never the live figures.
    /// </summary>
    public async Task<Result<ReportSetView>> GetAsync(string unitCode, int year, string standardCode, IReadOnlyCollection<int> numbers, bool live, CancellationToken ct)
    {
        if (numbers.Any(n => n is < 1 or > 15))
        {
            var errors = new ValidationErrors();
            errors.Add("form", "Số biểu phải từ 1 đến 15.");
            return Result<ReportSetView>.Invalid(errors.ToDictionary());
        }

        var wanted = numbers.Count == 0 ? [.. Enumerable.Range(1, 15)] : numbers.Distinct().Order().ToList();
        if (!live)
        {
            var unit = await loader.ResolveUnitAsync(unitCode, year, ct) ?? await legacy.ResolveDistrictAsync(unitCode, ct);
            if (unit is null)
            {
                return Result<ReportSetView>.NotFound();
            }

            if (unit.Level == AdminLevel.Commune)
            {
                var locked = await db.ReportSets.AsNoTracking()
                    .Where(r => r.CommuneCode == unitCode && r.Year == year && r.StandardCode == standardCode)
                    .OrderByDescending(r => r.Version).FirstOrDefaultAsync(ct);
                if (locked is { Status: ReportSetStatus.Approved })
                {
                    var tables = Snapshot(locked).Where(t => wanted.Contains(t.Number)).ToList();
                    return Result<ReportSetView>.Ok(new ReportSetView(unit, year, standardCode, tables, locked));
                }
            }
        }

        var resolved = await loader.ResolveUnitAsync(unitCode, year, ct) ?? await legacy.ResolveDistrictAsync(unitCode, ct);
        var standard = await loader.StandardAsync(standardCode, ct);
        if (resolved is null || standard is null)
        {
            return Result<ReportSetView>.NotFound();
        }

        if (resolved.Level == AdminLevel.District && year > LegacyDistricts.LastDistrictYear)
        {
            var errors = new ValidationErrors();
            errors.Add("unit", LegacyDistricts.DistrictRefusedVi);
            return Result<ReportSetView>.Invalid(errors.ToDictionary());
        }

        if (LegacyDistricts.Applies(resolved, year))
        {
            // Years before the reform, by old district / old commune: computed from the rows (see LegacyDistricts).
            var legacyRows = await legacy.LoadRowsAsync(resolved, year, standard, includeMembers: wanted.Any(n => n >= 14), listedOnly: false, ct);
            var legacyContext = await legacy.ContextAsync(resolved, year, standard, legacyRows.Select(r => r.UnitCode), ct);
            var legacyBase = ReportBase.From(loader.ReportingDate(year), legacyRows).ToVietnamese();
            var legacyTables = wanted.Select(n => ReportForms.Build(n, legacyContext, legacyRows) with { BaseVi = legacyBase }).ToList();
            return Result<ReportSetView>.Ok(new ReportSetView(resolved, year, standardCode, legacyTables, null));
        }

        // Forms 1–13 are sums of the aggregate rows (refreshed first when a change to the unit is still queued);
        // the detailed lists 14–15 read the poor and near-poor households themselves.
        await aggregates.RefreshDirtyAsync(resolved.Code, ct);
        var counts = wanted.Where(n => n <= 13).ToList();
        var lists = wanted.Where(n => n >= 14).ToList();
        // (Reading the lists on a second connection while this one read the aggregates was measured slower at 1 M in
        // an earlier version, and a second context cannot share the one open connection of an in-memory SQLite database.)
        var rows = counts.Count > 0 ? await aggregates.ReadAsync(resolved, year, standardCode, null, ct) : [];
        var listed = lists.Count > 0 ? await listLoader.LoadAsync(resolved, year, standard, ct) : [];
        var context = await loader.ContextAsync(resolved, year, standard, rows.Select(r => r.Key.UnitCode).Concat(listed.Select(h => h.UnitCode)), ct);
        // The lists are laid out on another thread while the count forms are summed (no database access in either).
        var listTables = Task.Run(() => lists.Select(n => ReportForms.Build(n, context, listed)).ToList(), ct);
        var countTables = counts.Count > 0 ? ReportForms.BuildCounts(counts, context, rows) : [];
        var builtLists = await listTables;
        // Every form states its date and denominator: the households resident on the reporting date, by status source.
        var baseRows = counts.Count > 0 ? rows : await aggregates.ReadAsync(resolved, year, standardCode, [ReportAggregateKind.Households], ct);
        var baseVi = ReportBase.From(loader.ReportingDate(year), baseRows).ToVietnamese();
        // Never a silent single number (docs/standards.md, completeness): the households an indicator of the standard was
        // not answered for, and the poor rate both ways, on every form of the set.
        var completenessRows = counts.Count > 0 ? rows
            : await aggregates.ReadAsync(resolved, year, standardCode, [ReportAggregateKind.Households, ReportAggregateKind.Incomplete], ct);
        var sentence = Completeness(completenessRows, standardCode);
        if (sentence is not null)
        {
            baseVi += " " + sentence;
        }

        var computed = wanted.Select(n => (n <= 13 ? countTables[counts.IndexOf(n)] : builtLists[lists.IndexOf(n)]) with { BaseVi = baseVi }).ToList();
        return Result<ReportSetView>.Ok(new ReportSetView(resolved, year, standardCode, computed, null));
    }

    /// <summary>The completeness sentence of a unit's year under a standard (null when no household is incomplete).</summary>
    internal static string? Completeness(IReadOnlyCollection<ReportAggregate> rows, string standardCode)
    {
        var households = rows.Where(r => r.Kind == ReportAggregateKind.Households && r.Key.Category is not null).ToList();
        var range = CompletenessRange.From(
            households.Where(r => r.Key.Category == Domain.Classification.HouseholdCategory.Poor).Sum(r => r.Households),
            households.Where(r => r.Key.Category == Domain.Classification.HouseholdCategory.NearPoor).Sum(r => r.Households),
            rows.Where(r => r.Kind == ReportAggregateKind.Incomplete && r.Key.Category is not null)
                .Select(r => (r.Key.Category!.Value, r.Key.PessimisticCategory ?? r.Key.Category!.Value, r.Households)));
        return range.SentenceVi(standardCode, households.Sum(r => r.Households));
    }

    public static IReadOnlyList<ReportTable> Snapshot(ReportSetEntity set) =>
        JsonSerializer.Deserialize<List<ReportTable>>(set.SnapshotJson, Json) ?? [];
}
