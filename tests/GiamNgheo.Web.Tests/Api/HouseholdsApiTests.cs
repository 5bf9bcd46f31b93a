using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GiamNgheo.Web.Tests.Infrastructure;

namespace GiamNgheo.Web.Tests.Api;

public class HouseholdsApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static object Member(string name, string? personalId, string relation = "child", string dob = "2016-05-02", string sex = "female") => new
    {
        fullName = name,
        sex,
        dateOfBirth = dob,
        ethnicityCode = "03",
        relationToHead = relation,
        personalId,
        hasHealthInsurance = true,
        education = "primary",
        schooling = "inSchool",
        disability = "none",
        employment = "notInLabourForce",
    };

    private async Task<JsonElement> CreateAsync(HttpClient client, string commune, string head, string personalId)
    {
        var response = await client.PostAsJsonAsync("/api/households", new
        {
            communeCode = commune,
            headName = head,
            address = "Bản Thử",
            members = new[] { Member(head, personalId, "head", "1980-01-01", "male") },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task Crud_CommuneOfficer_CreatesEditsAddsAndRemovesMembers()
    {
        var client = await app.ApiClientAsync("xa");
        var created = await CreateAsync(client, AppFactory.CommuneA, "Quàng Văn Thử", "011080009991");
        var id = created.GetProperty("id").GetInt64();
        Assert.Equal("0110******91", created.GetProperty("members")[0].GetProperty("personalId").GetString());

        var updated = await client.PutAsJsonAsync($"/api/households/{id}", new
        {
            communeCode = AppFactory.CommuneA, headName = "Quàng Văn Thử", address = "Bản Mới", version = created.GetProperty("version").GetInt32(),
        });
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var stale = await client.PutAsJsonAsync($"/api/households/{id}", new
        {
            communeCode = AppFactory.CommuneA, headName = "Quàng Văn Thử", address = "Bản Cũ", version = created.GetProperty("version").GetInt32(),
        });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);

        var added = await client.PostAsJsonAsync($"/api/households/{id}/members", Member("Quàng Thị Con", null));
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var withChild = await added.Content.ReadFromJsonAsync<JsonElement>();
        var childId = withChild.GetProperty("members").EnumerateArray().Single(m => m.GetProperty("relationToHead").GetString() == "child").GetProperty("id").GetInt64();
        var removed = await client.DeleteAsync($"/api/households/{id}/members/{childId}");
        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/households/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/households/{id}")).StatusCode);
    }

    [Fact]
    public async Task Create_InvalidFields_ValidationProblemNamingEachField()
    {
        var client = await app.ApiClientAsync("xa");
        var response = await client.PostAsJsonAsync("/api/households", new
        {
            communeCode = AppFactory.CommuneA,
            headName = "",
            members = new[] { Member("Lò Văn A", "12AB", "head", "2090-01-01", "male") },
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("headName", out _));
        Assert.True(errors.TryGetProperty("members[0].personalId", out var idErrors));
        Assert.Contains("12 chữ số", idErrors[0].GetString(), StringComparison.Ordinal);
        Assert.True(errors.TryGetProperty("members[0].dateOfBirth", out _));
    }

    [Fact]
    public async Task Search_WithoutDiacritics_FindsTheNameWithThem()
    {
        var client = await app.ApiClientAsync("xa");
        await CreateAsync(client, AppFactory.CommuneA, "Nguyễn Văn Ấn", "011080009992");
        var page = await client.GetFromJsonAsync<JsonElement>("/api/households?search=nguyen%20van%20an");
        Assert.Contains(page.GetProperty("items").EnumerateArray(), i => i.GetProperty("headName").GetString() == "Nguyễn Văn Ấn");
    }

    /// <summary>Every household endpoint answers 404 to a commune officer of another commune.</summary>
    [Fact]
    public async Task Scope_OtherCommuneOfficer_EveryHouseholdEndpointAnswers404()
    {
        var owner = await app.ApiClientAsync("xa");
        var household = await CreateAsync(owner, AppFactory.CommuneA, "Lường Văn Riêng", "011080009993");
        var id = household.GetProperty("id").GetInt64();
        var memberId = household.GetProperty("members")[0].GetProperty("id").GetInt64();
        var other = await app.ApiClientAsync("xa2");

        var responses = new List<(string, HttpResponseMessage)>
        {
            ("GET one", await other.GetAsync($"/api/households/{id}")),
            ("GET one with ids", await other.GetAsync($"/api/households/{id}?showPersonalIds=true")),
            ("PUT", await other.PutAsJsonAsync($"/api/households/{id}", new { communeCode = AppFactory.CommuneA, headName = "X" })),
            ("DELETE", await other.DeleteAsync($"/api/households/{id}")),
            ("POST member", await other.PostAsJsonAsync($"/api/households/{id}/members", Member("Y", null))),
            ("PUT member", await other.PutAsJsonAsync($"/api/households/{id}/members/{memberId}", Member("Y", null))),
            ("DELETE member", await other.DeleteAsync($"/api/households/{id}/members/{memberId}")),
        };
        Assert.All(responses, r => Assert.True(r.Item2.StatusCode == HttpStatusCode.NotFound, r.Item1 + " answered " + r.Item2.StatusCode));

        var list = await other.GetFromJsonAsync<JsonElement>($"/api/households?search=luong%20van%20rieng");
        Assert.Equal(0, list.GetProperty("totalCount").GetInt32());
        var filtered = await other.GetFromJsonAsync<JsonElement>($"/api/households?communeCode={AppFactory.CommuneA}");
        Assert.Equal(0, filtered.GetProperty("totalCount").GetInt32());

        // The audit endpoint is for administrators; a provincial officer of another province gets 404 too.
        var tinh = await app.ApiClientAsync("tinh");
        Assert.Equal(HttpStatusCode.OK, (await tinh.GetAsync($"/api/households/{id}/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/api/households/{id}/audit")).StatusCode);

        // Still there, unchanged, for its owner.
        var mine = await owner.GetFromJsonAsync<JsonElement>($"/api/households/{id}");
        Assert.Equal("Lường Văn Riêng", mine.GetProperty("headName").GetString());
        Assert.Equal(1, mine.GetProperty("members").GetArrayLength());
    }

    [Fact]
    public async Task PersonalIds_LeaderSeesMasked_OfficerSeesWholeOnRequest()
    {
        var owner = await app.ApiClientAsync("xa");
        var household = await CreateAsync(owner, AppFactory.CommuneA, "Điêu Văn Định", "011080009994");
        var id = household.GetProperty("id").GetInt64();
        var whole = await owner.GetFromJsonAsync<JsonElement>($"/api/households/{id}?showPersonalIds=true");
        Assert.Equal("011080009994", whole.GetProperty("members")[0].GetProperty("personalId").GetString());
        var leader = await app.ApiClientAsync("lanhdao");
        var masked = await leader.GetFromJsonAsync<JsonElement>($"/api/households/{id}?showPersonalIds=true");
        Assert.Equal("0110******94", masked.GetProperty("members")[0].GetProperty("personalId").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await leader.DeleteAsync($"/api/households/{id}")).StatusCode);
        var audit = await (await app.ApiClientAsync("tinh")).GetFromJsonAsync<JsonElement[]>($"/api/households/{id}/audit");
        Assert.Contains(audit!, a => a.GetProperty("action").GetString() == "view_personal_id" && a.GetProperty("userName").GetString() == "xa");
    }
}
