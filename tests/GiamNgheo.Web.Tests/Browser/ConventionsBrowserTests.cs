using Microsoft.Playwright;

namespace GiamNgheo.Web.Tests.Browser;

/// <summary>Vietnamese office conventions in the forms: 1.600.000 and dd/MM/yyyy typed, refused in Vietnamese, saved and shown back.</summary>
public class ConventionsBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task CommuneOfficer_TypesDottedAmountAndDayFirstDate_SeesThemSavedAndShownBack()
    {
        browser.SkipWithoutChromium();
        var page = await browser.LoginAsync("xa");
        await page.GotoAsync(browser.BaseUrl + "/Support?policy=HI_POOR");
        var row = page.Locator("#worklist tbody tr").First;
        await row.Locator("a.gap-HI_POOR").ClickAsync();
        await Assertions.Expect(page.Locator("#policy")).ToHaveValueAsync("HI_POOR");

        // The date field is typed day first, like every date of the UI.
        await Assertions.Expect(page.Locator("#date")).ToHaveAttributeAsync("type", "text");
        await Assertions.Expect(page.Locator("#date")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex(@"^\d{2}/\d{2}/\d{4}$"));

        // A date that does not exist is refused in Vietnamese, naming the field; what was typed stays.
        await page.FillAsync("#date", "31/02/2026");
        await page.FillAsync("#amount", "1.600.000");
        await page.FillAsync("#reference", "DB4011188888888");
        await page.ClickAsync("#save-support");
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("Ngày: \"31/02/2026\" không phải là ngày hợp lệ");
        await Assertions.Expect(page.Locator("#amount")).ToHaveValueAsync("1.600.000");
        await Assertions.Expect(page.Locator("#date")).ToHaveValueAsync("31/02/2026");
        await browser.ScreenshotAsync(page, "conventions-01-refused-date");

        await page.FillAsync("#date", "16/02/2026");
        await page.ClickAsync("#save-support");
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("Đã ghi nhận");
        var saved = page.Locator("#support-history tbody tr", new() { HasText = "DB4011188888888" });
        await Assertions.Expect(saved).ToContainTextAsync("16/02/2026");
        await Assertions.Expect(saved).ToContainTextAsync("1.600.000");
        await browser.ScreenshotAsync(page, "conventions-02-saved");
    }
}
