using GiamNgheo.Application.Households;
using GiamNgheo.Domain.Households;

namespace GiamNgheo.Application.Tests.Infrastructure;

/// <summary>Synthetic households for tests. Communes of Điện Biên (11): 03158 Xã Sín Thầu, 03160 Xã Mường Nhé.</summary>
public static class Samples
{
    public const string CommuneA = "03158";
    public const string CommuneB = "03160";

    public static HouseholdInput Household(string commune = CommuneA, string head = "Nguyễn Văn An", string? code = null, params MemberInput[] members) => new()
    {
        CommuneCode = commune,
        Code = code,
        HeadName = head,
        Address = "Bản Na Hu",
        Members = members,
    };

    public static MemberInput Head(string name = "Nguyễn Văn An", string? personalId = "011085001234", string ethnicity = "03") => new()
    {
        FullName = name,
        Sex = Sex.Male,
        DateOfBirth = new DateOnly(1985, 3, 14),
        EthnicityCode = ethnicity,
        RelationToHead = RelationToHead.Head,
        PersonalId = personalId,
        HasHealthInsurance = true,
        Education = EducationLevel.LowerSecondary,
        Employment = Employment.SelfEmployed,
    };

    public static MemberInput Child(string name = "Nguyễn Thị Bình", string? personalId = null) => new()
    {
        FullName = name,
        Sex = Sex.Female,
        DateOfBirth = new DateOnly(2015, 9, 1),
        EthnicityCode = "03",
        RelationToHead = RelationToHead.Child,
        PersonalId = personalId,
        Schooling = Schooling.InSchool,
        Education = EducationLevel.Primary,
    };
}
