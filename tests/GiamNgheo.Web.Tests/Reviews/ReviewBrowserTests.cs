using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using GiamNgheo.Web.Tests.Browser;
using Microsoft.Playwright;

namespace GiamNgheo.Web.Tests.Reviews;

/// <summary>
/// A periodic review of Xã Sín Thầu in the browser: the village reviewer fills a survey on a phone-sized screen; the commune
/// officer records the meeting, posts, decides and issues certificates; the certificates PDF is rendered with pdftoppm.
/// </summary>
public class ReviewBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly object PoorSurvey = new
    {
        year = 2026,
        incomePerCapita = 900_000,
        answers = new Dictionary<string, bool> { ["employment"] = true, ["nutrition"] = true, ["water"] = true },
    };

    [Fact]
    public async Task PeriodicReview_ReviewerSurveysOfficerMeetsPostsDecides_CertificatesPdfRendered()
    {
        browser.SkipWithoutChromium();
        var tinh = await browser.App.ApiClientAsync("tinh");
        var opened = await tinh.PostAsJsonAsync("/api/reviews/campaigns", new { year = 2026, kind = "periodic" });
        Assert.Equal(System.Net.HttpStatusCode.Created, opened.StatusCode);
        var campaignId = (await opened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        var overview = await tinh.GetFromJsonAsync<JsonElement>($"/api/reviews/campaigns/{campaignId}");
        var communeReviewId = overview.GetProperty("communes").EnumerateArray()
            .Single(c => c.GetProperty("communeCode").GetString() == "03158").GetProperty("communeReviewId").GetInt64();

        // The officer builds the list and starts the survey (API); the reviewer's village gets one household by hand in the browser.
        var xa = await browser.App.ApiClientAsync("xa");
        Assert.True((await xa.PostAsync($"/api/reviews/communes/{communeReviewId}/list", null)).IsSuccessStatusCode);
        Assert.True((await xa.PostAsync($"/api/reviews/communes/{communeReviewId}/actions/StartSurvey", null)).IsSuccessStatusCode);
        var thonApi = await browser.App.ApiClientAsync("thon");
        var villageBoard = await thonApi.GetFromJsonAsync<JsonElement>($"/api/reviews/communes/{communeReviewId}");
        var mine = villageBoard.GetProperty("households").EnumerateArray().First();
        var mineId = mine.GetProperty("id").GetInt64();
        var board = await xa.GetFromJsonAsync<JsonElement>($"/api/reviews/communes/{communeReviewId}");
        foreach (var h in board.GetProperty("households").EnumerateArray().Where(h => h.GetProperty("id").GetInt64() != mineId))
        {
            var saved = await xa.PutAsJsonAsync($"/api/reviews/households/{h.GetProperty("id").GetInt64()}/survey", PoorSurvey);
            Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
        }

        // Village reviewer on a phone-sized screen.
        // (The fixture's login: a slow first page on a loaded CI machine once timed out a hand-written login here.)
        var reviewer = await browser.LoginAsync("thon", new() { BaseURL = browser.BaseUrl, ViewportSize = new() { Width = 390, Height = 844 } });
        await reviewer.GotoAsync($"/Reviews/Survey/{mineId}");
        await reviewer.FillAsync("#Input_IncomePerCapita", "1200000");
        await reviewer.SelectOptionAsync("#answer-employment", "false");
        await reviewer.SelectOptionAsync("#answer-water", "true");
        await browser.ScreenshotAsync(reviewer, "reviews-01-reviewer-survey-phone");
        await reviewer.ClickAsync("#save-survey");
        await Assertions.Expect(reviewer.Locator("#commune-state")).ToHaveTextAsync("Khảo sát, phân loại");
        await Assertions.Expect(reviewer.Locator($"#review-households tr[data-household='{mine.GetProperty("householdId").GetInt64()}'] td.state")).ToContainTextAsync("Đã khảo sát");

        // Commune officer: meeting, posting, decision, certificates.
        var page = await browser.LoginAsync("xa");
        await page.GotoAsync($"{browser.BaseUrl}/Reviews/Board/{communeReviewId}");
        await page.ClickAsync("#action-OpenMeeting");
        await Assertions.Expect(page.Locator("#commune-state")).ToHaveTextAsync("Họp dân");
        await page.ClickAsync("#record-meeting");
        await page.FillAsync("#attendees", "40");
        await page.FillAsync("#roles", "Trưởng thôn (chủ trì); Bí thư chi bộ; MTTQ xã (giám sát); rà soát viên; đại diện hộ");
        await page.EvaluateAsync("() => document.querySelectorAll('#votes input').forEach(i => i.value = '31')");
        await browser.ScreenshotAsync(page, "reviews-02-meeting");
        await page.ClickAsync("#save-meeting");
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("0 hộ phải khảo sát lại");
        await page.SetInputFilesAsync("#minutes", new FilePayload { Name = "bien-ban-hop-dan.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.4\n% signed minutes\n"u8.ToArray() });
        await page.ClickAsync("#upload-minutes");
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("Đã lưu biên bản họp.");

        await page.FillAsync("#posting-start", "2026-11-02");
        await page.ClickAsync("#start-posting");
        await Assertions.Expect(page.Locator("#commune-state")).ToHaveTextAsync("Niêm yết công khai");
        await Assertions.Expect(page.Locator("#posting-end")).ToHaveTextAsync("05/11/2026"); // Mon 2/11 not counted: Tue, Wed, Thu
        var posting = await page.Context.APIRequest.GetAsync($"{browser.BaseUrl}/Reviews/Board/{communeReviewId}?handler=PostingPdf");
        Assert.Equal("application/pdf", posting.Headers["content-type"]);

        await page.FillAsync("#decision-no", "125/QĐ-UBND");
        await page.FillAsync("#decision-signer", "Lò Văn Thắng");
        await browser.ScreenshotAsync(page, "reviews-03-board-decision");
        await page.ClickAsync("#decide");
        await Assertions.Expect(page.Locator("#decision-number")).ToHaveTextAsync("125/QĐ-UBND");
        await page.ClickAsync("#action-IssueCertificates");
        await Assertions.Expect(page.Locator("#commune-state")).ToHaveTextAsync("Đã cấp giấy chứng nhận");
        await browser.ScreenshotAsync(page, "reviews-04-board-certificates");

        var certificates = await page.Context.APIRequest.GetAsync($"{browser.BaseUrl}/Reviews/Board/{communeReviewId}?handler=CertificatesPdf");
        Assert.Equal(200, certificates.Status);
        var pdf = await certificates.BodyAsync();
        Directory.CreateDirectory(browser.ScreenshotDir);
        var pdfPath = Path.Combine(browser.ScreenshotDir, "reviews-certificates.pdf");
        await File.WriteAllBytesAsync(pdfPath, pdf);
        var pngBase = Path.Combine(browser.ScreenshotDir, "reviews-certificate-page1");
        Assert.Equal(0, await RunAsync("pdftoppm", $"-png -r 80 -f 1 -l 1 -singlefile \"{pdfPath}\" \"{pngBase}\""));
        var png = await File.ReadAllBytesAsync(pngBase + ".png");
        Assert.True(png.Length > 5_000, $"page image is {png.Length} bytes");
        Assert.Equal(0, await RunAsync("pdftotext", $"-f 1 -l 1 \"{pdfPath}\" \"{pngBase}.txt\""));
        var text = await File.ReadAllTextAsync(pngBase + ".txt");
        Assert.Contains("GIẤY CHỨNG NHẬN HỘ", text, StringComparison.Ordinal);
        Assert.Contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", text, StringComparison.Ordinal);
        Assert.Contains("125/QĐ-UBND", text, StringComparison.Ordinal);
    }

    private static async Task<int> RunAsync(string file, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardError = true, RedirectStandardOutput = true })!;
        await process.WaitForExitAsync();
        return process.ExitCode;
    }
}
