using GiamNgheo.Application.AdminUnits;
using GiamNgheo.Application.Identity;

namespace GiamNgheo.Application.Tests.Infrastructure;

/// <summary>A settable acting user. Starts as a system administrator (whole country).</summary>
public sealed class TestUser : ICurrentUser
{
    private HashSet<string> roles = [Roles.SystemAdmin];

    public string? UserId { get; private set; } = "test-admin";
    public string UserName { get; private set; } = "test-admin";
    public string? ScopeUnitCode { get; private set; }
    public AdminLevel? ScopeLevel { get; private set; }

    public bool IsInRole(string role) => roles.Contains(role);

    public TestUser Become(string userName, string role, string? scopeUnitCode, AdminLevel? scopeLevel)
    {
        UserId = "id-" + userName;
        UserName = userName;
        roles = [role];
        ScopeUnitCode = scopeUnitCode;
        ScopeLevel = scopeLevel;
        return this;
    }

    public TestUser BecomeAdmin() => Become("test-admin", Roles.SystemAdmin, null, null);
}

public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public static FixedClock Default() => new(new DateTimeOffset(2026, 11, 20, 8, 0, 0, TimeSpan.Zero));

    public override DateTimeOffset GetUtcNow() => Now;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
}
