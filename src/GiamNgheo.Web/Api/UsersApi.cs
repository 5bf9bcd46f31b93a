using GiamNgheo.Application;
using GiamNgheo.Application.Identity;
using Microsoft.AspNetCore.Mvc;

namespace GiamNgheo.Web.Api;

/// <summary>
/// User administration over REST (docs/roles-and-scope.md, "User administration"). Only system administrators,
/// provincial officers and commune officers reach it (others: 403), and each sees and changes only the users of their
/// scope: any other user answers 404. Edits carry the version read before (body <c>version</c> or an
/// <c>If-Match</c> header); a stale one answers 409.
/// </summary>
public static class UsersApi
{
    public const string Policy = "users";

    public sealed record CreateUserRequest(string? UserName, string? FullName, string? Position, string? Password, string? Role, string? UnitCode);

    /// <summary>PUT: every field is the new value (a missing position or unit clears it). PATCH: missing fields keep their value.</summary>
    public sealed record UpdateUserRequest(string? FullName, string? Position, string? Role, string? UnitCode, string? Version);

    public sealed record ResetPasswordRequest(string? Password);

    public sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword);

    public static void MapUsersApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/users").WithTags("Users").RequireAuthorization(Policy);
        group.MapGet("/", List);
        group.MapGet("/{id}", Get);
        group.MapPost("/", Create);
        group.MapPut("/{id}", Put);
        group.MapPatch("/{id}", Patch);
        group.MapPost("/{id}/lock", (UserAdministration a, string id, CancellationToken ct) => Send(a.LockAsync(id, ct)));
        group.MapPost("/{id}/unlock", (UserAdministration a, string id, CancellationToken ct) => Send(a.UnlockAsync(id, ct)));
        group.MapPost("/{id}/deactivate", (UserAdministration a, string id, CancellationToken ct) => Send(a.DeactivateAsync(id, ct)));
        group.MapPost("/{id}/reset-password", (UserAdministration a, string id, ResetPasswordRequest body, CancellationToken ct) =>
            Send(a.ResetPasswordAsync(id, body.Password, ct)));
        app.MapPost("/api/me/password", ChangeOwnPassword).RequireAuthorization().WithTags("Auth");
    }

    public static async Task<IResult> List(UserAdministration administration, [FromQuery] string? search, [FromQuery] string? role,
        [FromQuery] bool? includeDeactivated, [FromQuery] int? page, [FromQuery] int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await administration.ListAsync(new UserFilter(search, role, includeDeactivated ?? false, page ?? 1, pageSize ?? 50), ct));

    public static async Task<IResult> Get(UserAdministration administration, string id, CancellationToken ct) =>
        await administration.GetAsync(id, ct) is { } user ? TypedResults.Ok(user) : NotFound();

    public static async Task<IResult> Create(UserAdministration administration, CreateUserRequest body, CancellationToken ct) =>
        ApiResults.From(await administration.CreateAsync(new UserInput
        {
            UserName = body.UserName,
            FullName = body.FullName,
            Position = body.Position,
            Password = body.Password,
            Role = body.Role,
            UnitCode = body.UnitCode,
        }, mustChangePassword: true, ct), u => TypedResults.Created($"/api/users/{u.Id}", u));

    public static async Task<IResult> Put(UserAdministration administration, HttpRequest request, string id, UpdateUserRequest body, CancellationToken ct) =>
        ApiResults.From(await administration.UpdateAsync(id, new UserInput
        {
            FullName = body.FullName,
            Position = body.Position,
            Role = body.Role,
            UnitCode = body.UnitCode,
            Version = VersionOf(request, body.Version),
        }, ct), TypedResults.Ok);

    public static async Task<IResult> Patch(UserAdministration administration, HttpRequest request, string id, UpdateUserRequest body, CancellationToken ct)
    {
        if (await administration.GetAsync(id, ct) is not { } current)
        {
            return NotFound();
        }

        return ApiResults.From(await administration.UpdateAsync(id, new UserInput
        {
            FullName = body.FullName ?? current.FullName,
            Position = body.Position ?? current.Position,
            Role = body.Role ?? current.Role,
            UnitCode = body.UnitCode ?? current.UnitCode,
            Version = VersionOf(request, body.Version),
        }, ct), TypedResults.Ok);
    }

    public static async Task<IResult> ChangeOwnPassword(UserAdministration administration, ChangePasswordRequest body, CancellationToken ct) =>
        ApiResults.From(await administration.ChangeOwnPasswordAsync(body.CurrentPassword ?? string.Empty, body.NewPassword ?? string.Empty,
            body.NewPassword ?? string.Empty, ct), _ => TypedResults.NoContent());

    private static async Task<IResult> Send(Task<Result<UserSummary>> action) => ApiResults.From(await action, TypedResults.Ok);

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult NotFound() => TypedResults.Problem(title: "Không tìm thấy.", statusCode: StatusCodes.Status404NotFound);

    private static string? VersionOf(HttpRequest request, string? body) =>
        body ?? (request.Headers.IfMatch.ToString() is { Length: > 0 } tag ? tag.Trim('"') : null);
}
