using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GiamNgheo.Web.Tests.Infrastructure;

namespace GiamNgheo.Web.Tests.Reviews;

public class ReviewsApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    /// <summary>The 2026 periodic campaign's review of Xã Sín Thầu (opened when missing; the demo's history ends in 2025).</summary>
    internal static async Task<long> CommuneReviewAsync(AppFactory app)
    {
        var tinh = await app.ApiClientAsync("tinh");
        var campaigns = await tinh.GetFromJsonAsync<JsonElement>("/api/reviews/campaigns");
        // The demo carries the decided periodic reviews of 2023–2025 (its history); these tests work on a new 2026 one.
        long campaignId;
        var open = campaigns.EnumerateArray().Where(c => c.GetProperty("year").GetInt32() == 2026).ToList();
        if (open.Count == 0)
        {
            var opened = await tinh.PostAsJsonAsync("/api/reviews/campaigns", new { year = 2026, kind = "periodic" });
            Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
            campaignId = (await opened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        }
        else
        {
            campaignId = open[0].GetProperty("id").GetInt64();
        }

        var overview = await tinh.GetFromJsonAsync<JsonElement>($"/api/reviews/campaigns/{campaignId}");
        Assert.Equal(4, overview.GetProperty("communes").GetArrayLength());
        return overview.GetProperty("communes").EnumerateArray().Single(c => c.GetProperty("communeCode").GetString() == AppFactory.CommuneA)
            .GetProperty("communeReviewId").GetInt64();
    }

    [Fact]
    public async Task OpenPeriodic_CommuneOfficer_Forbidden()
    {
        var xa = await app.ApiClientAsync("xa");
        var response = await xa.PostAsJsonAsync("/api/reviews/campaigns", new { year = 2026, kind = "periodic" });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Decide_BeforeSurveyAndPosting_ConflictWithVietnameseReason()
    {
        var id = await CommuneReviewAsync(app);
        var xa = await app.ApiClientAsync("xa");
        var response = await xa.PostAsJsonAsync($"/api/reviews/communes/{id}/decision", new { number = "1/QĐ-UBND", signedOn = "2026-11-20", signer = "Lò Văn Thắng" });
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.StartsWith("Không thể ra quyết định công nhận", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
        var board = await xa.GetFromJsonAsync<JsonElement>($"/api/reviews/communes/{id}");
        Assert.Equal("listing", board.GetProperty("state").GetString());
    }

    [Fact]
    public async Task DecisionPdf_BeforeTheDecision_ConflictWithVietnameseReason()
    {
        var id = await CommuneReviewAsync(app);
        var xa = await app.ApiClientAsync("xa");
        var response = await xa.GetAsync($"/api/reviews/communes/{id}/decision.pdf");
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("Mẫu 02", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
        var xa2 = await app.ApiClientAsync("xa2");
        Assert.Equal(HttpStatusCode.NotFound, (await xa2.GetAsync($"/api/reviews/communes/{id}/decision.pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await xa.GetAsync("/api/reviews/history/999999999")).StatusCode);
    }

    [Fact]
    public async Task Board_OtherCommuneOfficer_NotFound()
    {
        var id = await CommuneReviewAsync(app);
        var xa2 = await app.ApiClientAsync("xa2");
        Assert.Equal(HttpStatusCode.NotFound, (await xa2.GetAsync($"/api/reviews/communes/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await xa2.PostAsync($"/api/reviews/communes/{id}/list", null)).StatusCode);
    }

    [Fact]
    public async Task BoardPage_CommuneOfficer_ShowsWhatBlocksInVietnamese()
    {
        var id = await CommuneReviewAsync(app);
        var client = await app.PageClientAsync("xa");
        var html = await client.GetStringAsync($"/Reviews/Board/{id}");
        Assert.Contains("Lập danh sách", html, StringComparison.Ordinal);
        Assert.Contains("Danh sách rà soát chưa có hộ nào.", html, StringComparison.Ordinal);
    }
}

/// <summary>Builds the list, so it has its own app: the other review tests expect an empty list.</summary>
public class ReviewBoardPagingTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task BoardPage_LongList_PagesFiftyRowsAtATime()
    {
        var id = await ReviewsApiTests.CommuneReviewAsync(app);
        var api = await app.ApiClientAsync("xa");
        Assert.True((await api.PostAsync($"/api/reviews/communes/{id}/list", null)).IsSuccessStatusCode);
        var board = await api.GetFromJsonAsync<JsonElement>($"/api/reviews/communes/{id}");
        var total = board.GetProperty("households").GetArrayLength();
        Assert.True(total > 50, $"expected a long list, got {total}");

        var client = await app.PageClientAsync("xa");
        var first = await client.GetStringAsync($"/Reviews/Board/{id}");
        var second = await client.GetStringAsync($"/Reviews/Board/{id}?page=2");
        Assert.Equal(50, System.Text.RegularExpressions.Regex.Count(first, "<tr data-household="));
        Assert.Contains("rel=\"next\"", first, StringComparison.Ordinal);
        Assert.Contains("Trang 2 /", second, StringComparison.Ordinal);
        Assert.Contains("rel=\"prev\"", second, StringComparison.Ordinal);
    }
}
