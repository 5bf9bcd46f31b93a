using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GiamNgheo.Web.Tests.Infrastructure;

namespace GiamNgheo.Web.Tests.Reports;

public class ReportPagesTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static bool IsHouseholds(JsonElement row) =>
        string.Equals(row.GetProperty("kind").GetString(), "households", StringComparison.OrdinalIgnoreCase);

    [Fact]
    public async Task Dashboard_Leader_ShowsTheQd59TargetCardAndRankedCommunes()
    {
        var client = await app.PageClientAsync("lanhdao");
        var html = await client.GetStringAsync("/Dashboards");
        Assert.Contains("id=\"target-cards\"", html, StringComparison.Ordinal);
        Assert.Contains("data-standard=\"QD59_2015\"", html, StringComparison.Ordinal);
        Assert.Contains("Tỷ lệ hộ nghèo dưới 1%", html, StringComparison.Ordinal);
        Assert.Contains("commune-link", html, StringComparison.Ordinal);
        Assert.Contains("<svg", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dashboard_CommuneSeenByLeader_VillageCountsUnderFiveShownAsLessThanFive()
    {
        // Views shared outside the province (leader role): a village's counts of 1–4 households read "<5".
        var leader = await (await app.PageClientAsync("lanhdao")).GetStringAsync($"/Dashboards?unit={AppFactory.CommuneA}");
        var officer = await (await app.PageClientAsync("tinh")).GetStringAsync($"/Dashboards?unit={AppFactory.CommuneA}");
        const string Notice = "Số hộ dưới 5 của thôn hiển thị là";
        Assert.Contains(Notice, leader, StringComparison.Ordinal);
        Assert.DoesNotContain(Notice, officer, StringComparison.Ordinal);
        Assert.DoesNotContain("&lt;5", officer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dashboard_CommuneOutsideScope_NotFound()
    {
        var client = await app.PageClientAsync("xa");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/Dashboards?unit={AppFactory.CommuneA}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/Dashboards?unit=11")).StatusCode);
        var api = await app.ApiClientAsync("xa");
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync("/api/reports/11/2025/ND07_2021?form=1")).StatusCode);
    }

    [Fact]
    public async Task Reports_ProvinceForm1_TotalEqualsSumOfCommunesAndExports()
    {
        // 2023 is the demo's baseline review (every household surveyed); 2025 a periodic review of the list and the
        // applicants (the demo history): in both the province's total is the sum of its communes.
        var api = await app.ApiClientAsync("tinh");
        foreach (var year in new[] { 2023, 2025 })
        {
            var view = await api.GetFromJsonAsync<JsonElement>($"/api/reports/11/{year}/ND07_2021?form=1&form=2");
            var table = view.GetProperty("tables")[0];
            var rows = table.GetProperty("rows").EnumerateArray().Where(r => IsHouseholds(r)).ToList();
            var total = rows.Single(r => r.GetProperty("isTotal").GetBoolean()).GetProperty("values")[0].GetDecimal();
            Assert.True(year != 2023 || total == 2000m, $"2023 total {total}");
            Assert.True(total > 0);
            Assert.Equal(total, rows.Where(r => !r.GetProperty("isTotal").GetBoolean()).Sum(r => r.GetProperty("values")[0].GetDecimal()));
        }

        var client = await app.PageClientAsync("tinh");
        var page = await client.GetStringAsync("/Reports?unit=11&year=2025&standard=ND07_2021&form=1");
        Assert.Contains("Tổng hợp kết quả chính thức rà soát", page, StringComparison.Ordinal);
        var xlsx = await client.GetAsync("/Reports?handler=Export&format=xlsx&unit=11&year=2025&standard=ND07_2021&form=1");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType!.MediaType);
        var pdf = await client.GetByteArrayAsync("/Reports?handler=Export&format=pdf&unit=11&year=2025&standard=ND07_2021&form=1");
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(pdf, 0, 4));
    }

    [Fact]
    public async Task Households_FilteredByStandardYearCategory_OnlyThatCategory()
    {
        var api = await app.ApiClientAsync("tinh");
        var view = await api.GetFromJsonAsync<JsonElement>($"/api/reports/{AppFactory.CommuneA}/2025/QD59_2015?form=1");
        var poor = (int)view.GetProperty("tables")[0].GetProperty("rows").EnumerateArray()
            .Single(r => r.GetProperty("isTotal").GetBoolean() && IsHouseholds(r)).GetProperty("values")[1].GetDecimal();
        var client = await app.PageClientAsync("tinh");
        var html = await client.GetStringAsync($"/Households?commune={AppFactory.CommuneA}&standard=QD59_2015&year=2025&category=poor");
        Assert.Contains($"<strong id=\"total\">{poor.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("vi-VN"))}</strong>", html, StringComparison.Ordinal);
    }
}
