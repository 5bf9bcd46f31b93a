namespace GiamNgheo.Application;

/// <summary>Vietnam keeps UTC+7 all year (no daylight saving): "today" for officials is the date there, whatever the server's zone.</summary>
public static class VietnamTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    public static DateOnly Today(this TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(Offset).DateTime);
}
