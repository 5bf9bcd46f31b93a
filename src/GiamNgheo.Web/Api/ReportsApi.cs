using GiamNgheo.Application;
using GiamNgheo.Application.Dashboards;
using GiamNgheo.Application.Reports;
using GiamNgheo.Application.Targets;
using Microsoft.AspNetCore.Mvc;

namespace GiamNgheo.Web.Api;

/// <summary>Report forms, exports, approval of report sets, targets and dashboards. Outside the caller's scope: 404.</summary>
public static class ReportsApi
{
    public sealed record DecisionInput(string? Comment);

    public sealed record SubmitInput(string CommuneCode, int Year, string StandardCode, string? PeriodKind);

    public static void MapReportsApi(this IEndpointRouteBuilder app)
    {
        var reports = app.MapGroup("/api/reports").WithTags("Reports").RequireAuthorization();
        reports.MapGet("/{unitCode}/{year:int}/{standardCode}", Forms);
        reports.MapGet("/{unitCode}/{year:int}/{standardCode}/{form:int}.{format}", Export);

        var sets = app.MapGroup("/api/report-sets").WithTags("Reports").RequireAuthorization();
        sets.MapPost("/", Submit);
        sets.MapPost("/{id:long}/approve", (ReportSetService s, long id, CancellationToken ct) => Decide(s.ApproveAsync(id, ct)));
        sets.MapPost("/{id:long}/return", (ReportSetService s, long id, DecisionInput input, CancellationToken ct) => Decide(s.ReturnAsync(id, input.Comment, ct)));
        sets.MapPost("/{id:long}/reopen", (ReportSetService s, long id, DecisionInput input, CancellationToken ct) => Decide(s.ReopenAsync(id, input.Comment, ct)));
        sets.MapGet("/completeness/{provinceCode}/{year:int}/{standardCode}", async (ReportSetService s, string provinceCode, int year, string standardCode, [FromQuery] string? period, CancellationToken ct) =>
            ApiResults.From(await s.CompletenessAsync(provinceCode, year, standardCode, period, ct), TypedResults.Ok));

        var targets = app.MapGroup("/api/targets").WithTags("Targets").RequireAuthorization();
        targets.MapGet("/{unitCode}", async (TargetService s, string unitCode, [FromQuery] int? year, CancellationToken ct) =>
            ApiResults.From(await s.ForUnitAsync(unitCode, year, ct), TypedResults.Ok));
        targets.MapPost("/{unitCode}", async (TargetService s, string unitCode, TargetInput input, CancellationToken ct) =>
            ApiResults.From(await s.CreateAsync(unitCode, input, ct), t => TypedResults.Created($"/api/targets/{t.UnitCode}", t)));
        targets.MapPost("/{id:long}/cascade", async (TargetService s, long id, Dictionary<string, decimal>? values, CancellationToken ct) =>
            ApiResults.From(await s.CascadeAsync(id, values, ct), n => TypedResults.Ok(new { communes = n })));

        app.MapGet("/api/dashboards/{unitCode}", async (DashboardService s, string unitCode, [FromQuery] int? year, CancellationToken ct) =>
            ApiResults.From(await s.GetAsync(unitCode, year, ct), TypedResults.Ok)).WithTags("Dashboards").RequireAuthorization();
    }

    public static async Task<IResult> Forms(ReportService reports, string unitCode, int year, string standardCode,
        [FromQuery] int[]? form, [FromQuery] bool? live, CancellationToken ct) =>
        ApiResults.From(await reports.GetAsync(unitCode, year, standardCode, form ?? [], live ?? false, ct), TypedResults.Ok);

    public static async Task<IResult> Export(ReportService reports, TimeProvider clock, string unitCode, int year, string standardCode, int form, string format, CancellationToken ct)
    {
        if (format is not ("xlsx" or "pdf"))
        {
            return TypedResults.Problem(title: "Không tìm thấy.", statusCode: 404);
        }

        var result = await reports.GetAsync(unitCode, year, standardCode, [form], false, ct);
        return ApiResults.From(result, view =>
        {
            var table = view.Tables[0];
            var today = Application.VietnamTime.Today(clock);
            return format == "xlsx"
                ? TypedResults.File(ReportExport.ToXlsx(table, today), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ReportExport.FileName(table, "xlsx"))
                : TypedResults.File(ReportExport.ToPdf(table, today), "application/pdf", ReportExport.FileName(table, "pdf"));
        });
    }

    public static async Task<IResult> Submit(ReportSetService sets, SubmitInput input, CancellationToken ct) =>
        ApiResults.From(await sets.SubmitAsync(input.CommuneCode, input.Year, input.StandardCode, input.PeriodKind, ct), s => TypedResults.Created($"/api/report-sets/{s.Id}", s));

    private static async Task<IResult> Decide(Task<Result<ReportSetDto>> action) => ApiResults.From(await action, TypedResults.Ok);
}
