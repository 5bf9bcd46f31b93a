using System.Globalization;
using GiamNgheo.Domain.Classification;
using GiamNgheo.Domain.Households;
using GiamNgheo.Domain.Statuses;

namespace GiamNgheo.Domain.Reports;

/// <summary>
/// The 15 official report forms (docs/domain.md §7.1) as pure functions over <see cref="ReportHousehold"/> rows.
/// Each count form has one row (or a households row and a persons row) per <see cref="ReportContext.Units"/> entry
/// and a total row computed over the same households, so every count total equals the sum of its rows; rate columns
/// are recomputed from the total's numerator and denominator. Movement forms balance:
/// closing = opening − decreases + increases, for households and for persons.
/// </summary>
public static class ReportForms
{
    private const string KinhCode = "01";

    public static IReadOnlyList<ReportTable> All(ReportContext context, IReadOnlyList<ReportHousehold> households) =>
        [.. ReportDefinitions.All.Select(d => Build(d.Number, context, households))];

    public static ReportTable Build(int number, ReportContext context, IReadOnlyList<ReportHousehold> households)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(households);
        return number switch
        {
            14 => List(14, context, households, HouseholdCategory.NearPoor),
            15 => List(15, context, households, HouseholdCategory.Poor),
            _ => Counts(number, context, households, Columns(number, context, households), number == 11 ? ReportRowKind.Persons : null),
        };
    }

    /// <summary>
    /// A count form (1–13) from aggregate rows (<see cref="ReportAggregation"/>): the same columns as
    /// <see cref="Build(int, ReportContext, IReadOnlyList{ReportHousehold})"/>, each summed over the groups instead of the households.
    /// </summary>
    public static ReportTable Build(int number, ReportContext context, IReadOnlyList<ReportAggregate> aggregates) =>
        BuildCounts([number], context, aggregates)[0];

    /// <summary>Several count forms (1–13) from the same aggregate rows, grouped by unit once for all of them.</summary>
    public static IReadOnlyList<ReportTable> BuildCounts(IReadOnlyList<int> numbers, ReportContext context, IReadOnlyList<ReportAggregate> aggregates)
    {
        ArgumentNullException.ThrowIfNull(numbers);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(aggregates);
        if (numbers.FirstOrDefault(n => n is < 1 or > 13) is var bad and not 0)
        {
            throw new ArgumentOutOfRangeException(nameof(numbers), bad, "1–13: the detailed lists need households.");
        }

        var keys = aggregates.Where(a => a.Kind == ReportAggregateKind.Households && a.Households > 0).Select(a => a.Key).ToList();
        // Per unit, the rows of each kind apart: a column sums one kind, so it never walks the others.
        var byUnit = aggregates.GroupBy(a => a.Key.UnitCode, StringComparer.Ordinal).ToDictionary(
            g => g.Key, g => g.GroupBy(a => a.Kind).ToDictionary(k => k.Key, k => k.ToList()), StringComparer.Ordinal);
        return [.. numbers.Select(n => BuildCount(n, context, keys, byUnit))];
    }

    private static ReportTable BuildCount(
        int number, ReportContext context, List<ReportHousehold> keys, Dictionary<string, Dictionary<ReportAggregateKind, List<ReportAggregate>>> byUnit)
    {
        var cols = Columns(number, context, keys);
        var definition = ReportDefinitions.Get(number);
        ReportRowKind[] kinds = number == 11 ? [ReportRowKind.Persons] : definition.HasPersonsRow ? [ReportRowKind.Households, ReportRowKind.Persons] : [ReportRowKind.Households];
        var rows = new List<ReportRow>();

        // The total row sums the units' numerators and denominators (exact: whole counts), then recomputes its rates,
        // instead of going over every aggregate row a second time.
        var totals = kinds.Select(_ => (Sums: new decimal[cols.Count], Denominators: new decimal[cols.Count])).ToArray();
        foreach (var unit in context.Units)
        {
            var members = byUnit.TryGetValue(unit.Code, out var list) ? list : NoRows;
            for (var k = 0; k < kinds.Length; k++)
            {
                var (sums, denominators) = AggregateSums(cols, members, kinds[k]);
                for (var i = 0; i < cols.Count; i++)
                {
                    totals[k].Sums[i] += sums[i];
                    totals[k].Denominators[i] += denominators[i];
                }

                rows.Add(new ReportRow(unit.Code, unit.Name, kinds[k], false, Rates(cols, sums, denominators)));
            }
        }

        rows.AddRange(kinds.Select((kind, k) => new ReportRow(context.UnitCode, "Tổng cộng", kind, true, Rates(cols, totals[k].Sums, totals[k].Denominators))));
        return new ReportTable(number, definition.Code, definition.TitleVi, context.UnitCode, context.UnitName, context.Year, context.StandardCode,
            [.. cols.Select(c => new ReportColumn(c.Key, c.HeaderVi, c.Denominator is not null))], rows);
    }

    private static List<Col> Columns(int number, ReportContext context, IReadOnlyList<ReportHousehold> households) => number switch
    {
        1 => Results(),
        2 => MovementColumns(HouseholdCategory.Poor),
        3 => MovementColumns(HouseholdCategory.NearPoor),
        4 => Deprivations(context, HouseholdCategory.Poor, rates: false),
        5 => Deprivations(context, HouseholdCategory.Poor, rates: true),
        6 => Deprivations(context, HouseholdCategory.NearPoor, rates: false),
        7 => Deprivations(context, HouseholdCategory.NearPoor, rates: true),
        8 => TargetGroups(),
        9 => Ethnicity(context, households),
        10 => CausesColumns(context),
        11 => ChildrenColumns(),
        12 => ReviewResults(HouseholdCategory.Poor),
        13 => ReviewResults(HouseholdCategory.NearPoor),
        _ => throw new ArgumentOutOfRangeException(nameof(number), number, "1–15"),
    };

    /// <summary>
    /// A column: the sum over households of <see cref="Value"/>; a rate when <see cref="Denominator"/> is set.
    /// <see cref="Aggregate"/> / <see cref="AggregateDenominator"/> give the same sums over the aggregate rows of kind <see cref="Source"/>.
    /// </summary>
    private sealed record Col(
        string Key,
        string HeaderVi,
        Func<ReportHousehold, ReportRowKind, decimal> Value,
        Func<ReportAggregate, ReportRowKind, decimal> Aggregate,
        Func<ReportHousehold, ReportRowKind, decimal>? Denominator = null,
        Func<ReportAggregate, ReportRowKind, decimal>? AggregateDenominator = null,
        ReportAggregateKind Source = ReportAggregateKind.Households,
        ReportAggregateKind DenominatorSource = ReportAggregateKind.Households);

    private static decimal Weight(ReportHousehold h, ReportRowKind kind) => kind == ReportRowKind.Persons ? h.MemberCount : 1;

    private static decimal Weight(ReportAggregate a, ReportRowKind kind) => kind == ReportRowKind.Persons ? a.Persons : a.Households;

    private static Col Count(string key, string header, Func<ReportHousehold, bool> when, ReportAggregateKind source = ReportAggregateKind.Households) =>
        new(key, header, (h, k) => when(h) ? Weight(h, k) : 0, (a, k) => when(a.Key) ? Weight(a, k) : 0, Source: source);

    /// <summary>A rate column; its denominator is always counted over the household rows.</summary>
    private static Col Rate(string key, string header, Func<ReportHousehold, bool> numerator, Func<ReportHousehold, bool> denominator, ReportAggregateKind source = ReportAggregateKind.Households) =>
        new(key, header, (h, k) => numerator(h) ? Weight(h, k) : 0, (a, k) => numerator(a.Key) ? Weight(a, k) : 0,
            (h, k) => denominator(h) ? Weight(h, k) : 0, (a, k) => denominator(a.Key) ? Weight(a, k) : 0, source);

    private static string ListName(HouseholdCategory list) => list == HouseholdCategory.Poor ? "hộ nghèo" : "hộ cận nghèo";

    private static string Prefix(HouseholdCategory list) => list == HouseholdCategory.Poor ? "poor" : "near_poor";

    private static List<Col> Results()
    {
        static bool Listed(ReportHousehold h) => h.Category is not null;
        return
        [
            Count("total", "Tổng số hộ/nhân khẩu", Listed),
            Count("poor", "Hộ nghèo", h => h.Category == HouseholdCategory.Poor),
            Rate("poor_rate", "Tỷ lệ hộ nghèo (%)", h => h.Category == HouseholdCategory.Poor, Listed),
            Count("near_poor", "Hộ cận nghèo", h => h.Category == HouseholdCategory.NearPoor),
            Rate("near_poor_rate", "Tỷ lệ hộ cận nghèo (%)", h => h.Category == HouseholdCategory.NearPoor, Listed),
            Count("medium", "Hộ có mức sống trung bình", h => h.Category == HouseholdCategory.Medium),
            Rate("medium_rate", "Tỷ lệ hộ có mức sống trung bình (%)", h => h.Category == HouseholdCategory.Medium, Listed),
            Rate("multidimensional_rate", "Tỷ lệ nghèo đa chiều (%)", h => h.Category is HouseholdCategory.Poor or HouseholdCategory.NearPoor, Listed),
        ];
    }

    private static List<Col> MovementColumns(HouseholdCategory list)
    {
        var other = list == HouseholdCategory.Poor ? "hộ cận nghèo" : "hộ nghèo";
        decimal When(ReportHousehold h, ReportRowKind k, Func<Movement, bool> test, bool previousSize) =>
            test(h.MovementOn(list)) ? (k == ReportRowKind.Persons ? (previousSize ? h.PreviousMemberCount : h.MemberCount) : 1) : 0;
        decimal WhenA(ReportAggregate a, ReportRowKind k, Func<Movement, bool> test, bool previousSize) =>
            test(a.Key.MovementOn(list)) ? (k == ReportRowKind.Persons ? (previousSize ? a.PreviousPersons : a.Persons) : a.Households) : 0;

        // Member changes inside households that stay on the list are "other" increases/decreases of persons.
        decimal Grown(ReportHousehold h, ReportRowKind k) =>
            k == ReportRowKind.Persons && h.MovementOn(list) == Movement.Stayed ? Math.Max(0, h.MemberCount - h.PreviousMemberCount) : 0;
        decimal Shrunk(ReportHousehold h, ReportRowKind k) =>
            k == ReportRowKind.Persons && h.MovementOn(list) == Movement.Stayed ? Math.Max(0, h.PreviousMemberCount - h.MemberCount) : 0;
        decimal GrownA(ReportAggregate a, ReportRowKind k) =>
            k == ReportRowKind.Persons && a.Key.MovementOn(list) == Movement.Stayed ? a.PersonsGrown : 0;
        decimal ShrunkA(ReportAggregate a, ReportRowKind k) =>
            k == ReportRowKind.Persons && a.Key.MovementOn(list) == Movement.Stayed ? a.PersonsShrunk : 0;

        Col M(string key, string header, Func<Movement, bool> test, bool previousSize, int change) => new(key, header,
            (h, k) => When(h, k, test, previousSize) + (change < 0 ? Shrunk(h, k) : change > 0 ? Grown(h, k) : 0),
            (a, k) => WhenA(a, k, test, previousSize) + (change < 0 ? ShrunkA(a, k) : change > 0 ? GrownA(a, k) : 0));

        return
        [
            M("opening", "Số đầu kỳ", m => m is Movement.Stayed || m.IsDecrease(), true, 0),
            M("decrease", "Giảm trong kỳ – tổng", m => m.IsDecrease(), true, -1),
            M("decrease_to_other", "Giảm: trở thành " + other, m => m == Movement.DecreaseToOtherList, true, 0),
            M("decrease_above", "Giảm: vượt chuẩn cận nghèo", m => m == Movement.DecreaseAboveNearPoor, true, 0),
            M("decrease_other", "Giảm: lý do khác (chuyển đi, giải thể, chết…)", m => m == Movement.DecreaseOther, true, -1),
            M("increase", "Tăng trong kỳ – tổng", m => m.IsIncrease(), false, 1),
            M("increase_from_other", "Tăng: từ " + other + " chuyển sang", m => m == Movement.IncreaseFromOtherList, false, 0),
            M("increase_relapsed", list == HouseholdCategory.Poor ? "Tăng: tái nghèo" : "Tăng: tái cận nghèo", m => m == Movement.IncreaseRelapsed, false, 0),
            M("increase_new", "Tăng: phát sinh mới", m => m == Movement.IncreaseNew, false, 0),
            M("increase_other", "Tăng: lý do khác (chuyển đến, tách hộ…)", m => m == Movement.IncreaseOther, false, 1),
            M("closing", "Số cuối kỳ", m => m is Movement.Stayed || m.IsIncrease(), false, 0),
        ];
    }

    private static List<Col> Deprivations(ReportContext context, HouseholdCategory list, bool rates)
    {
        bool On(ReportHousehold h) => h.Category == list;
        var columns = new List<Col>
        {
            Count("households", "Số " + ListName(list), On),
            rates
                ? new("deprivations", "Số chỉ số thiếu hụt bình quân", (h, _) => On(h) ? h.Deprived.Distinct().Count() : 0, (a, _) => On(a.Key) ? a.Households : 0,
                    (h, _) => On(h) ? 100 : 0, (a, _) => On(a.Key) ? 100 * a.Households : 0, ReportAggregateKind.Deprivations)
                : new("deprivations", "Tổng số lượt thiếu hụt", (h, _) => On(h) ? h.Deprived.Distinct().Count() : 0, (a, _) => On(a.Key) ? a.Households : 0,
                    Source: ReportAggregateKind.Deprivations),
        };
        foreach (var indicator in context.Indicators)
        {
            var code = indicator.Code;
            columns.Add(rates
                ? Rate(code, indicator.NameVi + " (%)", h => On(h) && h.Deprived.Contains(code), On, ReportAggregateKind.Deprivations)
                : Count(code, indicator.NameVi, h => On(h) && h.Deprived.Contains(code), ReportAggregateKind.Deprivations));
        }

        return columns;
    }

    private static List<Col> TargetGroups()
    {
        const SpecialGroups named = SpecialGroups.EthnicMinority | SpecialGroups.NoLabourCapacity | SpecialGroups.RevolutionaryMerit;
        var columns = new List<Col>();
        foreach (var list in new[] { HouseholdCategory.Poor, HouseholdCategory.NearPoor })
        {
            var p = Prefix(list);
            var name = ListName(list);
            columns.Add(Count(p, "Tổng số " + name, h => h.Category == list));
            columns.Add(Count(p + "_minority", name + ": dân tộc thiểu số", h => h.Category == list && h.IsMinority));
            columns.Add(Count(p + "_no_labour", name + ": không có khả năng lao động", h => h.Category == list && (h.Groups & SpecialGroups.NoLabourCapacity) != 0));
            columns.Add(Count(p + "_merit", name + ": có người có công với cách mạng", h => h.Category == list && (h.Groups & SpecialGroups.RevolutionaryMerit) != 0));
            columns.Add(Count(p + "_other", name + ": đối tượng khác", h => h.Category == list && (h.Groups & named) == 0));
        }

        return columns;
    }

    private static List<Col> Ethnicity(ReportContext context, IReadOnlyList<ReportHousehold> households)
    {
        var groups = households
            .Where(h => h.IsMinority && h.HeadEthnicityCode is not null && h.HeadEthnicityCode != KinhCode
                && h.Category is HouseholdCategory.Poor or HouseholdCategory.NearPoor)
            .Select(h => h.HeadEthnicityCode!).Distinct().Order(StringComparer.Ordinal).ToList();
        var columns = new List<Col>();
        foreach (var list in new[] { HouseholdCategory.Poor, HouseholdCategory.NearPoor })
        {
            var p = Prefix(list);
            var name = ListName(list);
            columns.Add(Count(p, "Tổng số " + name, h => h.Category == list));
            columns.Add(Count(p + "_kinh", name + ": dân tộc Kinh", h => h.Category == list && !h.IsMinority));
            columns.Add(Count(p + "_minority", name + ": dân tộc thiểu số", h => h.Category == list && h.IsMinority));
            foreach (var code in groups)
            {
                var label = context.EthnicNames.TryGetValue(code, out var n) ? n : code;
                columns.Add(Count(p + "_eth_" + code, name + ": " + label, h => h.Category == list && h.IsMinority && h.HeadEthnicityCode == code));
            }

            columns.Add(Count(p + "_eth_other", name + ": dân tộc thiểu số khác/chưa rõ", h => h.Category == list && h.IsMinority && (h.HeadEthnicityCode is null || h.HeadEthnicityCode == KinhCode)));
        }

        return columns;
    }

    private static List<Col> CausesColumns(ReportContext context)
    {
        var columns = new List<Col>();
        foreach (var list in new[] { HouseholdCategory.Poor, HouseholdCategory.NearPoor })
        {
            var p = Prefix(list);
            columns.Add(Count(p, "Tổng số " + ListName(list), h => h.Category == list));
            foreach (var cause in context.Causes)
            {
                var bit = cause.Bit;
                columns.Add(Count(p + "_" + cause.Code, ListName(list) + ": " + cause.NameVi, h => h.Category == list && (h.Causes & bit) != 0, ReportAggregateKind.Causes));
            }
        }

        return columns;
    }

    private static List<Col> ChildrenColumns()
    {
        var columns = new List<Col>();
        foreach (var list in new[] { HouseholdCategory.Poor, HouseholdCategory.NearPoor })
        {
            var p = Prefix(list);
            columns.Add(new(p + "_children", "Trẻ em thuộc " + ListName(list), (h, _) => h.Category == list ? h.Children : 0, (a, _) => a.Key.Category == list ? a.Children : 0));
            columns.Add(new(p + "_health", "Trong đó: thiếu hụt y tế (BHYT, dinh dưỡng)", (h, _) => h.Category == list ? h.ChildrenHealthDeprived : 0, (a, _) => a.Key.Category == list ? a.ChildrenHealthDeprived : 0));
            columns.Add(new(p + "_education", "Trong đó: thiếu hụt giáo dục (không đi học)", (h, _) => h.Category == list ? h.ChildrenEducationDeprived : 0, (a, _) => a.Key.Category == list ? a.ChildrenEducationDeprived : 0));
        }

        return columns;
    }

    private static List<Col> ReviewResults(HouseholdCategory list)
    {
        var p = Prefix(list);
        var name = ListName(list);
        bool On(ReportHousehold h) => h.Category == list;
        return
        [
            Count("total", "Tổng số hộ dân cư", h => h.Category is not null),
            Count("total_kinh", "Trong đó: dân tộc Kinh", h => h.Category is not null && !h.IsMinority),
            Count("total_minority", "Trong đó: dân tộc thiểu số", h => h.Category is not null && h.IsMinority),
            Count("total_local", "Trong đó: dân tộc thiểu số tại chỗ", h => h.Category is not null && (h.Groups & SpecialGroups.LocalIndigenousMinority) != 0),
            Count(p, "Tổng số " + name, On),
            Rate(p + "_rate", "Tỷ lệ " + name + " (%)", On, h => h.Category is not null),
            Count(p + "_kinh", name + ": dân tộc Kinh", h => On(h) && !h.IsMinority),
            Count(p + "_minority", name + ": dân tộc thiểu số", h => On(h) && h.IsMinority),
            Count(p + "_local", name + ": dân tộc thiểu số tại chỗ", h => On(h) && (h.Groups & SpecialGroups.LocalIndigenousMinority) != 0),
            Count(p + "_merit", name + ": có người có công", h => On(h) && (h.Groups & SpecialGroups.RevolutionaryMerit) != 0),
            Count(p + "_no_labour", name + ": không có khả năng lao động", h => On(h) && (h.Groups & SpecialGroups.NoLabourCapacity) != 0),
            Count(p + "_female_head", name + ": chủ hộ là nữ", h => On(h) && (h.Groups & SpecialGroups.FemaleHead) != 0),
        ];
    }

    private static readonly Dictionary<ReportAggregateKind, List<ReportAggregate>> NoRows = [];

    private static (decimal[] Sums, decimal[] Denominators) AggregateSums(
        List<Col> cols, Dictionary<ReportAggregateKind, List<ReportAggregate>> aggregates, ReportRowKind kind)
    {
        var sums = new decimal[cols.Count];
        var denominators = new decimal[cols.Count];
        for (var i = 0; i < cols.Count; i++)
        {
            var col = cols[i];
            decimal sum = 0, denominator = 0;
            if (aggregates.TryGetValue(col.Source, out var rows))
            {
                foreach (var a in rows)
                {
                    sum += col.Aggregate(a, kind);
                }
            }

            if (col.AggregateDenominator is not null && aggregates.TryGetValue(col.DenominatorSource, out var denominatorRows))
            {
                foreach (var a in denominatorRows)
                {
                    denominator += col.AggregateDenominator(a, kind);
                }
            }

            sums[i] = sum;
            denominators[i] = denominator;
        }

        return (sums, denominators);
    }

    /// <summary>A column's value: the sum, or for a rate column the percentage of its numerator over its denominator (0 when that is 0).</summary>
    private static decimal Value(Col col, decimal sum, decimal denominator) =>
        col.Denominator is null ? sum
        : denominator == 0 ? 0
        : Math.Round(sum * 100 / denominator, 2, MidpointRounding.AwayFromZero);

    /// <summary>A row's values: the sums, with each rate column recomputed from its numerator and denominator.</summary>
    private static decimal[] Rates(List<Col> cols, decimal[] sums, decimal[] denominators)
    {
        var values = new decimal[cols.Count];
        for (var i = 0; i < cols.Count; i++)
        {
            values[i] = Value(cols[i], sums[i], denominators[i]);
        }

        return values;
    }

    private static ReportTable Counts(int number, ReportContext context, IReadOnlyList<ReportHousehold> households, List<Col> cols, ReportRowKind? only = null)
    {
        var definition = ReportDefinitions.Get(number);
        ReportRowKind[] kinds = only is { } k ? [k] : definition.HasPersonsRow ? [ReportRowKind.Households, ReportRowKind.Persons] : [ReportRowKind.Households];
        var byUnit = households.GroupBy(h => h.UnitCode, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var rows = new List<ReportRow>();
        var inUnits = new List<ReportHousehold>();
        foreach (var unit in context.Units)
        {
            var members = byUnit.TryGetValue(unit.Code, out var list) ? list : [];
            inUnits.AddRange(members);
            rows.AddRange(kinds.Select(kind => new ReportRow(unit.Code, unit.Name, kind, false, Values(cols, members, kind))));
        }

        rows.AddRange(kinds.Select(kind => new ReportRow(context.UnitCode, "Tổng cộng", kind, true, Values(cols, inUnits, kind))));
        return new ReportTable(number, definition.Code, definition.TitleVi, context.UnitCode, context.UnitName, context.Year, context.StandardCode,
            [.. cols.Select(c => new ReportColumn(c.Key, c.HeaderVi, c.Denominator is not null))], rows);
    }

    private static decimal[] Values(List<Col> cols, List<ReportHousehold> households, ReportRowKind kind)
    {
        var values = new decimal[cols.Count];
        for (var i = 0; i < cols.Count; i++)
        {
            var col = cols[i];
            decimal sum = 0, denominator = 0;
            foreach (var h in households)
            {
                sum += col.Value(h, kind);
                if (col.Denominator is not null)
                {
                    denominator += col.Denominator(h, kind);
                }
            }

            values[i] = Value(col, sum, denominator);
        }

        return values;
    }

    private static ReportTable List(int number, ReportContext context, IReadOnlyList<ReportHousehold> households, HouseholdCategory list)
    {
        var definition = ReportDefinitions.Get(number);
        string[] supports = ["Y tế", "Giáo dục", "Sản xuất", "Tín dụng", "Nhà ở", "Khác"];
        var columns = new List<ReportColumn>
        {
            new("household_no", "STT hộ", IsText: true),
            new("household_code", "Mã hộ", IsText: true),
            new("member_no", "STT thành viên", IsText: true),
            new("name", "Họ và tên", IsText: true),
            new("born_male", "Năm sinh – Nam", IsText: true),
            new("born_female", "Năm sinh – Nữ", IsText: true),
            new("ethnicity", "Dân tộc", IsText: true),
            new("relation", "Quan hệ với chủ hộ", IsText: true),
            new("new", list == HouseholdCategory.Poor ? "Nghèo mới" : "Cận nghèo mới", IsText: true),
            new("relapsed", list == HouseholdCategory.Poor ? "Tái nghèo" : "Tái cận nghèo", IsText: true),
            new("old", list == HouseholdCategory.Poor ? "Nghèo cũ" : "Cận nghèo cũ", IsText: true),
            new("merit", "Người có công", IsText: true),
            new("local", "DTTS tại chỗ", IsText: true),
            new("no_labour", "Không có khả năng lao động", IsText: true),
            new("source", "Nguồn phân loại", IsText: true),
        };
        columns.AddRange(supports.Select((s, i) => new ReportColumn("need_" + i.ToString(CultureInfo.InvariantCulture), "Nhu cầu hỗ trợ: " + s, IsText: true)));

        var rows = new List<ReportRow>();
        var householdNo = 0;
        string[] blankNeeds = [.. supports.Select(_ => string.Empty)];
        var byUnit = households.Where(h => h.Category == list).GroupBy(h => h.UnitCode, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(h => h.HouseholdCode, StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
        foreach (var unit in context.Units)
        {
            if (!byUnit.TryGetValue(unit.Code, out var onList))
            {
                continue;
            }

            foreach (var h in onList)
            {
                householdNo++;
                var movement = h.MovementOn(list);
                var flags = new[]
                {
                    movement is Movement.IncreaseNew or Movement.IncreaseFromOtherList or Movement.IncreaseOther ? "x" : string.Empty,
                    movement == Movement.IncreaseRelapsed ? "x" : string.Empty,
                    movement == Movement.Stayed ? "x" : string.Empty,
                    Mark(h.Groups, SpecialGroups.RevolutionaryMerit),
                    Mark(h.Groups, SpecialGroups.LocalIndigenousMinority),
                    Mark(h.Groups, SpecialGroups.NoLabourCapacity),
                    SourceVi(h.Source),
                };
                var needs = context.Needs.Count == supports.Length
                    ? context.Needs.Select(n => (h.Needs & n.Bit) != 0 ? "x" : string.Empty).ToArray()
                    : blankNeeds;
                var members = h.Members.Count > 0 ? h.Members : [new ReportMember(1, string.Empty, 0, Sex.Male, string.Empty, "Chủ hộ")];
                var firstOrder = int.MaxValue;
                foreach (var m in members)
                {
                    firstOrder = Math.Min(firstOrder, m.Order);
                }

                foreach (var m in members.Count > 1 ? members.OrderBy(m => m.Order) : (IEnumerable<ReportMember>)members)
                {
                    var first = m.Order == firstOrder;
                    var born = m.BirthYear > 0 ? Number(m.BirthYear) : string.Empty;
                    var texts = new string[8 + flags.Length + needs.Length];
                    texts[0] = first ? householdNo.ToString(CultureInfo.InvariantCulture) : string.Empty;
                    texts[1] = first ? h.HouseholdCode : string.Empty;
                    texts[2] = Number(m.Order);
                    texts[3] = m.FullName;
                    texts[4] = m.Sex == Sex.Male ? born : string.Empty;
                    texts[5] = m.Sex == Sex.Female ? born : string.Empty;
                    texts[6] = m.EthnicityName;
                    texts[7] = m.RelationVi;
                    for (var i = 0; i < flags.Length; i++)
                    {
                        texts[8 + i] = first ? flags[i] : string.Empty;
                    }

                    for (var i = 0; i < needs.Length; i++)
                    {
                        texts[8 + flags.Length + i] = first ? needs[i] : string.Empty;
                    }

                    rows.Add(new ReportRow(unit.Code, unit.Name, ReportRowKind.Line, false, []) { Texts = texts });
                }
            }
        }

        return new ReportTable(number, definition.Code, definition.TitleVi, context.UnitCode, context.UnitName, context.Year, context.StandardCode, columns, rows);
    }

    private static string Mark(SpecialGroups groups, SpecialGroups flag) => (groups & flag) != 0 ? "x" : string.Empty;

    /// <summary>Where a listed household's category comes from, as the detailed lists print it.</summary>
    public static string SourceVi(Statuses.StatusSource source) => source switch
    {
        Statuses.StatusSource.Recognised => "Đã công nhận",
        Statuses.StatusSource.Computed => "Chưa công nhận",
        Statuses.StatusSource.CarriedOver => "Giữ nguyên từ năm trước",
        _ => "Chưa rà soát",
    };

    /// <summary>Member numbers and birth years recur on every page of a list: one string per value.</summary>
    private static readonly string[] SmallNumbers = [.. Enumerable.Range(0, 2200).Select(n => n.ToString(CultureInfo.InvariantCulture))];

    private static string Number(int value) =>
        (uint)value < (uint)SmallNumbers.Length ? SmallNumbers[value] : value.ToString(CultureInfo.InvariantCulture);
}
