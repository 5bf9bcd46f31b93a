using GiamNgheo.Application.AdminUnits;
using GiamNgheo.Application.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GiamNgheo.Application.Persistence;

/// <summary>
/// Brings a database to the current schema and loads what every installation needs: the official reference data and
/// the roles. Safe to run at every start (web) and before every CLI command.
/// </summary>
public sealed class DatabaseInitializer(AppDbContext db, IServiceProvider services, IConfiguration configuration, ILogger<DatabaseInitializer> logger)
{
    public async Task InitializeAsync(CancellationToken ct = default)
    {
        if (db.Database.IsSqlite())
        {
            await db.Database.OpenConnectionAsync(ct);
            try
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
                await db.Database.MigrateAsync(ct);
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }
        else
        {
            await db.Database.MigrateAsync(ct);
        }

        var loader = new ReferenceDataLoader(db, configuration);
        var loaded = await loader.EnsureLoadedAsync(ct);
        if (loaded > 0)
        {
            logger.LogInformation("Loaded {Count} reference rows", loaded);
        }

        var parallel = (configuration["Standards:Parallel"] ?? "QD59_2015").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        await Standards.StandardRegistry.EnsureShippedAsync(db, parallel, ct);
        await Policies.PolicyRegistry.EnsureShippedAsync(db, ct);

        var roleManager = services.GetService<RoleManager<IdentityRole>>();
        if (roleManager is not null)
        {
            foreach (var role in Roles.All)
            {
                if (!await roleManager.RoleExistsAsync(role))
                {
                    await roleManager.CreateAsync(new IdentityRole(role));
                }
            }
        }
    }
}
