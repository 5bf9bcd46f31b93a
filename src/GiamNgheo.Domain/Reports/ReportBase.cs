using System.Globalization;
using GiamNgheo.Domain.Common;
using GiamNgheo.Domain.Statuses;

namespace GiamNgheo.Domain.Reports;

/// <summary>
/// The denominator every figure of a review year states (domain reference §12.1): the households resident on the
/// reporting date, and how many of them have a status recognised by a decision, computed from a survey not yet
/// recognised, carried over from an earlier year, or never surveyed (counted as not poor).
/// </summary>
public sealed record ReportBase(DateOnly Date, long Households, long Recognised, long Computed, long CarriedOver, long NotSurveyed)
{
    /// <summary>"Tính đến ngày 31/12/2025. Tổng số hộ dân cư: 10 (đã công nhận: 0; chưa công nhận: 2; giữ nguyên kết quả năm trước: 3; chưa rà soát: 5)."</summary>
    public string ToVietnamese() => string.Create(CultureInfo.InvariantCulture,
        $"Tính đến ngày {Date:dd/MM/yyyy}. Tổng số hộ dân cư: {VietnameseNumber.Format(Households)} (đã công nhận: {VietnameseNumber.Format(Recognised)}; chưa công nhận: {VietnameseNumber.Format(Computed)}; giữ nguyên kết quả năm trước: {VietnameseNumber.Format(CarriedOver)}; chưa rà soát: {VietnameseNumber.Format(NotSurveyed)}).");

    /// <summary>From the households' rows (those resident on the date: <see cref="ReportHousehold.Category"/> set).</summary>
    public static ReportBase From(DateOnly date, IEnumerable<ReportHousehold> households)
    {
        ArgumentNullException.ThrowIfNull(households);
        return From(date, households.Where(h => h.Category is not null).Select(h => (h.Source, 1L)));
    }

    /// <summary>From the aggregate rows of kind Households.</summary>
    public static ReportBase From(DateOnly date, IEnumerable<ReportAggregate> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return From(date, rows.Where(r => r.Kind == ReportAggregateKind.Households && r.Key.Category is not null).Select(r => (r.Key.Source, r.Households)));
    }

    public static ReportBase From(DateOnly date, IEnumerable<(StatusSource Source, long Households)> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        long recognised = 0, computed = 0, carried = 0, notSurveyed = 0;
        foreach (var (source, n) in counts)
        {
            switch (source)
            {
                case StatusSource.Recognised: recognised += n; break;
                case StatusSource.Computed: computed += n; break;
                case StatusSource.CarriedOver: carried += n; break;
                case StatusSource.NotSurveyed: notSurveyed += n; break;
            }
        }

        return new ReportBase(date, recognised + computed + carried + notSurveyed, recognised, computed, carried, notSurveyed);
    }
}
