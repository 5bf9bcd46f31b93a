using GiamNgheo.Application.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GiamNgheo.Application.Reviews.Rules;

/// <summary>
/// One parameter of the review procedure (posting days, meeting share, windows, deadlines, conventions), held as data an
/// official can correct: the national row (ProvinceCode null, seeded from Reviews/Data/review-rules.json) and a
/// province's own override. Each value keeps its verification mark and its source.
/// </summary>
public sealed class ReviewRuleEntity : IAudited
{
    public long Id { get; set; }
    /// <summary>Null: national; otherwise the province's override.</summary>
    public string? ProvinceCode { get; set; }
    /// <summary>The rule's name as in review-rules.json (camelCase, e.g. postingWorkingDays).</summary>
    public required string Key { get; set; }
    /// <summary>The value as JSON text: 3, true, "2025-06-30".</summary>
    public required string Value { get; set; }
    /// <summary>V, V3, M, K or D (docs/domain.md §0, §12).</summary>
    public string Mark { get; set; } = "M";
    /// <summary>Where the value comes from (legal text, secondary source, working assumption).</summary>
    public string Source { get; set; } = string.Empty;
    public DateTime UpdatedAtUtc { get; set; }
    public required string UpdatedBy { get; set; }
}

internal sealed class ReviewRuleConfiguration : IEntityTypeConfiguration<ReviewRuleEntity>
{
    public void Configure(EntityTypeBuilder<ReviewRuleEntity> builder)
    {
        builder.ToTable("review_rules");
        builder.Property(r => r.ProvinceCode).HasMaxLength(16);
        builder.Property(r => r.Key).HasMaxLength(80);
        builder.Property(r => r.Value).HasMaxLength(200);
        builder.Property(r => r.Mark).HasMaxLength(4);
        builder.Property(r => r.Source).HasMaxLength(1000);
        builder.Property(r => r.UpdatedBy).HasMaxLength(256);
        builder.HasIndex(r => new { r.ProvinceCode, r.Key }).IsUnique();
    }
}
