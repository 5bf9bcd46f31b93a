using System.Text;
using GiamNgheo.Application.Policies;
using GiamNgheo.Domain.Policies;

namespace GiamNgheo.Web.Api;

/// <summary>The policy catalogue: read by everyone signed in; a definition (JSON) loaded by a provincial administrator.</summary>
public static class PoliciesApi
{
    public static void MapPoliciesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/policies").WithTags("Policies").RequireAuthorization();
        group.MapGet("/", async (PolicyRegistry registry, CancellationToken ct) => TypedResults.Ok(await registry.ListAsync(ct)));
        group.MapGet("/{code}", async (PolicyRegistry registry, string code, CancellationToken ct) =>
            await registry.FindAsync(code, ct) is { } policy
                ? Results.Text(PolicyJson.Serialize(policy), "application/json", Encoding.UTF8)
                : TypedResults.Problem(title: "Không tìm thấy.", statusCode: 404));
        group.MapPut("/{code}", async (PolicyRegistry registry, HttpRequest request, string code, bool? enabled, CancellationToken ct) =>
        {
            using var reader = new StreamReader(request.Body, Encoding.UTF8);
            var json = await reader.ReadToEndAsync(ct);
            return ApiResults.From(await registry.SaveAsync(json, enabled ?? true, ct), TypedResults.Ok);
        }).DisableAntiforgery();
    }
}
