using System.Globalization;
using Microsoft.Playwright;

namespace GiamNgheo.Web.Tests.Browser;

/// <summary>Issue 16: the household list filtered by "Hộ nghèo" under the main standard, and the filtered list exported.</summary>
public class HouseholdStatusBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task CommuneOfficer_FiltersHouseholdsByPoor_ExportsTheFilteredList()
    {
        browser.SkipWithoutChromium();
        var page = await browser.LoginAsync("xa");
        await page.GotoAsync(browser.BaseUrl + "/Households");
        var all = Total(await page.Locator("#total").InnerTextAsync());
        await page.SelectOptionAsync("#category", "poor");
        await page.ClickAsync("#search");

        await Assertions.Expect(page.Locator("#category-filter")).ToContainTextAsync("Hộ nghèo");
        var poor = Total(await page.Locator("#total").InnerTextAsync());
        Assert.InRange(poor, 1, all - 1);
        var statuses = await page.Locator("#households td.status strong").AllInnerTextsAsync();
        Assert.NotEmpty(statuses);
        Assert.All(statuses, s => Assert.Equal("Hộ nghèo", s));
        await browser.ScreenshotAsync(page, "households-01-filtered-poor");

        var xlsx = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#export-xlsx"));
        Assert.EndsWith("-poor.xlsx", xlsx.SuggestedFilename, StringComparison.Ordinal);
        var xlsxPath = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".xlsx");
        await xlsx.SaveAsAsync(xlsxPath);
        Assert.Equal("PK", System.Text.Encoding.ASCII.GetString((await File.ReadAllBytesAsync(xlsxPath))[..2]));

        var csv = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#export-csv"));
        var csvPath = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".csv");
        await csv.SaveAsAsync(csvPath);
        var lines = (await File.ReadAllLinesAsync(csvPath)).Where(l => l.Length > 0).ToList();
        Assert.StartsWith("STT,Mã hộ,Chủ hộ,Số định danh chủ hộ", lines[0].TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.Equal(poor + 1, lines.Count);
        Assert.All(lines.Skip(1), l => Assert.Contains(",Hộ nghèo,", l, StringComparison.Ordinal));
        File.Delete(xlsxPath);
        File.Delete(csvPath);
    }

    private static int Total(string text) =>
        int.Parse(text.Replace(".", string.Empty, StringComparison.Ordinal).Replace(",", string.Empty, StringComparison.Ordinal), CultureInfo.InvariantCulture);
}
