using Microsoft.Extensions.DependencyInjection;

namespace GiamNgheo.Application.Imports;

public static class ImportsServices
{
    /// <summary>Import and export of the household interchange format.</summary>
    public static IServiceCollection AddImportsAndExports(this IServiceCollection services)
    {
        services.AddScoped<HouseholdImporter>();
        services.AddScoped<Exports.HouseholdExporter>();
        return services;
    }
}
