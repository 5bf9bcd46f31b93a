using GiamNgheo.Domain.Standards;

namespace GiamNgheo.Domain.Tests.Standards;

public class StandardJsonTests
{
    [Theory]
    [InlineData("QD59_2015")]
    [InlineData("ND07_2021")]
    [InlineData("ND351_2025")]
    public void Serialize_ThenDeserialize_KeepsEveryValueAndMark(string code)
    {
        var standard = StandardCatalog.Get(code);
        var json = StandardJson.Serialize(standard);
        var back = StandardJson.Deserialize(json);
        Assert.Equal(json, StandardJson.Serialize(back));
        Assert.Equal(standard.Rural, back.Rural);
        Assert.Equal(standard.Indicators.Select(i => (i.Code, i.Mark, i.Evaluation.Rule)), back.Indicators.Select(i => (i.Code, i.Mark, i.Evaluation.Rule)));
        Assert.Contains("\"mark\": \"V3\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_UnknownMark_IsRejectedWithTheReason()
    {
        var json = StandardJson.Serialize(StandardCatalog.Get("ND07_2021")).Replace("\"mark\": \"V3\"", "\"mark\": \"X\"", StringComparison.Ordinal);
        var ex = Assert.Throws<FormatException>(() => StandardJson.Deserialize(json));
        Assert.Contains("verification mark", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_MemberRuleWithoutItsParameter_IsRejected()
    {
        var json = StandardJson.Serialize(StandardCatalog.Get("ND07_2021")).Replace("\"min_age\": 6", "\"minimum\": 6", StringComparison.Ordinal);
        var ex = Assert.Throws<FormatException>(() => StandardJson.Deserialize(json));
        Assert.Contains("min_age", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToLocal_OverriddenLines_RoundTripsWithProvince()
    {
        var national = StandardCatalog.Get("ND07_2021");
        var local = national.ToLocal("HN13_2021", "01", "Chuẩn nghèo đa chiều của thành phố Hà Nội giai đoạn 2022-2025", "Hà Nội local standard 2022-2025",
            new Marked<string>("Quyết định 13/2021/QĐ-UBND", VerificationMark.SecondarySource)) with
        {
            Rural = new IncomeLines(new Marked<long>(2_000_000, VerificationMark.Unverified)),
        };
        var back = StandardJson.Deserialize(StandardJson.Serialize(local.Validated()));
        Assert.Equal("01", back.ProvinceCode);
        Assert.Equal("ND07_2021", back.BaseStandardCode);
        Assert.Equal(2_000_000, back.Rural.PovertyLine.Value);
        Assert.Equal(national.Urban, back.Urban);
    }
}
