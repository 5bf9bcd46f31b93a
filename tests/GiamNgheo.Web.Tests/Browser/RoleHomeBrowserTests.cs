using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GiamNgheo.Application.Identity;
using GiamNgheo.Web.Infrastructure;
using GiamNgheo.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace GiamNgheo.Web.Tests.Browser;

/// <summary>
/// Each role's day on the demo (one app for the class): the role-aware menu (Infrastructure/MenuItems) and the home page's
/// task cards, in Chromium; and every menu link of every role answers 200 for that role (HTTP).
/// The province opens this year's periodic review and Xã Sín Thầu starts its survey first, so that the commune officer,
/// the village reviewer and the provincial officer have open work on their home page.
/// </summary>
public class RoleHomeBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly SemaphoreSlim CampaignLock = new(1, 1);
    private static readonly Dictionary<string, bool> Opened = [];

    public static TheoryData<string, string> Accounts => new()
    {
        { "admin", Roles.SystemAdmin }, { "tinh", Roles.ProvincialOfficer }, { "xa", Roles.CommuneOfficer }, { "thon", Roles.VillageReviewer },
        { "nganh", Roles.SectorOfficer }, { "giamsat", Roles.Supervisor }, { "lanhdao", Roles.Leader },
    };

    /// <summary>Once per app: the periodic review of this year opened by the province, listed and surveying in Xã Sín Thầu (xa).</summary>
    private async Task OpenCampaignAsync()
    {
        await CampaignLock.WaitAsync();
        try
        {
            if (Opened.ContainsKey(browser.BaseUrl))
            {
                return;
            }

            var tinh = await browser.App.ApiClientAsync("tinh");
            var opened = await tinh.PostAsJsonAsync("/api/reviews/campaigns", new { year = DateTime.UtcNow.Year, kind = "periodic" });
            Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
            var id = (await opened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
            var overview = await tinh.GetFromJsonAsync<JsonElement>($"/api/reviews/campaigns/{id}");
            var review = overview.GetProperty("communes").EnumerateArray().Single(c => c.GetProperty("communeCode").GetString() == AppFactory.CommuneA)
                .GetProperty("communeReviewId").GetInt64();
            var xa = await browser.App.ApiClientAsync("xa");
            Assert.Equal(HttpStatusCode.OK, (await xa.PostAsync($"/api/reviews/communes/{review}/list", null)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await xa.PostAsync($"/api/reviews/communes/{review}/actions/StartSurvey", null)).StatusCode);
            Opened[browser.BaseUrl] = true;
        }
        finally
        {
            CampaignLock.Release();
        }
    }

    /// <summary>A cookie client of the Kestrel app signed in through the login page, redirects not followed.</summary>
    private async Task<HttpClient> PageClientAsync(string user)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() })
        {
            BaseAddress = new Uri(browser.BaseUrl),
        };
        var login = await client.GetStringAsync("/Account/Login");
        var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = user, ["Password"] = AppFactory.Password, ["__RequestVerificationToken"] = AppFactory.Antiforgery(login),
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    private static readonly Dictionary<string, string[]> Cards = new()
    {
        [Roles.SystemAdmin] = ["#task-users", "#task-units"],
        [Roles.ProvincialOfficer] = ["#task-late", "#task-waiting-approval", "#task-open-steps"],
        [Roles.CommuneOfficer] = ["#task-open-steps", "#task-returned", "#task-support"],
        [Roles.VillageReviewer] = ["#task-survey"],
        [Roles.SectorOfficer] = ["#task-support"],
        [Roles.Supervisor] = ["#task-supervision", "#task-read"],
        [Roles.Leader] = ["#task-figures", "#task-targets"],
    };

    [Theory]
    [MemberData(nameof(Accounts))]
    public async Task Role_LogsIn_SeesItsMenuAndItsTaskCards(string user, string role)
    {
        browser.SkipWithoutChromium();
        await OpenCampaignAsync();
        var options = role == Roles.VillageReviewer
            ? new BrowserNewContextOptions { Locale = "vi-VN", ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true }
            : null;
        var page = await browser.LoginAsync(user, options);

        var menu = await page.Locator("#menu a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        Assert.Equal(MenuItems.For(role).Select(i => i.Href), menu);
        foreach (var card in Cards[role])
        {
            await Assertions.Expect(page.Locator(card)).ToBeVisibleAsync();
        }

        foreach (var (other, cards) in Cards.Where(c => c.Key != role))
        {
            foreach (var card in cards.Where(c => !Cards[role].Contains(c)))
            {
                await Assertions.Expect(page.Locator(card)).ToHaveCountAsync(0);
            }
        }

        var body = await page.InnerTextAsync("main");
        Assert.DoesNotContain("ND07_2021", body, StringComparison.Ordinal);
        switch (role)
        {
            case Roles.VillageReviewer:
                // The households of the village still to survey, each a link to its survey form; nothing sideways on a phone.
                Assert.True(int.Parse((await page.Locator("#task-survey .survey-count strong").InnerTextAsync()).Replace(".", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture) > 0);
                Assert.True(await page.Locator("#task-survey .survey-list a[href^='/Reviews/Survey/']").CountAsync() > 0);
                Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth + 1"), "the home page scrolls sideways at 390 px");
                Assert.DoesNotContain("/Dashboards", menu);
                break;
            case Roles.CommuneOfficer:
                await Assertions.Expect(page.Locator("#task-open-steps")).ToContainTextAsync("Khảo sát, phân loại");
                await Assertions.Expect(page.Locator("#task-open-steps")).ToContainTextAsync("Kết thúc đợt: 14/12/");
                Assert.True(await page.Locator("#task-support .longest a[href^='/Households/Details/']").CountAsync() > 0);
                break;
            case Roles.ProvincialOfficer:
                await Assertions.Expect(page.Locator("#task-waiting-approval")).ToContainTextAsync("xã đã gửi báo cáo");
                await Assertions.Expect(page.Locator("#task-open-steps")).ToContainTextAsync("Khảo sát, phân loại: 1");
                break;
            case Roles.Leader:
                await Assertions.Expect(page.Locator("#task-figures")).ToContainTextAsync("tính đến ngày");
                Assert.Matches(@"^\d+,\d\d%$", await page.Locator("#poor-rate").InnerTextAsync());
                break;
            case Roles.SectorOfficer:
                Assert.True(await page.Locator("#task-support .by-policy a[href^='/Support?policy=']").CountAsync() > 0);
                break;
        }

        await browser.ScreenshotAsync(page, $"role-home-{user}");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task EveryRole_EveryMenuLinkAndHomeLink_Answers200()
    {
        browser.SkipWithoutChromium();
        await OpenCampaignAsync();
        foreach (var user in new[] { "admin", "tinh", "xa", "thon", "nganh", "giamsat", "lanhdao" })
        {
            var client = await PageClientAsync(user);
            var home = await client.GetAsync("/");
            Assert.Equal(HttpStatusCode.OK, home.StatusCode);
            var html = await home.Content.ReadAsStringAsync();
            var links = System.Text.RegularExpressions.Regex.Matches(html, "href=\"(/[^\"#]*)\"").Select(m => WebUtility.HtmlDecode(m.Groups[1].Value))
                .Where(h => !h.StartsWith("/language", StringComparison.Ordinal) && !h.StartsWith("/css", StringComparison.Ordinal) && !h.StartsWith("/Account/", StringComparison.Ordinal))
                .Distinct().ToList();
            Assert.NotEmpty(links);
            foreach (var link in links)
            {
                var response = await client.GetAsync(link);
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{user}: {link} answered {(int)response.StatusCode} {response.Headers.Location}");
            }
        }
    }

    [Fact]
    public async Task ReadOnlyRoles_PagesTheyMayNotUse_AreRefused_AndTheirPagesShowNoForms()
    {
        browser.SkipWithoutChromium();
        foreach (var user in new[] { "lanhdao", "giamsat" })
        {
            var client = await PageClientAsync(user);
            foreach (var path in new[] { "/Imports", "/Households/Edit", "/Support/Import", "/Users" })
            {
                var response = await client.GetAsync(path);
                Assert.True(response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/Account/Denied", StringComparison.Ordinal),
                    $"{user}: {path} answered {(int)response.StatusCode} {response.Headers.Location}");
            }

            foreach (var path in new[] { "/Households", "/Support", "/Reviews", "/Units" })
            {
                var page = await client.GetStringAsync(path);
                var html = page[page.IndexOf("<main>", StringComparison.Ordinal)..page.IndexOf("</main>", StringComparison.Ordinal)];
                Assert.DoesNotContain("method=\"post\"", html, StringComparison.Ordinal);
                Assert.DoesNotContain("/Support/Record/", html, StringComparison.Ordinal);
                Assert.DoesNotContain("/Households/Edit", html, StringComparison.Ordinal);
            }
        }
    }
}
