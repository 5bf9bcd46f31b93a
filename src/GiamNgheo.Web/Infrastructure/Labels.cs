using System.Globalization;
using GiamNgheo.Domain.Households;

namespace GiamNgheo.Web.Infrastructure;

/// <summary>Vietnamese first, English second: every label is written in both, chosen by the request's UI culture.</summary>
public static class L
{
    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public static string T(string vi, string en) => IsEnglish ? en : vi;

    public static string Date(DateOnly? date) => date?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) ?? string.Empty;

    /// <summary>A moment stored in UTC, shown in Vietnam time (UTC+7), as offices read it.</summary>
    public static string Date(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).Add(GiamNgheo.Application.VietnamTime.Offset).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);

    public static string Date(DateTimeOffset at) => at.ToOffset(GiamNgheo.Application.VietnamTime.Offset).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);

    /// <summary>1.234.567 in Vietnamese, 1,234,567 in English.</summary>
    public static string Number(long value) => value.ToString("N0", CultureInfo.CurrentCulture);

    public static string Of(Sex value) => value switch
    {
        Sex.Male => T("Nam", "Male"),
        Sex.Female => T("Nữ", "Female"),
    };

    public static string Of(RelationToHead value) => value switch
    {
        RelationToHead.Head => T("Chủ hộ", "Head"),
        RelationToHead.Spouse => T("Vợ/chồng", "Spouse"),
        RelationToHead.Child => T("Con", "Child"),
        RelationToHead.Parent => T("Bố/mẹ", "Parent"),
        RelationToHead.Grandchild => T("Cháu", "Grandchild"),
        RelationToHead.Sibling => T("Anh/chị/em", "Sibling"),
        RelationToHead.Other => T("Khác", "Other"),
    };

    public static string Of(EducationLevel value) => value switch
    {
        EducationLevel.None => T("Chưa tốt nghiệp tiểu học", "No completed level"),
        EducationLevel.Primary => T("Tiểu học", "Primary"),
        EducationLevel.LowerSecondary => T("Trung học cơ sở", "Lower secondary"),
        EducationLevel.UpperSecondary => T("Trung học phổ thông", "Upper secondary"),
        EducationLevel.Vocational => T("Sơ cấp/trung cấp/cao đẳng nghề", "Vocational"),
        EducationLevel.Higher => T("Đại học trở lên", "Higher education"),
    };

    public static string Of(Schooling value) => value switch
    {
        Schooling.NotInSchool => T("Không đi học", "Not in school"),
        Schooling.InSchool => T("Đang đi học", "In school"),
    };

    public static string Of(Disability value) => value switch
    {
        Disability.None => T("Không", "None"),
        Disability.Mild => T("Khuyết tật nhẹ", "Mild"),
        Disability.Severe => T("Khuyết tật nặng", "Severe"),
        Disability.ExtremelySevere => T("Khuyết tật đặc biệt nặng", "Extremely severe"),
    };

    public static string Of(Employment value) => value switch
    {
        Employment.NotInLabourForce => T("Ngoài lực lượng lao động", "Not in labour force"),
        Employment.WageWithContract => T("Làm công có hợp đồng", "Wage job with contract"),
        Employment.WageWithoutContract => T("Làm công không hợp đồng", "Wage job without contract"),
        Employment.SelfEmployed => T("Tự làm", "Self-employed"),
        Employment.Unemployed => T("Thất nghiệp", "Unemployed"),
        Employment.UnableToWork => T("Không có khả năng lao động", "Unable to work"),
    };

    public static string Of(GiamNgheo.Domain.Classification.HouseholdCategory value) => value switch
    {
        GiamNgheo.Domain.Classification.HouseholdCategory.Poor => T("Hộ nghèo", "Poor"),
        GiamNgheo.Domain.Classification.HouseholdCategory.NearPoor => T("Hộ cận nghèo", "Near-poor"),
        GiamNgheo.Domain.Classification.HouseholdCategory.Medium => T("Hộ có mức sống trung bình", "Medium living standard"),
        GiamNgheo.Domain.Classification.HouseholdCategory.NotPoor => T("Hộ không nghèo", "Not poor"),
    };

    /// <summary>The verification mark of a legal value, as in docs/domain.md.</summary>
    public static string Of(GiamNgheo.Domain.Standards.VerificationMark mark) => mark switch
    {
        GiamNgheo.Domain.Standards.VerificationMark.Verified => "[V]",
        GiamNgheo.Domain.Standards.VerificationMark.SecondarySource => "[V3]",
        GiamNgheo.Domain.Standards.VerificationMark.Unverified => "[M]",
        GiamNgheo.Domain.Standards.VerificationMark.Derived => "[D]",
        GiamNgheo.Domain.Standards.VerificationMark.Expert => "[K]",
    };

    private static readonly Lazy<Dictionary<string, (string Vi, string En)>> IndicatorNames = new(() =>
        GiamNgheo.Domain.Standards.StandardCatalog.All.SelectMany(s => s.Indicators)
            .GroupBy(i => i.Code, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (g.First().NameVi, g.First().NameEn), StringComparer.Ordinal));

    /// <summary>The name of a deprivation indicator by its code (as in the shipped standards), or the code itself.</summary>
    public static string Indicator(string code) =>
        IndicatorNames.Value.TryGetValue(code, out var name) ? T(name.Vi, name.En) : code;

    public static IEnumerable<string> Of(SpecialGroups groups)
    {
        if (groups.HasFlag(SpecialGroups.EthnicMinority))
        {
            yield return T("Dân tộc thiểu số", "Ethnic minority");
        }

        if (groups.HasFlag(SpecialGroups.LocalIndigenousMinority))
        {
            yield return T("Dân tộc tại chỗ", "Local indigenous minority");
        }

        if (groups.HasFlag(SpecialGroups.NoLabourCapacity))
        {
            yield return T("Không có khả năng lao động", "No labour capacity");
        }

        if (groups.HasFlag(SpecialGroups.RevolutionaryMerit))
        {
            yield return T("Người có công với cách mạng", "Revolutionary merit");
        }

        if (groups.HasFlag(SpecialGroups.SocialProtection))
        {
            yield return T("Đối tượng bảo trợ xã hội", "Social-protection beneficiary");
        }

        if (groups.HasFlag(SpecialGroups.FemaleHead))
        {
            yield return T("Chủ hộ là nữ", "Female head");
        }
    }
}
