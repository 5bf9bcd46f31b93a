using GiamNgheo.Application.Policies;
using Microsoft.Extensions.DependencyInjection;

namespace GiamNgheo.Application.Support;

public static class SupportRegistration
{
    /// <summary>Policy catalogue, support ledger, gaps and worklists, plans, agency-list import.</summary>
    public static IServiceCollection AddPoliciesAndSupport(this IServiceCollection services)
    {
        services.AddScoped<PolicyRegistry>();
        services.AddScoped<SupportCommands>();
        services.AddScoped<SupportGaps>();
        services.AddScoped<SupportImport>();
        services.AddScoped<SupportPlans>();
        services.AddScoped<PoorCommuneList>();
        services.AddScoped<GapMaterializer>();
        return services;
    }
}
