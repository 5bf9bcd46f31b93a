using GiamNgheo.Application.Reviews;
using GiamNgheo.Application.Reviews.Documents;
using GiamNgheo.Application.Surveys;
using GiamNgheo.Domain.Reviews;
using Microsoft.AspNetCore.Mvc;

namespace GiamNgheo.Web.Api;

/// <summary>The yearly review (rà soát) over REST: the same operations as the pages, the same refusals (409 with the Vietnamese reason).</summary>
public static class ReviewsApi
{
    public sealed record DateBody(DateOnly Date);
    public sealed record ConsultBody(DateOnly Date, string Opinion);
    public sealed record CommentBody(string Comment);
    public sealed record ReasonBody(string Reason);

    public static void MapReviewsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/reviews").WithTags("Reviews").RequireAuthorization();
        group.MapGet("/campaigns", async (ReviewQueries q, CancellationToken ct) => TypedResults.Ok(await q.CampaignsAsync(ct)));
        group.MapPost("/campaigns", async (ReviewCommands c, OpenCampaignInput input, CancellationToken ct) =>
            ApiResults.From(await c.OpenCampaignAsync(input, ct), v => TypedResults.Created($"/api/reviews/campaigns/{v.Id}", v)));
        group.MapGet("/campaigns/{id:long}", async (ReviewQueries q, long id, CancellationToken ct) =>
            OkOr404(await q.OverviewAsync(id, ct)));
        group.MapGet("/communes/{id:long}", async (ReviewQueries q, long id, CancellationToken ct) =>
            OkOr404(await q.BoardAsync(id, ct)));
        group.MapGet("/communes/{id:long}/movements", async (ReviewQueries q, long id, CancellationToken ct) =>
            OkOr404(await q.MovementsAsync(id, ct)));
        group.MapPost("/communes/{id:long}/list", async (ReviewCommands c, long id, CancellationToken ct) => ApiResults.From(await c.BuildListAsync(id, ct), TypedResults.Ok));
        group.MapGet("/communes/{id:long}/candidates", async (ReviewQueries queries, long id, [FromQuery(Name = "q")] string? search, CancellationToken ct) =>
            await queries.CandidatesAsync(id, search, ct) is { } list ? Results.Ok(list) : Results.NotFound());
        group.MapPost("/communes/{id:long}/households", async (ReviewCommands c, long id, AddHouseholdInput input, CancellationToken ct) =>
            ApiResults.From(await c.AddHouseholdAsync(id, input, ct), TypedResults.Ok));
        group.MapPost("/communes/{id:long}/actions/{action}", async (ReviewCommands c, long id, string action, CancellationToken ct) =>
            Enum.TryParse<CommuneAction>(action, ignoreCase: true, out var a)
                ? ApiResults.From(await c.MoveAsync(id, a, ct), TypedResults.Ok)
                : TypedResults.Problem(title: "Bước không hợp lệ.", statusCode: 400));
        group.MapPost("/communes/{id:long}/meetings", async (ReviewCommands c, long id, MeetingInput input, CancellationToken ct) =>
            ApiResults.From(await c.RecordMeetingAsync(id, input, ct), TypedResults.Ok));
        group.MapPost("/meetings/{id:long}/minutes", async (ReviewCommands c, long id, IFormFile file, CancellationToken ct) =>
        {
            using var memory = new MemoryStream();
            await file.CopyToAsync(memory, ct);
            return ApiResults.From(await c.UploadMinutesAsync(id, file.FileName, file.ContentType, memory.ToArray(), ct), TypedResults.Ok);
        }).DisableAntiforgery();
        group.MapGet("/meetings/{id:long}/minutes", async (ReviewCommands c, long id, CancellationToken ct) =>
            FileOr404(await c.MinutesAsync(id, ct)));
        group.MapPost("/communes/{id:long}/posting", async (ReviewCommands c, long id, DateBody body, CancellationToken ct) =>
            ApiResults.From(await c.StartPostingAsync(id, body.Date, ct), TypedResults.Ok));
        group.MapGet("/communes/{id:long}/posting.pdf", async (ReviewDocuments d, long id, [FromQuery] string? village, CancellationToken ct) =>
            ApiResults.From(await d.PostingListAsync(id, village, ct), f => TypedResults.File(f.Content, f.ContentType, f.FileName)));
        group.MapPost("/communes/{id:long}/district", async (ReviewCommands c, long id, ConsultBody body, CancellationToken ct) =>
            ApiResults.From(await c.ConsultDistrictAsync(id, body.Date, body.Opinion, ct), TypedResults.Ok));
        group.MapPost("/communes/{id:long}/decision", async (ReviewCommands c, long id, DecisionInput input, CancellationToken ct) =>
            ApiResults.From(await c.DecideAsync(id, input, ct), TypedResults.Ok));
        group.MapGet("/communes/{id:long}/decision.pdf", async (ReviewDocuments d, long id, CancellationToken ct) =>
            ApiResults.From(await d.DecisionAsync(id, ct), f => TypedResults.File(f.Content, f.ContentType, f.FileName)));
        group.MapGet("/communes/{id:long}/certificates.pdf", async (ReviewDocuments d, long id, [FromQuery] long? household, CancellationToken ct) =>
            ApiResults.From(await d.CertificatesAsync(id, household, ct), f => TypedResults.File(f.Content, f.ContentType, f.FileName)));
        group.MapPost("/communes/{id:long}/return", async (ReviewCommands c, long id, CommentBody body, CancellationToken ct) =>
            ApiResults.From(await c.ReturnReportAsync(id, body.Comment, ct), TypedResults.Ok));
        group.MapPost("/communes/{id:long}/accept", async (ReviewCommands c, long id, CommentBody? body, CancellationToken ct) =>
            ApiResults.From(await c.AcceptReportAsync(id, body?.Comment, ct), TypedResults.Ok));
        group.MapPut("/households/{id:long}/survey", async (ReviewCommands c, long id, SurveyInput input, CancellationToken ct) =>
            ApiResults.From(await c.RecordSurveyAsync(id, input, ct), TypedResults.Ok));
        group.MapPost("/households/{id:long}/complaints", async (ReviewCommands c, long id, ComplaintInput input, CancellationToken ct) =>
            ApiResults.From(await c.ComplainAsync(id, input, ct), TypedResults.Ok));
        group.MapPost("/households/{id:long}/recheck", async (ReviewCommands c, long id, RecheckInput input, CancellationToken ct) =>
            ApiResults.From(await c.RecheckAsync(id, input, ct), TypedResults.Ok));
        group.MapPost("/households/{id:long}/remove", async (ReviewCommands c, long id, ReasonBody body, CancellationToken ct) =>
            ApiResults.From(await c.ExcludeHouseholdAsync(id, HouseholdAction.Remove, body.Reason, ct), TypedResults.Ok));
        group.MapPost("/households/{id:long}/not-resurveyed", async (ReviewCommands c, long id, ReasonBody body, CancellationToken ct) =>
            ApiResults.From(await c.ExcludeHouseholdAsync(id, HouseholdAction.SkipResurvey, body.Reason, ct), TypedResults.Ok));
        group.MapPost("/households/{id:long}/repost", async (ReviewCommands c, long id, DateBody body, CancellationToken ct) =>
            ApiResults.From(await c.RepostAsync(id, body.Date, ct), TypedResults.Ok));
        group.MapGet("/history/{householdId:long}", async (ReviewQueries q, long householdId, CancellationToken ct) =>
            await q.StatusHistoryAsync(householdId, ct) is { } rows ? (IResult)TypedResults.Ok(rows) : TypedResults.Problem(title: "Không tìm thấy.", statusCode: 404));
        group.MapPost("/escape-requests", async (ReviewCommands c, EscapeRequestInput input, CancellationToken ct) =>
            ApiResults.From(await c.RecordEscapeRequestAsync(input, ct), v => TypedResults.Created($"/api/reviews/escape-requests/{v}", new { id = v })));
    }

    private static IResult OkOr404<T>(T? value) where T : class =>
        value is null ? TypedResults.Problem(title: "Không tìm thấy.", statusCode: 404) : TypedResults.Ok(value);

    private static IResult FileOr404(DocumentFile? file) =>
        file is null ? TypedResults.Problem(title: "Không tìm thấy.", statusCode: 404) : TypedResults.File(file.Content, file.ContentType, file.FileName);
}
