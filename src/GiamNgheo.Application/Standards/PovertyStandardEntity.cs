using GiamNgheo.Application.Audit;

namespace GiamNgheo.Application.Standards;

/// <summary>
/// A poverty standard held in the database as its JSON definition (the same format as the shipped files in
/// GiamNgheo.Domain/Standards/Data), so a provincial administrator can load a corrected or local standard without a
/// code change.
/// </summary>
public sealed class PovertyStandardEntity : IAudited
{
    public required string Code { get; set; }
    /// <summary>Null for a national standard; the province of a local (higher) standard.</summary>
    public string? ProvinceCode { get; set; }
    public required string Json { get; set; }
    /// <summary>
    /// Classify households under this standard even outside its validity period: the province's own target is measured
    /// under QD59_2015 while ND07_2021 is law (docs/domain.md §10).
    /// </summary>
    public bool ClassifyInParallel { get; set; }
    /// <summary>Whether households are classified under it at all.</summary>
    public bool IsEnabled { get; set; } = true;
    public DateTime UpdatedAtUtc { get; set; }
    public string UpdatedBy { get; set; } = string.Empty;
}
