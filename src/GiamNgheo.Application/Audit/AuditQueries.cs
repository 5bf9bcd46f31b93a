using GiamNgheo.Application.Identity;
using GiamNgheo.Application.Persistence;
using Microsoft.EntityFrameworkCore;

namespace GiamNgheo.Application.Audit;

public sealed record AuditEntryDto(long Id, DateTime AtUtc, string UserName, string Action, string EntityType, string EntityId, string Changes);

public sealed class AuditQueries(AppDbContext db)
{
    /// <summary>The audit of one household (its own changes, its members', exports and ID views), newest first; administrators only, in scope.</summary>
    public async Task<Result<IReadOnlyList<AuditEntryDto>>> ForHouseholdAsync(long householdId, CancellationToken ct)
    {
        if (!UnitScope.IsAny(db.CurrentUser, Roles.Administrators))
        {
            return Result<IReadOnlyList<AuditEntryDto>>.Forbidden("Chỉ quản trị viên được xem nhật ký.");
        }

        // A deleted household has no row left; its audit is still visible to a system administrator.
        var exists = await UnitScope.Apply(db.Households.AsNoTracking(), db.CurrentUser).AnyAsync(h => h.Id == householdId, ct);
        if (!exists && !db.CurrentUser.IsInRole(Roles.SystemAdmin))
        {
            return Result<IReadOnlyList<AuditEntryDto>>.NotFound();
        }

        var rows = await db.AuditRecords.AsNoTracking().Where(a => a.HouseholdId == householdId)
            .OrderByDescending(a => a.Id)
            .Select(a => new AuditEntryDto(a.Id, a.AtUtc, a.UserName, a.Action, a.EntityType, a.EntityId, a.Changes))
            .ToListAsync(ct);
        return Result<IReadOnlyList<AuditEntryDto>>.Ok(rows);
    }
}
