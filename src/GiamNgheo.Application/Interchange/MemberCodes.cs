using GiamNgheo.Domain.Households;

namespace GiamNgheo.Application.Interchange;

/// <summary>
/// Code ↔ enum mappings of the members table, in one place. Codes are the public contract; the Vietnamese labels
/// are what templates show in their validation lists. Parsing accepts the code or the label, with or without
/// diacritics, any case.
/// </summary>
public static class MemberCodes
{
    public static string ToCode(this Sex sex) => sex switch
    {
        Sex.Male => "male",
        Sex.Female => "female",
    };

    public static string ToVietnamese(this Sex sex) => sex switch
    {
        Sex.Male => "Nam",
        Sex.Female => "Nữ",
    };

    public static string ToCode(this RelationToHead relation) => relation switch
    {
        RelationToHead.Head => "head",
        RelationToHead.Spouse => "spouse",
        RelationToHead.Child => "child",
        RelationToHead.Parent => "parent",
        RelationToHead.Grandchild => "grandchild",
        RelationToHead.Sibling => "sibling",
        RelationToHead.Other => "other",
    };

    public static string ToVietnamese(this RelationToHead relation) => relation switch
    {
        RelationToHead.Head => "Chủ hộ",
        RelationToHead.Spouse => "Vợ/chồng",
        RelationToHead.Child => "Con",
        RelationToHead.Parent => "Bố/mẹ",
        RelationToHead.Grandchild => "Cháu",
        RelationToHead.Sibling => "Anh/chị/em",
        RelationToHead.Other => "Khác",
    };

    public static string ToCode(this EducationLevel level) => level switch
    {
        EducationLevel.None => "none",
        EducationLevel.Primary => "primary",
        EducationLevel.LowerSecondary => "lower_secondary",
        EducationLevel.UpperSecondary => "upper_secondary",
        EducationLevel.Vocational => "vocational",
        EducationLevel.Higher => "higher",
    };

    public static string ToVietnamese(this EducationLevel level) => level switch
    {
        EducationLevel.None => "Chưa tốt nghiệp tiểu học",
        EducationLevel.Primary => "Tiểu học",
        EducationLevel.LowerSecondary => "Trung học cơ sở",
        EducationLevel.UpperSecondary => "Trung học phổ thông",
        EducationLevel.Vocational => "Sơ cấp, trung cấp, cao đẳng nghề",
        EducationLevel.Higher => "Cao đẳng, đại học trở lên",
    };

    public static string ToCode(this Disability disability) => disability switch
    {
        Disability.None => "none",
        Disability.Mild => "mild",
        Disability.Severe => "severe",
        Disability.ExtremelySevere => "extremely_severe",
    };

    public static string ToVietnamese(this Disability disability) => disability switch
    {
        Disability.None => "Không khuyết tật",
        Disability.Mild => "Khuyết tật nhẹ",
        Disability.Severe => "Khuyết tật nặng",
        Disability.ExtremelySevere => "Khuyết tật đặc biệt nặng",
    };

    public static string ToCode(this Employment employment) => employment switch
    {
        Employment.NotInLabourForce => "not_in_labour_force",
        Employment.WageWithContract => "wage_with_contract",
        Employment.WageWithoutContract => "wage_without_contract",
        Employment.SelfEmployed => "self_employed",
        Employment.Unemployed => "unemployed",
        Employment.UnableToWork => "unable_to_work",
    };

    public static string ToVietnamese(this Employment employment) => employment switch
    {
        Employment.NotInLabourForce => "Không tham gia lực lượng lao động",
        Employment.WageWithContract => "Làm công ăn lương có hợp đồng lao động",
        Employment.WageWithoutContract => "Làm công ăn lương không có hợp đồng lao động",
        Employment.SelfEmployed => "Tự làm",
        Employment.Unemployed => "Thất nghiệp",
        Employment.UnableToWork => "Không có khả năng lao động",
    };

    /// <summary>The 0/1 code of <c>in_school</c>.</summary>
    public static string ToCode(this Schooling schooling) => schooling switch
    {
        Schooling.NotInSchool => "0",
        Schooling.InSchool => "1",
    };

    public static string ToVietnamese(this Schooling schooling) => schooling switch
    {
        Schooling.NotInSchool => "Không đi học",
        Schooling.InSchool => "Đang đi học",
    };

    public static bool TryParse(string? text, out Sex value) => TryParse(text, ToCode, ToVietnamese, out value);

    public static bool TryParse(string? text, out RelationToHead value) => TryParse(text, ToCode, ToVietnamese, out value);

    public static bool TryParse(string? text, out EducationLevel value) => TryParse(text, ToCode, ToVietnamese, out value);

    public static bool TryParse(string? text, out Disability value) => TryParse(text, ToCode, ToVietnamese, out value);

    public static bool TryParse(string? text, out Employment value) => TryParse(text, ToCode, ToVietnamese, out value);

    public static bool TryParse(string? text, out Schooling value) => TryParse(text, ToCode, ToVietnamese, out value);

    private static bool TryParse<T>(string? text, Func<T, string> code, Func<T, string> vietnamese, out T value)
        where T : struct, Enum
    {
        var item = text?.Trim() ?? "";
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (HouseholdCodes.Matches(item, code(candidate), vietnamese(candidate)))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }
}
