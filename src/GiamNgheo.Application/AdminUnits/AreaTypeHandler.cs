using GiamNgheo.Application.Identity;
using GiamNgheo.Application.Persistence;
using GiamNgheo.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace GiamNgheo.Application.AdminUnits;

public sealed record SetAreaTypeCommand(string CommuneCode, AreaType AreaType, DateOnly EffectiveFrom);

/// <summary>The new period and how many stored surveys from its date were classified again (rows changed among them).</summary>
public sealed record AreaTypeChange(CommuneAreaType Period, long SurveysReclassified, long RowsChanged);

/// <summary>
/// A provincial administrator sets a commune's area type from a date: the current period is closed the day before, and
/// every stored survey of the commune dated on or after that day is classified again with the new income line
/// (<see cref="Surveys.Reclassification"/>; rows set by a decision stay as signed).
/// </summary>
public sealed class AreaTypeHandler(AppDbContext db, AdminUnitQueries units, Surveys.Reclassification reclassification)
{
    public async Task<Result<AreaTypeChange>> ExecuteAsync(SetAreaTypeCommand command, CancellationToken ct)
    {
        var user = db.CurrentUser;
        // The commune as it is today: a pre-2025 row of the same code has a district as its parent, so a date before the
        // reform would fail the province's scope check; a commune that no longer exists, as it was on the date.
        var commune = await units.FindAsync(command.CommuneCode, units.Today, ct) ?? await units.FindAsync(command.CommuneCode, command.EffectiveFrom, ct);
        if (commune is null || commune.Level != AdminLevel.Commune)
        {
            return Result<AreaTypeChange>.NotFound();
        }

        var inScope = user.IsInRole(Roles.SystemAdmin)
            || (user.IsInRole(Roles.ProvincialOfficer) && user.ScopeLevel == AdminLevel.Province && commune.ParentCode == user.ScopeUnitCode);
        if (!inScope)
        {
            return UnitScope.IsAny(user, Roles.Administrators)
                ? Result<AreaTypeChange>.NotFound()
                : Result<AreaTypeChange>.Forbidden("Chỉ quản trị viên cấp tỉnh được sửa khu vực của xã.");
        }

        // The new period and the classifications that follow from it: one transaction (a refusal or a failure leaves both as they were).
        return await db.InOneTransactionAsync(async () =>
        {
            var rows = await db.CommuneAreaTypes.Where(a => a.CommuneCode == command.CommuneCode).ToListAsync(ct);
            foreach (var row in rows.Where(r => r.ValidFrom is { } from && from >= command.EffectiveFrom).ToList())
            {
                db.CommuneAreaTypes.Remove(row);
            }

            foreach (var row in rows.Where(r => (r.ValidFrom is null || r.ValidFrom < command.EffectiveFrom)
                         && (r.ValidTo is null || r.ValidTo >= command.EffectiveFrom)))
            {
                row.ValidTo = command.EffectiveFrom.AddDays(-1);
            }

            var created = new CommuneAreaType
            {
                CommuneCode = command.CommuneCode,
                AreaType = command.AreaType,
                ValidFrom = command.EffectiveFrom,
                Source = "Đặt bởi " + user.UserName,
            };
            db.CommuneAreaTypes.Add(created);
            await db.SaveChangesAsync(ct);
            var outcome = await reclassification.RunAsync(new Surveys.ReclassifyScope(command.CommuneCode, command.EffectiveFrom), null, ct);
            return Result<AreaTypeChange>.Ok(new AreaTypeChange(created, outcome.Surveys, outcome.ChangedRows));
        }, ct);
    }
}
