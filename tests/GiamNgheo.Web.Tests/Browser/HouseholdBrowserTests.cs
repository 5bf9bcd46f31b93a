using System.Net.Http.Json;
using System.Text.Json;
using GiamNgheo.Domain.Common;
using Microsoft.Playwright;

namespace GiamNgheo.Web.Tests.Browser;

public class HouseholdBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task CommuneOfficer_SearchesWithoutDiacriticsOpensAHouseholdAndAddsAMember_OtherCommuneCannotReachIt()
    {
        browser.SkipWithoutChromium();
        // A real head name from the demo data, typed without diacritics ("Nguyễn Văn Bình" → "nguyen van binh").
        var api = await browser.App.ApiClientAsync("xa");
        var sample = await api.GetFromJsonAsync<JsonElement>("/api/households?search=nguyen&pageSize=1");
        var headName = sample.GetProperty("items")[0].GetProperty("headName").GetString()!;
        var typed = VietnameseText.Fold(headName);
        Assert.NotEqual(headName, typed);

        var page = await browser.LoginAsync("xa");
        await page.GotoAsync(browser.BaseUrl + "/Households");
        await page.FillAsync("#q", typed);
        await page.ClickAsync("#search");
        var firstLink = page.Locator("#households tbody tr td:nth-child(2) a", new() { HasTextString = headName }).First;
        await Assertions.Expect(firstLink).ToHaveTextAsync(headName);
        await browser.ScreenshotAsync(page, "01-search-without-diacritics");

        await firstLink.ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync(headName);
        var householdUrl = page.Url;
        var before = int.Parse(await page.Locator("#member-count").InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);

        await page.ClickAsync("#add-member");
        await page.FillAsync("#Input_FullName", "Nguyễn Thị Hồng Nhung");
        await page.SelectOptionAsync("#Input_Sex", "Female");
        await page.FillAsync("#Input_DateOfBirth", "2019-06-15");
        await page.SelectOptionAsync("#Input_RelationToHead", "Grandchild");
        await page.CheckAsync("#Input_HasHealthInsurance");
        await browser.ScreenshotAsync(page, "02-add-member-form");
        await page.ClickAsync("#save-member");

        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("Đã lưu thành viên.");
        await Assertions.Expect(page.Locator("#members")).ToContainTextAsync("Nguyễn Thị Hồng Nhung");
        await Assertions.Expect(page.Locator("#member-count")).ToHaveTextAsync((before + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await browser.ScreenshotAsync(page, "03-household-with-new-member");

        var other = await browser.LoginAsync("xa2");
        var response = await other.GotoAsync(householdUrl);
        Assert.Equal(404, response!.Status);
        await Assertions.Expect(other.Locator("#status-code")).ToHaveTextAsync("404");
        await browser.ScreenshotAsync(other, "04-other-commune-gets-404");
    }
}
