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
    /// <summary>
    /// The migration after which every stored, undecided classification is computed again once (completeness and the
    /// pessimistic category under QĐ 59 cannot be derived in SQL): see <see cref="Surveys.Reclassification"/>.
    /// </summary>
    public const string ReclassifyAfterMigration = "_CScoreTablesAndCompleteness";

    public async Task InitializeAsync(CancellationToken ct = default)
    {
        var reclassify = false;
        if (db.Database.IsSqlite())
        {
            await db.Database.OpenConnectionAsync(ct);
            try
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
                reclassify = await NeedsReclassificationAsync(ct);
                await db.Database.MigrateAsync(ct);
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }
        else
        {
            reclassify = await NeedsReclassificationAsync(ct);
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

        if (reclassify && await db.HouseholdSurveys.AnyAsync(ct))
        {
            logger.LogInformation("Classifying stored surveys again after migration {Migration}", ReclassifyAfterMigration.TrimStart('_'));
            var outcome = await new Surveys.Reclassification(db, new Standards.StandardRegistry(db)).RunAsync(new Surveys.ReclassifyScope(),
                (done, total) => logger.LogInformation("Reclassified {Done} of {Total} surveys", done, total), ct);
            logger.LogInformation("Reclassified {Surveys} surveys; {Changed} stored classifications changed", outcome.Surveys, outcome.ChangedRows);
        }
    }

    /// <summary>True when the database already has a schema and <see cref="ReclassifyAfterMigration"/> is about to be applied.</summary>
    private async Task<bool> NeedsReclassificationAsync(CancellationToken ct) =>
        (await db.Database.GetAppliedMigrationsAsync(ct)).Any()
        && (await db.Database.GetPendingMigrationsAsync(ct)).Any(m => m.EndsWith(ReclassifyAfterMigration, StringComparison.Ordinal));
}
