using System.Globalization;
using Microsoft.Playwright;

namespace GiamNgheo.Web.Tests.Browser;

/// <summary>
/// The demo province's history (recognised lists of 2023, 2024 and 2025) as the provincial officer sees it on first start:
/// the dashboard's trend and movements, and report forms 2 and 3 (movements of the poor and near-poor lists) of 2025.
/// </summary>
public class DemoHistoryBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly int[] Years = [2023, 2024, 2025];
    private static readonly int[] MovementForms = [2, 3];

    private static int Count(string text) =>
        int.Parse(text.Trim().Replace(".", string.Empty, StringComparison.Ordinal).Replace(",", string.Empty, StringComparison.Ordinal), CultureInfo.InvariantCulture);

    [Fact]
    public async Task ProvincialOfficer_WalksTheDemoHistory_TrendAndMovementFormsShowBalancedNumbers()
    {
        browser.SkipWithoutChromium();
        var page = await browser.LoginAsync("tinh");
        await page.GotoAsync(browser.BaseUrl + "/Dashboards?unit=11&year=2025");

        // The 2023–2025 trend under ND07 (titled by the standard's name, never its code): a non-zero poor rate every year.
        var points = await page.Locator("svg.chart[aria-label$='(Nghị định 07/2021/NĐ-CP)'] circle > title").AllTextContentsAsync();
        var rates = Years.Select(year =>
        {
            var title = Assert.Single(points, p => p.StartsWith($"Tỷ lệ nghèo {year}:", StringComparison.Ordinal));
            return double.Parse(title[(title.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim().TrimEnd('%'), CultureInfo.GetCultureInfo("vi-VN")); // 12,5 (decimal comma)
        }).ToList();
        Assert.All(rates, r => Assert.True(r > 0, $"poor rates {string.Join(" / ", rates)}"));

        // Movements since 2024 on the dashboard: households recognised as having escaped poverty.
        var movements = page.Locator("#movements");
        Assert.True(Count(await movements.Locator("tr", new() { HasTextString = "Thoát nghèo" }).Locator("td").InnerTextAsync()) > 0);
        await browser.ScreenshotAsync(page, "demo-history-01-province-dashboard-2025");

        // Forms 2 (poor) and 3 (near-poor): every row balances, closing = opening − decreases + increases.
        foreach (var form in MovementForms)
        {
            await page.GotoAsync($"{browser.BaseUrl}/Reports?unit=11&year=2025&standard=ND07_2021&form={form}");
            await Assertions.Expect(page.Locator("#form-title")).ToContainTextAsync($"Biểu số 0{form}");
            var rows = page.Locator("#report tbody tr");
            var rowCount = await rows.CountAsync();
            Assert.True(rowCount >= 2 * (1 + 4), $"form {form}: {rowCount} rows");
            for (var i = 0; i < rowCount; i++)
            {
                var cells = await rows.Nth(i).Locator("td.num").AllInnerTextsAsync();
                var v = cells.Select(Count).ToList();
                Assert.Equal(11, v.Count);
                var (opening, decrease, increase, closing) = (v[0], v[1], v[5], v[10]);
                Assert.Equal(decrease, v[2] + v[3] + v[4]);
                Assert.Equal(increase, v[6] + v[7] + v[8] + v[9]);
                Assert.Equal(opening - decrease + increase, closing);
            }

            var total = (await rows.Filter(new() { HasTextString = "Tổng cộng" }).First.Locator("td.num").AllInnerTextsAsync()).Select(Count).ToList();
            Assert.True(total[0] > 0 && total[1] > 0 && total[5] > 0 && total[10] > 0, $"form {form} total: {string.Join(", ", total)}");
            await browser.ScreenshotAsync(page, $"demo-history-0{form}-form{form}-2025");
        }
    }
}
