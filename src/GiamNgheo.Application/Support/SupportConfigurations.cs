using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GiamNgheo.Application.Support;

internal sealed class SupportRecordConfiguration : IEntityTypeConfiguration<SupportRecordEntity>
{
    public void Configure(EntityTypeBuilder<SupportRecordEntity> builder)
    {
        builder.ToTable("support_records");
        builder.Property(s => s.ProvinceCode).HasMaxLength(16);
        builder.Property(s => s.CommuneCode).HasMaxLength(16);
        builder.Property(s => s.VillageCode).HasMaxLength(24);
        builder.Property(s => s.PolicyCode).HasMaxLength(40);
        builder.Property(s => s.Agency).HasMaxLength(200);
        builder.Property(s => s.Reference).HasMaxLength(100);
        builder.Property(s => s.Note).HasMaxLength(1000);
        builder.Property(s => s.Source).HasMaxLength(300);
        builder.Property(s => s.CreatedBy).HasMaxLength(256);
        builder.Property(s => s.Quantity).HasPrecision(18, 2);
        builder.Ignore(s => s.IsEffective);
        builder.HasIndex(s => new { s.HouseholdId, s.ProvinceCode, s.PolicyCode, s.PeriodStart });
        builder.HasIndex(s => new { s.CommuneCode, s.Date });
        builder.HasIndex(s => new { s.ProvinceCode, s.PolicyCode });
        builder.HasOne<Households.HouseholdEntity>().WithMany().HasForeignKey(s => new { s.HouseholdId, s.ProvinceCode }).HasPrincipalKey(h => new { h.Id, h.ProvinceCode }).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SupportPlanConfiguration : IEntityTypeConfiguration<SupportPlanEntity>
{
    public void Configure(EntityTypeBuilder<SupportPlanEntity> builder)
    {
        builder.ToTable("support_plans");
        builder.Property(s => s.ProvinceCode).HasMaxLength(16);
        builder.Property(s => s.CommuneCode).HasMaxLength(16);
        builder.Property(s => s.VillageCode).HasMaxLength(24);
        builder.Property(s => s.Responsible).HasMaxLength(200);
        builder.Property(s => s.ResponsibleUser).HasMaxLength(256);
        builder.Property(s => s.Commitment).HasMaxLength(2000);
        builder.HasIndex(s => new { s.HouseholdId, s.ProvinceCode }).IsUnique();
        builder.HasIndex(s => new { s.CommuneCode, s.ResponsibleUser });
        builder.HasMany(s => s.Items).WithOne().HasForeignKey(i => i.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(s => s.Visits).WithOne().HasForeignKey(i => i.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Households.HouseholdEntity>().WithMany().HasForeignKey(s => new { s.HouseholdId, s.ProvinceCode }).HasPrincipalKey(h => new { h.Id, h.ProvinceCode }).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SupportPlanItemConfiguration : IEntityTypeConfiguration<SupportPlanItemEntity>
{
    public void Configure(EntityTypeBuilder<SupportPlanItemEntity> builder)
    {
        builder.ToTable("support_plan_items");
        builder.Property(s => s.PolicyCode).HasMaxLength(40);
        builder.Property(s => s.Description).HasMaxLength(1000);
    }
}

internal sealed class FollowUpVisitConfiguration : IEntityTypeConfiguration<FollowUpVisitEntity>
{
    public void Configure(EntityTypeBuilder<FollowUpVisitEntity> builder)
    {
        builder.ToTable("follow_up_visits");
        builder.Property(s => s.Officer).HasMaxLength(200);
        builder.Property(s => s.Notes).HasMaxLength(2000);
    }
}
