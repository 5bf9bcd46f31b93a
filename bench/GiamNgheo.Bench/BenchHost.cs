using GiamNgheo.Application;
using GiamNgheo.Application.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GiamNgheo.Bench;

/// <summary>
/// The application services of a benchmark, on the database of a <see cref="BenchDatabase"/>, acting as the system
/// user. Nothing of the command line (<c>giamngheo</c>) is used: the benchmarks call the application's services as
/// the web app and the CLI do. No Identity: the database initializer creates the roles only when it is registered.
/// </summary>
internal static class BenchHost
{
    public static IHost Build(IEnumerable<KeyValuePair<string, string?>> overrides)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = [],
            ContentRootPath = AppContext.BaseDirectory,
            // Not Development: the container is not validated against Identity, which the benchmarks do not register.
            EnvironmentName = Environments.Production,
        });
        builder.Configuration.AddInMemoryCollection(overrides);
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddApplication(builder.Configuration);
        builder.Services.AddSingleton<ICurrentUser>(SystemUser.Instance);
        return builder.Build();
    }

    /// <summary>Creates and migrates the database and loads the reference data.</summary>
    public static async Task InitializeAsync(IHost host, CancellationToken ct)
    {
        await using var scope = host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<Application.Persistence.DatabaseInitializer>().InitializeAsync(ct);
    }
}
