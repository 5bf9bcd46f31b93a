namespace GiamNgheo.Domain.Reports;

/// <summary>What a form lists: a count table, a movement table (balances) or a detailed list.</summary>
public enum ReportShape
{
    Counts = 0,
    Movement = 1,
    List = 2,
}

/// <summary>One of the 15 official report forms (docs/domain.md §7.1), as data.</summary>
public sealed record ReportDefinition(int Number, string Code, string TitleVi, string TitleEn, ReportShape Shape, bool HasPersonsRow);

/// <summary>A reporting deadline (docs/domain.md §4.9), as data: the period kind, and the day/month it is due.</summary>
public sealed record ReportPeriodDefinition(string Kind, string NameVi, int DueMonth, int DueDay, bool DueNextYear, string Source);

/// <summary>The 15 forms and the reporting periods. Titles follow the national software's exports [V3].</summary>
public static class ReportDefinitions
{
    public static IReadOnlyList<ReportDefinition> All { get; } =
    [
        new(1, "R01", "Tổng hợp kết quả chính thức rà soát hộ nghèo, hộ cận nghèo, hộ có mức sống trung bình", "Official review results: poor, near-poor and medium-living households", ReportShape.Counts, true),
        new(2, "R02", "Tổng hợp diễn biến hộ nghèo", "Movements of poor households", ReportShape.Movement, true),
        new(3, "R03", "Tổng hợp diễn biến hộ cận nghèo", "Movements of near-poor households", ReportShape.Movement, true),
        new(4, "R04", "Phân tích các chỉ số thiếu hụt dịch vụ xã hội cơ bản của hộ nghèo", "Deprivations of poor households (counts)", ReportShape.Counts, false),
        new(5, "R05", "Phân tích tỷ lệ các chỉ số thiếu hụt dịch vụ xã hội cơ bản của hộ nghèo", "Deprivations of poor households (rates)", ReportShape.Counts, false),
        new(6, "R06", "Phân tích các chỉ số thiếu hụt dịch vụ xã hội cơ bản của hộ cận nghèo", "Deprivations of near-poor households (counts)", ReportShape.Counts, false),
        new(7, "R07", "Phân tích tỷ lệ các chỉ số thiếu hụt dịch vụ xã hội cơ bản của hộ cận nghèo", "Deprivations of near-poor households (rates)", ReportShape.Counts, false),
        new(8, "R08", "Phân tích hộ nghèo, hộ cận nghèo theo các nhóm đối tượng", "Poor and near-poor households by target group", ReportShape.Counts, true),
        new(9, "R09", "Phân tích hộ nghèo, hộ cận nghèo theo dân tộc", "Poor and near-poor households by ethnicity", ReportShape.Counts, true),
        new(10, "R10", "Phân nhóm hộ nghèo, hộ cận nghèo theo các nguyên nhân nghèo", "Poor and near-poor households by cause of poverty", ReportShape.Counts, false),
        new(11, "R11", "Tổng hợp chỉ tiêu thiếu hụt của trẻ em thuộc hộ nghèo, hộ cận nghèo", "Deprivations of children in poor and near-poor households", ReportShape.Counts, false),
        new(12, "R12", "Tổng hợp kết quả rà soát hộ nghèo theo chuẩn nghèo đa chiều", "Review results: poor households", ReportShape.Counts, true),
        new(13, "R13", "Tổng hợp kết quả rà soát hộ cận nghèo theo chuẩn nghèo đa chiều", "Review results: near-poor households", ReportShape.Counts, true),
        new(14, "R14", "Danh sách chi tiết hộ cận nghèo", "Detailed list of near-poor households", ReportShape.List, false),
        new(15, "R15", "Danh sách chi tiết hộ nghèo", "Detailed list of poor households", ReportShape.List, false),
    ];

    /// <summary>Deadlines of QĐ 24/2021 Art. 7 [V3]; the lead may move them to the database when the law changes.</summary>
    public static IReadOnlyList<ReportPeriodDefinition> Periods { get; } =
    [
        new("periodic-preliminary", "Kết quả sơ bộ rà soát định kỳ", 11, 15, false, "QĐ 24/2021/QĐ-TTg Điều 7 [V3]"),
        new("periodic-official", "Kết quả chính thức rà soát định kỳ", 12, 20, false, "QĐ 24/2021/QĐ-TTg Điều 7 [V3]"),
        new("monthly", "Kết quả rà soát thường xuyên hằng tháng (tháng 2–9)", 0, 5, false, "QĐ 24/2021/QĐ-TTg Điều 7 [V3]"),
    ];

    public static ReportDefinition Get(int number) =>
        number is >= 1 and <= 15 ? All[number - 1] : throw new ArgumentOutOfRangeException(nameof(number), number, "1–15");

    /// <summary>The due date of a period kind for a review year (monthly: <paramref name="month"/> of the next month).</summary>
    public static DateOnly DueDate(string kind, int year, int month = 0)
    {
        var period = Periods.FirstOrDefault(p => p.Kind == kind) ?? throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown period");
        if (period.DueMonth == 0)
        {
            var next = new DateOnly(year, Math.Clamp(month, 1, 12), 1).AddMonths(1);
            return new DateOnly(next.Year, next.Month, period.DueDay);
        }

        return new DateOnly(period.DueNextYear ? year + 1 : year, period.DueMonth, period.DueDay);
    }
}
