using GiamNgheo.Application.Households;
using GiamNgheo.Application.Persistence;
using GiamNgheo.Application.Surveys;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace GiamNgheo.Application.Reports.Aggregates;

/// <summary>
/// Before every save, adds a <see cref="ReportAggregateDirtyEntity"/> row (same transaction) for each commune whose
/// households, members, surveys or classifications the save adds, changes or deletes (both communes when a household
/// or classification moves). Bulk paths that bypass the change tracker call
/// <see cref="ReportAggregates.RefreshCommunesAsync"/> (or <see cref="ReportAggregates.MarkDirtyAsync"/>) themselves.
/// </summary>
public sealed class ReportAggregateChangeMarker : SaveChangesInterceptor
{
    public static readonly ReportAggregateChangeMarker Instance = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is AppDbContext db)
        {
            MarkAsync(db, CancellationToken.None).GetAwaiter().GetResult();
        }

        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is AppDbContext db)
        {
            await MarkAsync(db, cancellationToken);
        }

        return result;
    }

    private static async Task MarkAsync(AppDbContext db, CancellationToken ct)
    {
        var communes = new HashSet<(string Province, string Commune)>();
        var householdIds = new HashSet<long>();
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            switch (entry.Entity)
            {
                case HouseholdEntity h:
                    communes.Add((h.ProvinceCode, h.CommuneCode));
                    AddOriginal(entry, communes, nameof(HouseholdEntity.ProvinceCode), nameof(HouseholdEntity.CommuneCode));
                    break;
                case HouseholdClassificationEntity c:
                    communes.Add((c.ProvinceCode, c.CommuneCode));
                    AddOriginal(entry, communes, nameof(HouseholdClassificationEntity.ProvinceCode), nameof(HouseholdClassificationEntity.CommuneCode));
                    break;
                case MemberEntity m:
                    if (m.Household is { } parent)
                    {
                        communes.Add((parent.ProvinceCode, parent.CommuneCode));
                    }
                    else
                    {
                        householdIds.Add(m.HouseholdId);
                    }

                    break;
                case HouseholdSurveyEntity s:
                    householdIds.Add(s.HouseholdId);
                    break;
                default:
                    break;
            }
        }

        if (householdIds.Count > 0)
        {
            var tracked = db.ChangeTracker.Entries<HouseholdEntity>().Where(e => householdIds.Contains(e.Entity.Id)).Select(e => e.Entity).ToList();
            foreach (var h in tracked)
            {
                communes.Add((h.ProvinceCode, h.CommuneCode));
                householdIds.Remove(h.Id);
            }

            var ids = householdIds.Where(id => id > 0).ToList();
            if (ids.Count > 0)
            {
                var found = await db.Households.AsNoTracking().Where(h => ids.Contains(h.Id)).Select(h => new { h.ProvinceCode, h.CommuneCode }).Distinct().ToListAsync(ct);
                foreach (var f in found)
                {
                    communes.Add((f.ProvinceCode, f.CommuneCode));
                }
            }
        }

        if (communes.Count == 0)
        {
            return;
        }

        var now = db.Clock.GetUtcNow().UtcDateTime;
        foreach (var (province, commune) in communes)
        {
            db.ReportAggregateDirty.Add(new ReportAggregateDirtyEntity { ProvinceCode = province, CommuneCode = commune, MarkedAtUtc = now });
        }
    }

    private static void AddOriginal(EntityEntry entry, HashSet<(string, string)> communes, string provinceProperty, string communeProperty)
    {
        if (entry.State != EntityState.Modified)
        {
            return;
        }

        if (entry.Property(provinceProperty).OriginalValue is string province && entry.Property(communeProperty).OriginalValue is string commune)
        {
            communes.Add((province, commune));
        }
    }
}
