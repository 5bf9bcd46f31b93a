using GiamNgheo.Domain.Classification;

namespace GiamNgheo.Domain.Reports;

/// <summary>
/// How far the incomplete households can move a count (docs/standards.md, completeness rule): the optimistic figure
/// counts every unanswered indicator as not deprived (what the stored category does), the pessimistic one as deprived.
/// </summary>
/// <param name="Incomplete">Households with an unanswered indicator of the standard.</param>
/// <param name="PoorOptimistic">Poor households counting the unanswered indicators as not deprived.</param>
/// <param name="PoorPessimistic">Poor households counting them as deprived.</param>
/// <param name="NearPoorOptimistic">Near-poor households, optimistic.</param>
/// <param name="NearPoorPessimistic">Near-poor households, pessimistic.</param>
public sealed record CompletenessRange(long Incomplete, long PoorOptimistic, long PoorPessimistic, long NearPoorOptimistic, long NearPoorPessimistic)
{
    /// <summary>
    /// From the optimistic counts and the kind <see cref="ReportAggregateKind.Incomplete"/> rows (their Key.Category and
    /// Key.PessimisticCategory): each incomplete household leaves its category for its pessimistic one.
    /// </summary>
    public static CompletenessRange From(long poor, long nearPoor, IEnumerable<(HouseholdCategory Category, HouseholdCategory Pessimistic, long Households)> incomplete)
    {
        ArgumentNullException.ThrowIfNull(incomplete);
        long count = 0, poorPessimistic = poor, nearPessimistic = nearPoor;
        foreach (var (category, pessimistic, households) in incomplete)
        {
            count += households;
            if (category == pessimistic)
            {
                continue;
            }

            poorPessimistic += (pessimistic == HouseholdCategory.Poor ? households : 0) - (category == HouseholdCategory.Poor ? households : 0);
            nearPessimistic += (pessimistic == HouseholdCategory.NearPoor ? households : 0) - (category == HouseholdCategory.NearPoor ? households : 0);
        }

        return new CompletenessRange(count, poor, poorPessimistic, nearPoor, nearPessimistic);
    }

    /// <summary>A rate in percent rounded to two decimals, or null for an empty denominator.</summary>
    public static decimal? Rate(long count, long total) =>
        total == 0 ? null : Math.Round(count * 100m / total, 2, MidpointRounding.AwayFromZero);

    /// <summary>A percentage with a decimal comma, e.g. 1,25%.</summary>
    public static string FormatPercent(decimal value) =>
        value.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture).Replace('.', ',') + "%";

    /// <summary>
    /// The Vietnamese sentence every QĐ 59 figure carries, e.g. "12 hộ chưa đủ thông tin theo QD59_2015; tỷ lệ hộ nghèo
    /// 0,85% nếu coi các chỉ số còn thiếu là không thiếu hụt, trong khoảng [0,85% – 1,20%]". Null when nothing is missing.
    /// </summary>
    public string? SentenceVi(string standardCode, long total)
    {
        if (Incomplete == 0)
        {
            return null;
        }

        var low = Rate(PoorOptimistic, total);
        var high = Rate(PoorPessimistic, total);
        static string Pct(decimal? r) => r is { } v ? FormatPercent(v) : "—";
        return $"{Common.VietnameseNumber.Format(Incomplete)} hộ chưa đủ thông tin theo {standardCode} (thiếu câu trả lời cho chỉ số của chuẩn này); "
            + $"tỷ lệ hộ nghèo {Pct(low)} nếu coi các chỉ số còn thiếu là không thiếu hụt, trong khoảng [{Pct(low)} – {Pct(high)}] nếu coi chúng là thiếu hụt.";
    }
}
