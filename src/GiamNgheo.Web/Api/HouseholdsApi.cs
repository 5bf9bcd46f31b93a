using GiamNgheo.Application.Audit;
using GiamNgheo.Application.Households;
using Microsoft.AspNetCore.Mvc;

namespace GiamNgheo.Web.Api;

/// <summary>The household registry over REST. Every route is limited to the caller's scope; outside it answers 404.</summary>
public static class HouseholdsApi
{
    public static void MapHouseholdsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/households").WithTags("Households").RequireAuthorization();
        group.MapGet("/", List);
        group.MapGet("/{id:long}", Get);
        group.MapPost("/", Create);
        group.MapPut("/{id:long}", Update);
        group.MapDelete("/{id:long}", Delete);
        group.MapPost("/{id:long}/leave", Leave);
        group.MapPost("/{id:long}/members", AddMember);
        group.MapPut("/{id:long}/members/{memberId:long}", UpdateMember);
        group.MapDelete("/{id:long}/members/{memberId:long}", RemoveMember);
        group.MapGet("/{id:long}/audit", Audit);
    }

    public static async Task<IResult> List(HouseholdQueries queries, [FromQuery] string? communeCode, [FromQuery] string? villageCode,
        [FromQuery] string? search, [FromQuery] int? page, [FromQuery] int? pageSize, [FromQuery] bool? includeFormer, CancellationToken ct) =>
        TypedResults.Ok(await queries.ListAsync(new HouseholdListQuery(communeCode, villageCode, search, page ?? 1, pageSize ?? 25) { IncludeFormer = includeFormer ?? false }, ct));

    public static async Task<IResult> Get(HouseholdQueries queries, long id, [FromQuery] bool? showPersonalIds, CancellationToken ct)
    {
        var household = await queries.GetAsync(id, showPersonalIds ?? false, ct);
        return household is null ? TypedResults.Problem(title: "Không tìm thấy.", statusCode: 404) : TypedResults.Ok(household);
    }

    public static async Task<IResult> Create(HouseholdCommands commands, HouseholdInput input, CancellationToken ct) =>
        ApiResults.From(await commands.CreateAsync(input, ct), h => TypedResults.Created($"/api/households/{h.Id}", h));

    public static async Task<IResult> Update(HouseholdCommands commands, long id, HouseholdInput input, CancellationToken ct) =>
        ApiResults.From(await commands.UpdateAsync(id, input, ct), TypedResults.Ok);

    /// <summary>Hộ chuyển đi / giải thể / nhập hộ: <c>{date, reason: MovedAway|Dissolved|Merged|Other, note, version}</c>.</summary>
    public static async Task<IResult> Leave(HouseholdCommands commands, long id, HouseholdLeaveInput input, CancellationToken ct) =>
        ApiResults.From(await commands.LeaveAsync(id, input, ct), TypedResults.Ok);

    public static async Task<IResult> Delete(HouseholdCommands commands, long id, CancellationToken ct) =>
        ApiResults.From(await commands.DeleteAsync(id, ct), _ => TypedResults.NoContent());

    public static async Task<IResult> AddMember(HouseholdCommands commands, long id, MemberInput input, CancellationToken ct) =>
        ApiResults.From(await commands.AddMemberAsync(id, input, ct), h => TypedResults.Created($"/api/households/{h.Id}", h));

    public static async Task<IResult> UpdateMember(HouseholdCommands commands, long id, long memberId, MemberInput input, CancellationToken ct) =>
        ApiResults.From(await commands.UpdateMemberAsync(id, memberId, input, ct), TypedResults.Ok);

    public static async Task<IResult> RemoveMember(HouseholdCommands commands, long id, long memberId, CancellationToken ct) =>
        ApiResults.From(await commands.RemoveMemberAsync(id, memberId, ct), TypedResults.Ok);

    public static async Task<IResult> Audit(AuditQueries audit, long id, CancellationToken ct) =>
        ApiResults.From(await audit.ForHouseholdAsync(id, ct), TypedResults.Ok);
}
