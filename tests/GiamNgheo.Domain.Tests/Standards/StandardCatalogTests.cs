using GiamNgheo.Domain.Standards;

namespace GiamNgheo.Domain.Tests.Standards;

public class StandardCatalogTests
{
    [Fact]
    public void All_ShipsThreeStandards_OldestFirst() =>
        Assert.Equal(["QD59_2015", "ND07_2021", "ND351_2025"], StandardCatalog.All.Select(s => s.Code));

    [Theory]
    [InlineData("QD59_2015", new[] { "adult_education_2016", "child_schooling_2016", "health_access", "health_insurance", "housing_quality", "housing_area", "water", "sanitation", "telecom_2016", "information_assets" })]
    [InlineData("ND07_2021", new[] { "employment", "dependants", "nutrition", "health_insurance", "adult_education", "child_schooling", "housing_quality", "housing_area", "water", "sanitation", "telecom", "information_devices" })]
    public void Get_IndicatorCodes_AreThePublicContract(string code, string[] indicators) =>
        Assert.Equal(indicators.Order(), StandardCatalog.Get(code).Indicators.Select(i => i.Code).Order());

    [Theory]
    [InlineData("QD59_2015", "2016-01-01", "2021-12-31")]
    [InlineData("ND07_2021", "2022-01-01", "2026-12-31")]
    [InlineData("ND351_2025", "2027-01-01", "2030-12-31")]
    public void Get_ValidityPeriod_IsTheYearsOfApplication(string code, string from, string to)
    {
        var standard = StandardCatalog.Get(code);
        Assert.Equal(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), standard.ValidFrom);
        Assert.Equal(DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture), standard.ValidTo);
    }

    [Theory]
    [InlineData("2016-06-30", "QD59_2015")]
    [InlineData("2021-12-31", "QD59_2015")]
    [InlineData("2022-01-01", "ND07_2021")]
    [InlineData("2026-12-31", "ND07_2021")]
    [InlineData("2027-01-01", "ND351_2025")]
    public void ApplyingOn_Date_FindsOneStandard(string date, string code) =>
        Assert.Equal(code, Assert.Single(StandardCatalog.ApplyingOn(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture))).Code);

    /// <summary>docs/domain.md §1.1 (QĐ 59/2015 Art. 1), §2.1 (NĐ 07/2021 Art. 3.1), §3.2 (NĐ 351/2025).</summary>
    [Theory]
    [InlineData("QD59_2015", 700_000, 1_000_000, 1_500_000, 900_000, 1_300_000, 1_950_000)]
    [InlineData("ND07_2021", 1_500_000, null, 2_250_000, 2_000_000, null, 3_000_000)]
    [InlineData("ND351_2025", 2_200_000, null, null, 2_800_000, null, null)]
    public void Get_IncomeLines_AreTheDomainValues(string code, int ruralP, int? ruralN, int? ruralM, int urbanP, int? urbanN, int? urbanM)
    {
        var s = StandardCatalog.Get(code);
        Assert.Equal((long)ruralP, s.Rural.PovertyLine.Value);
        Assert.Equal((long?)ruralN, s.Rural.NearPovertyLine?.Value);
        Assert.Equal((long?)ruralM, s.Rural.MediumUpperBound?.Value);
        Assert.Equal((long)urbanP, s.Urban.PovertyLine.Value);
        Assert.Equal((long?)urbanN, s.Urban.NearPovertyLine?.Value);
        Assert.Equal((long?)urbanM, s.Urban.MediumUpperBound?.Value);
        Assert.Equal(3, s.DeprivationThreshold.Value);
    }

    [Fact]
    public void Get_Marks_FollowTheDomainFile()
    {
        var qd59 = StandardCatalog.Get("QD59_2015");
        Assert.Equal(VerificationMark.Verified, qd59.Rural.PovertyLine.Mark);
        Assert.Equal(VerificationMark.Unverified, qd59.Rural.MediumUpperBound!.Mark);
        Assert.All(qd59.Indicators, i => Assert.Equal(VerificationMark.Unverified, i.Mark));
        var nd07 = StandardCatalog.Get("ND07_2021");
        Assert.Equal(VerificationMark.Verified, nd07.Urban.PovertyLine.Mark);
        Assert.Equal(VerificationMark.SecondarySource, nd07.Urban.MediumUpperBound!.Mark);
        var nd351 = StandardCatalog.Get("ND351_2025");
        Assert.True(nd351.IsProvisional);
        Assert.All(nd351.Indicators, i => Assert.Contains(i.Mark, new[] { VerificationMark.SecondarySource, VerificationMark.Unverified }));
        Assert.Equal(VerificationMark.SecondarySource, nd351.Rural.PovertyLine.Mark);
        Assert.Contains("digital_services", nd351.Indicators.Select(i => i.Code));
        Assert.DoesNotContain("information_devices", nd351.Indicators.Select(i => i.Code));
    }

    [Fact]
    public void Get_UnknownCode_Throws() => Assert.Throws<KeyNotFoundException>(() => StandardCatalog.Get("QD09_1999"));
}
