using GiamNgheo.Web.Tests.Browser;
using Microsoft.Playwright;

namespace GiamNgheo.Web.Tests.Imports;

public class ImportBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Households = "household_code,commune_code,village,address,head_name,area,review_year,income\n"
        + "NHAP-0001,03158,Bản Nhập Thử,Bản Nhập Thử,Giàng A Nhập,rural,2025,700000\n";

    private const string BadMembers = "household_code,full_name,sex,date_of_birth,ethnicity_code,relation_to_head,personal_id\n"
        + "NHAP-0001,Giàng A Nhập,male,1990-04-02,77,head,011090123456\n"
        + "NHAP-0002,Giàng Thị Mỷ,female,2018-01-01,04,child,\n"
        + "NHAP-0001,Giàng Thị Lan,female,2030-01-01,04,child,\n";

    private const string GoodMembers = "household_code,full_name,sex,date_of_birth,ethnicity_code,relation_to_head,personal_id\n"
        + "NHAP-0001,Giàng A Nhập,male,1990-04-02,04,head,011090123456\n"
        + "NHAP-0001,Giàng Thị Mỷ,female,2018-01-01,04,child,\n";

    [Fact]
    public async Task CommuneOfficer_UploadsFileWithErrors_SeesRowReport_FixesAndSeesTheHousehold()
    {
        browser.SkipWithoutChromium();
        var folder = Directory.CreateTempSubdirectory("giamngheo-browser-import-").FullName;
        var households = Path.Combine(folder, "households.csv");
        var members = Path.Combine(folder, "members.csv");
        await File.WriteAllTextAsync(households, Households);
        await File.WriteAllTextAsync(members, BadMembers);

        var page = await browser.LoginAsync("xa");
        await page.GotoAsync(browser.BaseUrl + "/Imports");
        await page.SetInputFilesAsync("#households", households);
        await page.SetInputFilesAsync("#members", members);
        await browser.ScreenshotAsync(page, "10-import-form");
        await page.ClickAsync("#upload");

        await Assertions.Expect(page.Locator("#problems")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("#job-status")).ToContainTextAsync("không có dữ liệu nào được nhập");
        await Assertions.Expect(page.Locator("#problems")).ToContainTextAsync("Mã dân tộc không có trong danh mục");
        await Assertions.Expect(page.Locator("#problems")).ToContainTextAsync("Không có hộ mã \"NHAP-0002\"");
        await Assertions.Expect(page.Locator("#problems")).ToContainTextAsync("tương lai");
        await browser.ScreenshotAsync(page, "11-import-row-errors");

        await File.WriteAllTextAsync(members, GoodMembers);
        await page.GotoAsync(browser.BaseUrl + "/Imports");
        await page.SetInputFilesAsync("#households", households);
        await page.SetInputFilesAsync("#members", members);
        await page.ClickAsync("#upload");

        await Assertions.Expect(page.Locator("#job-counts")).ToContainTextAsync("Hộ mới: 1", new() { Timeout = 30_000 });
        await browser.ScreenshotAsync(page, "12-import-done");
        await page.ClickAsync("#to-households");
        await page.FillAsync("#q", "NHAP-0001");
        await page.ClickAsync("#search");
        await Assertions.Expect(page.Locator("#households")).ToContainTextAsync("Giàng A Nhập");
        await browser.ScreenshotAsync(page, "13-imported-household-listed");
        Directory.Delete(folder, true);
    }
}
