using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GiamNgheo.Application.Reviews.Documents;

/// <summary>The kinds of frozen review documents.</summary>
public static class ReviewDocumentKinds
{
    /// <summary>The public posting list (commune, or one village when <see cref="ReviewDocumentEntity.VillageCode"/> is set).</summary>
    public const string Posting = "posting";

    /// <summary>The recognition decision (Mẫu 02) with its four annexes.</summary>
    public const string Decision = "decision";

    /// <summary>All certificates (Mẫu 03) of the commune review, one page each.</summary>
    public const string Certificates = "certificates";

    /// <summary>One household's certificate (Mẫu 03).</summary>
    public const string Certificate = "certificate";
}

/// <summary>
/// A review document as rendered at its step (posting start or re-posting, decision, certificates): the bytes are served
/// afterwards, so a re-print is byte-identical and later edits or imports of the household never change it. Rows are
/// only added (a re-posting adds a newer posting list); never modified.
/// </summary>
public sealed class ReviewDocumentEntity
{
    public long Id { get; set; }
    public long CommuneReviewId { get; set; }
    /// <summary>The commune review's province (docs/scaling.md).</summary>
    public required string ProvinceCode { get; set; }
    /// <summary><see cref="ReviewDocumentKinds"/>.</summary>
    public required string Kind { get; set; }
    /// <summary>The household of a single certificate; null for commune documents.</summary>
    public long? HouseholdId { get; set; }
    /// <summary>The village of a village posting list; null for the commune's.</summary>
    public string? VillageCode { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public required byte[] Content { get; set; }
    /// <summary>SHA-256 of <see cref="Content"/>, upper-case hex.</summary>
    public required string Sha256 { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public required string CreatedBy { get; set; }
}

internal sealed class ReviewDocumentConfiguration : IEntityTypeConfiguration<ReviewDocumentEntity>
{
    public void Configure(EntityTypeBuilder<ReviewDocumentEntity> builder)
    {
        builder.ToTable("review_documents");
        builder.Property(d => d.ProvinceCode).HasMaxLength(16);
        builder.Property(d => d.Kind).HasMaxLength(24);
        builder.Property(d => d.VillageCode).HasMaxLength(24);
        builder.Property(d => d.FileName).HasMaxLength(260);
        builder.Property(d => d.ContentType).HasMaxLength(100);
        builder.Property(d => d.Sha256).HasMaxLength(64);
        builder.Property(d => d.CreatedBy).HasMaxLength(256);
        builder.HasIndex(d => new { d.CommuneReviewId, d.Kind, d.HouseholdId, d.VillageCode });
        builder.HasOne<CommuneReviewEntity>().WithMany().HasForeignKey(d => d.CommuneReviewId).OnDelete(DeleteBehavior.Cascade);
    }
}
