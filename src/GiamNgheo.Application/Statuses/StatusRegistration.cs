using Microsoft.Extensions.DependencyInjection;

namespace GiamNgheo.Application.Statuses;

public static class StatusRegistration
{
    public static IServiceCollection AddStatuses(this IServiceCollection services)
    {
        services.AddScoped<HouseholdStatusWriter>();
        services.AddScoped<HouseholdStatusQueries>();
        services.AddScoped<DecisionImport>();
        return services;
    }
}
