using GiamNgheo.Domain.Classification;
using GiamNgheo.Domain.Households;
using GiamNgheo.Domain.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GiamNgheo.Application.Reports.Aggregates;

/// <summary>
/// One <see cref="ReportAggregate"/> row of a village (or of a commune's households without a village:
/// <see cref="VillageCode"/> = "") for a review year and standard. A commune's rows are replaced together
/// (<see cref="ReportAggregates.RefreshCommunesAsync"/>); a province's forms and dashboard sum its communes' rows.
/// </summary>
public sealed class ReportAggregateEntity
{
    public long Id { get; set; }
    public int Year { get; set; }
    public required string StandardCode { get; set; }
    public required string ProvinceCode { get; set; }
    public required string CommuneCode { get; set; }
    public string VillageCode { get; set; } = string.Empty;
    /// <summary>The commune's own rows (all its villages together; <see cref="VillageCode"/> = the commune code): a province reads only these.</summary>
    public bool IsCommuneTotal { get; set; }
    public ReportAggregateKind Kind { get; set; }
    public HouseholdCategory? Category { get; set; }
    public HouseholdCategory? PreviousCategory { get; set; }
    public bool EscapedPoorEarlier { get; set; }
    public bool EscapedNearPoorEarlier { get; set; }
    public SpecialGroups Groups { get; set; }
    /// <summary>The head's ethnic group (poor and near-poor households only).</summary>
    public string? HeadEthnicityCode { get; set; }
    /// <summary>Classification made official by a recognition decision.</summary>
    public bool Recognised { get; set; }
    /// <summary>Where the status comes from (kind Households): recognised, computed, carried over, not surveyed.</summary>
    public Domain.Statuses.StatusSource Source { get; set; }
    /// <summary>Causes of poverty bits (kind Causes).</summary>
    public int Causes { get; set; }
    /// <summary>Deprived indicator codes, sorted, joined by ';' (kind Deprivations).</summary>
    public string Deprived { get; set; } = string.Empty;
    public int Households { get; set; }
    public int Persons { get; set; }
    public int PreviousPersons { get; set; }
    public int PersonsGrown { get; set; }
    public int PersonsShrunk { get; set; }
    public int Children { get; set; }
    public int ChildrenHealthDeprived { get; set; }
    public int ChildrenEducationDeprived { get; set; }
    /// <summary>Kinds Deprivations and Multidimensional: Alkire–Foster poor (score ≥ k).</summary>
    public bool MultidimensionallyPoor { get; set; }
    /// <summary>Kind Multidimensional: Σ deprivation scores, in billionths (whole numbers sum exactly in SQL).</summary>
    public long ScoreNanos { get; set; }
    /// <summary>Kind Incomplete: the category of these incomplete households if every unanswered indicator were deprived.</summary>
    public HouseholdCategory? PessimisticCategory { get; set; }
}

/// <summary>
/// One line of the detailed lists 14–15, materialised with the commune's aggregates: a household of the commune whose
/// status of the year under the standard is poor or near-poor (recognised, computed or carried over), with what the
/// lists print besides the members. Written by <see cref="ReportAggregates"/> from the same rows as the aggregates, in
/// the same transaction, so the lists and the count forms of a unit always rest on the same statuses; the members are
/// read live by household id. Derived data: no foreign key, replaced per (commune, year, standard).
/// </summary>
public sealed class ReportListEntryEntity
{
    public long Id { get; set; }
    public int Year { get; set; }
    public required string StandardCode { get; set; }
    public required string ProvinceCode { get; set; }
    public required string CommuneCode { get; set; }
    /// <summary>The household's village ("" = registered without a village).</summary>
    public string VillageCode { get; set; } = string.Empty;
    public long HouseholdId { get; set; }
    public required string HouseholdCode { get; set; }
    /// <summary>Poor or near-poor.</summary>
    public HouseholdCategory Category { get; set; }
    public Domain.Statuses.StatusSource Source { get; set; }
    public HouseholdCategory? PreviousCategory { get; set; }
    public bool EscapedPoorEarlier { get; set; }
    public bool EscapedNearPoorEarlier { get; set; }
    public SpecialGroups Groups { get; set; }
    /// <summary>Support needs bits of the survey the status rests on.</summary>
    public int Needs { get; set; }
}

/// <summary>
/// A commune whose aggregates are stale: written in the same SaveChanges as the registry change
/// (<see cref="ReportAggregateChangeMarker"/>) or by a bulk load, drained by <see cref="ReportAggregates.RefreshDirtyAsync"/>.
/// </summary>
public sealed class ReportAggregateDirtyEntity
{
    public long Id { get; set; }
    public required string ProvinceCode { get; set; }
    public required string CommuneCode { get; set; }
    public DateTime MarkedAtUtc { get; set; }
}

internal sealed class ReportAggregateConfiguration : IEntityTypeConfiguration<ReportAggregateEntity>
{
    public void Configure(EntityTypeBuilder<ReportAggregateEntity> builder)
    {
        builder.ToTable("report_aggregates");
        builder.Property(a => a.StandardCode).HasMaxLength(40);
        builder.Property(a => a.ProvinceCode).HasMaxLength(10);
        builder.Property(a => a.CommuneCode).HasMaxLength(10);
        builder.Property(a => a.VillageCode).HasMaxLength(20);
        builder.Property(a => a.HeadEthnicityCode).HasMaxLength(10);
        builder.Property(a => a.Deprived).HasMaxLength(1000);
        builder.HasIndex(a => new { a.ProvinceCode, a.IsCommuneTotal, a.StandardCode, a.Year, a.Kind });
        builder.HasIndex(a => new { a.CommuneCode, a.IsCommuneTotal, a.StandardCode, a.Year, a.Kind });
    }
}

internal sealed class ReportListEntryConfiguration : IEntityTypeConfiguration<ReportListEntryEntity>
{
    public void Configure(EntityTypeBuilder<ReportListEntryEntity> builder)
    {
        builder.ToTable("report_list_entries");
        builder.Property(a => a.StandardCode).HasMaxLength(40);
        builder.Property(a => a.ProvinceCode).HasMaxLength(10);
        builder.Property(a => a.CommuneCode).HasMaxLength(10);
        builder.Property(a => a.VillageCode).HasMaxLength(20);
        builder.Property(a => a.HouseholdCode).HasMaxLength(32);
        builder.HasIndex(a => new { a.ProvinceCode, a.StandardCode, a.Year });
        builder.HasIndex(a => new { a.CommuneCode, a.StandardCode, a.Year });
    }
}

internal sealed class ReportAggregateDirtyConfiguration : IEntityTypeConfiguration<ReportAggregateDirtyEntity>
{
    public void Configure(EntityTypeBuilder<ReportAggregateDirtyEntity> builder)
    {
        builder.ToTable("report_aggregate_dirty");
        builder.Property(a => a.ProvinceCode).HasMaxLength(10);
        builder.Property(a => a.CommuneCode).HasMaxLength(10);
        builder.HasIndex(a => a.ProvinceCode);
        builder.HasIndex(a => a.CommuneCode);
    }
}

/// <summary>Filters of <c>report_aggregates</c> that its indexes can serve.</summary>
public static class ReportAggregateQueries
{
    /// <summary>
    /// The commune-total rows (<paramref name="communeTotal"/> true) or the village rows (false). Compared with a
    /// parameter, never written as the bare column: SQLite uses an index column only for a comparison term, so
    /// <c>WHERE "IsCommuneTotal"</c> stopped the (ProvinceCode, IsCommuneTotal, StandardCode, Year, Kind) index at its
    /// first column and read every aggregate row of the province (1.8 M rows at 1 M households) for the dashboard.
    /// </summary>
    public static IQueryable<ReportAggregateEntity> CommuneTotals(this IQueryable<ReportAggregateEntity> rows, bool communeTotal) =>
        rows.Where(a => a.IsCommuneTotal == communeTotal);
}
