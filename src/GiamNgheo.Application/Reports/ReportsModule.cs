using GiamNgheo.Application.Dashboards;
using GiamNgheo.Application.Targets;
using Microsoft.Extensions.DependencyInjection;

namespace GiamNgheo.Application.Reports;

public static class ReportsModule
{
    /// <summary>Report forms, approval, targets and dashboards.</summary>
    public static IServiceCollection AddReports(this IServiceCollection services)
    {
        services.AddScoped<ReportDataLoader>();
        services.AddScoped<ReportListLoader>();
        services.AddScoped<ReportService>();
        services.AddScoped<LegacyDistricts>();
        services.AddScoped<Aggregates.ReportAggregates>();
        services.AddHostedService<Aggregates.ReportAggregateRefresher>();
        services.AddScoped<ReportSetService>();
        services.AddScoped<TargetService>();
        services.AddScoped<DashboardService>();
        services.AddScoped<HomeTasks>();
        return services;
    }
}
