using GiamNgheo.Web.Tests.Browser;
using Microsoft.Playwright;

namespace GiamNgheo.Web.Tests.Reports;

public class DashboardBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Leader_OpensProvinceDashboardSeesQd59TargetAndClicksThroughToACommunesPoorHouseholds()
    {
        browser.SkipWithoutChromium();
        var page = await browser.LoginAsync("lanhdao");
        await page.GotoAsync(browser.BaseUrl + "/Dashboards");

        var target = page.Locator("#target-cards .card[data-standard=\"QD59_2015\"]");
        await Assertions.Expect(target).ToContainTextAsync("dưới 1%");
        await Assertions.Expect(target).ToContainTextAsync("Quyết định 59/2015/QĐ-TTg"); // the standard by name, not its code
        await Assertions.Expect(target.Locator(".badge")).ToContainTextAsync("Chưa đạt");
        await browser.ScreenshotAsync(page, "reports-01-province-dashboard");

        var commune = page.Locator("#ranking a.commune-link", new() { HasTextString = "Sín Thầu" });
        await commune.ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Sín Thầu");
        await browser.ScreenshotAsync(page, "reports-02-commune-dashboard");

        await page.ClickAsync("#commune-poor-list");
        await Assertions.Expect(page.Locator("#category-filter")).ToContainTextAsync("Hộ nghèo");
        var total = int.Parse((await page.Locator("#total").InnerTextAsync()).Replace(".", string.Empty, StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(total > 0);
        Assert.Contains("commune=03158", page.Url, StringComparison.Ordinal);
        await browser.ScreenshotAsync(page, "reports-03-commune-poor-households");
    }
}
