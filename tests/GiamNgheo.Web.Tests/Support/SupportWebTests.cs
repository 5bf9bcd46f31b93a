using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using GiamNgheo.Web.Tests.Infrastructure;

namespace GiamNgheo.Web.Tests.Support;

public class SupportWebTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Api_Worklist_RecordSupport_ClosesTheGap_OtherCommuneGets404()
    {
        var api = await app.ApiClientAsync("xa");
        var worklist = await api.GetFromJsonAsync<JsonElement>($"/api/support/worklist?communeCode={AppFactory.CommuneA}&policyCode=HI_POOR&pageSize=5");
        Assert.True(worklist.GetProperty("totalCount").GetInt32() > 0);
        var id = worklist.GetProperty("items")[0].GetProperty("householdId").GetInt64();

        var created = await api.PostAsJsonAsync($"/api/households/{id}/support", new
        {
            policyCode = "HI_POOR", date = "2026-01-15", amountDong = 1_263_600, funding = "central_budget", reference = "DB4011100000001",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var gaps = await api.GetFromJsonAsync<JsonElement>($"/api/households/{id}/gaps");
        var hi = gaps.GetProperty("policies").EnumerateArray().Single(p => p.GetProperty("policyCode").GetString() == "HI_POOR");
        Assert.False(hi.GetProperty("gap").GetBoolean());

        var bad = await api.PostAsJsonAsync($"/api/households/{id}/support", new { policyCode = "NOPE", date = "2026-01-15", amountDong = -1 });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("không được âm", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var other = await app.ApiClientAsync("xa2");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/households/{id}/support")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync($"/api/households/{id}/support", new { policyCode = "HI_POOR", date = "2026-01-15" })).StatusCode);
    }

    [Fact]
    public async Task Api_Policies_ListsTheCatalogue_OnlyAdministratorsEdit()
    {
        var api = await app.ApiClientAsync("xa");
        var list = await api.GetFromJsonAsync<JsonElement>("/api/policies");
        Assert.Equal(21, list.GetArrayLength());
        var json = await api.GetStringAsync("/api/policies/ELECTRICITY");
        var put = await api.PutAsync("/api/policies/ELECTRICITY", new StringContent(json, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Forbidden, put.StatusCode);

        var tinh = await app.ApiClientAsync("tinh");
        var edited = json.Replace("138000", "150000", StringComparison.Ordinal);
        var ok = await tinh.PutAsync("/api/policies/ELECTRICITY", new StringContent(edited, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Contains("150000", await tinh.GetStringAsync("/api/policies/ELECTRICITY"), StringComparison.Ordinal);
        await tinh.PutAsync("/api/policies/ELECTRICITY", new StringContent(json, Encoding.UTF8, "application/json"));
    }

    [Fact]
    public async Task Pages_WorklistCoverageHouseholdSectionAndExport_Render()
    {
        var client = await app.PageClientAsync("xa");
        var worklist = await client.GetStringAsync($"/Support?commune={AppFactory.CommuneA}");
        Assert.Contains("id=\"worklist\"", worklist, StringComparison.Ordinal);
        Assert.Contains("gap-HI_POOR", worklist, StringComparison.Ordinal);
        Assert.Contains("id=\"nosupport\"", await client.GetStringAsync($"/Support?commune={AppFactory.CommuneA}&view=nosupport"), StringComparison.Ordinal);
        Assert.Contains("id=\"coverage-totals\"", await client.GetStringAsync("/Support/Coverage"), StringComparison.Ordinal);
        Assert.Contains("id=\"policies\"", await client.GetStringAsync("/Policies"), StringComparison.Ordinal);

        var api = await app.ApiClientAsync("xa");
        var first = await api.GetFromJsonAsync<JsonElement>($"/api/support/worklist?communeCode={AppFactory.CommuneA}&pageSize=1");
        var id = first.GetProperty("items")[0].GetProperty("householdId").GetInt64();
        var details = await client.GetStringAsync($"/Households/Details/{id}");
        Assert.Contains("Hỗ trợ đã nhận", details, StringComparison.Ordinal);
        Assert.Contains("id=\"support-gaps\"", details, StringComparison.Ordinal);
        Assert.Contains("id=\"record-form\"", await client.GetStringAsync($"/Support/Record/{id}?policy=ELECTRICITY"), StringComparison.Ordinal);
        Assert.Contains("id=\"plan-form\"", await client.GetStringAsync($"/Support/Plan/{id}"), StringComparison.Ordinal);

        var xlsx = await client.GetAsync($"/Support?handler=Export&commune={AppFactory.CommuneA}");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType!.MediaType);
        var bytes = await xlsx.Content.ReadAsByteArrayAsync();
        Assert.Equal((byte)'P', bytes[0]);

        var other = await app.PageClientAsync("xa2");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/Support/Record/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/Support?commune={AppFactory.CommuneA}")).StatusCode);
    }

    [Fact]
    public async Task Api_ImportWithABadRow_Returns422WithTheReport()
    {
        var api = await app.ApiClientAsync("xa");
        var first = await api.GetFromJsonAsync<JsonElement>($"/api/support/worklist?communeCode={AppFactory.CommuneA}&pageSize=1");
        var code = first.GetProperty("items")[0].GetProperty("code").GetString();
        var csv = $"ma_ho,ma_chinh_sach,ngay,so_tien\n{code},ELECTRICITY,05/10/2026,138000\n{code},KHONG_CO,05/10/2026,1\n";
        using var form = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "file", "dien.csv" } };
        var response = await api.PostAsync("/api/support/import", form);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var report = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(report.GetProperty("committed").GetBoolean());
        Assert.Equal(3, report.GetProperty("errors")[0].GetProperty("row").GetInt32());
    }
}
