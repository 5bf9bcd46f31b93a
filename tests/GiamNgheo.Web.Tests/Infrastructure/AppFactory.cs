using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

namespace GiamNgheo.Web.Tests.Infrastructure;

/// <summary>
/// The real app on a fresh SQLite file with the demo province (Điện Biên, accounts xa = Xã Sín Thầu 03158,
/// xa2 = Xã Mường Nhé 03160, tinh = province, …). One per test class.
/// </summary>
public sealed partial class AppFactory : WebApplicationFactory<Program>
{
    public const string Password = "GiamNgheo@2026";
    public const string CommuneA = "03158";
    public const string CommuneB = "03160";

    private readonly string dbPath = Path.Combine(Path.GetTempPath(), $"giamngheo-web-{Guid.NewGuid():N}.db");
    private readonly bool demo;

    public AppFactory()
        : this(demo: true)
    {
    }

    private AppFactory(bool demo) => this.demo = demo;

    /// <param name="demo">False: a real installation's start (<c>Demo:Seed</c> off, no account until <c>giamngheo users add</c>).</param>
    public static AppFactory Create(bool demo) => new(demo);

    /// <summary>The SQLite file of this app (the CLI can fill it before the app starts).</summary>
    public string DatabasePath => dbPath;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:Sqlite", $"Data Source={dbPath}");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Demo:Seed", demo ? "true" : "false");
        builder.UseSetting("Demo:Password", Password);
        builder.UseSetting("urls", "http://127.0.0.1:0");
        // Each app keeps its own key ring: apps of parallel test classes must not rotate keys under each other.
        builder.UseSetting("DataProtection:Path", dbPath + ".keys");
        builder.UseEnvironment("Testing");
    }

    /// <summary>A client signed in with a bearer token (API).</summary>
    public async Task<HttpClient> ApiClientAsync(string user)
    {
        var client = CreateClient();
        var response = await client.PostAsJsonAsync("/api/auth/token", new { userName = user, password = Password });
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<TokenResponse>();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token!.AccessToken);
        return client;
    }

    /// <summary>A client signed in through the login page (cookie), as a browser would.</summary>
    public async Task<HttpClient> PageClientAsync(string user)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var login = await client.GetStringAsync("/Account/Login");
        var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = user,
            ["Password"] = Password,
            ["__RequestVerificationToken"] = Antiforgery(login),
        }));
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Login of {user} failed: {response.StatusCode}");
        }

        return client;
    }

    public static string Antiforgery(string html) => AntiforgeryPattern().Match(html) is { Success: true } m
        ? WebUtility.HtmlDecode(m.Groups[1].Value)
        : throw new InvalidOperationException("No antiforgery token in the page.");

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryPattern();

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(dbPath + ".keys", recursive: true);
        }
        catch (IOException)
        {
        }

        foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
        {
            try
            {
                File.Delete(dbPath + suffix);
            }
            catch (IOException)
            {
            }
        }
    }

    private sealed record TokenResponse(string AccessToken);
}
