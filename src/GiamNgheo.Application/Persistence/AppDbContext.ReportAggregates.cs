using GiamNgheo.Application.Reports.Aggregates;
using Microsoft.EntityFrameworkCore;

namespace GiamNgheo.Application.Persistence;

public abstract partial class AppDbContext
{
    public DbSet<ReportAggregateEntity> ReportAggregates => Set<ReportAggregateEntity>();
    public DbSet<ReportAggregateDirtyEntity> ReportAggregateDirty => Set<ReportAggregateDirtyEntity>();
    public DbSet<ReportListEntryEntity> ReportListEntries => Set<ReportListEntryEntity>();

    /// <summary>Every save marks the communes whose report aggregates it makes stale (<see cref="ReportAggregateChangeMarker"/>).</summary>
    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
    {
        ArgumentNullException.ThrowIfNull(optionsBuilder);
        optionsBuilder.AddInterceptors(ReportAggregateChangeMarker.Instance);
        base.OnConfiguring(optionsBuilder);
    }
}
