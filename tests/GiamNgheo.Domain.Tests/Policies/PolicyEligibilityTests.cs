using System.Globalization;
using GiamNgheo.Domain.Classification;
using GiamNgheo.Domain.Common;
using GiamNgheo.Domain.Households;
using GiamNgheo.Domain.Policies;

namespace GiamNgheo.Domain.Tests.Policies;

/// <summary>
/// Eligibility tables for every shipped policy (docs/domain.md §6). Each row: policy, category under ND07_2021
/// ("-" = not classified), flags, area, years since escaping poverty (-1 = never), poor commune, deprived indicators,
/// expected, and the legal basis it encodes.
/// </summary>
public class PolicyEligibilityTests
{
    private static readonly DateOnly Today = new(2026, 11, 20);

    [Theory]
    // HI_POOR — Luật BHYT; NĐ 188/2025/NĐ-CP: members of poor households, premium 100% [M].
    [InlineData("HI_POOR", "poor", "None", "rural", -1, false, "", true, "NĐ 188/2025: hộ nghèo")]
    [InlineData("HI_POOR", "poor", "EthnicMinority", "urban", -1, false, "", true, "NĐ 188/2025: hộ nghèo (mọi khu vực)")]
    [InlineData("HI_POOR", "near_poor", "None", "rural", -1, false, "", false, "NĐ 188/2025: cận nghèo có chính sách riêng")]
    [InlineData("HI_POOR", "medium", "None", "rural", -1, false, "", false, "")]
    [InlineData("HI_POOR", "not_poor", "NoLabourCapacity", "rural", -1, false, "", false, "")]
    [InlineData("HI_POOR", "-", "None", "rural", -1, false, "", false, "chưa phân loại")]
    // HI_NEAR_POOR — NĐ 188/2025/NĐ-CP: near-poor members, ≥ 70% [V3].
    [InlineData("HI_NEAR_POOR", "near_poor", "None", "rural", -1, false, "", true, "NĐ 188/2025: hộ cận nghèo")]
    [InlineData("HI_NEAR_POOR", "poor", "None", "rural", -1, false, "", false, "")]
    [InlineData("HI_NEAR_POOR", "medium", "None", "urban", -1, false, "", false, "")]
    // HI_ESCAPED — local resolution (Huế: +50% for 36 months) [V3].
    [InlineData("HI_ESCAPED", "medium", "None", "rural", 1, false, "", true, "thoát nghèo 1 năm")]
    [InlineData("HI_ESCAPED", "not_poor", "None", "rural", 3, false, "", true, "đúng 36 tháng")]
    [InlineData("HI_ESCAPED", "not_poor", "None", "rural", 4, false, "", false, "quá 36 tháng")]
    [InlineData("HI_ESCAPED", "poor", "None", "rural", -1, false, "", false, "chưa thoát nghèo")]
    // HI_MEDIUM_AGRI — NĐ 188/2025: medium-living farm households (≥ 30% [M]).
    [InlineData("HI_MEDIUM_AGRI", "medium", "None", "rural", -1, false, "", true, "NĐ 188/2025: mức sống trung bình")]
    [InlineData("HI_MEDIUM_AGRI", "near_poor", "None", "rural", -1, false, "", false, "")]
    // TUITION_EM_HIGHER — NQ 217/2025/QH15; NĐ 238/2025: ethnic-minority students of poor/near-poor households.
    [InlineData("TUITION_EM_HIGHER", "poor", "EthnicMinority", "rural", -1, false, "", true, "NĐ 238/2025: DTTS hộ nghèo")]
    [InlineData("TUITION_EM_HIGHER", "near_poor", "EthnicMinority,FemaleHead", "urban", -1, false, "", true, "NĐ 238/2025: DTTS hộ cận nghèo")]
    [InlineData("TUITION_EM_HIGHER", "poor", "None", "rural", -1, false, "", false, "không phải DTTS")]
    [InlineData("TUITION_EM_HIGHER", "medium", "EthnicMinority", "rural", -1, false, "", false, "")]
    // STUDY_COST — NĐ 238/2025: study-cost support, pupils of poor households [M].
    [InlineData("STUDY_COST", "poor", "None", "rural", -1, false, "", true, "NĐ 238/2025")]
    [InlineData("STUDY_COST", "near_poor", "None", "rural", -1, false, "", false, "")]
    // VBSP_STUDENT — VBSP student credit: poor, near-poor, medium.
    [InlineData("VBSP_STUDENT", "poor", "None", "rural", -1, false, "", true, "NHCSXH")]
    [InlineData("VBSP_STUDENT", "medium", "None", "urban", -1, false, "", true, "NHCSXH: mức sống trung bình")]
    [InlineData("VBSP_STUDENT", "not_poor", "None", "rural", -1, false, "", false, "")]
    // VBSP_POOR — NĐ 78/2002; 6.6% [V].
    [InlineData("VBSP_POOR", "poor", "None", "rural", -1, false, "", true, "NĐ 78/2002")]
    [InlineData("VBSP_POOR", "near_poor", "None", "rural", -1, false, "", false, "")]
    // VBSP_NEAR_POOR — 7.92% [V].
    [InlineData("VBSP_NEAR_POOR", "near_poor", "None", "rural", -1, false, "", true, "NHCSXH cận nghèo")]
    [InlineData("VBSP_NEAR_POOR", "poor", "None", "rural", -1, false, "", false, "")]
    // VBSP_ESCAPED — out of poverty ≤ 3 years [V3].
    [InlineData("VBSP_ESCAPED", "medium", "None", "rural", 2, false, "", true, "NHCSXH: mới thoát nghèo")]
    [InlineData("VBSP_ESCAPED", "not_poor", "None", "rural", 5, false, "", false, "quá 3 năm")]
    [InlineData("VBSP_ESCAPED", "medium", "None", "rural", -1, false, "", false, "chưa từng nghèo")]
    // VBSP_JOBS — every worker [V].
    [InlineData("VBSP_JOBS", "not_poor", "None", "urban", -1, false, "", true, "NHCSXH: giải quyết việc làm")]
    [InlineData("VBSP_JOBS", "-", "None", "urban", -1, false, "", false, "chưa phân loại")]
    // VBSP_OVERSEAS — QĐ 27/2019: poor, or ethnic-minority in poor districts.
    [InlineData("VBSP_OVERSEAS", "poor", "None", "rural", -1, false, "", true, "QĐ 27/2019: hộ nghèo")]
    [InlineData("VBSP_OVERSEAS", "not_poor", "EthnicMinority", "rural", -1, true, "", true, "QĐ 27/2019: DTTS huyện nghèo")]
    [InlineData("VBSP_OVERSEAS", "not_poor", "EthnicMinority", "rural", -1, false, "", false, "DTTS ngoài huyện nghèo")]
    [InlineData("VBSP_OVERSEAS", "near_poor", "None", "rural", -1, true, "", false, "")]
    // VBSP_WATER — rural households lacking standard works.
    [InlineData("VBSP_WATER", "not_poor", "None", "rural", -1, false, "water", true, "NHCSXH nước sạch: thiếu nước")]
    [InlineData("VBSP_WATER", "poor", "None", "rural", -1, false, "sanitation", true, "thiếu nhà tiêu")]
    [InlineData("VBSP_WATER", "poor", "None", "urban", -1, false, "water", false, "thành thị")]
    [InlineData("VBSP_WATER", "poor", "None", "rural", -1, false, "housing_quality", false, "không thiếu nước/nhà tiêu")]
    // HOUSING_NTP5 — TT 01/2022/TT-BXD: poor/near-poor in poor districts with a non-durable house (until 31/12/2025).
    [InlineData("HOUSING_NTP5", "poor", "None", "rural", -1, true, "housing_quality", false, "hết hiệu lực 31/12/2025")]
    // HOUSING_TEMPORARY — campaign 2024-2025 (expired in 2026).
    [InlineData("HOUSING_TEMPORARY", "poor", "None", "rural", -1, false, "housing_quality", false, "hết hiệu lực")]
    // VBSP_HOUSING — poor households, 3%.
    [InlineData("VBSP_HOUSING", "poor", "None", "rural", -1, false, "", true, "NHCSXH nhà ở")]
    [InlineData("VBSP_HOUSING", "near_poor", "None", "rural", -1, false, "", false, "")]
    // ELECTRICITY — QĐ 28/2014: poor households.
    [InlineData("ELECTRICITY", "poor", "None", "urban", -1, false, "", true, "QĐ 28/2014")]
    [InlineData("ELECTRICITY", "near_poor", "None", "urban", -1, false, "", false, "")]
    // VOCATIONAL — NTP Project 4: poor, near-poor, newly escaped.
    [InlineData("VOCATIONAL", "near_poor", "None", "rural", -1, false, "", true, "Dự án 4")]
    [InlineData("VOCATIONAL", "medium", "None", "rural", 1, false, "", true, "mới thoát nghèo")]
    [InlineData("VOCATIONAL", "not_poor", "None", "rural", -1, false, "", false, "")]
    // LEGAL_AID — Law on Legal Aid 2017: members of poor households.
    [InlineData("LEGAL_AID", "poor", "None", "rural", -1, false, "", true, "Luật TGPL 2017")]
    [InlineData("LEGAL_AID", "near_poor", "None", "rural", -1, false, "", false, "cận nghèo chỉ khi là bị can")]
    // INFORMATION — NTP Project 6: poor households deprived in information.
    [InlineData("INFORMATION", "poor", "None", "rural", -1, false, "information_devices", true, "Dự án 6")]
    [InlineData("INFORMATION", "poor", "None", "rural", -1, false, "", false, "không thiếu thông tin")]
    // SOCIAL_ALLOWANCE — NĐ 20/2021: poor without labour capacity; social-protection members.
    [InlineData("SOCIAL_ALLOWANCE", "poor", "NoLabourCapacity", "rural", -1, false, "", true, "NĐ 20/2021: KCKNLĐ")]
    [InlineData("SOCIAL_ALLOWANCE", "near_poor", "SocialProtection", "rural", -1, false, "", true, "NĐ 20/2021: BTXH")]
    [InlineData("SOCIAL_ALLOWANCE", "poor", "EthnicMinority", "rural", -1, false, "", false, "có lao động")]
    [InlineData("SOCIAL_ALLOWANCE", "near_poor", "NoLabourCapacity", "rural", -1, false, "", false, "")]
    public void Evaluate_Table_MatchesTheLegalBasis(string code, string category, string flags, string area, int escapedYearsAgo,
        bool poorCommune, string deprived, bool expected, string basis)
    {
        var facts = Facts(category, flags, area, escapedYearsAgo, poorCommune, deprived);
        var result = PolicyEligibility.Evaluate(PolicyCatalog.Get(code), facts, Today);
        Assert.True(expected == result.Eligible, $"{code} {category} {flags} ({basis}): {result.ReasonVi}");
        Assert.Equal(expected, PolicyEligibility.IsEligible(PolicyCatalog.Get(code), facts, Today));
        Assert.StartsWith(expected ? "Đủ điều kiện" : "Không đủ điều kiện", result.ReasonVi.Replace("Chính sách", "Không đủ điều kiện", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("HOUSING_NTP5", "poor", "None", true, "housing_quality", true, "TT 01/2022: hộ nghèo huyện nghèo, nhà không bền")]
    [InlineData("HOUSING_NTP5", "near_poor", "None", true, "housing_area", true, "TT 01/2022: diện tích < 8 m²/người")]
    [InlineData("HOUSING_NTP5", "poor", "None", false, "housing_quality", false, "ngoài huyện nghèo")]
    [InlineData("HOUSING_NTP5", "poor", "None", true, "", false, "nhà đạt chuẩn")]
    [InlineData("HOUSING_TEMPORARY", "near_poor", "None", false, "housing_quality", true, "phong trào xóa nhà tạm")]
    [InlineData("HOUSING_TEMPORARY", "not_poor", "RevolutionaryMerit", false, "housing_quality", true, "hộ người có công")]
    [InlineData("HOUSING_TEMPORARY", "not_poor", "None", false, "housing_quality", false, "")]
    [InlineData("HOUSING_TEMPORARY", "poor", "None", false, "", false, "nhà kiên cố")]
    public void Evaluate_HousingWhileInForce_MatchesTheLegalBasis(string code, string category, string flags, bool poorCommune,
        string deprived, bool expected, string basis)
    {
        var facts = Facts(category, flags, "rural", -1, poorCommune, deprived);
        var result = PolicyEligibility.Evaluate(PolicyCatalog.Get(code), facts, new DateOnly(2025, 6, 1));
        Assert.True(expected == result.Eligible, $"{code} {category} ({basis}): {result.ReasonVi}");
        Assert.Equal(expected, PolicyEligibility.IsEligible(PolicyCatalog.Get(code), facts, new DateOnly(2025, 6, 1)));
    }

    [Fact]
    public void Evaluate_PoorOnlyUnderQd59_IsNotEligibleUnderNd07Policies()
    {
        var facts = new PolicyFacts
        {
            Categories = new Dictionary<string, HouseholdCategory> { ["QD59_2015"] = HouseholdCategory.Poor, ["ND07_2021"] = HouseholdCategory.Medium },
        };
        var result = PolicyEligibility.Evaluate(PolicyCatalog.Get("HI_POOR"), facts, Today);
        Assert.False(result.Eligible);
        Assert.Contains("theo chuẩn nghèo tại Nghị định 07/2021/NĐ-CP", result.ReasonVi, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_Eligible_ReasonNamesTheCategoryAndStandard()
    {
        var result = PolicyEligibility.Evaluate(PolicyCatalog.Get("HI_POOR"), Facts("poor", "None", "rural", -1, false, ""), Today);
        Assert.Equal("Đủ điều kiện: hộ nghèo theo chuẩn nghèo tại Nghị định 07/2021/NĐ-CP.", result.ReasonVi);
    }

    [Fact]
    public void Evaluate_Expired_ReasonGivesTheValidity()
    {
        var result = PolicyEligibility.Evaluate(PolicyCatalog.Get("HOUSING_TEMPORARY"), Facts("poor", "None", "rural", -1, false, "housing_quality"), Today);
        Assert.Contains("31/12/2025", result.ReasonVi, StringComparison.Ordinal);
    }

    [Fact]
    public void Catalog_EveryPolicyOfSection6_IsShippedWithBasisAndAgency()
    {
        string[] expected = ["HI_POOR", "HI_NEAR_POOR", "HI_ESCAPED", "HI_MEDIUM_AGRI", "TUITION_EM_HIGHER", "STUDY_COST", "VBSP_STUDENT",
            "VBSP_POOR", "VBSP_NEAR_POOR", "VBSP_ESCAPED", "VBSP_JOBS", "VBSP_OVERSEAS", "VBSP_WATER", "HOUSING_NTP5", "HOUSING_TEMPORARY",
            "VBSP_HOUSING", "ELECTRICITY", "VOCATIONAL", "LEGAL_AID", "INFORMATION", "SOCIAL_ALLOWANCE"];
        Assert.Equal(expected.Order(), PolicyCatalog.All.Select(p => p.Code).Order());
        Assert.All(PolicyCatalog.All, p =>
        {
            Assert.False(string.IsNullOrWhiteSpace(p.LegalBasis.Value));
            Assert.False(string.IsNullOrWhiteSpace(p.AgencyVi));
            Assert.NotEmpty(p.Eligibility);
            Assert.True(p.Benefit.AmountDong is null || p.Benefit.AmountDong.Value >= 0);
        });
    }

    [Fact]
    public void Catalog_Amounts_KeepTheirMarks()
    {
        Assert.Equal(6.6m, PolicyCatalog.Get("VBSP_POOR").Benefit.RatePercent!.Value);
        Assert.Equal("V", GiamNgheo.Domain.Standards.VerificationMarkCodes.ToCode(PolicyCatalog.Get("VBSP_POOR").Benefit.RatePercent!.Mark));
        Assert.Equal(40_000_000, PolicyCatalog.Get("HOUSING_NTP5").Benefit.AmountDong!.Value);
        Assert.Equal("V3", GiamNgheo.Domain.Standards.VerificationMarkCodes.ToCode(PolicyCatalog.Get("HOUSING_NTP5").Benefit.AmountDong!.Mark));
        Assert.Equal("M", GiamNgheo.Domain.Standards.VerificationMarkCodes.ToCode(PolicyCatalog.Get("HI_POOR").Benefit.RatePercent!.Mark));
    }

    [Fact]
    public void Json_RoundTrips_EveryShippedPolicy() =>
        Assert.All(PolicyCatalog.All, p => Assert.Equal(PolicyJson.Serialize(p), PolicyJson.Serialize(PolicyJson.Deserialize(PolicyJson.Serialize(p)))));

    [Fact]
    public void Json_UnknownCategory_IsRefusedWithTheReason()
    {
        var json = PolicyJson.Serialize(PolicyCatalog.Get("HI_POOR")).Replace("\"poor\"", "\"rich\"", StringComparison.Ordinal);
        var ex = Assert.Throws<FormatException>(() => PolicyJson.Deserialize(json));
        Assert.Contains("rich", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Month", "2026-11-20", "2026-11-01", "2026-11-30")]
    [InlineData("Quarter", "2026-11-20", "2026-10-01", "2026-12-31")]
    [InlineData("Year", "2026-02-03", "2026-01-01", "2026-12-31")]
    public void Periods_StartAndEnd(string period, string date, string start, string end)
    {
        var p = Enum.Parse<BenefitPeriod>(period);
        var d = DateOnly.Parse(date, CultureInfo.InvariantCulture);
        Assert.Equal(DateOnly.Parse(start, CultureInfo.InvariantCulture), PolicyPeriods.Start(p, d));
        Assert.Equal(DateOnly.Parse(end, CultureInfo.InvariantCulture), PolicyPeriods.End(p, d));
    }

    private static PolicyFacts Facts(string category, string flags, string area, int escapedYearsAgo, bool poorCommune, string deprived)
    {
        var categories = new Dictionary<string, HouseholdCategory>(StringComparer.Ordinal);
        if (category != "-")
        {
            Assert.True(HouseholdCategoryCodes.TryParse(category, out var c));
            categories["ND07_2021"] = c;
        }

        Assert.True(AreaTypeCodes.TryParse(area, out var a));
        return new PolicyFacts
        {
            Categories = categories,
            Groups = Enum.Parse<SpecialGroups>(flags),
            Area = a,
            EscapedOn = escapedYearsAgo < 0 ? null : Today.AddYears(-escapedYearsAgo),
            InPoorCommune = poorCommune,
            Deprived = deprived.Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal),
        };
    }
}
