extern alias cli;

using System.CommandLine;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GiamNgheo.Application.Synthetic;
using GiamNgheo.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using CliCommands = cli::GiamNgheo.Cli.Commands;

namespace GiamNgheo.Web.Tests.Users;

/// <summary>A real installation: no demo, the first administrator from the CLI; and the demo on a database the CLI filled first.</summary>
public class FirstStartTests
{
    private static Dictionary<string, string?> Overrides(AppFactory app) => new()
    {
        ["Database:Provider"] = "Sqlite",
        ["ConnectionStrings:Sqlite"] = $"Data Source={app.DatabasePath}",
    };

    [Fact]
    public async Task NoDemo_LoginPageSaysHowToCreateTheAdministrator_CliUsersAdd_ThenTokenLoginWorks()
    {
        await using var app = AppFactory.Create(demo: false);
        using var anonymous = app.CreateClient();
        var login = await anonymous.GetStringAsync("/Account/Login");
        Assert.Contains("giamngheo users add admin --role system_admin", login, StringComparison.Ordinal);
        Assert.DoesNotContain("Dữ liệu mẫu (demo)", login, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/auth/token", new { userName = "admin", password = AppFactory.Password })).StatusCode);

        var root = new RootCommand { CliCommands.UsersCommand.Create(new StringReader("Quan@Tri2026x\n"), Overrides(app)) };
        Assert.Equal(0, await root.Parse(["users", "add", "quantri", "--role", "system_admin", "--full-name", "Nguyễn Thị Quản", "--position", "Chuyên viên CNTT", "--password-stdin"]).InvokeAsync());
        var refused = new RootCommand { CliCommands.UsersCommand.Create(new StringReader("Quan@Tri2026x\n"), Overrides(app)) };
        Assert.Equal(2, await refused.Parse(["users", "add", "xa-moi", "--role", "commune_officer", "--unit", "11", "--password-stdin"]).InvokeAsync());

        var token = await anonymous.PostAsJsonAsync("/api/auth/token", new { userName = "quantri", password = "Quan@Tri2026x" });
        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
        using var api = app.CreateClient();
        api.DefaultRequestHeaders.Authorization = new("Bearer", (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString());
        var me = await api.GetFromJsonAsync<JsonElement>("/api/me");
        Assert.Equal("Nguyễn Thị Quản", me.GetProperty("displayName").GetString());
        var users = await api.GetFromJsonAsync<JsonElement>("/api/users");
        Assert.Equal(1, users.GetProperty("totalCount").GetInt32());
        Assert.DoesNotContain("Dữ liệu mẫu (demo)", await anonymous.GetStringAsync("/Account/Login"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_OnADatabaseTheCliMigratedAndImportedFirst_StartsAndSignsIn()
    {
        await using var app = AppFactory.Create(demo: true);
        var folder = Directory.CreateTempSubdirectory("giamngheo-clifirst-").FullName;
        try
        {
            var generated = await new GenerateSyntheticProvinceHandler().ExecuteAsync(new GenerateSyntheticProvinceCommand
            {
                Options = new SyntheticProvinceOptions { ProvinceCode = "12", Households = 30, Seed = 3 },
                OutputDirectory = folder,
            }, null, CancellationToken.None);
            Assert.Null(generated.Error);
            Assert.Equal(0, await CliCommands.ImportCommand.RunAsync(GiamNgheo.Application.Imports.ImportRequest.Csv(generated.HouseholdsPath!, generated.MembersPath!),
                Path.Combine(folder, "errors.csv"), Overrides(app), TextWriter.Null, TextWriter.Null, CancellationToken.None));
            SqliteConnection.ClearAllPools();

            // Before the fix the start-up stopped here with "Sequence contains no elements".
            using var tinh = await app.ApiClientAsync("tinh");
            Assert.Equal(HttpStatusCode.OK, (await tinh.GetAsync("/api/me")).StatusCode);
            using var anonymous = app.CreateClient();
            Assert.Contains("Dữ liệu mẫu (demo)", await anonymous.GetStringAsync("/Account/Login"), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
