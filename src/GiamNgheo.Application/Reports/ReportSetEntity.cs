using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GiamNgheo.Application.Reports;

/// <summary>Where a commune's report set stands. Approved is locked.</summary>
public enum ReportSetStatus
{
    /// <summary>Đã gửi, chờ tỉnh duyệt.</summary>
    Submitted = 0,
    /// <summary>Tỉnh trả lại, kèm ý kiến; xã sửa và gửi lại (phiên bản mới).</summary>
    Returned = 1,
    /// <summary>Tỉnh đã duyệt: khóa, số liệu là bản chụp lúc gửi.</summary>
    Approved = 2,
    /// <summary>Tỉnh mở lại bản đã duyệt (ghi nhật ký); xã gửi phiên bản mới.</summary>
    Reopened = 3,
}

/// <summary>
/// One version of a commune's report set (the 15 forms) for a review year, standard and reporting period, with the
/// forms as computed when the commune submitted them. Transitions are written to the audit trail as events.
/// </summary>
public sealed class ReportSetEntity
{
    public long Id { get; set; }
    public required string ProvinceCode { get; set; }
    public required string CommuneCode { get; set; }
    public int Year { get; set; }
    public required string StandardCode { get; set; }
    /// <summary>A <see cref="Domain.Reports.ReportPeriodDefinition.Kind"/>.</summary>
    public required string PeriodKind { get; set; }
    public int Version { get; set; }
    public ReportSetStatus Status { get; set; }
    public DateOnly DueDate { get; set; }
    public DateTime SubmittedAtUtc { get; set; }
    public required string SubmittedBy { get; set; }
    public DateTime? DecidedAtUtc { get; set; }
    public string? DecidedBy { get; set; }
    public string? Comment { get; set; }
    /// <summary>The 15 forms as JSON (<see cref="Domain.Reports.ReportTable"/> list), frozen at submission.</summary>
    public string SnapshotJson { get; set; } = "[]";
    /// <summary>Optimistic concurrency.</summary>
    public int RowVersion { get; set; }
}

internal sealed class ReportSetConfiguration : IEntityTypeConfiguration<ReportSetEntity>
{
    public void Configure(EntityTypeBuilder<ReportSetEntity> builder)
    {
        builder.ToTable("report_sets");
        builder.Property(r => r.ProvinceCode).HasMaxLength(16);
        builder.Property(r => r.CommuneCode).HasMaxLength(16);
        builder.Property(r => r.StandardCode).HasMaxLength(40);
        builder.Property(r => r.PeriodKind).HasMaxLength(40);
        builder.Property(r => r.SubmittedBy).HasMaxLength(256);
        builder.Property(r => r.DecidedBy).HasMaxLength(256);
        builder.Property(r => r.Comment).HasMaxLength(2000);
        builder.Property(r => r.RowVersion).IsConcurrencyToken();
        builder.HasIndex(r => new { r.CommuneCode, r.Year, r.StandardCode, r.PeriodKind, r.Version }).IsUnique();
        builder.HasIndex(r => new { r.ProvinceCode, r.Year, r.StandardCode, r.PeriodKind });
    }
}
