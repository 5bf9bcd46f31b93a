using GiamNgheo.Application.AdminUnits;

namespace GiamNgheo.Application.Identity;

/// <summary>Who is acting, and where they may see. Web: from the signed-in principal; CLI: the system actor.</summary>
public interface ICurrentUser
{
    string? UserId { get; }
    string UserName { get; }
    string? ScopeUnitCode { get; }
    AdminLevel? ScopeLevel { get; }
    bool IsInRole(string role);
}

public sealed class SystemUser : ICurrentUser
{
    public static readonly SystemUser Instance = new();
    public string? UserId => null;
    public string UserName => "system";
    public string? ScopeUnitCode => null;
    public AdminLevel? ScopeLevel => null;
    public bool IsInRole(string role) => role == Roles.SystemAdmin;
}
