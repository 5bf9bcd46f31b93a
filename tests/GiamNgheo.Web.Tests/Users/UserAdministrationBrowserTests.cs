using GiamNgheo.Application.AdminUnits;
using GiamNgheo.Application.Persistence;
using GiamNgheo.Web.Tests.Browser;
using GiamNgheo.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace GiamNgheo.Web.Tests.Users;

public class UserAdministrationBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task CommuneOfficer_Page_OffersOnlyVillageReviewers_RefusesAnotherCommunesVillage_KeepsWhatWasTyped()
    {
        browser.SkipWithoutChromium();
        string foreignVillage;
        using (var scope = browser.App.Services.CreateScope())
        {
            foreignVillage = await scope.ServiceProvider.GetRequiredService<AppDbContext>().AdminUnits
                .Where(u => u.ParentCode == AppFactory.CommuneB && u.Level == AdminLevel.Village && u.ValidTo == null)
                .OrderBy(u => u.Code).Select(u => u.Code).FirstAsync();
        }

        var page = await browser.LoginAsync("xa");
        await Assertions.Expect(page.Locator("#current-user")).ToContainTextAsync("Vàng A Chính");
        await Assertions.Expect(page.Locator("#demo-banner")).ToContainTextAsync("Dữ liệu mẫu (demo)");
        await page.GotoAsync(browser.BaseUrl + "/Users");
        await page.ClickAsync("#new-user");
        var roles = await page.Locator("#Input_Role option").AllInnerTextsAsync();
        Assert.Contains("Rà soát viên thôn", roles);
        Assert.DoesNotContain("Cán bộ cấp tỉnh", roles);

        await page.FillAsync("#Input_UserName", "thon-ngoai");
        await page.FillAsync("#Input_FullName", "Sùng Thị Mỷ");
        await page.SelectOptionAsync("#Input_Role", "village_reviewer");
        await page.FillAsync("#Input_UnitCode", foreignVillage);
        await page.FillAsync("#Input_Password", AppFactory.Password);
        await page.ClickAsync("#save");
        await Assertions.Expect(page.Locator("span.field-validation-error").Filter(new() { HasTextString = "ngoài phạm vi" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#Input_FullName")).ToHaveValueAsync("Sùng Thị Mỷ");
        await Assertions.Expect(page.Locator("#Input_UnitCode")).ToHaveValueAsync(foreignVillage);
        await browser.ScreenshotAsync(page, "users-commune-officer-refused");
        await page.Context.CloseAsync();
    }
}
