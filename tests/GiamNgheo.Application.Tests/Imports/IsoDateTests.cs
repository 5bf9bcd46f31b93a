using System.Globalization;
using GiamNgheo.Application.Imports;

namespace GiamNgheo.Application.Tests.Imports;

/// <summary>The fast date of birth reader accepts exactly what DateOnly.TryParseExact("yyyy-MM-dd") accepts, with the same day.</summary>
public class IsoDateTests
{
    [Theory]
    [InlineData("1985-03-14")]
    [InlineData("2024-02-29")]
    [InlineData("2023-02-29")]
    [InlineData("2023-13-01")]
    [InlineData("2023-00-10")]
    [InlineData("2023-04-31")]
    [InlineData("0000-01-01")]
    [InlineData("0001-01-01")]
    [InlineData("9999-12-31")]
    [InlineData("2023-1-01")]
    [InlineData("2023/01/01")]
    [InlineData(" 2023-01-01")]
    [InlineData("2023-01-01 ")]
    [InlineData("20230101")]
    [InlineData("２０２３-01-01")]
    [InlineData("2023-0a-01")]
    [InlineData("")]
    [InlineData("14/03/1985")]
    public void TryParseIsoDate_AgreesWithTryParseExact(string text) => AssertAgrees(text);

    [Fact]
    public void TryParseIsoDate_EveryDayOfFourYears_AgreesWithTryParseExact()
    {
        for (var d = new DateOnly(2023, 1, 1); d < new DateOnly(2027, 1, 1); d = d.AddDays(1))
        {
            AssertAgrees(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        var random = new Random(7);
        for (var i = 0; i < 20_000; i++)
        {
            AssertAgrees(string.Create(CultureInfo.InvariantCulture, $"{random.Next(0, 10000):0000}-{random.Next(0, 100):00}-{random.Next(0, 100):00}"));
        }
    }

    private static void AssertAgrees(string text)
    {
        var exact = DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var expected);
        var fast = ImportRowParser.TryParseIsoDate(text, out var actual);
        if (fast)
        {
            Assert.True(exact, text);
            Assert.Equal(expected, actual);
        }
        else
        {
            // Not read by the fast path: must be one TryParseExact also rejects, or a form only it reads (the fallback keeps it).
            Assert.True(!exact || text.Length != 10 || text[4] != '-', text);
        }
    }
}
