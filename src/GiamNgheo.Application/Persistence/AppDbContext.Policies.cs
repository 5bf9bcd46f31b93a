namespace GiamNgheo.Application.Persistence;

public abstract partial class AppDbContext
{
    public Microsoft.EntityFrameworkCore.DbSet<Policies.PolicyEntity> Policies => Set<Policies.PolicyEntity>();
    public Microsoft.EntityFrameworkCore.DbSet<Support.SupportRecordEntity> SupportRecords => Set<Support.SupportRecordEntity>();
    public Microsoft.EntityFrameworkCore.DbSet<Support.SupportPlanEntity> SupportPlans => Set<Support.SupportPlanEntity>();
    public Microsoft.EntityFrameworkCore.DbSet<Support.SupportPlanItemEntity> SupportPlanItems => Set<Support.SupportPlanItemEntity>();
    public Microsoft.EntityFrameworkCore.DbSet<Support.FollowUpVisitEntity> FollowUpVisits => Set<Support.FollowUpVisitEntity>();
}
