using System.Globalization;
using System.Text.Json;
using GiamNgheo.Application.AdminUnits;
using GiamNgheo.Application.Audit;
using GiamNgheo.Application.Households;
using GiamNgheo.Application.Identity;
using GiamNgheo.Domain.Households;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace GiamNgheo.Application.Persistence;

/// <summary>
/// The one model. Each provider has a derived context (<see cref="SqliteAppDbContext"/>, <see cref="PostgresAppDbContext"/>)
/// with its own migration set; the configured one is registered as <see cref="AppDbContext"/>.
/// Saving writes an append-only <see cref="AuditRecord"/> for every created, updated or deleted audited entity.
/// </summary>
public abstract partial class AppDbContext(DbContextOptions options, ICurrentUser currentUser, TimeProvider clock)
    : IdentityDbContext<AppUser>(options)
{
    private static readonly HashSet<string> NotAuditedProperties =
    [
        nameof(HouseholdEntity.HeadNameFolded), nameof(MemberEntity.FullNameFolded), nameof(HouseholdEntity.Version),
        nameof(HouseholdEntity.UpdatedAtUtc), nameof(HouseholdEntity.CreatedAtUtc), nameof(AppUser.ConcurrencyStamp),
        nameof(AppUser.NormalizedEmail), nameof(AppUser.NormalizedUserName),
    ];

    /// <summary>Properties whose values are never copied into the audit: only the fact that they changed.</summary>
    private static readonly HashSet<string> SecretProperties = [nameof(AppUser.PasswordHash), nameof(AppUser.SecurityStamp)];

    public DbSet<AdminUnit> AdminUnits => Set<AdminUnit>();
    public DbSet<CommuneAreaType> CommuneAreaTypes => Set<CommuneAreaType>();
    public DbSet<CommuneMapping> CommuneMappings => Set<CommuneMapping>();
    public DbSet<EthnicGroup> EthnicGroups => Set<EthnicGroup>();
    public DbSet<HouseholdEntity> Households => Set<HouseholdEntity>();
    public DbSet<MemberEntity> Members => Set<MemberEntity>();
    public DbSet<AuditRecord> AuditRecords => Set<AuditRecord>();
    public DbSet<Standards.PovertyStandardEntity> PovertyStandards => Set<Standards.PovertyStandardEntity>();
    public DbSet<Surveys.HouseholdSurveyEntity> HouseholdSurveys => Set<Surveys.HouseholdSurveyEntity>();
    public DbSet<Surveys.HouseholdClassificationEntity> HouseholdClassifications => Set<Surveys.HouseholdClassificationEntity>();

    public ICurrentUser CurrentUser => currentUser;

    /// <summary>Bulk loads of reference data write one summary audit event instead of one record per row.</summary>
    public bool SuppressEntityAudit { get; set; }
    public TimeProvider Clock => clock;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }

    /// <summary>Records an event that is not an entity change (export, view of a whole ID number).</summary>
    public void AddAuditEvent(string action, string entityType, string entityId, long? householdId, object details)
    {
        AuditRecords.Add(new AuditRecord
        {
            AtUtc = clock.GetUtcNow().UtcDateTime,
            UserId = currentUser.UserId,
            UserName = currentUser.UserName,
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            HouseholdId = householdId,
            Changes = JsonSerializer.Serialize(details),
        });
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        ChangeTracker.DetectChanges();
        GuardAuditIsAppendOnly();
        StampHouseholds();
        await StampAuditProvincesAsync(cancellationToken);
        var pending = ChangeTracker.Entries()
            .Where(e => !SuppressEntityAudit && e.Entity is IAudited && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(e => new PendingAudit(e, e.State, DescribeChanges(e)))
            .ToList();
        if (pending.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        var ownTransaction = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            var count = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            var now = clock.GetUtcNow().UtcDateTime;
            foreach (var p in pending)
            {
                AuditRecords.Add(new AuditRecord
                {
                    AtUtc = now,
                    UserId = currentUser.UserId,
                    UserName = currentUser.UserName,
                    Action = p.State switch
                    {
                        EntityState.Added => AuditActions.Create,
                        EntityState.Deleted => AuditActions.Delete,
                        _ => AuditActions.Update,
                    },
                    EntityType = p.Entry.Metadata.ClrType.Name.Replace("Entity", string.Empty, StringComparison.Ordinal),
                    EntityId = KeyOf(p.Entry),
                    HouseholdId = p.Entry.Entity switch
                    {
                        HouseholdEntity h => h.Id,
                        MemberEntity m => m.HouseholdId,
                        Surveys.HouseholdSurveyEntity s => s.HouseholdId,
                        _ => null,
                    },
                    ProvinceCode = p.Entry.Entity switch
                    {
                        HouseholdEntity h => h.ProvinceCode,
                        MemberEntity m => m.ProvinceCode,
                        Surveys.HouseholdSurveyEntity s => s.ProvinceCode,
                        _ => null,
                    },
                    Changes = JsonSerializer.Serialize(p.State == EntityState.Added ? DescribeChanges(p.Entry, afterInsert: true) : p.Changes),
                });
            }

            await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(cancellationToken);
            }

            return count;
        }
        finally
        {
            if (ownTransaction is not null)
            {
                await ownTransaction.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// An audit event about a household carries the household's province (the distribution key, docs/scaling.md): taken
    /// from the tracked household, else read in one query.
    /// </summary>
    private async Task StampAuditProvincesAsync(CancellationToken ct)
    {
        var missing = ChangeTracker.Entries<AuditRecord>()
            .Where(e => e.State == EntityState.Added && e.Entity.HouseholdId is not null && e.Entity.ProvinceCode is null)
            .Select(e => e.Entity).ToList();
        if (missing.Count == 0)
        {
            return;
        }

        var provinces = ChangeTracker.Entries<HouseholdEntity>().ToDictionary(e => e.Entity.Id, e => e.Entity.ProvinceCode);
        var unknown = missing.Select(a => a.HouseholdId!.Value).Where(id => !provinces.ContainsKey(id)).Distinct().ToList();
        if (unknown.Count > 0)
        {
            foreach (var h in await Households.AsNoTracking().Where(h => unknown.Contains(h.Id)).Select(h => new { h.Id, h.ProvinceCode }).ToListAsync(ct))
            {
                provinces[h.Id] = h.ProvinceCode;
            }
        }

        foreach (var record in missing)
        {
            record.ProvinceCode = provinces.GetValueOrDefault(record.HouseholdId!.Value);
        }
    }

    private void GuardAuditIsAppendOnly()
    {
        if (ChangeTracker.Entries<AuditRecord>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("Audit records are append-only.");
        }

        if (ChangeTracker.Entries<Statuses.HouseholdStatusEntity>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("Household statuses are append-only: a recognised status is corrected by a new decision.");
        }
    }

    private void StampHouseholds()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var entry in ChangeTracker.Entries<HouseholdEntity>())
        {
            switch (entry.State)
            {
                case EntityState.Added:
                    entry.Entity.CreatedAtUtc = now;
                    entry.Entity.UpdatedAtUtc = now;
                    break;
                case EntityState.Modified:
                    entry.Entity.UpdatedAtUtc = now;
                    entry.Entity.Version++;
                    break;
                case EntityState.Detached:
                case EntityState.Unchanged:
                case EntityState.Deleted:
                    break;
            }
        }
    }

    private static string KeyOf(EntityEntry entry) =>
        string.Join(",", entry.Metadata.FindPrimaryKey()!.Properties
            .Select(p => Convert.ToString(entry.Property(p.Name).CurrentValue, CultureInfo.InvariantCulture)));

    private static List<FieldChange> DescribeChanges(EntityEntry entry, bool afterInsert = false)
    {
        var changes = new List<FieldChange>();
        foreach (var property in entry.Properties)
        {
            var name = property.Metadata.Name;
            if (NotAuditedProperties.Contains(name) || property.Metadata.IsPrimaryKey())
            {
                continue;
            }

            var state = afterInsert ? EntityState.Added : entry.State;
            var (oldValue, newValue) = state switch
            {
                EntityState.Added => (null, property.CurrentValue),
                EntityState.Deleted => (property.OriginalValue, null),
                EntityState.Modified when property.IsModified && !Equals(property.OriginalValue, property.CurrentValue) =>
                    (property.OriginalValue, property.CurrentValue),
                _ => (NoChange, NoChange),
            };
            if (ReferenceEquals(oldValue, NoChange) || (oldValue is null && newValue is null))
            {
                continue;
            }

            changes.Add(new FieldChange(name, Render(name, oldValue), Render(name, newValue)));
        }

        return changes;
    }

    private static readonly object NoChange = new();

    private static string? Render(string property, object? value) => value switch
    {
        null => null,
        _ when SecretProperties.Contains(property) => "(đã thay đổi)",
        string s when property == nameof(MemberEntity.PersonalId) => PersonalId.Mask(s),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("O", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private sealed record PendingAudit(EntityEntry Entry, EntityState State, List<FieldChange> Changes);
}

public sealed record FieldChange(string Field, string? Old, string? New);

public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options, ICurrentUser currentUser, TimeProvider clock)
    : AppDbContext(options, currentUser, clock);

/// <summary>
/// PostgreSQL: codes (administrative units, households, standards, policies, ethnic groups) and ID numbers are compared
/// byte by byte (collation <c>"C"</c>): they are ASCII identifiers, so the order is the same as under the database's
/// locale, but index builds and lookups skip the locale's string comparison (the index over 4.4 M ID numbers built in
/// 4.3 s instead of 6.6 s; docs/benchmarks.md §6). Names and free text keep the database collation. Every code column changes together, so a join of
/// two codes never mixes an indexed "C" column with a locale one.
/// </summary>
public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options, ICurrentUser currentUser, TimeProvider clock)
    : AppDbContext(options, currentUser, clock)
{
    public const string CodeCollation = "C";

    public static bool IsCodeColumn(string property) =>
        property is nameof(MemberEntity.PersonalId) || property.EndsWith("Code", StringComparison.Ordinal);

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        foreach (var property in builder.Model.GetEntityTypes().SelectMany(e => e.GetProperties()))
        {
            if (property.ClrType == typeof(string) && IsCodeColumn(property.Name))
            {
                property.SetCollation(CodeCollation);
            }
        }
    }
}
