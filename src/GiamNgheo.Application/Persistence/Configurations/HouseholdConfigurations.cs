using GiamNgheo.Application.Audit;
using GiamNgheo.Application.Households;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GiamNgheo.Application.Persistence.Configurations;

internal sealed class HouseholdConfiguration : IEntityTypeConfiguration<HouseholdEntity>
{
    public void Configure(EntityTypeBuilder<HouseholdEntity> builder)
    {
        builder.ToTable("households");
        builder.Property(h => h.ProvinceCode).HasMaxLength(16);
        builder.Property(h => h.CommuneCode).HasMaxLength(16);
        builder.Property(h => h.VillageCode).HasMaxLength(24);
        builder.Property(h => h.LegacyCommuneCode).HasMaxLength(16);
        builder.Property(h => h.Code).HasMaxLength(32);
        builder.Property(h => h.Address).HasMaxLength(300);
        builder.Property(h => h.HeadName).HasMaxLength(150);
        builder.Property(h => h.HeadNameFolded).HasMaxLength(150);
        builder.Property(h => h.Version).IsConcurrencyToken();
        builder.Property(h => h.LeftNote).HasMaxLength(500);
        builder.HasIndex(h => h.Code).IsUnique();
        builder.HasIndex(h => new { h.ProvinceCode, h.CommuneCode, h.VillageCode });
        builder.HasIndex(h => new { h.CommuneCode, h.HeadNameFolded });
        // Every household-keyed table refers to a household by (Id, ProvinceCode), so that a table distributed by province
        // keeps a household's rows on one shard (docs/scaling.md). Being a key, ProvinceCode cannot change in place.
        builder.HasAlternateKey(h => new { h.Id, h.ProvinceCode });
        builder.HasMany(h => h.Members).WithOne(m => m.Household!)
            .HasForeignKey(m => new { m.HouseholdId, m.ProvinceCode }).HasPrincipalKey(h => new { h.Id, h.ProvinceCode })
            .OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MemberConfiguration : IEntityTypeConfiguration<MemberEntity>
{
    public void Configure(EntityTypeBuilder<MemberEntity> builder)
    {
        builder.ToTable("members");
        builder.Property(m => m.ProvinceCode).HasMaxLength(16);
        builder.Property(m => m.FullName).HasMaxLength(150);
        builder.Property(m => m.FullNameFolded).HasMaxLength(150);
        builder.Property(m => m.EthnicityCode).HasMaxLength(4);
        builder.Property(m => m.PersonalId).HasMaxLength(12);
        // By household, carrying what the detailed lists 14–15 print: a list of 13,000 households reads its 45,000
        // members from this index alone instead of one table row each (and it serves the household foreign key).
        builder.HasIndex(m => new { m.HouseholdId, m.ProvinceCode, m.Order, m.FullName, m.DateOfBirth, m.Sex, m.EthnicityCode, m.RelationToHead })
            .HasDatabaseName("IX_members_HouseholdId_ListColumns");
        builder.HasIndex(m => m.PersonalId);
        // No index on FullNameFolded: the name search is a substring match (LIKE '%…%'), which a B-tree cannot serve;
        // the index only cost the bulk import (1.5 s of 200,000 households' 5 s of index builds).
    }
}

internal sealed class AuditRecordConfiguration : IEntityTypeConfiguration<AuditRecord>
{
    public void Configure(EntityTypeBuilder<AuditRecord> builder)
    {
        builder.ToTable("audit_records");
        builder.Property(a => a.UserId).HasMaxLength(64);
        builder.Property(a => a.UserName).HasMaxLength(256);
        builder.Property(a => a.Action).HasMaxLength(32);
        builder.Property(a => a.EntityType).HasMaxLength(64);
        builder.Property(a => a.EntityId).HasMaxLength(128);
        builder.Property(a => a.ProvinceCode).HasMaxLength(16);
        builder.HasIndex(a => a.HouseholdId);
        builder.HasIndex(a => new { a.EntityType, a.EntityId });
    }
}
