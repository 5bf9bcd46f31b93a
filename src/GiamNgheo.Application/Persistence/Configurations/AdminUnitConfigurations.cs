using GiamNgheo.Application.AdminUnits;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GiamNgheo.Application.Persistence.Configurations;

internal sealed class AdminUnitConfiguration : IEntityTypeConfiguration<AdminUnit>
{
    public void Configure(EntityTypeBuilder<AdminUnit> builder)
    {
        builder.ToTable("admin_units");
        builder.Property(u => u.Code).HasMaxLength(16);
        builder.Property(u => u.ParentCode).HasMaxLength(16);
        builder.Property(u => u.Name).HasMaxLength(200);
        builder.Property(u => u.FullName).HasMaxLength(200);
        builder.Property(u => u.NameEn).HasMaxLength(200);
        builder.Property(u => u.Type).HasMaxLength(100);
        builder.Property(u => u.TypeEn).HasMaxLength(100);
        builder.Property(u => u.RegionName).HasMaxLength(100);
        // A code is unique within a level per period: the same official code legitimately appears once per validity
        // period (province 01 before and from 2025-07-01, a commune renamed on 2026-04-30), so the period's start is part
        // of the key (null = since before the registry; both engines treat nulls as distinct, and the 2024 list has each
        // code once). A village code is never reused in any period: the filtered index below keeps it unique outright.
        builder.HasIndex(u => new { u.Code, u.Level, u.ValidFrom }).IsUnique();
        builder.HasIndex(u => u.Code).IsUnique().HasFilter("\"Level\" = 4").HasDatabaseName("IX_admin_units_Code_Village");
        builder.HasIndex(u => new { u.ParentCode, u.Level });
        builder.HasIndex(u => new { u.Level, u.ValidFrom, u.ValidTo });
    }
}

internal sealed class CommuneAreaTypeConfiguration : IEntityTypeConfiguration<CommuneAreaType>
{
    public void Configure(EntityTypeBuilder<CommuneAreaType> builder)
    {
        builder.ToTable("commune_area_types");
        builder.Property(a => a.CommuneCode).HasMaxLength(16);
        builder.Property(a => a.Source).HasMaxLength(200);
        builder.HasIndex(a => a.CommuneCode);
    }
}

internal sealed class CommuneMappingConfiguration : IEntityTypeConfiguration<CommuneMapping>
{
    public void Configure(EntityTypeBuilder<CommuneMapping> builder)
    {
        builder.ToTable("commune_mappings");
        builder.Property(m => m.OldCommuneCode).HasMaxLength(16);
        builder.Property(m => m.OldDistrictCode).HasMaxLength(16);
        builder.Property(m => m.OldProvinceCode).HasMaxLength(16);
        builder.Property(m => m.NewCommuneCode).HasMaxLength(16);
        builder.Property(m => m.NewProvinceCode).HasMaxLength(16);
        builder.Property(m => m.MergeType).HasMaxLength(16);
        builder.Property(m => m.OldCommuneName).HasMaxLength(200);
        builder.Property(m => m.NewCommuneName).HasMaxLength(200);
        builder.HasIndex(m => m.OldCommuneCode);
        builder.HasIndex(m => m.NewCommuneCode);
    }
}

internal sealed class EthnicGroupConfiguration : IEntityTypeConfiguration<EthnicGroup>
{
    public void Configure(EntityTypeBuilder<EthnicGroup> builder)
    {
        builder.ToTable("ethnic_groups");
        builder.HasKey(e => e.Code);
        builder.Property(e => e.Code).HasMaxLength(4);
        builder.Property(e => e.Name).HasMaxLength(100);
        builder.Property(e => e.NameAscii).HasMaxLength(100);
    }
}
