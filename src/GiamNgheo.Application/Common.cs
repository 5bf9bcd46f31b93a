namespace GiamNgheo.Application;

/// <summary>Outcome of a use case: a value, a not-found (also for data outside the user's scope), validation errors or a conflict.</summary>
public sealed class Result<T>
{
    private Result(ResultStatus status, T? value, IReadOnlyDictionary<string, string[]>? errors, string? message)
    {
        Status = status;
        Value = value;
        Errors = errors ?? new Dictionary<string, string[]>();
        Message = message;
    }

    public ResultStatus Status { get; }
    public T? Value { get; }
    /// <summary>Field name (as in the API JSON, camelCase) → Vietnamese messages.</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; }
    public string? Message { get; }

    public static Result<T> Ok(T value) => new(ResultStatus.Ok, value, null, null);
    public static Result<T> NotFound() => new(ResultStatus.NotFound, default, null, null);
    public static Result<T> Forbidden(string message) => new(ResultStatus.Forbidden, default, null, message);
    public static Result<T> Conflict(string message) => new(ResultStatus.Conflict, default, null, message);
    public static Result<T> Invalid(IReadOnlyDictionary<string, string[]> errors) => new(ResultStatus.Invalid, default, errors, "Dữ liệu không hợp lệ.");
}

public enum ResultStatus
{
    Ok,
    NotFound,
    Forbidden,
    Invalid,
    Conflict,
}

/// <summary>Collects validation messages per field.</summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> errors = new(StringComparer.Ordinal);

    public bool Any => errors.Count > 0;

    public void Add(string field, string message)
    {
        if (!errors.TryGetValue(field, out var list))
        {
            errors[field] = list = [];
        }

        list.Add(message);
    }

    public IReadOnlyDictionary<string, string[]> ToDictionary() => errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
}

/// <summary>A page of a list. Pages are numbered from 1.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, int TotalCount)
{
    public int PageCount => TotalCount == 0 ? 1 : (TotalCount + PageSize - 1) / PageSize;
}
