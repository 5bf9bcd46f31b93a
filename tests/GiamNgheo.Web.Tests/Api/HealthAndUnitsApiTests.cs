using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GiamNgheo.Web.Tests.Infrastructure;

namespace GiamNgheo.Web.Tests.Api;

public class HealthAndUnitsApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Health_Anonymous_AnswersWithTheDatabase()
    {
        var response = await app.CreateClient().GetFromJsonAsync<JsonElement>("/health");
        Assert.Equal("ok", response.GetProperty("status").GetString());
        Assert.Equal("sqlite", response.GetProperty("database").GetString());
    }

    [Fact]
    public async Task OpenApi_Document_IsServed()
    {
        var response = await app.CreateClient().GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("/api/households", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_WithoutCredentials_Answers401NotARedirect()
    {
        var response = await app.CreateClient(new() { AllowAutoRedirect = false }).GetAsync("/api/households");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task AdminUnits_ProvincesTodayAndBeforeTheReform_34And63()
    {
        var client = await app.ApiClientAsync("xa");
        var today = await client.GetFromJsonAsync<JsonElement[]>("/api/admin-units?level=province");
        var before = await client.GetFromJsonAsync<JsonElement[]>("/api/admin-units?level=province&asOf=2024-12-31");
        Assert.Equal(34, today!.Length);
        Assert.Equal(63, before!.Length);
        var children = await client.GetFromJsonAsync<JsonElement[]>("/api/admin-units/11/children");
        Assert.Equal(45, children!.Length);
        Assert.Contains(children, c => c.GetProperty("code").GetString() == "03127" && c.GetProperty("areaType").GetString() == "urban");
        var villages = await client.GetFromJsonAsync<JsonElement[]>($"/api/admin-units/{AppFactory.CommuneA}/children");
        Assert.NotEmpty(villages!);
        Assert.All(villages!, v => Assert.Equal("village", v.GetProperty("level").GetString()));
        Assert.All(villages!, v => Assert.Equal(AppFactory.CommuneA, v.GetProperty("parentCode").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/admin-units/99/children")).StatusCode);
    }

    [Fact]
    public async Task Villages_CommuneOfficer_CreatesInOwnCommuneOnly()
    {
        var client = await app.ApiClientAsync("xa");
        var created = await client.PostAsJsonAsync($"/api/admin-units/{AppFactory.CommuneA}/villages", new { name = "Bản Mới" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var other = await client.PostAsJsonAsync($"/api/admin-units/{AppFactory.CommuneB}/villages", new { name = "Bản Khác" });
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
    }

    [Fact]
    public async Task AreaType_CommuneOfficer_Forbidden_ProvincialOfficer_Sets()
    {
        var xa = await app.ApiClientAsync("xa");
        var refused = await xa.PutAsJsonAsync($"/api/admin-units/{AppFactory.CommuneA}/area-type", new { areaType = "urban", effectiveFrom = "2026-01-01" });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var tinh = await app.ApiClientAsync("tinh");
        var ok = await tinh.PutAsJsonAsync($"/api/admin-units/{AppFactory.CommuneA}/area-type", new { areaType = "urban", effectiveFrom = "2026-01-01" });
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
    }
}
