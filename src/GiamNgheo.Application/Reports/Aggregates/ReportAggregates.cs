using System.Globalization;
using System.Linq.Expressions;
using System.Text;
using GiamNgheo.Application.AdminUnits;
using GiamNgheo.Application.Imports;
using GiamNgheo.Application.Persistence;
using GiamNgheo.Domain.Classification;
using GiamNgheo.Domain.Measures;
using GiamNgheo.Domain.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace GiamNgheo.Application.Reports.Aggregates;

/// <summary>
/// The report aggregate tables: refresh (a commune's rows for every year and standard it has classifications for,
/// computed by <see cref="ReportAggregation"/> from the same rows the row-based forms read, and replaced in one
/// transaction), the dirty-commune queue, and reading a unit's rows for the forms and the dashboard.
/// </summary>
public sealed class ReportAggregates(AppDbContext db, ReportDataLoader loader)
{
    /// <summary>
    /// Queues communes for refresh, in the caller's transaction: for bulk paths that bypass the change tracker (the
    /// importer's bulk insert). The background refresher (or the next read of the unit) recomputes them.
    /// </summary>
    public static async Task MarkDirtyAsync(AppDbContext db, IEnumerable<(string ProvinceCode, string CommuneCode)> communes, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(communes);
        var now = db.Clock.GetUtcNow().UtcDateTime;
        foreach (var (province, commune) in communes.Distinct())
        {
            db.ReportAggregateDirty.Add(new ReportAggregateDirtyEntity { ProvinceCode = province, CommuneCode = commune, MarkedAtUtc = now });
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Recomputes the communes' aggregates: every (year, standard) with classifications (or old aggregates) in the
    /// commune, limited to <paramref name="years"/> and the years after them when given (a year's movements read the
    /// year before). Returns the number of aggregate rows written.
    /// </summary>
    public async Task<int> RefreshCommunesAsync(IReadOnlyCollection<string> communeCodes, IReadOnlyCollection<int>? years, CancellationToken ct)
    {
        var written = 0;
        var from = years is { Count: > 0 } ? years.Min() : int.MinValue;
        foreach (var commune in communeCodes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            written += await RefreshCommuneAsync(commune, from, onlyYear: null, ct);
        }

        return written;
    }

    /// <summary>
    /// <c>giamngheo reports rebuild-aggregates</c>: every commune of the unit (all communes when null), one year or all.
    /// </summary>
    public async Task<(int Communes, int Rows)> RebuildAsync(string? unitCode, int? year, CancellationToken ct)
    {
        var households = db.Households.AsNoTracking();
        var classified = db.HouseholdClassifications.AsNoTracking();
        if (unitCode is not null)
        {
            households = households.Where(h => h.ProvinceCode == unitCode || h.CommuneCode == unitCode);
            classified = classified.Where(c => c.ProvinceCode == unitCode || c.CommuneCode == unitCode);
        }

        var communes = (await classified.Select(c => c.CommuneCode).Distinct().ToListAsync(ct))
            .Union(await households.Select(h => h.CommuneCode).Distinct().ToListAsync(ct))
            .Union(await db.ReportAggregates.AsNoTracking().Where(a => unitCode == null || a.ProvinceCode == unitCode || a.CommuneCode == unitCode)
                .Select(a => a.CommuneCode).Distinct().ToListAsync(ct))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        // Every commune gets every (year, standard) with data anywhere in its province.
        var provincePairs = (await db.HouseholdClassifications.AsNoTracking()
                .Where(c => unitCode == null || c.ProvinceCode == unitCode || db.Households.Any(h => h.CommuneCode == unitCode && h.ProvinceCode == c.ProvinceCode))
                .Select(c => new { c.ProvinceCode, c.Year, c.StandardCode }).Distinct().ToListAsync(ct))
            .GroupBy(p => p.ProvinceCode).ToDictionary(g => g.Key, g => (IReadOnlyCollection<(int, string)>)[.. g.Select(p => (p.Year, p.StandardCode))]);
        var provinceOf = (await households.Select(h => new { h.CommuneCode, h.ProvinceCode }).Distinct().ToListAsync(ct))
            .DistinctBy(h => h.CommuneCode).ToDictionary(h => h.CommuneCode, h => h.ProvinceCode);
        var rows = 0;
        foreach (var commune in communes)
        {
            var pairs = provinceOf.TryGetValue(commune, out var p) ? provincePairs.GetValueOrDefault(p) : null;
            rows += await RefreshCommuneAsync(commune, int.MinValue, year, ct, pairs ?? []);
        }

        return (communes.Count, rows);
    }

    /// <summary>
    /// Refreshes the queued communes (of one province or commune when <paramref name="unitCode"/> is set) and removes
    /// their queue entries. Returns how many communes were refreshed.
    /// </summary>
    public async Task<int> RefreshDirtyAsync(string? unitCode, CancellationToken ct)
    {
        var queue = db.ReportAggregateDirty.AsNoTracking();
        if (unitCode is not null)
        {
            queue = queue.Where(d => d.ProvinceCode == unitCode || d.CommuneCode == unitCode);
        }

        // A refresh can queue the province's other communes (a new year or standard in the province): a second pass
        // completes them, so a province read is complete.
        var refreshed = 0;
        for (var pass = 0; pass < 3; pass++)
        {
            var dirty = await queue.Select(d => d.CommuneCode).Distinct().ToListAsync(ct);
            if (dirty.Count == 0)
            {
                break;
            }

            foreach (var commune in dirty.Order(StringComparer.Ordinal))
            {
                // The entries present when the refresh starts (including those an earlier commune's refresh just queued).
                var last = await db.ReportAggregateDirty.AsNoTracking().Where(x => x.CommuneCode == commune).MaxAsync(x => (long?)x.Id, ct);
                await RefreshCommuneAsync(commune, int.MinValue, onlyYear: null, ct);
                await db.ReportAggregateDirty.Where(x => x.CommuneCode == commune && x.Id <= last).ExecuteDeleteAsync(ct);
            }

            refreshed += dirty.Count;
        }

        return refreshed;
    }

    /// <summary>
    /// Recomputes one commune's rows for every (year, standard) with classifications in the commune, with aggregates of
    /// the commune, or with data anywhere in its province (<paramref name="provincePairs"/>, else read from the province's
    /// commune-total aggregates): every resident household has a status in every year shown, so a commune nobody
    /// surveyed in a year still counts its households in the province's figures of that year. When the commune brings
    /// a (year, standard) the province's aggregates did not have yet, the province's other communes are queued for
    /// refresh (the next read of the province, or the background refresher, completes them).
    /// </summary>
    private async Task<int> RefreshCommuneAsync(string communeCode, int fromYear, int? onlyYear, CancellationToken ct,
        IReadOnlyCollection<(int Year, string StandardCode)>? provincePairs = null)
    {
        var own = (await db.HouseholdClassifications.AsNoTracking().Where(c => c.CommuneCode == communeCode)
                .Select(c => new { c.Year, c.StandardCode, c.ProvinceCode }).Distinct().ToListAsync(ct))
            .Select(p => (p.Year, p.StandardCode, p.ProvinceCode)).ToList();
        var old = (await db.ReportAggregates.AsNoTracking().Where(a => a.CommuneCode == communeCode)
                .Select(a => new { a.Year, a.StandardCode, a.ProvinceCode }).Distinct().ToListAsync(ct))
            .Select(p => (p.Year, p.StandardCode, p.ProvinceCode)).ToList();
        var provinceOfCommune = await db.Households.AsNoTracking().Where(h => h.CommuneCode == communeCode).Select(h => h.ProvinceCode).FirstOrDefaultAsync(ct)
            ?? own.Select(p => p.ProvinceCode).Concat(old.Select(p => p.ProvinceCode)).FirstOrDefault();
        var inProvince = new List<(int Year, string StandardCode)>();
        var readFromAggregates = provincePairs is null;
        if (provinceOfCommune is not null)
        {
            inProvince = provincePairs is not null
                ? [.. provincePairs]
                : (await db.ReportAggregates.AsNoTracking().CommuneTotals(true).Where(a => a.ProvinceCode == provinceOfCommune && a.Kind == ReportAggregateKind.Households)
                    .Select(a => new { a.Year, a.StandardCode }).Distinct().ToListAsync(ct)).Select(p => (p.Year, p.StandardCode)).ToList();
        }

        var known = inProvince.ToHashSet();
        var brought = own.Where(p => p.ProvinceCode == provinceOfCommune && !known.Contains((p.Year, p.StandardCode))).ToList();
        var pairs = own.Select(p => (p.Year, p.StandardCode, ProvinceCode: provinceOfCommune ?? p.ProvinceCode))
            .Concat(old)
            .Concat(provinceOfCommune is null ? [] : inProvince.Select(p => (p.Year, p.StandardCode, ProvinceCode: provinceOfCommune)))
            .DistinctBy(p => (p.Year, p.StandardCode))
            .Where(p => p.Year >= fromYear && (onlyYear is null || p.Year == onlyYear))
            .ToList();
        if (readFromAggregates && brought.Count > 0 && provinceOfCommune is not null)
        {
            // A new (year, standard) in the province: every other commune of it gets that year's rows too.
            var others = (await db.Households.AsNoTracking().Where(h => h.ProvinceCode == provinceOfCommune && h.CommuneCode != communeCode)
                    .Select(h => h.CommuneCode).Distinct().ToListAsync(ct))
                .Select(c => (provinceOfCommune, c)).ToList();
            if (others.Count > 0)
            {
                await MarkDirtyAsync(db, others, ct);
            }
        }

        var written = 0;
        foreach (var (year, standardCode, provinceCode) in pairs)
        {
            var rows = new List<ReportAggregateEntity>();
            var entries = new List<ReportHousehold>();
            var standard = await loader.StandardAsync(standardCode, ct);
            if (standard is not null)
            {
                var unit = new ReportUnitInfo(communeCode, communeCode, AdminLevel.Commune, provinceCode, provinceCode);
                var households = await loader.LoadRowsAsync(unit, year, standard, includeMembers: false, listedOnly: false, ct);
                var incomplete = await IncompleteAsync(communeCode, year, standardCode, ct);
                if (incomplete.Count > 0)
                {
                    households = [.. households.Select(h => h.Category is not null && incomplete.TryGetValue(h.HouseholdId, out var pessimistic)
                        ? h with { Incomplete = true, PessimisticCategory = pessimistic }
                        : h)];
                }

                var weights = IndicatorWeights.NestedEqual(standard);
                var score = new ReportDeprivationScore(weights.Codes.Zip(weights.Weights).ToDictionary(x => x.First, x => x.Second, StringComparer.Ordinal), AlkireFoster.DefaultCutoff(standard));
                rows.AddRange(PackDeprivations(ReportAggregation.Aggregate(households, score).Select(a => ToEntity(a, year, standardCode, provinceCode, communeCode, false))));
                rows.AddRange(PackDeprivations(ReportAggregation.Aggregate(households.Select(h => h with { UnitCode = communeCode }), score)
                    .Select(a => ToEntity(a, year, standardCode, provinceCode, communeCode, true))));
                entries.AddRange(households.Where(h => h.Category is HouseholdCategory.Poor or HouseholdCategory.NearPoor));
            }

            await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
            if (db.Database.IsNpgsql())
            {
                // Serialises concurrent refreshes of the same commune (the background refresher and a read-through).
                var lockKey = "report_aggregates:" + communeCode;
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtext({lockKey}))", ct);
            }

            await db.ReportAggregates.Where(a => a.CommuneCode == communeCode && a.Year == year && a.StandardCode == standardCode).ExecuteDeleteAsync(ct);
            await db.ReportListEntries.Where(a => a.CommuneCode == communeCode && a.Year == year && a.StandardCode == standardCode).ExecuteDeleteAsync(ct);
            if (rows.Count > 0)
            {
                await InsertAsync(rows, ct);
            }

            if (entries.Count > 0)
            {
                await InsertEntriesAsync(entries, year, standardCode, provinceCode, communeCode, ct);
            }

            if (transaction is not null)
            {
                await transaction.CommitAsync(ct);
            }

            written += rows.Count;
        }

        return written;
    }

    /// <summary>Longest packed <see cref="ReportAggregateEntity.Deprived"/> text before a group continues in another row.</summary>
    private const int PackedLength = 900;

    /// <summary>
    /// Stores the kind Deprivations rows of one (village, category, Alkire–Foster poor) group as one row whose
    /// <see cref="ReportAggregateEntity.Deprived"/> reads "code=households;code=households…" (<see cref="ReportAggregateEntity.Households"/>
    /// = their sum): one row instead of one per indicator (at 1 M households a 53,000-household commune had 23,700 such
    /// rows, 2,800 packed). <see cref="ReadAsync"/> expands them back into <see cref="ReportAggregation"/>'s rows.
    /// </summary>
    private static IEnumerable<ReportAggregateEntity> PackDeprivations(IEnumerable<ReportAggregateEntity> rows)
    {
        var groups = new Dictionary<(string, HouseholdCategory?, bool), List<ReportAggregateEntity>>();
        foreach (var row in rows)
        {
            if (row.Kind != ReportAggregateKind.Deprivations)
            {
                yield return row;
                continue;
            }

            var key = (row.VillageCode, row.Category, row.MultidimensionallyPoor);
            if (!groups.TryGetValue(key, out var group))
            {
                groups[key] = group = [];
            }

            group.Add(row);
        }

        foreach (var group in groups.Values)
        {
            var text = new StringBuilder();
            var households = 0;
            foreach (var row in group.OrderBy(r => r.Deprived, StringComparer.Ordinal))
            {
                var entry = string.Create(CultureInfo.InvariantCulture, $"{row.Deprived}={row.Households}");
                if (text.Length > 0 && text.Length + 1 + entry.Length > PackedLength)
                {
                    yield return Packed(group[0], text.ToString(), households);
                    text.Clear();
                    households = 0;
                }

                text.Append(text.Length > 0 ? ";" : string.Empty).Append(entry);
                households += row.Households;
            }

            yield return Packed(group[0], text.ToString(), households);
        }

        static ReportAggregateEntity Packed(ReportAggregateEntity first, string deprived, int households) => new()
        {
            Year = first.Year,
            StandardCode = first.StandardCode,
            ProvinceCode = first.ProvinceCode,
            CommuneCode = first.CommuneCode,
            VillageCode = first.VillageCode,
            IsCommuneTotal = first.IsCommuneTotal,
            Kind = ReportAggregateKind.Deprivations,
            Category = first.Category,
            MultidimensionallyPoor = first.MultidimensionallyPoor,
            Deprived = deprived,
            Households = households,
        };
    }

    private const double ScoreScale = 1e9;

    private static readonly BulkColumn[] Columns =
    [
        new("Id", BulkType.BigInt), new("Year", BulkType.Int4), new("StandardCode", BulkType.Text), new("ProvinceCode", BulkType.Text),
        new("CommuneCode", BulkType.Text), new("VillageCode", BulkType.Text), new("IsCommuneTotal", BulkType.Bool), new("Kind", BulkType.Int4),
        new("Category", BulkType.SmallInt), new("PreviousCategory", BulkType.SmallInt), new("EscapedPoorEarlier", BulkType.Bool),
        new("EscapedNearPoorEarlier", BulkType.Bool), new("Groups", BulkType.Int4), new("HeadEthnicityCode", BulkType.Text), new("Recognised", BulkType.Bool), new("Source", BulkType.SmallInt),
        new("Causes", BulkType.Int4), new("Deprived", BulkType.Text), new("Households", BulkType.Int4), new("Persons", BulkType.Int4),
        new("PreviousPersons", BulkType.Int4), new("PersonsGrown", BulkType.Int4), new("PersonsShrunk", BulkType.Int4), new("Children", BulkType.Int4),
        new("ChildrenHealthDeprived", BulkType.Int4), new("ChildrenEducationDeprived", BulkType.Int4), new("MultidimensionallyPoor", BulkType.Bool),
        new("ScoreNanos", BulkType.BigInt), new("PessimisticCategory", BulkType.SmallInt),
    ];

    /// <summary>Writes the rows with the bulk path (prepared INSERT / binary COPY) inside the current transaction.</summary>
    private async Task InsertAsync(List<ReportAggregateEntity> rows, CancellationToken ct)
    {
        const string table = "report_aggregates";
        var bulk = BulkInserter.For(db.Database.GetDbConnection(), db.Database.CurrentTransaction!.GetDbTransaction());
        var first = await bulk.NextIdAsync(table, ct);
        await bulk.InsertAsync(table, Columns, rows.Select((r, i) => new object?[]
        {
            first + i, r.Year, r.StandardCode, r.ProvinceCode, r.CommuneCode, r.VillageCode, r.IsCommuneTotal, (int)r.Kind,
            r.Category is { } c ? (short)c : null, r.PreviousCategory is { } p ? (short)p : null, r.EscapedPoorEarlier, r.EscapedNearPoorEarlier,
            (int)r.Groups, r.HeadEthnicityCode, r.Recognised, (short)r.Source, r.Causes, r.Deprived, r.Households, r.Persons, r.PreviousPersons, r.PersonsGrown,
            r.PersonsShrunk, r.Children, r.ChildrenHealthDeprived, r.ChildrenEducationDeprived, r.MultidimensionallyPoor, r.ScoreNanos,
            r.PessimisticCategory is { } pc ? (short)pc : null,
        }), ct);
        await bulk.FinishIdsAsync(table, ct);
    }

    private static readonly BulkColumn[] EntryColumns =
    [
        new("Id", BulkType.BigInt), new("Year", BulkType.Int4), new("StandardCode", BulkType.Text), new("ProvinceCode", BulkType.Text),
        new("CommuneCode", BulkType.Text), new("VillageCode", BulkType.Text), new("HouseholdId", BulkType.BigInt), new("HouseholdCode", BulkType.Text),
        new("Category", BulkType.SmallInt), new("Source", BulkType.SmallInt), new("PreviousCategory", BulkType.SmallInt),
        new("EscapedPoorEarlier", BulkType.Bool), new("EscapedNearPoorEarlier", BulkType.Bool), new("Groups", BulkType.Int4), new("Needs", BulkType.Int4),
    ];

    /// <summary>Writes the commune's list lines of one (year, standard) (<see cref="ReportListEntryEntity"/>) inside the current transaction.</summary>
    private async Task InsertEntriesAsync(List<ReportHousehold> listed, int year, string standardCode, string provinceCode, string communeCode, CancellationToken ct)
    {
        const string table = "report_list_entries";
        var bulk = BulkInserter.For(db.Database.GetDbConnection(), db.Database.CurrentTransaction!.GetDbTransaction());
        var first = await bulk.NextIdAsync(table, ct);
        await bulk.InsertAsync(table, EntryColumns, listed.Select((h, i) => new object?[]
        {
            first + i, year, standardCode, provinceCode, communeCode, h.UnitCode, h.HouseholdId, h.HouseholdCode,
            (short)h.Category!.Value, (short)h.Source, h.PreviousCategory is { } p ? (short)p : null,
            h.EscapedPoorEarlierInPeriod, h.EscapedNearPoorEarlierInPeriod, (int)h.Groups, h.Needs,
        }), ct);
        await bulk.FinishIdsAsync(table, ct);
    }

    private static ReportAggregateEntity ToEntity(ReportAggregate a, int year, string standardCode, string provinceCode, string communeCode, bool communeTotal) => new()
    {
        IsCommuneTotal = communeTotal,
        MultidimensionallyPoor = a.MultidimensionallyPoor,
        ScoreNanos = (long)Math.Round(a.ScoreSum * ScoreScale),
        Year = year,
        StandardCode = standardCode,
        ProvinceCode = provinceCode,
        CommuneCode = communeCode,
        VillageCode = a.Key.UnitCode,
        Kind = a.Kind,
        Category = a.Key.Category,
        PreviousCategory = a.Key.PreviousCategory,
        PessimisticCategory = a.Key.PessimisticCategory,
        EscapedPoorEarlier = a.Key.EscapedPoorEarlierInPeriod,
        EscapedNearPoorEarlier = a.Key.EscapedNearPoorEarlierInPeriod,
        Groups = a.Key.Groups,
        HeadEthnicityCode = a.Key.HeadEthnicityCode,
        Recognised = a.Key.Recognised,
        Source = a.Key.Source,
        Causes = a.Key.Causes,
        Deprived = string.Join(';', a.Key.Deprived),
        Households = checked((int)a.Households),
        Persons = checked((int)a.Persons),
        PreviousPersons = checked((int)a.PreviousPersons),
        PersonsGrown = checked((int)a.PersonsGrown),
        PersonsShrunk = checked((int)a.PersonsShrunk),
        Children = checked((int)a.Children),
        ChildrenHealthDeprived = checked((int)a.ChildrenHealthDeprived),
        ChildrenEducationDeprived = checked((int)a.ChildrenEducationDeprived),
    };

    /// <summary>
    /// The unit's aggregate rows for a year and standard: a commune's rows per village (unit = village code, "" = no
    /// village); a province's rows summed per commune in the database (unit = commune code).
    /// </summary>
    public async Task<List<ReportAggregate>> ReadAsync(ReportUnitInfo unit, int year, string standardCode, IReadOnlyCollection<ReportAggregateKind>? kinds, CancellationToken ct)
    {
        await using var snapshot = await ReportReads.BeginAsync(db, ct);
        var village = unit.Level == AdminLevel.Commune;
        var code = unit.Code;

        // One query per kind, each reading only the columns its kind fills: reading a cell through the provider costs
        // more than SQLite's own step (at 1 M households a 53,000-household commune has 39,000 village rows; the single
        // query of every column read 820,000 cells, these four read 290,000).
        IQueryable<ReportAggregateEntity> Rows(ReportAggregateKind kind)
        {
            var query = db.ReportAggregates.AsNoTracking().Where(a => a.StandardCode == standardCode && a.Year == year && a.Kind == kind);
            return village ? query.CommuneTotals(false).Where(a => a.CommuneCode == code) : query.CommuneTotals(true).Where(a => a.ProvinceCode == code);
        }

        // Unit codes and deprivation lists recur across many rows: one string (and one split) per distinct text.
        var units = new Dictionary<string, string>(StringComparer.Ordinal);
        string Unit(string value) => units.TryGetValue(value, out var known) ? known : units[value] = value;
        var split = new Dictionary<string, string[]>(StringComparer.Ordinal) { [string.Empty] = [] };
        string[] Split(string value) => split.TryGetValue(value, out var codes) ? codes : split[value] = value.Split(';');

        var result = new List<ReportAggregate>();
        async Task ReadKindAsync<T>(ReportAggregateKind kind, Expression<Func<ReportAggregateEntity, T>> columns, Func<T, IEnumerable<ReportAggregate>> toRows)
        {
            if (kinds is not { Count: > 0 } || kinds.Contains(kind))
            {
                foreach (var row in await Rows(kind).Select(columns).ToListAsync(ct))
                {
                    result.AddRange(toRows(row));
                }
            }
        }

        await ReadKindAsync(ReportAggregateKind.Households, r => new
        {
            UnitCode = village ? r.VillageCode : r.CommuneCode,
            r.Category, r.PreviousCategory, r.EscapedPoorEarlier, r.EscapedNearPoorEarlier, r.Groups, r.HeadEthnicityCode, r.Recognised, r.Source,
            r.Households, r.Persons, r.PreviousPersons, r.PersonsGrown, r.PersonsShrunk, r.Children, r.ChildrenHealthDeprived, r.ChildrenEducationDeprived,
        }, r => [new ReportAggregate
        {
            Kind = ReportAggregateKind.Households,
            Key = new ReportHousehold
            {
                HouseholdId = 0,
                UnitCode = Unit(r.UnitCode),
                Category = r.Category,
                PreviousCategory = r.PreviousCategory,
                EscapedPoorEarlierInPeriod = r.EscapedPoorEarlier,
                EscapedNearPoorEarlierInPeriod = r.EscapedNearPoorEarlier,
                Groups = r.Groups,
                HeadEthnicityCode = r.HeadEthnicityCode,
                Recognised = r.Recognised,
                Source = r.Source,
            },
            Households = r.Households,
            Persons = r.Persons,
            PreviousPersons = r.PreviousPersons,
            PersonsGrown = r.PersonsGrown,
            PersonsShrunk = r.PersonsShrunk,
            Children = r.Children,
            ChildrenHealthDeprived = r.ChildrenHealthDeprived,
            ChildrenEducationDeprived = r.ChildrenEducationDeprived,
        }]);

        // Packed rows (PackDeprivations) expand into one row per indicator; a row written before packing holds one code.
        var codes = new Dictionary<string, string[]>(StringComparer.Ordinal);
        string[] Code(string value) => codes.TryGetValue(value, out var code) ? code : codes[value] = [value];
        await ReadKindAsync(ReportAggregateKind.Deprivations,
            r => new { UnitCode = village ? r.VillageCode : r.CommuneCode, r.Category, r.Deprived, r.MultidimensionallyPoor, r.Households },
            r => r.Deprived.Split(';').Select(entry =>
            {
                var equals = entry.IndexOf('=', StringComparison.Ordinal);
                return new ReportAggregate
                {
                    Kind = ReportAggregateKind.Deprivations,
                    Key = new ReportHousehold
                    {
                        HouseholdId = 0, UnitCode = Unit(r.UnitCode), Category = r.Category, Deprived = equals < 0 ? Split(entry) : Code(entry[..equals]),
                    },
                    Households = equals < 0 ? r.Households : long.Parse(entry.AsSpan(equals + 1), NumberStyles.None, CultureInfo.InvariantCulture),
                    MultidimensionallyPoor = r.MultidimensionallyPoor,
                };
            }));

        await ReadKindAsync(ReportAggregateKind.Causes,
            r => new { UnitCode = village ? r.VillageCode : r.CommuneCode, r.Category, r.Causes, r.Households },
            r => [new ReportAggregate
            {
                Kind = ReportAggregateKind.Causes,
                Key = new ReportHousehold { HouseholdId = 0, UnitCode = Unit(r.UnitCode), Category = r.Category, Causes = r.Causes },
                Households = r.Households,
            }]);

        await ReadKindAsync(ReportAggregateKind.Multidimensional,
            r => new { UnitCode = village ? r.VillageCode : r.CommuneCode, r.MultidimensionallyPoor, r.Households, r.ScoreNanos },
            r => [new ReportAggregate
            {
                Kind = ReportAggregateKind.Multidimensional,
                Key = new ReportHousehold { HouseholdId = 0, UnitCode = Unit(r.UnitCode) },
                Households = r.Households,
                MultidimensionallyPoor = r.MultidimensionallyPoor,
                ScoreSum = r.ScoreNanos / ScoreScale,
            }]);

        await ReadKindAsync(ReportAggregateKind.Incomplete,
            r => new { UnitCode = village ? r.VillageCode : r.CommuneCode, r.Category, r.PessimisticCategory, r.Households, r.Persons },
            r => [new ReportAggregate
            {
                Kind = ReportAggregateKind.Incomplete,
                Key = new ReportHousehold
                {
                    HouseholdId = 0, UnitCode = Unit(r.UnitCode), Category = r.Category, Incomplete = true, PessimisticCategory = r.PessimisticCategory,
                },
                Households = r.Households,
                Persons = r.Persons,
            }]);

        return result;
    }

    /// <summary>
    /// Incomplete classifications of a commune for a year and standard: household → pessimistic category (additive to the
    /// report rows, so the rows' loader stays as it is).
    /// </summary>
    private async Task<Dictionary<long, HouseholdCategory>> IncompleteAsync(string communeCode, int year, string standardCode, CancellationToken ct) =>
        await db.HouseholdClassifications.AsNoTracking()
            .Where(c => c.CommuneCode == communeCode && c.Year == year && c.StandardCode == standardCode && c.Incomplete)
            .Select(c => new { c.HouseholdId, c.PessimisticCategory })
            .ToDictionaryAsync(c => c.HouseholdId, c => c.PessimisticCategory, ct);
}
