using GiamNgheo.Application.AdminUnits;
using GiamNgheo.Application.Audit;
using GiamNgheo.Application.Households;
using GiamNgheo.Application.Persistence;
using GiamNgheo.Application.Reviews;
using GiamNgheo.Application.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GiamNgheo.Application;

public static class DependencyInjection
{
    /// <summary>Registers the configured database as <see cref="AppDbContext"/> and every use-case handler.</summary>
    public static IServiceCollection AddApplication(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = DatabaseSettings.From(configuration);
        services.AddSingleton(settings);
        services.AddSingleton(TimeProvider.System);
        switch (settings.Provider)
        {
            case DatabaseProvider.Sqlite:
                services.AddDbContext<SqliteAppDbContext>(o => o.UseSqlite(settings.ConnectionString));
                services.AddScoped<AppDbContext>(sp => sp.GetRequiredService<SqliteAppDbContext>());
                break;
            case DatabaseProvider.Postgres:
                services.AddDbContext<PostgresAppDbContext>(o => o.UseNpgsql(settings.ConnectionString));
                services.AddScoped<AppDbContext>(sp => sp.GetRequiredService<PostgresAppDbContext>());
                break;
        }

        Identity.IdentitySetup.AddUsers(services);
        services.AddScoped<DatabaseInitializer>();
        services.AddScoped<AdminUnitQueries>();
        services.AddScoped<AreaTypeHandler>();
        services.AddScoped<VillageHandler>();
        services.AddScoped<HouseholdQueries>();
        services.AddScoped<HouseholdCommands>();
        services.AddScoped<AuditQueries>();
        services.AddScoped<Demo.DemoSeeder>();
        services.AddScoped<Identity.UserAdministration>();
        services.AddScoped<Standards.StandardRegistry>();
        services.AddScoped<Standards.ImportStandardHandler>();
        services.AddScoped<Standards.WhatIfQuery>();
        services.AddScoped<Surveys.HouseholdClassificationService>();
        services.AddScoped<Surveys.Reclassification>();
        services.AddScoped<Surveys.SurveyCommands>();
        services.AddReviews();
        Statuses.StatusRegistration.AddStatuses(services);
        services.AddReports();
        Imports.ImportsServices.AddImportsAndExports(services);
        Support.SupportRegistration.AddPoliciesAndSupport(services);
        return services;
    }
}
