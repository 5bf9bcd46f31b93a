using System.Text.RegularExpressions;
using GiamNgheo.Application.AdminUnits;
using GiamNgheo.Application.Audit;
using GiamNgheo.Application.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace GiamNgheo.Application.Identity;

/// <summary>One user as an administrator sees it. <see cref="Version"/> is the concurrency stamp: send it back to edit.</summary>
public sealed record UserSummary(
    string Id,
    string UserName,
    string FullName,
    string? Position,
    string Role,
    string RoleName,
    string? UnitCode,
    string? UnitName,
    UserState State,
    DateTimeOffset? LockedUntil,
    bool MustChangePassword,
    string Version);

public enum UserState
{
    Active,
    Locked,
    Deactivated,
}

/// <summary>A new user, or the new values of an edited one (user name and password are used only on creation).</summary>
public sealed class UserInput
{
    public string? UserName { get; init; }
    public string? FullName { get; init; }
    public string? Position { get; init; }
    public string? Password { get; init; }
    public string? Role { get; init; }
    public string? UnitCode { get; init; }
    /// <summary>Required on edits: the <see cref="UserSummary.Version"/> read before.</summary>
    public string? Version { get; init; }
}

public sealed record UserFilter(string? Search = null, string? Role = null, bool IncludeDeactivated = false, int Page = 1, int PageSize = 50);

/// <summary>
/// User administration, scoped like households: a system administrator manages everyone; a provincial officer manages
/// the commune officers and village reviewers of the province's communes and villages and the province's own sector
/// officers, supervisors and leaders; a commune officer manages the village reviewers of the commune's villages. Nobody
/// manages a role above their own or a user outside their scope (such a user is "not found"), nor locks, deactivates or
/// re-roles their own account. Every change is audited with the acting user; users are deactivated, never deleted.
/// Locking, deactivating and resetting a password change the security stamp, which ends the user's sessions and tokens.
/// </summary>
public sealed partial class UserAdministration(AppDbContext db, UserManager<AppUser> users)
{
    private ICurrentUser Actor => db.CurrentUser;

    /// <summary>The unit level a role's scope must be; null for the system administrator (whole country).</summary>
    public static AdminLevel? RequiredLevel(string role) => role switch
    {
        Roles.SystemAdmin => null,
        Roles.CommuneOfficer => AdminLevel.Commune,
        Roles.VillageReviewer => AdminLevel.Village,
        _ => AdminLevel.Province,
    };

    /// <summary>The roles the acting user may give.</summary>
    public IReadOnlyList<string> AssignableRoles()
    {
        if (Actor.IsInRole(Roles.SystemAdmin))
        {
            return Roles.All;
        }

        if (Actor.IsInRole(Roles.ProvincialOfficer) && Actor.ScopeLevel == AdminLevel.Province)
        {
            return [Roles.CommuneOfficer, Roles.VillageReviewer, Roles.SectorOfficer, Roles.Supervisor, Roles.Leader];
        }

        return Actor.IsInRole(Roles.CommuneOfficer) && Actor.ScopeLevel == AdminLevel.Commune ? [Roles.VillageReviewer] : [];
    }

    /// <summary>Whether the acting user may manage users at all (shows the menu entry).</summary>
    public bool CanAdminister => AssignableRoles().Count > 0;

    public async Task<Page<UserSummary>> ListAsync(UserFilter filter, CancellationToken ct)
    {
        if (!CanAdminister)
        {
            return new Page<UserSummary>([], 1, filter.PageSize, 0);
        }

        var query = db.Users.AsNoTracking();
        if (!filter.IncludeDeactivated)
        {
            query = query.Where(u => u.DeactivatedAtUtc == null);
        }

        if (!Actor.IsInRole(Roles.SystemAdmin))
        {
            var codes = await ManagedUnitCodesAsync(ct);
            query = query.Where(u => u.ScopeUnitCode != null && codes.Contains(u.ScopeUnitCode));
        }

        if (filter.Search is { Length: > 0 } search)
        {
            var s = search.Trim().Normalize(System.Text.NormalizationForm.FormC);
            var upper = s.ToUpperInvariant();
            query = query.Where(u => u.NormalizedUserName!.Contains(upper) || u.DisplayName.Contains(s));
        }

        var rows = await query.OrderBy(u => u.UserName).ToListAsync(ct);
        var summaries = await SummariseAsync(rows, ct);
        var visible = summaries.Where(s => Manages(s.Placement) && (filter.Role is not { Length: > 0 } || s.Summary.Role == filter.Role))
            .Select(s => s.Summary).ToList();
        var size = Math.Clamp(filter.PageSize, 1, 200);
        var page = Math.Max(1, filter.Page);
        return new Page<UserSummary>([.. visible.Skip((page - 1) * size).Take(size)], page, size, visible.Count);
    }

    /// <summary>Units the acting user may place users in (for the form's list): provinces for an administrator (other codes are typed), else the scope's units.</summary>
    public async Task<IReadOnlyList<(string Code, string Name)>> UnitChoicesAsync(CancellationToken ct)
    {
        var current = db.AdminUnits.AsNoTracking().Where(u => u.ValidTo == null);
        if (Actor.IsInRole(Roles.SystemAdmin))
        {
            return [.. (await current.Where(u => u.Level == AdminLevel.Province).OrderBy(u => u.Code).Select(u => new { u.Code, u.FullName }).ToListAsync(ct))
                .Select(u => (u.Code, u.FullName))];
        }

        if (!CanAdminister)
        {
            return [];
        }

        var codes = await ManagedUnitCodesAsync(ct);
        var units = await current.Where(u => codes.Contains(u.Code)).OrderBy(u => u.Code).Select(u => new { u.Code, u.FullName }).ToListAsync(ct);
        return [.. units.Select(u => (u.Code, u.FullName))];
    }

    /// <summary>A user the acting user manages; null when missing or outside the scope.</summary>
    public async Task<UserSummary?> GetAsync(string id, CancellationToken ct)
    {
        var found = await FindManagedAsync(id, ct);
        return found?.Summary;
    }

    /// <summary>The id of a user by user name, for the CLI (which acts as system administrator).</summary>
    public async Task<string?> FindIdAsync(string userName, CancellationToken ct)
    {
        var normalized = users.NormalizeName(userName.Trim());
        return await db.Users.AsNoTracking().Where(u => u.NormalizedUserName == normalized).Select(u => u.Id).FirstOrDefaultAsync(ct);
    }

    /// <summary>
    /// Creates a user. <paramref name="mustChangePassword"/> is true when someone else chooses the first password (the
    /// page and the API); the CLI's first administrator types their own.
    /// </summary>
    public async Task<Result<UserSummary>> CreateAsync(UserInput input, bool mustChangePassword, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var userName = (input.UserName ?? string.Empty).Trim();
        if (userName.Length == 0)
        {
            errors.Add("userName", "Hãy nhập tên đăng nhập.");
        }
        else if (userName.Length is < 2 or > 64 || !UserNamePattern().IsMatch(userName))
        {
            errors.Add("userName", "Tên đăng nhập dài 2–64 ký tự, chỉ gồm chữ cái không dấu, chữ số và các ký tự . _ - @.");
        }
        else if (await FindIdAsync(userName, ct) is not null)
        {
            errors.Add("userName", "Tên đăng nhập này đã có người dùng.");
        }

        var placement = await ValidateDetailsAsync(input, errors, ct);
        if (string.IsNullOrEmpty(input.Password))
        {
            errors.Add("password", "Hãy nhập mật khẩu.");
        }
        else
        {
            await ValidatePasswordAsync(new AppUser { UserName = userName }, input.Password, errors);
        }

        if (errors.Any || placement is null)
        {
            return Result<UserSummary>.Invalid(errors.ToDictionary());
        }

        var user = new AppUser
        {
            UserName = userName,
            DisplayName = Clean(input.FullName)!,
            Position = Clean(input.Position),
            ScopeUnitCode = placement.UnitCode,
            ScopeLevel = placement.Level,
            LockoutEnabled = true,
            MustChangePassword = mustChangePassword,
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var created = await users.CreateAsync(user, input.Password!);
        if (!created.Succeeded)
        {
            return Result<UserSummary>.Invalid(IdentityErrors(created));
        }

        await users.AddToRoleAsync(user, placement.Role);
        db.AddAuditEvent(AuditActions.Update, nameof(AppUser), user.Id, null,
            new[] { new FieldChange("Role", null, placement.Role) });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Result<UserSummary>.Ok((await FindManagedAsync(user.Id, ct))!.Summary);
    }

    /// <summary>Changes full name, position, role and scope. The version must be the one read; a stale one is a conflict.</summary>
    public async Task<Result<UserSummary>> UpdateAsync(string id, UserInput input, CancellationToken ct)
    {
        var found = await FindManagedAsync(id, ct);
        if (found is null)
        {
            return Result<UserSummary>.NotFound();
        }

        var errors = new ValidationErrors();
        var placement = await ValidateDetailsAsync(input, errors, ct);
        if (string.IsNullOrEmpty(input.Version))
        {
            errors.Add("version", "Thiếu phiên bản (version) của tài khoản: hãy đọc lại tài khoản rồi gửi kèm phiên bản.");
        }

        var isSelf = id == Actor.UserId;
        if (isSelf && placement is not null && (placement.Role != found.Summary.Role || placement.UnitCode != found.Summary.UnitCode))
        {
            errors.Add("role", "Không thể tự đổi vai trò hoặc đơn vị của chính mình.");
        }

        if (errors.Any || placement is null)
        {
            return Result<UserSummary>.Invalid(errors.ToDictionary());
        }

        var user = found.User;
        if (user.ConcurrencyStamp != input.Version)
        {
            return Result<UserSummary>.Conflict(StaleMessage);
        }

        var oldRole = found.Summary.Role;
        user.DisplayName = Clean(input.FullName)!;
        user.Position = Clean(input.Position);
        var rescoped = user.ScopeUnitCode != placement.UnitCode || oldRole != placement.Role;
        user.ScopeUnitCode = placement.UnitCode;
        user.ScopeLevel = placement.Level;
        if (rescoped)
        {
            // The scope travels in the user's claims: sign them out everywhere so that the new scope applies at once.
            user.SecurityStamp = Guid.NewGuid().ToString("N");
        }

        return await SaveAsync(user, input.Version, async () =>
        {
            if (oldRole != placement.Role)
            {
                if (oldRole.Length > 0)
                {
                    await users.RemoveFromRoleAsync(user, oldRole);
                }

                await users.AddToRoleAsync(user, placement.Role);
                db.AddAuditEvent(AuditActions.Update, nameof(AppUser), user.Id, null,
                    new[] { new FieldChange("Role", oldRole, placement.Role) });
            }
        }, ct);
    }

    /// <summary>Locks the account until an administrator unlocks it; its sessions and tokens stop working at once.</summary>
    public Task<Result<UserSummary>> LockAsync(string id, CancellationToken ct) => ChangeAsync(id, selfMessage: "Không thể tự khóa tài khoản của chính mình.", user =>
    {
        user.LockoutEnabled = true;
        user.LockoutEnd = DateTimeOffset.MaxValue;
        user.SecurityStamp = Guid.NewGuid().ToString("N");
        return null;
    }, ct);

    /// <summary>Unlocks an account locked by an administrator or by failed logins.</summary>
    public Task<Result<UserSummary>> UnlockAsync(string id, CancellationToken ct) => ChangeAsync(id, selfMessage: null, user =>
    {
        if (user.DeactivatedAtUtc is not null)
        {
            return "Tài khoản đã ngừng hoạt động, không mở khóa được.";
        }

        user.LockoutEnd = null;
        user.AccessFailedCount = 0;
        return null;
    }, ct);

    /// <summary>Deactivates the account for good (it is kept, with its name, for the audit); sessions and tokens end at once.</summary>
    public Task<Result<UserSummary>> DeactivateAsync(string id, CancellationToken ct) => ChangeAsync(id, selfMessage: "Không thể tự ngừng hoạt động tài khoản của chính mình.", user =>
    {
        if (user.DeactivatedAtUtc is not null)
        {
            return "Tài khoản đã ngừng hoạt động.";
        }

        user.DeactivatedAtUtc = db.Clock.GetUtcNow().UtcDateTime;
        user.LockoutEnabled = true;
        user.LockoutEnd = DateTimeOffset.MaxValue;
        user.SecurityStamp = Guid.NewGuid().ToString("N");
        return null;
    }, ct);

    /// <summary>Sets a new password that the user must change at the next login; existing sessions and tokens end at once.</summary>
    public async Task<Result<UserSummary>> ResetPasswordAsync(string id, string? password, CancellationToken ct)
    {
        var found = await FindManagedAsync(id, ct);
        if (found is null)
        {
            return Result<UserSummary>.NotFound();
        }

        var errors = new ValidationErrors();
        if (string.IsNullOrEmpty(password))
        {
            errors.Add("password", "Hãy nhập mật khẩu mới.");
        }
        else
        {
            await ValidatePasswordAsync(found.User, password, errors);
        }

        if (found.User.DeactivatedAtUtc is not null)
        {
            errors.Add("password", "Tài khoản đã ngừng hoạt động.");
        }

        if (errors.Any)
        {
            return Result<UserSummary>.Invalid(errors.ToDictionary());
        }

        var user = found.User;
        user.PasswordHash = users.PasswordHasher.HashPassword(user, password!);
        user.MustChangePassword = id != Actor.UserId;
        user.SecurityStamp = Guid.NewGuid().ToString("N");
        return await SaveAsync(user, user.ConcurrencyStamp, null, ct);
    }

    /// <summary>The signed-in user changes their own password (required after a reset); clears "must change".</summary>
    public async Task<Result<bool>> ChangeOwnPasswordAsync(string currentPassword, string newPassword, string confirmation, CancellationToken ct)
    {
        var user = Actor.UserId is { } id ? await db.Users.FirstOrDefaultAsync(u => u.Id == id, ct) : null;
        if (user is null)
        {
            return Result<bool>.NotFound();
        }

        var errors = new ValidationErrors();
        if (string.IsNullOrEmpty(currentPassword) || !await users.CheckPasswordAsync(user, currentPassword))
        {
            errors.Add("currentPassword", "Mật khẩu hiện tại không đúng.");
        }

        if (string.IsNullOrEmpty(newPassword))
        {
            errors.Add("newPassword", "Hãy nhập mật khẩu mới.");
        }
        else
        {
            await ValidatePasswordAsync(user, newPassword, errors, "newPassword");
            if (newPassword == currentPassword)
            {
                errors.Add("newPassword", "Mật khẩu mới phải khác mật khẩu hiện tại.");
            }
        }

        if (newPassword != confirmation)
        {
            errors.Add("confirmPassword", "Nhập lại mật khẩu mới chưa khớp.");
        }

        if (errors.Any)
        {
            return Result<bool>.Invalid(errors.ToDictionary());
        }

        user.PasswordHash = users.PasswordHasher.HashPassword(user, newPassword);
        user.MustChangePassword = false;
        user.SecurityStamp = Guid.NewGuid().ToString("N");
        user.ConcurrencyStamp = Guid.NewGuid().ToString();
        await db.SaveChangesAsync(ct);
        return Result<bool>.Ok(true);
    }

    private const string StaleMessage = "Tài khoản vừa được người khác sửa. Hãy tải lại trang và làm lại.";

    private async Task<Result<UserSummary>> ChangeAsync(string id, string? selfMessage, Func<AppUser, string?> change, CancellationToken ct)
    {
        var found = await FindManagedAsync(id, ct);
        if (found is null)
        {
            return Result<UserSummary>.NotFound();
        }

        if (selfMessage is not null && id == Actor.UserId)
        {
            return Result<UserSummary>.Conflict(selfMessage);
        }

        if (change(found.User) is { } refused)
        {
            return Result<UserSummary>.Conflict(refused);
        }

        return await SaveAsync(found.User, found.User.ConcurrencyStamp, null, ct);
    }

    private async Task<Result<UserSummary>> SaveAsync(AppUser user, string? expectedStamp, Func<Task>? more, CancellationToken ct)
    {
        db.Entry(user).Property(u => u.ConcurrencyStamp).OriginalValue = expectedStamp;
        user.ConcurrencyStamp = Guid.NewGuid().ToString();
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await db.SaveChangesAsync(ct);
            if (more is not null)
            {
                await more();
                await db.SaveChangesAsync(ct);
            }

            await tx.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result<UserSummary>.Conflict(StaleMessage);
        }

        return Result<UserSummary>.Ok((await FindManagedAsync(user.Id, ct))!.Summary);
    }

    private async Task ValidatePasswordAsync(AppUser user, string password, ValidationErrors errors, string field = "password")
    {
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, user, password);
            foreach (var error in result.Errors)
            {
                errors.Add(field, IdentitySetup.Vietnamese(error));
            }
        }
    }

    private static Dictionary<string, string[]> IdentityErrors(IdentityResult result) => result.Errors
        .GroupBy(e => e.Code.StartsWith("Password", StringComparison.Ordinal) ? "password" : "userName")
        .ToDictionary(g => g.Key, g => g.Select(IdentitySetup.Vietnamese).ToArray(), StringComparer.Ordinal);

    /// <summary>Full name, position, role and unit: checks them and that the acting user may give that role in that unit.</summary>
    private async Task<Placement?> ValidateDetailsAsync(UserInput input, ValidationErrors errors, CancellationToken ct)
    {
        var fullName = Clean(input.FullName);
        if (fullName is null)
        {
            errors.Add("fullName", "Hãy nhập họ và tên.");
        }
        else if (fullName.Length > 150)
        {
            errors.Add("fullName", "Họ và tên dài quá 150 ký tự.");
        }

        if (Clean(input.Position) is { Length: > 150 })
        {
            errors.Add("position", "Chức vụ dài quá 150 ký tự.");
        }

        var role = (input.Role ?? string.Empty).Trim();
        if (role.Length == 0)
        {
            errors.Add("role", "Hãy chọn vai trò.");
            return null;
        }

        if (!Roles.All.Contains(role))
        {
            errors.Add("role", "Vai trò không hợp lệ. Các vai trò: " + string.Join(", ", Roles.All) + ".");
            return null;
        }

        if (!AssignableRoles().Contains(role))
        {
            errors.Add("role", $"Bạn không được giao vai trò \"{Roles.VietnameseName(role)}\".");
            return null;
        }

        var unitCode = Clean(input.UnitCode);
        var level = RequiredLevel(role);
        if (level is null)
        {
            if (unitCode is not null)
            {
                errors.Add("unitCode", "Quản trị hệ thống quản lý toàn quốc: để trống đơn vị.");
                return null;
            }

            return new Placement(role, null, null, null, null, null);
        }

        var levelName = level switch
        {
            AdminLevel.Province => "một tỉnh/thành phố",
            AdminLevel.Commune => "một xã/phường",
            _ => "một thôn/tổ dân phố",
        };
        if (unitCode is null)
        {
            errors.Add("unitCode", $"Vai trò \"{Roles.VietnameseName(role)}\" cần đơn vị là {levelName}: hãy nhập mã đơn vị.");
            return null;
        }

        var units = await UnitsAsync([unitCode], ct);
        if (!units.TryGetValue(unitCode, out var unit))
        {
            errors.Add("unitCode", $"Không có đơn vị hành chính đang hiệu lực mã \"{unitCode}\".");
            return null;
        }

        if (unit.Level != level)
        {
            errors.Add("unitCode", $"Vai trò \"{Roles.VietnameseName(role)}\" cần đơn vị là {levelName}; \"{unit.Name}\" không phải.");
            return null;
        }

        var placement = new Placement(role, unitCode, unit.Level, unit.Name, unit.Commune, unit.Province);
        if (!Manages(placement))
        {
            errors.Add("unitCode", "Đơn vị này nằm ngoài phạm vi bạn quản lý.");
            return null;
        }

        return placement;
    }

    private bool Manages(Placement target)
    {
        if (Actor.IsInRole(Roles.SystemAdmin))
        {
            return true;
        }

        var scope = Actor.ScopeUnitCode;
        if (scope is null)
        {
            return false;
        }

        if (Actor.IsInRole(Roles.ProvincialOfficer) && Actor.ScopeLevel == AdminLevel.Province)
        {
            return target.Role switch
            {
                Roles.CommuneOfficer => target.Level == AdminLevel.Commune && target.Province == scope,
                Roles.VillageReviewer => target.Level == AdminLevel.Village && target.Province == scope,
                Roles.SectorOfficer or Roles.Supervisor or Roles.Leader => target.Level == AdminLevel.Province && target.UnitCode == scope,
                _ => false,
            };
        }

        return Actor.IsInRole(Roles.CommuneOfficer) && Actor.ScopeLevel == AdminLevel.Commune
            && target.Role == Roles.VillageReviewer && target.Level == AdminLevel.Village && target.Commune == scope;
    }

    /// <summary>The unit codes where users the acting (scoped) user may manage can sit: a prefilter before <see cref="Manages"/>.</summary>
    private async Task<List<string>> ManagedUnitCodesAsync(CancellationToken ct)
    {
        var scope = Actor.ScopeUnitCode!;
        var current = db.AdminUnits.AsNoTracking().Where(u => u.ValidTo == null);
        if (Actor.ScopeLevel == AdminLevel.Province)
        {
            var communes = current.Where(u => u.ParentCode == scope && u.Level == AdminLevel.Commune).Select(u => u.Code);
            var villages = current.Where(u => u.Level == AdminLevel.Village && communes.Contains(u.ParentCode!)).Select(u => u.Code);
            return [scope, .. await communes.ToListAsync(ct), .. await villages.ToListAsync(ct)];
        }

        return await current.Where(u => u.ParentCode == scope && u.Level == AdminLevel.Village).Select(u => u.Code).ToListAsync(ct);
    }

    private async Task<Managed?> FindManagedAsync(string id, CancellationToken ct)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == id, ct);
        if (user is null)
        {
            return null;
        }

        var summary = (await SummariseAsync([user], ct))[0];
        return Manages(summary.Placement) ? new Managed(user, summary.Summary) : null;
    }

    private async Task<List<(UserSummary Summary, Placement Placement)>> SummariseAsync(List<AppUser> rows, CancellationToken ct)
    {
        var ids = rows.Select(u => u.Id).ToList();
        var roles = await db.UserRoles.AsNoTracking().Where(r => ids.Contains(r.UserId))
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .ToListAsync(ct);
        var roleOf = roles.GroupBy(r => r.UserId).ToDictionary(g => g.Key, g => g.First().Name ?? string.Empty, StringComparer.Ordinal);
        var units = await UnitsAsync([.. rows.Where(u => u.ScopeUnitCode is not null).Select(u => u.ScopeUnitCode!).Distinct()], ct);
        var now = db.Clock.GetUtcNow();
        return [.. rows.Select(u =>
        {
            var role = roleOf.GetValueOrDefault(u.Id, string.Empty);
            var unit = u.ScopeUnitCode is { } code && units.TryGetValue(code, out var found) ? found : null;
            var placement = new Placement(role, u.ScopeUnitCode, unit?.Level, unit?.Name, unit?.Commune, unit?.Province);
            var state = u.DeactivatedAtUtc is not null ? UserState.Deactivated : u.LockoutEnd > now ? UserState.Locked : UserState.Active;
            return (new UserSummary(u.Id, u.UserName ?? string.Empty, u.DisplayName, u.Position, role, Roles.VietnameseName(role),
                u.ScopeUnitCode, unit?.Name, state, state == UserState.Locked && u.LockoutEnd != DateTimeOffset.MaxValue ? u.LockoutEnd : null, u.MustChangePassword,
                u.ConcurrencyStamp ?? string.Empty), placement);
        })];
    }

    /// <summary>Current units by code with their level, full name, commune (for a village) and province.</summary>
    private async Task<Dictionary<string, UnitInfo>> UnitsAsync(List<string> codes, CancellationToken ct)
    {
        var current = db.AdminUnits.AsNoTracking().Where(u => u.ValidTo == null);
        var rows = await current.Where(u => codes.Contains(u.Code))
            .Select(u => new { u.Code, u.Level, u.FullName, u.ParentCode }).ToListAsync(ct);
        var communeCodes = rows.Where(r => r.Level == AdminLevel.Village && r.ParentCode != null).Select(r => r.ParentCode!).Distinct().ToList();
        var communeParents = await current.Where(u => communeCodes.Contains(u.Code))
            .Select(u => new { u.Code, u.ParentCode }).ToListAsync(ct);
        var provinceOfCommune = communeParents.GroupBy(c => c.Code).ToDictionary(g => g.Key, g => g.First().ParentCode, StringComparer.Ordinal);
        var result = new Dictionary<string, UnitInfo>(StringComparer.Ordinal);
        foreach (var r in rows)
        {
            result[r.Code] = r.Level switch
            {
                AdminLevel.Province => new UnitInfo(r.Level, r.FullName, null, r.Code),
                AdminLevel.Commune => new UnitInfo(r.Level, r.FullName, r.Code, r.ParentCode),
                AdminLevel.Village => new UnitInfo(r.Level, r.FullName, r.ParentCode,
                    r.ParentCode is null ? null : provinceOfCommune.GetValueOrDefault(r.ParentCode)),
                _ => new UnitInfo(r.Level, r.FullName, null, null),
            };
        }

        return result;
    }

    private static string? Clean(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : text.Trim().Normalize(System.Text.NormalizationForm.FormC);

    [GeneratedRegex("^[A-Za-z0-9._@-]+$")]
    private static partial Regex UserNamePattern();

    private sealed record Placement(string Role, string? UnitCode, AdminLevel? Level, string? UnitName, string? Commune, string? Province);

    private sealed record UnitInfo(AdminLevel Level, string Name, string? Commune, string? Province);

    private sealed record Managed(AppUser User, UserSummary Summary);
}
