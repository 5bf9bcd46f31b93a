using GiamNgheo.Application.Support;
using Microsoft.AspNetCore.Mvc;

namespace GiamNgheo.Web.Api;

public sealed record ReverseRequest(string? Reason);

public sealed record VisitRequest(DateOnly Date, string Notes);

/// <summary>The support ledger, gaps, worklists, coverage, plans and agency-list import. Out of scope answers 404.</summary>
public static class SupportApi
{
    public static void MapSupportApi(this IEndpointRouteBuilder app)
    {
        var household = app.MapGroup("/api/households/{id:long}").WithTags("Support").RequireAuthorization();
        household.MapGet("/support", async (SupportCommands c, long id, CancellationToken ct) => ApiResults.From(await c.HistoryAsync(id, ct), TypedResults.Ok));
        household.MapPost("/support", async (SupportCommands c, long id, SupportInput input, CancellationToken ct) =>
            ApiResults.From(await c.RecordAsync(input with { HouseholdId = id }, ct), r => TypedResults.Created($"/api/households/{id}/support", r)));
        household.MapPost("/support/{recordId:long}/reverse", async (SupportCommands c, long id, long recordId, ReverseRequest body, CancellationToken ct) =>
            ApiResults.From(await c.ReverseAsync(id, recordId, body.Reason, ct), TypedResults.Ok));
        household.MapGet("/gaps", async (SupportGaps g, long id, CancellationToken ct) => ApiResults.From(await g.ForHouseholdAsync(id, ct), TypedResults.Ok));
        household.MapGet("/plan", async (SupportPlans p, long id, CancellationToken ct) => ApiResults.From(await p.GetAsync(id, ct), TypedResults.Ok));
        household.MapPut("/plan", async (SupportPlans p, long id, PlanInput input, CancellationToken ct) => ApiResults.From(await p.SaveAsync(id, input, ct), TypedResults.Ok));
        household.MapPost("/plan/visits", async (SupportPlans p, long id, VisitRequest body, CancellationToken ct) =>
            ApiResults.From(await p.AddVisitAsync(id, body.Date, body.Notes, ct), TypedResults.Ok));
        household.MapPost("/plan/items/{itemId:long}/done", async (SupportPlans p, TimeProvider clock, long id, long itemId, CancellationToken ct) =>
            ApiResults.From(await p.CompleteItemAsync(id, itemId, Application.VietnamTime.Today(clock), ct), TypedResults.Ok));

        var group = app.MapGroup("/api/support").WithTags("Support").RequireAuthorization();
        group.MapGet("/worklist", async (SupportGaps g, [FromQuery] string? communeCode, [FromQuery] string? villageCode, [FromQuery] string? policyCode,
            [FromQuery] string? sort, [FromQuery] int? page, [FromQuery] int? pageSize, CancellationToken ct) =>
            ApiResults.From(await g.WorklistAsync(new WorklistQuery(communeCode, villageCode, policyCode, sort ?? "waiting", page ?? 1, pageSize ?? 50), ct), TypedResults.Ok));
        group.MapGet("/worklist.xlsx", async (SupportGaps g, [FromQuery] string? communeCode, [FromQuery] string? villageCode, [FromQuery] string? policyCode,
            CancellationToken ct) =>
            ApiResults.From(await g.ExportWorklistAsync(new WorklistQuery(communeCode, villageCode, policyCode), ct),
                bytes => TypedResults.File(bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"danh-sach-cho-ho-tro-{communeCode ?? "all"}.xlsx")));
        group.MapGet("/no-support", async (SupportGaps g, [FromQuery] string? communeCode, [FromQuery] string? villageCode, CancellationToken ct) =>
            ApiResults.From(await g.NoSupportThisYearAsync(communeCode, villageCode, ct), TypedResults.Ok));
        group.MapGet("/coverage", async (SupportGaps g, [FromQuery] string? unitCode, CancellationToken ct) =>
            ApiResults.From(await g.CoverageAsync(unitCode, ct), TypedResults.Ok));
        group.MapGet("/overdue", async (SupportPlans p, [FromQuery] bool? mine, CancellationToken ct) => TypedResults.Ok(await p.OverdueAsync(mine ?? false, ct)));
        group.MapPost("/import", async (SupportImport import, IFormFile file, CancellationToken ct) =>
        {
            await using var stream = file.OpenReadStream();
            return ApiResults.From(await import.ImportAsync(stream, file.FileName, ct),
                report => report.Committed ? TypedResults.Ok(report) : TypedResults.UnprocessableEntity(report));
        }).DisableAntiforgery();
    }
}
