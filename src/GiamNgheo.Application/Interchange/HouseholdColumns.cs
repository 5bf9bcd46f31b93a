using GiamNgheo.Domain.Households;

namespace GiamNgheo.Application.Interchange;

/// <summary>
/// Columns of the households table (sheet "Hộ gia đình", file <c>households.csv</c>), in their fixed order.
/// The codes are a public contract: see docs/formats/households.md.
/// </summary>
public static class HouseholdColumns
{
    public const string HouseholdCode = "household_code";
    public const string CommuneCode = "commune_code";
    public const string Village = "village";
    public const string Address = "address";
    public const string HeadName = "head_name";
    public const string Area = "area";
    public const string ReviewYear = "review_year";
    public const string Income = "income";
    public const string B1Score = "b1_score";
    /// <summary>Optional: the B1 score table (TT17_2016 | TT07_2021); empty = the default of the review year.</summary>
    public const string B1ScoreTable = "b1_score_table";
    public const string Causes = "causes";
    public const string Needs = "needs";

    public const string EthnicMinority = "ethnic_minority";
    public const string LocalMinority = "local_minority";
    public const string NoLabourCapacity = "no_labour_capacity";
    public const string RevolutionaryMerit = "revolutionary_merit";
    public const string SocialProtection = "social_protection";
    public const string FemaleHead = "female_head";

    /// <summary>Separator of the codes inside <see cref="Causes"/> and <see cref="Needs"/>.</summary>
    public const char ListSeparator = ';';

    /// <summary>
    /// The indicator columns: the union of the indicator codes of the shipped standards, ND07_2021 first, then the
    /// QD59_2015 codes not already listed. A code shared by two standards is one column (the same deprivation).
    /// 1 = deprived, 0 = not deprived, empty = not answered.
    /// </summary>
    public static IReadOnlyList<InterchangeColumn> Indicators { get; } =
    [
        new("employment", "Thiếu hụt: Việc làm"),
        new("dependants", "Thiếu hụt: Người phụ thuộc trong hộ"),
        new("nutrition", "Thiếu hụt: Dinh dưỡng"),
        new("health_insurance", "Thiếu hụt: Bảo hiểm y tế"),
        new("adult_education", "Thiếu hụt: Trình độ giáo dục của người lớn"),
        new("child_schooling", "Thiếu hụt: Tình trạng đi học của trẻ em"),
        new("housing_quality", "Thiếu hụt: Chất lượng nhà ở"),
        new("housing_area", "Thiếu hụt: Diện tích nhà ở bình quân đầu người"),
        new("water", "Thiếu hụt: Nguồn nước sinh hoạt"),
        new("sanitation", "Thiếu hụt: Nhà tiêu hợp vệ sinh"),
        new("telecom", "Thiếu hụt: Sử dụng dịch vụ viễn thông"),
        new("information_devices", "Thiếu hụt: Phương tiện phục vụ tiếp cận thông tin"),
        new("adult_education_2016", "Thiếu hụt: Trình độ giáo dục của người lớn (2016–2020)"),
        new("child_schooling_2016", "Thiếu hụt: Tình trạng đi học của trẻ em (2016–2020)"),
        new("health_access", "Thiếu hụt: Tiếp cận các dịch vụ y tế (2016–2020)"),
        new("telecom_2016", "Thiếu hụt: Sử dụng dịch vụ viễn thông (2016–2020)"),
        new("information_assets", "Thiếu hụt: Tài sản phục vụ tiếp cận thông tin (2016–2020)"),
    ];

    /// <summary>Indicator codes of ND07_2021 (2022–2026), in the standard's order.</summary>
    public static IReadOnlyList<string> Nd07Indicators { get; } =
    [
        "employment", "dependants", "nutrition", "health_insurance", "adult_education", "child_schooling",
        "housing_quality", "housing_area", "water", "sanitation", "telecom", "information_devices",
    ];

    /// <summary>Indicator codes of QD59_2015 (2016–2021), in the standard's order.</summary>
    public static IReadOnlyList<string> Qd59Indicators { get; } =
    [
        "adult_education_2016", "child_schooling_2016", "health_access", "health_insurance", "housing_quality",
        "housing_area", "water", "sanitation", "telecom_2016", "information_assets",
    ];

    /// <summary>
    /// The QD59_2015 indicators that no NĐ 07 questionnaire asks (docs/domain.md §12.2): health-service access, phone and
    /// internet, information assets with the loudspeaker. Unanswered, they make a household incomplete under QĐ 59.
    /// </summary>
    public static IReadOnlyList<string> Qd59OnlyIndicators { get; } = ["health_access", "telecom_2016", "information_assets"];

    /// <summary>The §5.3 flag columns (0/1), in order, with the flag each one holds.</summary>
    public static IReadOnlyList<(InterchangeColumn Column, SpecialGroups Flag)> Flags { get; } =
    [
        (new(EthnicMinority, "Hộ dân tộc thiểu số"), SpecialGroups.EthnicMinority),
        (new(LocalMinority, "Hộ dân tộc tại chỗ"), SpecialGroups.LocalIndigenousMinority),
        (new(NoLabourCapacity, "Hộ không có khả năng lao động"), SpecialGroups.NoLabourCapacity),
        (new(RevolutionaryMerit, "Hộ có người có công với cách mạng"), SpecialGroups.RevolutionaryMerit),
        (new(SocialProtection, "Hộ có đối tượng bảo trợ xã hội"), SpecialGroups.SocialProtection),
        (new(FemaleHead, "Chủ hộ là nữ"), SpecialGroups.FemaleHead),
    ];

    /// <summary>Every column in file order.</summary>
    public static IReadOnlyList<InterchangeColumn> All { get; } =
    [
        new(HouseholdCode, "Mã hộ"),
        new(CommuneCode, "Mã xã"),
        new(Village, "Thôn"),
        new(Address, "Địa chỉ"),
        new(HeadName, "Họ tên chủ hộ"),
        new(Area, "Khu vực"),
        new(ReviewYear, "Năm rà soát"),
        new(Income, "Thu nhập bình quân (đồng/người/tháng)"),
        new(B1Score, "Điểm B1"),
        new(B1ScoreTable, "Bảng điểm B1"),
        .. Indicators,
        new(Causes, "Nguyên nhân nghèo"),
        new(Needs, "Nhu cầu hỗ trợ"),
        .. Flags.Select(f => f.Column),
    ];

    /// <summary>The header row for <paramref name="header"/>.</summary>
    public static IReadOnlyList<string> Header(InterchangeHeader header) => header switch
    {
        InterchangeHeader.Codes => [.. All.Select(c => c.Code)],
        InterchangeHeader.Vietnamese => [.. All.Select(c => c.HeaderVi)],
    };

    /// <summary>Position of an indicator code in <see cref="Indicators"/>, or -1.</summary>
    public static int IndicatorIndex(string code)
    {
        for (var i = 0; i < Indicators.Count; i++)
        {
            if (string.Equals(Indicators[i].Code, code, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
