using GiamNgheo.Application.AdminUnits;
using GiamNgheo.Domain.Common;
using Microsoft.AspNetCore.Mvc;

namespace GiamNgheo.Web.Api;

public static class AdminUnitsApi
{
    public sealed record AreaTypeRequest(string AreaType, DateOnly EffectiveFrom);

    public sealed record VillageRequest(string Name);

    public static void MapAdminUnitsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin-units").WithTags("AdminUnits").RequireAuthorization();
        group.MapGet("/", List);
        group.MapGet("/{code}/children", Children);
        group.MapGet("/{code}/successors", Successors);
        group.MapPost("/{code}/villages", CreateVillage);
        group.MapPut("/{code}/area-type", SetAreaType);
    }

    /// <summary>Units of a level in force on <paramref name="asOf"/> (default today): 34 provinces today, 63 before 2025-07-01.</summary>
    public static async Task<IResult> List(AdminUnitQueries units, [FromQuery] string? level, [FromQuery] DateOnly? asOf, CancellationToken ct)
    {
        if (!AdminUnitQueries.TryParseLevel(level ?? "province", out var parsed))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["level"] = ["Cấp phải là province, district, commune hoặc village."] });
        }

        return TypedResults.Ok(await units.ListAsync(parsed, asOf ?? units.Today, ct));
    }

    public static async Task<IResult> Children(AdminUnitQueries units, string code, [FromQuery] DateOnly? asOf, CancellationToken ct)
    {
        var children = await units.ChildrenAsync(code, asOf ?? units.Today, ct);
        return children is null ? TypedResults.Problem(title: "Không tìm thấy đơn vị.", statusCode: 404) : TypedResults.Ok(children);
    }

    public static async Task<IResult> Successors(AdminUnitQueries units, string code, CancellationToken ct) =>
        TypedResults.Ok(await units.SuccessorsAsync(code, ct));

    public static async Task<IResult> CreateVillage(VillageHandler handler, string code, VillageRequest request, CancellationToken ct) =>
        ApiResults.From(await handler.ExecuteAsync(new CreateVillageCommand(code, request.Name), ct),
            v => TypedResults.Created($"/api/admin-units/{v.Code}/children", v));

    public static async Task<IResult> SetAreaType(AreaTypeHandler handler, string code, AreaTypeRequest request, CancellationToken ct)
    {
        if (!AreaTypeCodes.TryParse(request.AreaType, out var area))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["areaType"] = ["Khu vực phải là rural hoặc urban."] });
        }

        return ApiResults.From(await handler.ExecuteAsync(new SetAreaTypeCommand(code, area, request.EffectiveFrom), ct),
            a => TypedResults.Ok(new { communeCode = a.Period.CommuneCode, areaType = a.Period.AreaType.ToCode(), validFrom = a.Period.ValidFrom, surveysReclassified = a.SurveysReclassified, classificationsChanged = a.RowsChanged }));
    }
}
