namespace GiamNgheo.Application.Audit;

/// <summary>
/// Append-only audit record: who, when (UTC), which entity, what changed. The application never updates or deletes
/// these rows (AppDbContext refuses to save such a change).
/// </summary>
public sealed class AuditRecord
{
    public long Id { get; set; }
    public DateTime AtUtc { get; set; }
    public string? UserId { get; set; }
    public required string UserName { get; set; }
    /// <summary>create, update, delete, export, view_personal_id, transition, login…</summary>
    public required string Action { get; set; }
    public required string EntityType { get; set; }
    public required string EntityId { get; set; }
    /// <summary>The household the record concerns, when any: lets an administrator browse one household's audit.</summary>
    public long? HouseholdId { get; set; }
    /// <summary>The province of <see cref="HouseholdId"/>'s household (set with it; null when the record concerns no household).</summary>
    public string? ProvinceCode { get; set; }
    /// <summary>JSON array of {field, old, new}; or a JSON object describing an export.</summary>
    public string Changes { get; set; } = "[]";
}

public static class AuditActions
{
    public const string Create = "create";
    public const string Update = "update";
    public const string Delete = "delete";
    public const string Export = "export";
    public const string ViewPersonalId = "view_personal_id";
}

/// <summary>Entities whose changes are audited field by field.</summary>
public interface IAudited
{
}
