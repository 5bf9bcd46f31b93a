using System.Globalization;
using GiamNgheo.Web.Infrastructure;
using GiamNgheo.Web.Pages.Dashboards;

namespace GiamNgheo.Web.Tests.Infrastructure;

/// <summary>The one place where the web forms read numbers and dates (FormValues.Parse, used by the model binder of every page).</summary>
public sealed class FormValuesTests
{
    [Theory]
    [InlineData("1.600.000")]
    [InlineData("1600000")]
    [InlineData("1 600 000")]
    public void Money_TypedAsOfficesWriteIt_IsRead(string typed)
    {
        Assert.Equal((1_600_000L, (string?)null), FormValues.Parse(typeof(long), typed, "Số tiền (đồng)"));
        Assert.Equal(((long?)1_600_000L, (string?)null), ((long?)FormValues.Parse(typeof(long?), typed, "Thu nhập").Value, FormValues.Parse(typeof(long?), typed, "Thu nhập").Error));
    }

    [Theory]
    [InlineData("16/02/2026")]
    [InlineData("2026-02-16")]
    public void Date_DayFirstOrIso_IsRead(string typed)
    {
        Assert.Equal(new DateOnly(2026, 2, 16), FormValues.Parse(typeof(DateOnly), typed, "Ngày hỗ trợ").Value);
        Assert.Equal(new DateOnly(2026, 2, 16), FormValues.Parse(typeof(DateOnly?), typed, "Ngày hỗ trợ").Value);
    }

    [Fact]
    public void Decimal_UsesTheDecimalCommaInVietnamese() =>
        Assert.Equal(1.5m, FormValues.Parse(typeof(decimal?), "1,5", "Số lượng").Value);

    [Fact]
    public void Int_FitsOrIsRefusedAsTooLarge()
    {
        Assert.Equal(2026, FormValues.Parse(typeof(int), "2026", "Năm").Value);
        Assert.Equal("Năm: số 3.000.000.000 quá lớn.", FormValues.Parse(typeof(int), "3.000.000.000", "Năm").Error);
    }

    [Fact]
    public void Blank_IsNullWhenOptional_AndNamedWhenRequired()
    {
        Assert.Equal((null, null), FormValues.Parse(typeof(long?), " ", "Thu nhập"));
        Assert.Equal("Ngày họp: chưa nhập.", FormValues.Parse(typeof(DateOnly), "", "Ngày họp").Error);
    }

    [Fact]
    public void NotANumber_IsRefusedInVietnamese_NamingTheField()
    {
        var (value, error) = FormValues.Parse(typeof(long), "1.6 triệu", "Số tiền (đồng)");
        Assert.Null(value);
        Assert.Equal("Số tiền (đồng): \"1.6 triệu\" không phải là số nguyên; nhập ví dụ 1.600.000 hoặc 1600000.", error);
    }

    [Theory]
    [InlineData("02/16/2026")]
    [InlineData("31/02/2026")]
    [InlineData("hôm qua")]
    public void NotADate_IsRefusedInVietnamese_NamingTheField(string typed)
    {
        var (value, error) = FormValues.Parse(typeof(DateOnly?), typed, "Ngày sinh");
        Assert.Null(value);
        Assert.Equal($"Ngày sinh: \"{typed}\" không phải là ngày hợp lệ; nhập theo dạng ngày/tháng/năm, ví dụ 16/02/2026.", error);
    }

    [Fact]
    public void FieldNames_AreVietnamese()
    {
        Assert.Equal("Thu nhập bình quân đầu người/tháng", FieldNames.Of("IncomePerCapita"));
        Assert.Equal("Ngày họp", FieldNames.Of("heldOn"));
    }

    [Fact]
    public void ChartLabels_UseTheDecimalComma_LikeTheTables()
    {
        var before = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("vi-VN");
            var lines = SvgCharts.Lines("Xu hướng", [new SvgCharts.Series("Tỷ lệ nghèo", [(2024, 12.5), (2025, 9.25)])]).ToString()!;
            var bars = SvgCharts.Bars("Đóng góp", [("Việc làm", 33.75)]).ToString()!;
            Assert.Contains(">12,5<", lines, StringComparison.Ordinal);
            Assert.Contains("9,25%</title>", lines, StringComparison.Ordinal);
            Assert.Contains(">33,75%</text>", bars, StringComparison.Ordinal);
            // Shown text never has a decimal point (coordinates inside attributes do, as SVG requires).
            Assert.DoesNotMatch(@">[^<]*\d\.\d[^<]*<", lines + bars);
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }
}
