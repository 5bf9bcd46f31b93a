namespace GiamNgheo.Domain.Standards;

/// <summary>
/// A deprivation indicator (chỉ số đo lường mức độ thiếu hụt). <see cref="Code"/> is a public contract: a code
/// shared by two standards means the same deprivation in both.
/// </summary>
public sealed record Indicator
{
    public required string Code { get; init; }

    public required Dimension Dimension { get; init; }

    public required string NameVi { get; init; }

    public required string NameEn { get; init; }

    /// <summary>When the household is deprived, in Vietnamese, as the standard words it (or as far as known).</summary>
    public required string DefinitionVi { get; init; }

    public required string DefinitionEn { get; init; }

    /// <summary>Verification of the definition (cut-off) itself.</summary>
    public required VerificationMark Mark { get; init; }

    public string? Source { get; init; }

    public required IndicatorEvaluation Evaluation { get; init; }
}
