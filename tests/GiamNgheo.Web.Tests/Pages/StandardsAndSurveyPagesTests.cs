using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GiamNgheo.Web.Tests.Infrastructure;

namespace GiamNgheo.Web.Tests.Pages;

public class StandardsAndSurveyPagesTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task HouseholdPage_DemoHousehold_ShowsCategoryUnderBothStandardsWithReasons()
    {
        var api = await app.ApiClientAsync("xa");
        var first = (await api.GetFromJsonAsync<JsonElement>($"/api/households?communeCode={AppFactory.CommuneA}&pageSize=1")).GetProperty("items")[0];
        var client = await app.PageClientAsync("xa");
        var html = await client.GetStringAsync($"/Households/Details/{first.GetProperty("id").GetInt64()}");
        Assert.Contains("Phân loại theo chuẩn nghèo", html, StringComparison.Ordinal);
        Assert.Contains("class=\"standard-ND07_2021\"", html, StringComparison.Ordinal);
        Assert.Contains("class=\"standard-QD59_2015\"", html, StringComparison.Ordinal);
        Assert.Matches("Hộ (nghèo|cận nghèo|có mức sống trung bình|không nghèo)", html);
    }

    [Fact]
    public async Task SurveyForm_SaveIncomeAndDeprivations_ClassifiesAndShowsIt()
    {
        var api = await app.ApiClientAsync("xa");
        var created = await api.PostAsJsonAsync("/api/households", new { communeCode = AppFactory.CommuneA, headName = "Sùng A Phử" });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        var client = await app.PageClientAsync("xa");
        var form = await client.GetStringAsync($"/Households/Survey/{id}");
        Assert.Contains("Phiếu B2", form, StringComparison.Ordinal);
        var response = await client.PostAsync($"/Households/Survey/{id}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AppFactory.Antiforgery(form),
            ["Input.Year"] = "2025",
            ["Input.IncomePerCapita"] = "1200000",
            ["Answers[water]"] = "true",
            ["Answers[sanitation]"] = "true",
            ["Answers[housing_quality]"] = "true",
            ["Causes"] = "capital",
            ["Needs"] = "credit",
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await client.GetStringAsync($"/Households/Details/{id}");
        Assert.Contains("Hộ nghèo", page, StringComparison.Ordinal);
    }

    /// <summary>
    /// docs/standards.md §1.1, §2.1: the survey form asks the B1 score table and, QĐ 59 being run in parallel, the three
    /// QĐ 59-only indicators; a B1 score saved under TT 07/2021 classifies under NĐ 07 only, and the page says why QĐ 59
    /// cannot use it. The target API carries the incompleteness fields.
    /// </summary>
    [Fact]
    public async Task SurveyForm_B1ScoreTableAndQd59OnlyItems_AskedAndHonoured()
    {
        var api = await app.ApiClientAsync("xa");
        var created = await api.PostAsJsonAsync("/api/households", new { communeCode = AppFactory.CommuneA, headName = "Giàng A Súa" });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        var client = await app.PageClientAsync("xa");
        var form = await client.GetStringAsync($"/Households/Survey/{id}?year=2025");
        Assert.Contains("id=\"Input_B1ScoreTable\"", form, StringComparison.Ordinal);
        Assert.Contains("value=\"TT17_2016\"", form, StringComparison.Ordinal);
        foreach (var code in new[] { "health_access", "telecom_2016", "information_assets" })
        {
            Assert.Contains($"id=\"answer-{code}\"", form, StringComparison.Ordinal);
        }

        Assert.Contains("id=\"incomplete-note\"", form, StringComparison.Ordinal);
        var response = await client.PostAsync($"/Households/Survey/{id}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AppFactory.Antiforgery(form),
            ["Input.Year"] = "2025",
            ["Input.B1Score"] = "130",
            ["Input.B1ScoreTable"] = "TT07_2021",
            ["Answers[employment]"] = "true",
            ["Answers[dependants]"] = "true",
            ["Answers[nutrition]"] = "true",
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await client.GetStringAsync($"/Households/Details/{id}");
        Assert.Contains("Hộ nghèo", page, StringComparison.Ordinal); // NĐ 07: 130 ≤ 140 with three deprivations
        Assert.Contains("hai thang điểm khác nhau", System.Net.WebUtility.HtmlDecode(page), StringComparison.Ordinal); // QĐ 59 cannot take the score
        Assert.Contains("<option value=\"TT07_2021\" selected=\"selected\">", await client.GetStringAsync($"/Households/Survey/{id}?year=2025"), StringComparison.Ordinal);

        var targets = await (await app.ApiClientAsync("tinh")).GetFromJsonAsync<JsonElement>("/api/targets/11?year=2025");
        foreach (var target in targets.EnumerateArray())
        {
            Assert.True(target.TryGetProperty("incomplete", out _));
            Assert.True(target.TryGetProperty("actualPessimistic", out _));
        }
    }

    [Fact]
    public async Task StandardsPage_ShowsLinesWithTheirVerificationMarks()
    {
        var client = await app.PageClientAsync("tinh");
        var html = await client.GetStringAsync("/Standards");
        Assert.Contains("id=\"standard-ND07_2021\"", html, StringComparison.Ordinal);
        Assert.Contains("1.500.000", html, StringComparison.Ordinal);
        Assert.Contains("[M]", html, StringComparison.Ordinal);
        Assert.Contains("[V3]", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhatIf_Nd07ToNd351_CountsPerCommuneForTheScope()
    {
        var client = await app.PageClientAsync("xa");
        var html = await client.GetStringAsync("/Standards/WhatIf?year=2025&from=ND07_2021&to=ND351_2025");
        Assert.Contains("id=\"whatif\"", html, StringComparison.Ordinal);
        Assert.Contains("Xã Sín Thầu", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Xã Mường Nhé", html, StringComparison.Ordinal);
    }
}
