using GiamNgheo.Domain.Classification;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GiamNgheo.Application.Support;

/// <summary>
/// Materialised gap summary of one household (computed by <see cref="GapEngine"/> through <see cref="GapMaterializer"/>):
/// what the commune worklist, the "no support this year" list and coverage read instead of recomputing the commune.
/// Refreshed when the household, its members, survey, classification or support records change; recomputed when
/// <see cref="StaleOn"/> is reached (a benefit period, a policy's validity or an escape window ends, a new year).
/// </summary>
public sealed class HouseholdGapSummaryEntity
{
    public long HouseholdId { get; set; }
    public required string ProvinceCode { get; set; }
    public required string CommuneCode { get; set; }
    public string? VillageCode { get; set; }
    /// <summary>The standard the poor/near-poor list is kept under (the legal one).</summary>
    public required string StandardCode { get; set; }
    /// <summary>Latest category under <see cref="StandardCode"/>; null when never classified.</summary>
    public HouseholdCategory? Category { get; set; }
    /// <summary>Poor or near-poor with an open gap or an unanswered deprivation: on the commune worklist.</summary>
    public bool InWorklist { get; set; }
    public int OpenGaps { get; set; }
    /// <summary>Deprived indicators that no support served in the current period answers (';'-separated).</summary>
    public string Unanswered { get; set; } = string.Empty;
    public DateOnly? WaitingSince { get; set; }
    public DateOnly? LastSupport { get; set; }
    public DateOnly ComputedOn { get; set; }
    /// <summary>First day on which the computation may change with time alone.</summary>
    public DateOnly StaleOn { get; set; }
}

/// <summary>One policy a household is eligible for and for which it is relevant (an entitlement, or asked for), served this period or not (materialised).</summary>
public sealed class HouseholdPolicyStatusEntity
{
    public long HouseholdId { get; set; }
    public required string PolicyCode { get; set; }
    public required string ProvinceCode { get; set; }
    public required string CommuneCode { get; set; }
    public string? VillageCode { get; set; }
    /// <summary>First day of the benefit period the status was computed for.</summary>
    public DateOnly PeriodStart { get; set; }
    public bool Relevant { get; set; }
    public bool Served { get; set; }
    public DateOnly? LastDelivered { get; set; }
}

internal sealed class HouseholdGapSummaryConfiguration : IEntityTypeConfiguration<HouseholdGapSummaryEntity>
{
    public void Configure(EntityTypeBuilder<HouseholdGapSummaryEntity> builder)
    {
        builder.ToTable("household_gap_summary");
        builder.HasKey(s => new { s.HouseholdId, s.ProvinceCode });
        builder.Property(s => s.HouseholdId).ValueGeneratedNever();
        builder.Property(s => s.ProvinceCode).HasMaxLength(16);
        builder.Property(s => s.CommuneCode).HasMaxLength(16);
        builder.Property(s => s.VillageCode).HasMaxLength(24);
        builder.Property(s => s.StandardCode).HasMaxLength(40);
        builder.Property(s => s.Unanswered).HasMaxLength(1000);
        // Worklist: one commune, on the list, longest waiting first (keyset-friendly).
        builder.HasIndex(s => new { s.CommuneCode, s.InWorklist, s.WaitingSince, s.HouseholdId });
        builder.HasIndex(s => new { s.CommuneCode, s.StaleOn });
        builder.HasIndex(s => new { s.ProvinceCode, s.StaleOn });
        builder.HasOne<Households.HouseholdEntity>().WithOne().HasForeignKey<HouseholdGapSummaryEntity>(s => new { s.HouseholdId, s.ProvinceCode })
            .HasPrincipalKey<Households.HouseholdEntity>(h => new { h.Id, h.ProvinceCode }).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class HouseholdPolicyStatusConfiguration : IEntityTypeConfiguration<HouseholdPolicyStatusEntity>
{
    public void Configure(EntityTypeBuilder<HouseholdPolicyStatusEntity> builder)
    {
        builder.ToTable("household_policy_status");
        builder.HasKey(s => new { s.HouseholdId, s.ProvinceCode, s.PolicyCode });
        builder.Property(s => s.PolicyCode).HasMaxLength(40);
        builder.Property(s => s.ProvinceCode).HasMaxLength(16);
        builder.Property(s => s.CommuneCode).HasMaxLength(16);
        builder.Property(s => s.VillageCode).HasMaxLength(24);
        // Coverage: GROUP BY (commune, policy) of a province, or (village, policy) of a commune, index-only.
        builder.HasIndex(s => new { s.ProvinceCode, s.CommuneCode, s.PolicyCode, s.Relevant, s.Served });
        builder.HasIndex(s => new { s.CommuneCode, s.VillageCode, s.PolicyCode, s.Relevant, s.Served });
        builder.HasOne<Households.HouseholdEntity>().WithMany().HasForeignKey(s => new { s.HouseholdId, s.ProvinceCode }).HasPrincipalKey(h => new { h.Id, h.ProvinceCode }).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>
/// Xã nghèo / xã đặc biệt khó khăn: communes a decision lists as poor or extremely difficult, used by policies whose
/// eligibility depends on the area (clause <c>poorCommuneOnly</c>). Data an official edits (<c>giamngheo support poor-communes</c>).
/// </summary>
public sealed class PoorCommuneEntity : Audit.IAudited
{
    public long Id { get; set; }
    public required string ProvinceCode { get; set; }
    public required string CommuneCode { get; set; }
    /// <summary><c>poor</c> (xã nghèo) or <c>extremely_difficult</c> (xã đặc biệt khó khăn, vùng bãi ngang, ATK…).</summary>
    public required string Kind { get; set; }
    public DateOnly ValidFrom { get; set; }
    public DateOnly? ValidTo { get; set; }
    /// <summary>The decision listing the commune (e.g. "QĐ 861/QĐ-TTg").</summary>
    public string? Decision { get; set; }
    /// <summary>Verification mark of the entry ([V], [V3], [M] = sample, not legal truth).</summary>
    public string Mark { get; set; } = "M";
}

internal sealed class PoorCommuneConfiguration : IEntityTypeConfiguration<PoorCommuneEntity>
{
    public void Configure(EntityTypeBuilder<PoorCommuneEntity> builder)
    {
        builder.ToTable("poor_communes");
        builder.Property(s => s.ProvinceCode).HasMaxLength(16);
        builder.Property(s => s.CommuneCode).HasMaxLength(16);
        builder.Property(s => s.Kind).HasMaxLength(40);
        builder.Property(s => s.Decision).HasMaxLength(300);
        builder.Property(s => s.Mark).HasMaxLength(8);
        builder.HasIndex(s => new { s.ProvinceCode, s.CommuneCode, s.ValidFrom }).IsUnique();
    }
}
