using GiamNgheo.Application.AdminUnits;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GiamNgheo.Application.Targets;

/// <summary>What a target measures. The actual value of every kind but <see cref="Custom"/> is computed from the registry.</summary>
public enum TargetKind
{
    /// <summary>Tỷ lệ hộ nghèo (%) theo một chuẩn.</summary>
    PoorRate = 0,
    /// <summary>Tỷ lệ hộ cận nghèo (%) theo một chuẩn.</summary>
    NearPoorRate = 1,
    /// <summary>Số hộ thoát nghèo trong kỳ (poor the year before, not poor the year after).</summary>
    EscapedPoverty = 2,
    /// <summary>Chỉ tiêu khác có số (không tính tự động).</summary>
    Custom = 3,
}

/// <summary>How the actual value is compared with the target value.</summary>
public enum TargetComparison
{
    /// <summary>Dưới (actual &lt; value).</summary>
    Below = 0,
    /// <summary>Không quá (actual ≤ value).</summary>
    AtMost = 1,
    /// <summary>Ít nhất (actual ≥ value).</summary>
    AtLeast = 2,
}

/// <summary>A target (chỉ tiêu) of a unit for a year or a period of years, possibly cascaded from the province's.</summary>
public sealed class TargetEntity : Audit.IAudited
{
    public long Id { get; set; }
    public required string ProvinceCode { get; set; }
    public required string UnitCode { get; set; }
    public AdminLevel UnitLevel { get; set; }
    public int FromYear { get; set; }
    public int ToYear { get; set; }
    public TargetKind Kind { get; set; }
    public string? StandardCode { get; set; }
    public TargetComparison Comparison { get; set; }
    public decimal Value { get; set; }
    public required string NameVi { get; set; }
    /// <summary>The province target this commune target was cascaded from.</summary>
    public long? ParentId { get; set; }
    public string CreatedBy { get; set; } = string.Empty;
    public DateTime UpdatedAtUtc { get; set; }
}

internal sealed class TargetConfiguration : IEntityTypeConfiguration<TargetEntity>
{
    public void Configure(EntityTypeBuilder<TargetEntity> builder)
    {
        builder.ToTable("targets");
        builder.Property(t => t.ProvinceCode).HasMaxLength(16);
        builder.Property(t => t.UnitCode).HasMaxLength(16);
        builder.Property(t => t.StandardCode).HasMaxLength(40);
        builder.Property(t => t.NameVi).HasMaxLength(300);
        builder.Property(t => t.CreatedBy).HasMaxLength(256);
        builder.Property(t => t.Value).HasPrecision(18, 4);
        builder.HasIndex(t => new { t.UnitCode, t.FromYear, t.ToYear });
        builder.HasIndex(t => t.ParentId);
    }
}
