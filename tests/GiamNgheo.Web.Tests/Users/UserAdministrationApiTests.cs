using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GiamNgheo.Application.AdminUnits;
using GiamNgheo.Application.Persistence;
using GiamNgheo.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GiamNgheo.Web.Tests.Users;

/// <summary>User administration through <c>/api/users</c> on the demo: scope, roles, versions, revocation, forced change.</summary>
public class UserAdministrationApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string NewPassword = "Moi@Khau2026x";

    private async Task<string> VillageOfAsync(string commune)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.AdminUnits.Where(u => u.ParentCode == commune && u.Level == AdminLevel.Village && u.ValidTo == null)
            .OrderBy(u => u.Code).Select(u => u.Code).FirstAsync();
    }

    private static object NewUser(string userName, string role, string? unit) => new
    {
        userName,
        fullName = "Hoàng Thị Thu",
        position = "Rà soát viên",
        password = AppFactory.Password,
        role,
        unitCode = unit,
    };

    private async Task<string> TokenAsync(string user, string password)
    {
        using var client = app.CreateClient();
        var response = await client.PostAsJsonAsync("/api/auth/token", new { userName = user, password });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    private HttpClient Bearer(string token)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }

    [Fact]
    public async Task CommuneOfficer_CannotCreateProvincialOfficerOrUserInAnotherCommune_CreatesOwnVillageReviewer()
    {
        using var xa = await app.ApiClientAsync("xa");
        var above = await xa.PostAsJsonAsync("/api/users", NewUser("u-tinh-moi", "provincial_officer", "11"));
        Assert.Equal(HttpStatusCode.BadRequest, above.StatusCode);
        var problem = await above.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("Bạn không được giao vai trò", problem.GetProperty("errors").GetProperty("role")[0].GetString(), StringComparison.Ordinal);

        var foreign = await xa.PostAsJsonAsync("/api/users", NewUser("u-thon-xa2", "village_reviewer", await VillageOfAsync(AppFactory.CommuneB)));
        Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);
        problem = await foreign.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("ngoài phạm vi", problem.GetProperty("errors").GetProperty("unitCode")[0].GetString(), StringComparison.Ordinal);

        var own = await xa.PostAsJsonAsync("/api/users", NewUser("u-thon-xa", "village_reviewer", await VillageOfAsync(AppFactory.CommuneA)));
        Assert.Equal(HttpStatusCode.Created, own.StatusCode);
        var created = await own.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(created.GetProperty("mustChangePassword").GetBoolean());

        // Users outside the scope do not exist for the commune officer: xa2 (another commune) and the province's officer.
        using var admin = await app.ApiClientAsync("admin");
        var all = await admin.GetFromJsonAsync<JsonElement>("/api/users?pageSize=200");
        string IdOf(string name) => all.GetProperty("items").EnumerateArray().First(u => u.GetProperty("userName").GetString() == name).GetProperty("id").GetString()!;
        Assert.Equal(HttpStatusCode.NotFound, (await xa.GetAsync($"/api/users/{IdOf("xa2")}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await xa.PostAsync($"/api/users/{IdOf("tinh")}/lock", null)).StatusCode);
        var mine = await xa.GetFromJsonAsync<JsonElement>("/api/users");
        Assert.All(mine.GetProperty("items").EnumerateArray(), u => Assert.Equal("village_reviewer", u.GetProperty("role").GetString()));
        Assert.Contains(mine.GetProperty("items").EnumerateArray(), u => u.GetProperty("userName").GetString() == "u-thon-xa");

        // A village reviewer administers nobody.
        using var thon = await app.ApiClientAsync("thon");
        Assert.Equal(HttpStatusCode.Forbidden, (await thon.GetAsync("/api/users")).StatusCode);

        // Edits need the version read; a stale one is a conflict.
        var id = created.GetProperty("id").GetString()!;
        var version = created.GetProperty("version").GetString()!;
        var edit = await xa.PatchAsJsonAsync($"/api/users/{id}", new { fullName = "Hoàng Thị Thu Hà", version });
        Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
        Assert.Equal("Hoàng Thị Thu Hà", (await edit.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("fullName").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await xa.PatchAsJsonAsync($"/api/users/{id}", new { position = "Trưởng thôn", version })).StatusCode);
        var noVersion = await xa.PatchAsJsonAsync($"/api/users/{id}", new { position = "Trưởng thôn" });
        Assert.Equal(HttpStatusCode.BadRequest, noVersion.StatusCode);

        // Audited with the acting user; deactivated, never deleted.
        Assert.Equal(HttpStatusCode.OK, (await xa.PostAsync($"/api/users/{id}/deactivate", null)).StatusCode);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var audit = await db.AuditRecords.Where(a => a.EntityId == id).ToListAsync();
        Assert.Contains(audit, a => a.UserName == "xa" && a.Action == "create" && a.Changes.Contains("u-thon-xa", StringComparison.Ordinal));
        Assert.Contains(audit, a => a.UserName == "xa" && a.Changes.Contains("DeactivatedAtUtc", StringComparison.Ordinal));
        Assert.True(await db.Users.AnyAsync(u => u.Id == id && u.DeactivatedAtUtc != null));
    }

    [Fact]
    public async Task LockedUser_BearerTokenStopsWorkingAtOnce_ResetForcesChangeAtNextLogin()
    {
        using var tinh = await app.ApiClientAsync("tinh");
        var created = await tinh.PostAsJsonAsync("/api/users", NewUser("u-khoa", "commune_officer", AppFactory.CommuneB));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;

        // A first password chosen by the province: the API refuses work until the user changes it.
        using (var first = Bearer(await TokenAsync("u-khoa", AppFactory.Password)))
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await first.GetAsync("/api/households?pageSize=1")).StatusCode);
            var changed = await first.PostAsJsonAsync("/api/me/password", new { currentPassword = AppFactory.Password, newPassword = NewPassword });
            Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        }

        using var user = Bearer(await TokenAsync("u-khoa", NewPassword));
        Assert.Equal(HttpStatusCode.OK, (await user.GetAsync("/api/households?pageSize=1")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await tinh.PostAsync($"/api/users/{id}/lock", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await user.GetAsync("/api/households?pageSize=1")).StatusCode);
        using (var client = app.CreateClient())
        {
            var again = await client.PostAsJsonAsync("/api/auth/token", new { userName = "u-khoa", password = NewPassword });
            Assert.Equal(HttpStatusCode.Unauthorized, again.StatusCode);
        }

        // Unlocked, then a reset by the province: the old token is dead and the page login leads to the change page only.
        Assert.Equal(HttpStatusCode.OK, (await tinh.PostAsync($"/api/users/{id}/unlock", null)).StatusCode);
        using var fresh = Bearer(await TokenAsync("u-khoa", NewPassword));
        var reset = await tinh.PostAsJsonAsync($"/api/users/{id}/reset-password", new { password = "Dat@Lai2026x" });
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await fresh.GetAsync("/api/households?pageSize=1")).StatusCode);
        var weak = await tinh.PostAsJsonAsync($"/api/users/{id}/reset-password", new { password = "ngan" });
        Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
        var weakErrors = (await weak.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("password");
        Assert.Contains(weakErrors.EnumerateArray(), e => e.GetString()!.Contains("ít nhất 10 ký tự", StringComparison.Ordinal));

        using var page = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        var login = await page.GetStringAsync("/Account/Login");
        var posted = await page.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = "u-khoa",
            ["Password"] = "Dat@Lai2026x",
            ["__RequestVerificationToken"] = AppFactory.Antiforgery(login),
        }));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var households = await page.GetAsync("/Households");
        Assert.Equal(HttpStatusCode.Redirect, households.StatusCode);
        Assert.StartsWith("/Account/ChangePassword", households.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var form = await page.GetStringAsync("/Account/ChangePassword");
        Assert.Contains("must-change", form, StringComparison.Ordinal);
        var refused = await page.PostAsync("/Account/ChangePassword", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = "Dat@Lai2026x",
            ["Input.NewPassword"] = "Cua@Toi2026x",
            ["Input.ConfirmPassword"] = "khac",
            ["__RequestVerificationToken"] = AppFactory.Antiforgery(form),
        }));
        Assert.Contains("Nhập lại mật khẩu mới chưa khớp", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var done = await page.PostAsync("/Account/ChangePassword", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = "Dat@Lai2026x",
            ["Input.NewPassword"] = "Cua@Toi2026x",
            ["Input.ConfirmPassword"] = "Cua@Toi2026x",
            ["__RequestVerificationToken"] = AppFactory.Antiforgery(form),
        }));
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await page.GetAsync("/Households")).StatusCode);
    }

    [Fact]
    public async Task DemoOn_EveryPageShowsTheBanner_HeaderShowsThePersonsName()
    {
        using var anonymous = app.CreateClient();
        Assert.Contains("Dữ liệu mẫu (demo)", await anonymous.GetStringAsync("/Account/Login"), StringComparison.Ordinal);
        using var xa = await app.PageClientAsync("xa");
        var home = await xa.GetStringAsync("/");
        Assert.Contains("Dữ liệu mẫu (demo)", home, StringComparison.Ordinal);
        Assert.Contains("Vàng A Chính", home, StringComparison.Ordinal);
        Assert.Contains("Cán bộ giảm nghèo cấp xã", home, StringComparison.Ordinal);
    }
}
