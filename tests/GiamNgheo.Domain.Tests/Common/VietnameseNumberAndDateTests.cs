using CsCheck;
using GiamNgheo.Domain.Common;

namespace GiamNgheo.Domain.Tests.Common;

public sealed class VietnameseNumberAndDateTests
{
    [Theory]
    [InlineData("1.600.000", 1_600_000)]
    [InlineData("1600000", 1_600_000)]
    [InlineData("1 600 000", 1_600_000)]
    [InlineData("1\u00A0600\u00A0000", 1_600_000)]
    [InlineData("1,600,000", 1_600_000)]
    [InlineData(" 750.000 ", 750_000)]
    [InlineData("0", 0)]
    [InlineData("-2.500", -2_500)]
    [InlineData("12", 12)]
    public void TryParse_AcceptsWhatOfficesType(string text, long expected)
    {
        Assert.True(VietnameseNumber.TryParse(text, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("1.6")] // not a thousands grouping, and money has no fraction
    [InlineData("1.600.00")]
    [InlineData("16.00.000")]
    [InlineData("1.600,000")] // mixed separators
    [InlineData("1.600.000 đ")]
    [InlineData("99999999999999999999")]
    public void TryParse_RefusesWhatIsNotAWholeNumber(string text) =>
        Assert.False(VietnameseNumber.TryParse(text, out _));

    [Theory]
    [InlineData("1,5", true, 1.5)]
    [InlineData("2.5", true, 2.5)]
    [InlineData("1.234,5", true, 1234.5)]
    [InlineData("1.600.000", true, 1600000)]
    [InlineData("1,600,000", true, 1600000)]
    [InlineData("3", true, 3)]
    [InlineData("1.5", false, 1.5)]
    [InlineData("1,234.5", false, 1234.5)]
    [InlineData("1.600.000", false, 1600000)]
    public void TryParseDecimal_FollowsTheLanguage(string text, bool decimalComma, decimal expected)
    {
        Assert.True(VietnameseNumber.TryParseDecimal(text, decimalComma, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("1,")]
    [InlineData("1,5,5x")]
    [InlineData("x")]
    public void TryParseDecimal_RefusesGarbage(string text) =>
        Assert.False(VietnameseNumber.TryParseDecimal(text, decimalComma: true, out _));

    [Fact]
    public void Format_ThenTryParse_RoundTrips() =>
        Gen.Long.Sample(v =>
        {
            Assert.True(VietnameseNumber.TryParse(VietnameseNumber.Format(v), out var back));
            Assert.Equal(v, back);
        });

    [Theory]
    [InlineData("16/02/2026")]
    [InlineData("16/2/2026")]
    [InlineData("2026-02-16")]
    [InlineData("16.02.2026")]
    [InlineData(" 16-02-2026 ")]
    public void Date_TryParse_AcceptsDayFirstAndIso(string text)
    {
        Assert.True(VietnameseDate.TryParse(text, out var date));
        Assert.Equal(new DateOnly(2026, 2, 16), date);
    }

    [Theory]
    [InlineData("02/16/2026")] // month first
    [InlineData("31/02/2026")]
    [InlineData("16/02/26")]
    [InlineData("hôm nay")]
    [InlineData("")]
    public void Date_TryParse_RefusesOtherForms(string text) =>
        Assert.False(VietnameseDate.TryParse(text, out _));

    [Fact]
    public void Date_Format_IsDayFirst() =>
        Assert.Equal("05/01/2026", VietnameseDate.Format(new DateOnly(2026, 1, 5)));
}
