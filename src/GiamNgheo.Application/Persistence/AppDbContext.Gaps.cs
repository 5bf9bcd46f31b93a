namespace GiamNgheo.Application.Persistence;

public abstract partial class AppDbContext
{
    public Microsoft.EntityFrameworkCore.DbSet<Support.HouseholdGapSummaryEntity> HouseholdGapSummaries => Set<Support.HouseholdGapSummaryEntity>();
    public Microsoft.EntityFrameworkCore.DbSet<Support.HouseholdPolicyStatusEntity> HouseholdPolicyStatuses => Set<Support.HouseholdPolicyStatusEntity>();
    public Microsoft.EntityFrameworkCore.DbSet<Support.PoorCommuneEntity> PoorCommunes => Set<Support.PoorCommuneEntity>();
}
