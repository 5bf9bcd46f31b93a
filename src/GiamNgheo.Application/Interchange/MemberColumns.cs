namespace GiamNgheo.Application.Interchange;

/// <summary>
/// Columns of the members table (sheet "Thành viên", file <c>members.csv</c>), in their fixed order.
/// The codes are a public contract: see docs/formats/households.md.
/// </summary>
public static class MemberColumns
{
    public const string HouseholdCode = "household_code";
    public const string FullName = "full_name";
    public const string Sex = "sex";
    public const string DateOfBirth = "date_of_birth";
    public const string EthnicityCode = "ethnicity_code";
    public const string RelationToHead = "relation_to_head";
    public const string PersonalId = "personal_id";
    public const string HealthInsurance = "health_insurance";
    public const string Education = "education";
    public const string InSchool = "in_school";
    public const string Disability = "disability";
    public const string Employment = "employment";

    /// <summary>Format of <see cref="DateOfBirth"/>.</summary>
    public const string DateFormat = "yyyy-MM-dd";

    public static IReadOnlyList<InterchangeColumn> All { get; } =
    [
        new(HouseholdCode, "Mã hộ"),
        new(FullName, "Họ và tên"),
        new(Sex, "Giới tính"),
        new(DateOfBirth, "Ngày sinh"),
        new(EthnicityCode, "Mã dân tộc"),
        new(RelationToHead, "Quan hệ với chủ hộ"),
        new(PersonalId, "Số định danh cá nhân"),
        new(HealthInsurance, "Có thẻ bảo hiểm y tế"),
        new(Education, "Trình độ học vấn"),
        new(InSchool, "Đang đi học"),
        new(Disability, "Mức độ khuyết tật"),
        new(Employment, "Tình trạng việc làm"),
    ];

    public static IReadOnlyList<string> Header(InterchangeHeader header) => header switch
    {
        InterchangeHeader.Codes => [.. All.Select(c => c.Code)],
        InterchangeHeader.Vietnamese => [.. All.Select(c => c.HeaderVi)],
    };
}
