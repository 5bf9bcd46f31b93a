using GiamNgheo.Application.Demo;
using GiamNgheo.Application.Persistence;

namespace GiamNgheo.Web.Infrastructure;

internal static class Startup
{
    /// <summary>Migrates the database, loads reference data and, when the demo is asked for (<see cref="DemoMode"/>), the demo province.</summary>
    public static async Task InitializeAsync(WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        var services = scope.ServiceProvider;
        await services.GetRequiredService<DatabaseInitializer>().InitializeAsync();
        var demo = services.GetRequiredService<DemoMode>();
        if (demo.RefusedInProduction)
        {
            Console.WriteLine("Demo:Seed bị bỏ qua: môi trường Production không bao giờ tạo dữ liệu và tài khoản demo. " +
                "Demo:Seed is ignored in the Production environment.");
        }

        if (!demo.On)
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
