using GiamNgheo.Application;
using GiamNgheo.Application.Identity;
using GiamNgheo.Application.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GiamNgheo.Cli;

/// <summary>
/// The application services for a command: same configuration keys as the web app (appsettings.json, environment
/// variables such as <c>Database__Provider</c>, <c>ConnectionStrings__Postgres</c>, <c>Database__Path</c>), acting as the
/// system user. By default the same SQLite file as the web app: <c>data/giamngheo.db</c> under the repository root.
/// </summary>
internal static class CliHost
{
    /// <param name="overrides">Configuration values that win over appsettings and the environment (tests).</param>
    /// <param name="actor">Who the audit names; the system user unless given (<c>users</c> names the CLI and the OS account).</param>
    public static IHost Build(IEnumerable<KeyValuePair<string, string?>>? overrides = null, ICurrentUser? actor = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], ContentRootPath = AppContext.BaseDirectory });
        if (overrides is not null)
        {
            builder.Configuration.AddInMemoryCollection(overrides);
        }

        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
        // The SQLite table rebuilds of the migrations warn once per statement on a first start (expected: the
        // hand-written data steps run between them); only their errors reach the console.
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore.Migrations", LogLevel.Error);
        builder.Services.AddApplication(builder.Configuration);
        builder.Services.AddSingleton<ICurrentUser>(actor ?? SystemUser.Instance);
        return builder.Build();
    }

    /// <summary>Creates and migrates the database and loads the reference data when they are missing.</summary>
    public static async Task InitializeAsync(IHost host, CancellationToken ct)
    {
        await using var scope = host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(ct);
    }
}
