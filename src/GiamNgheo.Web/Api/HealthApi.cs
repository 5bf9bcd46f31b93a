using GiamNgheo.Application.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace GiamNgheo.Web.Api;

public static class HealthApi
{
    public sealed record HealthResponse(string Status, string Database, int AdminUnits);

    public static async Task<Results<Ok<HealthResponse>, ProblemHttpResult>> Get(AppDbContext db, DatabaseSettings settings, CancellationToken ct)
    {
        try
        {
            var units = await db.AdminUnits.CountAsync(ct);
            return TypedResults.Ok(new HealthResponse("ok", settings.Describe(), units));
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.Data.Common.DbException)
        {
            return TypedResults.Problem("Cơ sở dữ liệu không trả lời.", statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }
}

public static class LanguageEndpoint
{
    public static IResult Set(HttpContext context, string? culture, string? returnUrl)
    {
        var chosen = culture is "en" or "en-GB" ? "en-GB" : "vi-VN";
        context.Response.Cookies.Append(
            Microsoft.AspNetCore.Localization.CookieRequestCultureProvider.DefaultCookieName,
            Microsoft.AspNetCore.Localization.CookieRequestCultureProvider.MakeCookieValue(new(chosen)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), SameSite = SameSiteMode.Lax, HttpOnly = true });
        var target = returnUrl is { Length: > 0 } && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) ? returnUrl : "/";
        return TypedResults.LocalRedirect(target);
    }
}
