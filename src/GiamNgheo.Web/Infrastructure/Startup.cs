using GiamNgheo.Application.Demo;
using GiamNgheo.Application.Persistence;

namespace GiamNgheo.Web.Infrastructure;

internal static class Startup
{
    /// <summary>Migrates the database, loads reference data and, when <c>Demo:Seed</c> is true, the demo province.</summary>
    public static async Task InitializeAsync(WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        var services = scope.ServiceProvider;
        await services.GetRequiredService<DatabaseInitializer>().InitializeAsync();
        if (!app.Configuration.GetValue("Demo:Seed", true))
        {
            return;
        }

        var password = app.Configuration["Demo:Password"] ?? "GiamNgheo@2026";
        var accounts = await services.GetRequiredService<DemoSeeder>().SeedAsync(password, CancellationToken.None);
        Console.WriteLine();
        Console.WriteLine("Tài khoản demo / demo accounts (mật khẩu / password: " + password + "):");
        foreach (var a in accounts)
        {
            Console.WriteLine($"  {a.UserName,-8} {a.Role,-20} {a.ScopeName}");
        }

        Console.WriteLine();
    }
}
