using Microsoft.Playwright;

namespace GiamNgheo.Web.Tests.Browser;

public class SupportBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task CommuneOfficer_OpensWorklist_RecordsAHealthInsuranceCard_TheGapDisappears()
    {
        browser.SkipWithoutChromium();
        var page = await browser.LoginAsync("xa");
        await page.GotoAsync(browser.BaseUrl + "/Support");
        await page.SelectOptionAsync("#policy", "HI_POOR");
        await page.ClickAsync("#filter");
        await Assertions.Expect(page.Locator("#worklist")).ToBeVisibleAsync();
        await browser.ScreenshotAsync(page, "support-01-worklist");
        var row = page.Locator("#worklist tbody tr").First;
        var code = await row.GetAttributeAsync("data-code");
        var before = int.Parse((await page.Locator("#worklist-total").InnerTextAsync()).Replace(".", string.Empty, StringComparison.Ordinal).Replace(",", string.Empty, StringComparison.Ordinal),
            System.Globalization.CultureInfo.InvariantCulture);

        await row.Locator("a.gap-HI_POOR").ClickAsync();
        await Assertions.Expect(page.Locator("#policy")).ToHaveValueAsync("HI_POOR");
        await page.FillAsync("#amount", "1263600");
        await page.FillAsync("#reference", "DB4011199999999");
        await page.FillAsync("#agency", "BHXH tỉnh Điện Biên");
        await browser.ScreenshotAsync(page, "support-02-record-card");
        await page.ClickAsync("#save-support");

        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("Đã ghi nhận hỗ trợ.");
        await Assertions.Expect(page.Locator("#support-history")).ToContainTextAsync("DB4011199999999");
        await Assertions.Expect(page.Locator("#support-gaps .gap-HI_POOR")).ToHaveCountAsync(0);
        await browser.ScreenshotAsync(page, "support-03-household-served");

        await page.GotoAsync(browser.BaseUrl + "/Support?policy=HI_POOR");
        await Assertions.Expect(page.Locator($"#worklist tbody tr[data-code='{code}']")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#worklist-total")).Not.ToHaveTextAsync(before.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
