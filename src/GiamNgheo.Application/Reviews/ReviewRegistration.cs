using GiamNgheo.Application.Reviews.Documents;
using Microsoft.Extensions.DependencyInjection;

namespace GiamNgheo.Application.Reviews;

public static class ReviewRegistration
{
    public static IServiceCollection AddReviews(this IServiceCollection services)
    {
        services.AddScoped<ReviewSettings>();
        services.AddScoped<ReviewCommands>();
        services.AddScoped<ReviewQueries>();
        services.AddScoped<ReviewDocuments>();
        services.AddScoped<Rules.ReviewRuleCommands>();
        return services;
    }
}
