using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GiamNgheo.Application.Imports;

/// <summary>One committed import of household data: which file (name and SHA-256), who, when, and what it changed.</summary>
public sealed class ImportRecord
{
    public long Id { get; set; }
    public required string FileName { get; set; }
    /// <summary>Lower-case hex SHA-256 of the file (of both files, in order, for a CSV pair).</summary>
    public required string Sha256 { get; set; }
    public required string UserName { get; set; }
    public DateTime AtUtc { get; set; }
    /// <summary>csv, xlsx, kobo.</summary>
    public string Format { get; set; } = "csv";
    public int Households { get; set; }
    public int Members { get; set; }
    public int Created { get; set; }
    public int Updated { get; set; }
    public int Unchanged { get; set; }
    public int VillagesCreated { get; set; }
}

internal sealed class ImportRecordConfiguration : IEntityTypeConfiguration<ImportRecord>
{
    public void Configure(EntityTypeBuilder<ImportRecord> builder)
    {
        builder.ToTable("import_records");
        builder.Property(r => r.FileName).HasMaxLength(300);
        builder.Property(r => r.Sha256).HasMaxLength(64);
        builder.Property(r => r.UserName).HasMaxLength(256);
        builder.Property(r => r.Format).HasMaxLength(16);
        builder.HasIndex(r => r.Sha256);
    }
}
