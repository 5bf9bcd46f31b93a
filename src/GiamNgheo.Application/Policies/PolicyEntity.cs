using GiamNgheo.Application.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GiamNgheo.Application.Policies;

/// <summary>
/// A support policy held in the database as its JSON definition (the format of GiamNgheo.Domain/Policies/Data), so a
/// provincial administrator can correct an amount, a basis or a rule, or add a local policy, without a code change.
/// </summary>
public sealed class PolicyEntity : IAudited
{
    public required string Code { get; set; }
    /// <summary>Null for a national policy; the province of a local one.</summary>
    public string? ProvinceCode { get; set; }
    public required string Json { get; set; }
    public bool IsEnabled { get; set; } = true;
    public DateTime UpdatedAtUtc { get; set; }
    public string UpdatedBy { get; set; } = string.Empty;
}

internal sealed class PolicyConfiguration : IEntityTypeConfiguration<PolicyEntity>
{
    public void Configure(EntityTypeBuilder<PolicyEntity> builder)
    {
        builder.ToTable("policies");
        builder.HasKey(p => p.Code);
        builder.Property(p => p.Code).HasMaxLength(40);
        builder.Property(p => p.ProvinceCode).HasMaxLength(16);
        builder.Property(p => p.UpdatedBy).HasMaxLength(256);
    }
}
