using GiamNgheo.Application;

namespace GiamNgheo.Web.Api;

/// <summary>Maps use-case results to HTTP: 404 for not found or out of scope, 400 ProblemDetails naming the fields, 409 on conflicts.</summary>
internal static class ApiResults
{
    public static IResult From<T>(Result<T> result, Func<T, IResult> ok) => result.Status switch
    {
        ResultStatus.Ok => ok(result.Value!),
        ResultStatus.NotFound => TypedResults.Problem(title: "Không tìm thấy.", statusCode: StatusCodes.Status404NotFound),
        ResultStatus.Forbidden => TypedResults.Problem(title: result.Message, statusCode: StatusCodes.Status403Forbidden),
        ResultStatus.Conflict => TypedResults.Problem(title: result.Message, statusCode: StatusCodes.Status409Conflict),
        ResultStatus.Invalid => TypedResults.ValidationProblem(result.Errors.ToDictionary(), title: result.Message),
    };
}
