using GiamNgheo.Application.Standards;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GiamNgheo.Application.Surveys;

internal sealed class HouseholdSurveyConfiguration : IEntityTypeConfiguration<HouseholdSurveyEntity>
{
    public void Configure(EntityTypeBuilder<HouseholdSurveyEntity> builder)
    {
        builder.ToTable("household_surveys");
        builder.Property(s => s.ProvinceCode).HasMaxLength(16);
        builder.Property(s => s.Answers).HasMaxLength(4000);
        builder.Property(s => s.OtherCause).HasMaxLength(300);
        builder.Property(s => s.B1ScoreTable).HasMaxLength(40);
        builder.Property(s => s.Source).HasMaxLength(300);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasIndex(s => new { s.HouseholdId, s.ProvinceCode, s.Year }).IsUnique();
        builder.HasOne<Households.HouseholdEntity>().WithMany().HasForeignKey(s => new { s.HouseholdId, s.ProvinceCode }).HasPrincipalKey(h => new { h.Id, h.ProvinceCode }).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class HouseholdClassificationConfiguration : IEntityTypeConfiguration<HouseholdClassificationEntity>
{
    public void Configure(EntityTypeBuilder<HouseholdClassificationEntity> builder)
    {
        builder.ToTable("household_classifications");
        builder.Property(c => c.ProvinceCode).HasMaxLength(16);
        builder.Property(c => c.CommuneCode).HasMaxLength(16);
        builder.Property(c => c.VillageCode).HasMaxLength(24);
        builder.Property(c => c.LegacyCommuneCode).HasMaxLength(16);
        builder.Property(c => c.StandardCode).HasMaxLength(40);
        builder.Property(c => c.Deprived).HasMaxLength(1000);
        builder.HasIndex(c => new { c.HouseholdId, c.ProvinceCode, c.Year, c.StandardCode }).IsUnique();
        // Covering for the report lists (docs/reports.md): the year's poor / near-poor of a unit and their earlier years are read
        // from the index alone (household, commune, village as trailing columns), not one table row per household.
        builder.HasIndex(c => new { c.ProvinceCode, c.Year, c.StandardCode, c.Category, c.HouseholdId, c.CommuneCode, c.VillageCode });
        builder.HasIndex(c => new { c.CommuneCode, c.Year, c.StandardCode, c.Category, c.HouseholdId, c.VillageCode });
        builder.HasOne<Households.HouseholdEntity>().WithMany().HasForeignKey(c => new { c.HouseholdId, c.ProvinceCode }).HasPrincipalKey(h => new { h.Id, h.ProvinceCode }).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PovertyStandardConfiguration : IEntityTypeConfiguration<PovertyStandardEntity>
{
    public void Configure(EntityTypeBuilder<PovertyStandardEntity> builder)
    {
        builder.ToTable("poverty_standards");
        builder.HasKey(s => s.Code);
        builder.Property(s => s.Code).HasMaxLength(40);
        builder.Property(s => s.ProvinceCode).HasMaxLength(16);
        builder.Property(s => s.UpdatedBy).HasMaxLength(256);
    }
}
