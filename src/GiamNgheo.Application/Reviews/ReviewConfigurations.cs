using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GiamNgheo.Application.Reviews;

internal sealed class ReviewCampaignConfiguration : IEntityTypeConfiguration<ReviewCampaignEntity>
{
    public void Configure(EntityTypeBuilder<ReviewCampaignEntity> builder)
    {
        builder.ToTable("review_campaigns");
        builder.Property(c => c.ProvinceCode).HasMaxLength(16);
        builder.Property(c => c.StandardCode).HasMaxLength(40);
        builder.Property(c => c.ParallelStandards).HasMaxLength(400);
        builder.Property(c => c.OpenedBy).HasMaxLength(256);
        builder.HasIndex(c => new { c.ProvinceCode, c.Year, c.Kind, c.Month });
    }
}

internal sealed class CommuneReviewConfiguration : IEntityTypeConfiguration<CommuneReviewEntity>
{
    public void Configure(EntityTypeBuilder<CommuneReviewEntity> builder)
    {
        builder.ToTable("commune_reviews");
        builder.Property(c => c.ProvinceCode).HasMaxLength(16);
        builder.Property(c => c.CommuneCode).HasMaxLength(16);
        builder.Property(c => c.DistrictOpinion).HasMaxLength(2000);
        builder.Property(c => c.ReturnComment).HasMaxLength(2000);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasIndex(c => new { c.CampaignId, c.CommuneCode }).IsUnique();
        builder.HasOne<ReviewCampaignEntity>().WithMany().HasForeignKey(c => c.CampaignId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReviewHouseholdConfiguration : IEntityTypeConfiguration<ReviewHouseholdEntity>
{
    public void Configure(EntityTypeBuilder<ReviewHouseholdEntity> builder)
    {
        builder.ToTable("review_households");
        builder.Property(h => h.ProvinceCode).HasMaxLength(16);
        builder.Property(h => h.VillageCode).HasMaxLength(24);
        builder.Property(h => h.ReasonText).HasMaxLength(1000);
        builder.Property(h => h.Category).HasMaxLength(24);
        builder.Property(h => h.PreviousCategory).HasMaxLength(24);
        builder.Property(h => h.CertificateNumber).HasMaxLength(60);
        builder.Property(h => h.ExclusionReason).HasMaxLength(1000);
        builder.HasIndex(h => new { h.CommuneReviewId, h.HouseholdId }).IsUnique();
        builder.HasOne<CommuneReviewEntity>().WithMany().HasForeignKey(h => h.CommuneReviewId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Households.HouseholdEntity>().WithMany()
            .HasForeignKey(h => new { h.HouseholdId, h.ProvinceCode }).HasPrincipalKey(h => new { h.Id, h.ProvinceCode })
            .OnDelete(DeleteBehavior.Cascade);
        // Votes and complaints point at a review household by (Id, ProvinceCode): colocated by province (docs/scaling.md).
        builder.HasAlternateKey(h => new { h.Id, h.ProvinceCode });
    }
}

internal sealed class ReviewMeetingConfiguration : IEntityTypeConfiguration<ReviewMeetingEntity>
{
    public void Configure(EntityTypeBuilder<ReviewMeetingEntity> builder)
    {
        builder.ToTable("review_meetings");
        builder.Property(m => m.VillageCode).HasMaxLength(24);
        builder.Property(m => m.Roles).HasMaxLength(2000);
        builder.Property(m => m.MinutesFileName).HasMaxLength(260);
        builder.Property(m => m.MinutesContentType).HasMaxLength(100);
        builder.HasOne<CommuneReviewEntity>().WithMany().HasForeignKey(m => m.CommuneReviewId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReviewVoteConfiguration : IEntityTypeConfiguration<ReviewVoteEntity>
{
    public void Configure(EntityTypeBuilder<ReviewVoteEntity> builder)
    {
        builder.ToTable("review_votes");
        builder.Property(v => v.ProvinceCode).HasMaxLength(16);
        builder.HasOne<ReviewMeetingEntity>().WithMany().HasForeignKey(v => v.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ReviewHouseholdEntity>().WithMany()
            .HasForeignKey(v => new { v.ReviewHouseholdId, v.ProvinceCode }).HasPrincipalKey(h => new { h.Id, h.ProvinceCode })
            .OnDelete(DeleteBehavior.NoAction);
    }
}

internal sealed class ReviewFileConfiguration : IEntityTypeConfiguration<ReviewFileEntity>
{
    public void Configure(EntityTypeBuilder<ReviewFileEntity> builder)
    {
        builder.ToTable("review_files");
        builder.Property(f => f.FileName).HasMaxLength(260);
        builder.Property(f => f.ContentType).HasMaxLength(100);
        builder.Property(f => f.UploadedBy).HasMaxLength(256);
        builder.HasOne<ReviewCampaignEntity>().WithMany().HasForeignKey(f => f.CampaignId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReviewComplaintConfiguration : IEntityTypeConfiguration<ReviewComplaintEntity>
{
    public void Configure(EntityTypeBuilder<ReviewComplaintEntity> builder)
    {
        builder.ToTable("review_complaints");
        builder.Property(c => c.ProvinceCode).HasMaxLength(16);
        builder.Property(c => c.Complainant).HasMaxLength(200);
        builder.Property(c => c.Content).HasMaxLength(2000);
        builder.Property(c => c.RecheckResult).HasMaxLength(2000);
        builder.HasOne<ReviewHouseholdEntity>().WithMany()
            .HasForeignKey(c => new { c.ReviewHouseholdId, c.ProvinceCode }).HasPrincipalKey(h => new { h.Id, h.ProvinceCode })
            .OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RecognitionDecisionConfiguration : IEntityTypeConfiguration<RecognitionDecisionEntity>
{
    public void Configure(EntityTypeBuilder<RecognitionDecisionEntity> builder)
    {
        builder.ToTable("recognition_decisions");
        builder.Property(d => d.CommuneCode).HasMaxLength(16);
        builder.Property(d => d.StandardCode).HasMaxLength(40);
        builder.Property(d => d.Number).HasMaxLength(60);
        builder.Property(d => d.Signer).HasMaxLength(200);
        builder.HasOne<CommuneReviewEntity>().WithMany().HasForeignKey(d => d.CommuneReviewId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class EscapeRequestConfiguration : IEntityTypeConfiguration<EscapeRequestEntity>
{
    public void Configure(EntityTypeBuilder<EscapeRequestEntity> builder)
    {
        builder.ToTable("escape_requests");
        builder.Property(r => r.ProvinceCode).HasMaxLength(16);
        builder.Property(r => r.CommuneCode).HasMaxLength(16);
        builder.Property(r => r.FromCategory).HasMaxLength(24);
        builder.Property(r => r.Reason).HasMaxLength(1000);
        builder.HasOne<Households.HouseholdEntity>().WithMany()
            .HasForeignKey(r => new { r.HouseholdId, r.ProvinceCode }).HasPrincipalKey(h => new { h.Id, h.ProvinceCode })
            .OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PublicHolidayConfiguration : IEntityTypeConfiguration<PublicHolidayEntity>
{
    public void Configure(EntityTypeBuilder<PublicHolidayEntity> builder)
    {
        builder.ToTable("public_holidays");
        builder.Property(h => h.ProvinceCode).HasMaxLength(16);
        builder.Property(h => h.NameVi).HasMaxLength(200);
        builder.Property(h => h.Mark).HasMaxLength(4);
        builder.HasIndex(h => new { h.Date, h.ProvinceCode });
    }
}
