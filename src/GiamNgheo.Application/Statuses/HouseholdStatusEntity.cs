using GiamNgheo.Application.Interchange;
using GiamNgheo.Domain.Classification;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GiamNgheo.Application.Statuses;

/// <summary>
/// A household's category under one standard as frozen by one recognition decision (Mẫu 02), with a snapshot of what the
/// decision rests on (the household as it was, the survey's income or B1 score, answers, causes and needs). One row per
/// household × standard × decision, written in the same transaction as the decision (<see cref="HouseholdStatusWriter"/>).
/// <see cref="Recognised"/> is true for the campaign's legal standard; the parallel standards' computed categories are
/// frozen with the decision but are not an official recognition. Append-only: <c>AppDbContext</c> refuses to update or
/// delete these rows (docs/domain.md §12.1: a correction is a new decision).
/// </summary>
public sealed class HouseholdStatusEntity
{
    public long Id { get; set; }
    public required string ProvinceCode { get; set; }
    public required string CommuneCode { get; set; }
    public string? VillageCode { get; set; }
    public long HouseholdId { get; set; }
    public required string StandardCode { get; set; }
    /// <summary>The review year of the decision (a periodic review's list of year Y; a regular review's calendar year).</summary>
    public int ReviewYear { get; set; }
    public HouseholdCategory Category { get; set; }
    /// <summary>True for the decision's legal standard (official); false for a standard computed in parallel (frozen, not recognised).</summary>
    public bool Recognised { get; set; }
    public long DecisionId { get; set; }
    /// <summary>Periodic (định kỳ) review decision; false: regular (thường xuyên).</summary>
    public bool Periodic { get; set; }
    public DateOnly SignedOn { get; set; }
    /// <summary>First day the status governs entitlements (<c>HouseholdStatusRules.PolicyFrom</c>).</summary>
    public DateOnly PolicyFrom { get; set; }
    public int DeprivationCount { get; set; }
    /// <summary>Deprived indicator codes joined by ';'.</summary>
    public string Deprived { get; set; } = string.Empty;
    public int MemberCount { get; set; }

    // Snapshot of what the decision rests on.
    public required string HouseholdCode { get; set; }
    public required string HeadName { get; set; }
    public string Address { get; set; } = string.Empty;
    public long? IncomePerCapita { get; set; }
    public int? B1Score { get; set; }
    /// <summary>The survey's answers as stored (compact codebook string or JSON object, <c>Surveys/SurveyAnswers</c>).</summary>
    public string? Answers { get; set; }
    public DateOnly? SurveyDate { get; set; }
    public PovertyCauses Causes { get; set; }
    public SupportNeeds Needs { get; set; }
    /// <summary><c>review</c> (written by the decision) , <c>import:&lt;file&gt;</c> (decisions import) or <c>migration</c> (backfill).</summary>
    public string Source { get; set; } = "review";
    public DateTime RecordedAtUtc { get; set; }
}

internal sealed class HouseholdStatusConfiguration : IEntityTypeConfiguration<HouseholdStatusEntity>
{
    public void Configure(EntityTypeBuilder<HouseholdStatusEntity> builder)
    {
        builder.ToTable("household_statuses");
        builder.Property(s => s.ProvinceCode).HasMaxLength(16);
        builder.Property(s => s.CommuneCode).HasMaxLength(16);
        builder.Property(s => s.VillageCode).HasMaxLength(24);
        builder.Property(s => s.StandardCode).HasMaxLength(40);
        builder.Property(s => s.Deprived).HasMaxLength(1000);
        builder.Property(s => s.HouseholdCode).HasMaxLength(60);
        builder.Property(s => s.HeadName).HasMaxLength(200);
        builder.Property(s => s.Address).HasMaxLength(500);
        builder.Property(s => s.Answers).HasMaxLength(4000);
        builder.Property(s => s.Source).HasMaxLength(300);
        builder.HasIndex(s => new { s.HouseholdId, s.ProvinceCode, s.StandardCode, s.DecisionId }).IsUnique();
        builder.HasIndex(s => new { s.ProvinceCode, s.CommuneCode, s.StandardCode, s.ReviewYear });
        builder.HasIndex(s => s.DecisionId);
        // A decided household is never deleted (HouseholdCommands refuses), so its statuses stay.
        builder.HasOne<Households.HouseholdEntity>().WithMany().HasForeignKey(s => new { s.HouseholdId, s.ProvinceCode }).HasPrincipalKey(h => new { h.Id, h.ProvinceCode }).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Reviews.RecognitionDecisionEntity>().WithMany().HasForeignKey(s => s.DecisionId).OnDelete(DeleteBehavior.Restrict);
    }
}
