using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GiamNgheo.Web.Tests.Infrastructure;

namespace GiamNgheo.Web.Tests.Pages;

public class HouseholdPagesTests(AppFactory app) : IClassFixture<AppFactory>
{
    private async Task<long> FirstHouseholdOfCommuneAAsync()
    {
        var api = await app.ApiClientAsync("xa");
        var page = await api.GetFromJsonAsync<JsonElement>($"/api/households?communeCode={AppFactory.CommuneA}&pageSize=1");
        return page.GetProperty("items")[0].GetProperty("id").GetInt64();
    }

    [Fact]
    public async Task Pages_Anonymous_RedirectToLogin()
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        var response = await client.GetAsync("/Households");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_RepeatedFailures_LocksTheAccount()
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        string html = string.Empty;
        for (var i = 0; i < 6; i++)
        {
            var form = await client.GetStringAsync("/Account/Login");
            var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["UserName"] = "giamsat", ["Password"] = "sai-mat-khau", ["__RequestVerificationToken"] = AppFactory.Antiforgery(form),
            }));
            html = await response.Content.ReadAsStringAsync();
        }

        Assert.Contains("tạm khóa", html, StringComparison.Ordinal);
        var withRightPassword = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = "giamsat", ["Password"] = AppFactory.Password,
            ["__RequestVerificationToken"] = AppFactory.Antiforgery(await client.GetStringAsync("/Account/Login")),
        }));
        Assert.Equal(HttpStatusCode.OK, withRightPassword.StatusCode);
    }

    [Fact]
    public async Task Form_WithoutAntiforgeryToken_Rejected()
    {
        var client = await app.PageClientAsync("xa");
        var response = await client.PostAsync("/Households/Edit", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.CommuneCode"] = AppFactory.CommuneA, ["Input.HeadName"] = "Không Token",
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task List_SearchWithoutDiacritics_ShowsVietnameseNamesAndMaskedIds()
    {
        var client = await app.PageClientAsync("xa");
        var html = await client.GetStringAsync("/Households?q=nguyen");
        Assert.Contains("Nguyễn", html, StringComparison.Ordinal);
        Assert.Matches("\\d{4}\\*{6}\\d{2}", html);
        Assert.DoesNotMatch(">\\d{12}<", html);
        Assert.Contains("<html lang=\"vi\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_InvalidForm_ShowsVietnameseMessages()
    {
        var client = await app.PageClientAsync("xa");
        var form = await client.GetStringAsync("/Households/Edit");
        var response = await client.PostAsync("/Households/Edit", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.CommuneCode"] = AppFactory.CommuneA, ["Input.HeadName"] = "   ", ["__RequestVerificationToken"] = AppFactory.Antiforgery(form),
        }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Chưa nhập họ tên chủ hộ.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task English_Switch_TranslatesTheLabels()
    {
        var client = await app.PageClientAsync("xa");
        await client.GetAsync("/language?culture=en&returnUrl=/Households");
        var html = await client.GetStringAsync("/Households");
        Assert.Contains("Household list", html, StringComparison.Ordinal);
    }

    /// <summary>Every household page and form answers 404 to a commune officer of another commune.</summary>
    [Fact]
    public async Task Scope_OtherCommuneOfficer_EveryHouseholdPageAnswers404()
    {
        var id = await FirstHouseholdOfCommuneAAsync();
        var mine = await app.PageClientAsync("xa");
        Assert.Equal(HttpStatusCode.OK, (await mine.GetAsync($"/Households/Details/{id}")).StatusCode);

        var other = await app.PageClientAsync("xa2");
        var token = AppFactory.Antiforgery(await other.GetStringAsync("/Households/Edit"));
        var gets = new[] { $"/Households/Details/{id}", $"/Households/Edit/{id}", $"/Households/Member/{id}", $"/Households/Survey/{id}" };
        foreach (var url in gets)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(url)).StatusCode);
        }

        var posts = new[]
        {
            $"/Households/Details/{id}?handler=Reveal", $"/Households/Details/{id}?handler=Delete",
            $"/Households/Details/{id}?handler=RemoveMember&memberId=1", $"/Households/Edit/{id}", $"/Households/Member/{id}",
            $"/Households/Survey/{id}",
        };
        foreach (var url in posts)
        {
            var response = await other.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token, ["Input.HeadName"] = "X", ["Input.FullName"] = "X", ["Input.DateOfBirth"] = "2000-01-01",
                ["Input.Year"] = "2025", ["Input.IncomePerCapita"] = "1",
            }));
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, url + " answered " + response.StatusCode);
        }

        var list = await other.GetStringAsync($"/Households?commune={AppFactory.CommuneA}");
        Assert.DoesNotContain($"/Households/Details/{id}\"", list, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await mine.GetAsync($"/Households/Details/{id}")).StatusCode);

        var tinh = await app.PageClientAsync("tinh");
        Assert.Equal(HttpStatusCode.OK, (await tinh.GetAsync($"/Households/Audit/{id}")).StatusCode);
        var hanoi = await app.PageClientAsync("xa2");
        Assert.NotEqual(HttpStatusCode.OK, (await hanoi.GetAsync($"/Households/Audit/{id}")).StatusCode);
    }
}
