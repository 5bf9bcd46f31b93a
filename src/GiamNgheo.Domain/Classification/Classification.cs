namespace GiamNgheo.Domain.Classification;

/// <summary>The category of one household under one standard, and why.</summary>
public sealed record Classification
{
    public required string StandardCode { get; init; }

    public required HouseholdCategory Category { get; init; }

    public required int DeprivationCount { get; init; }

    /// <summary>Bit i set when the standard's indicator i is deprived.</summary>
    public required uint DeprivationMask { get; init; }

    /// <summary>In the standard's order.</summary>
    public required IReadOnlyList<IndicatorResult> Indicators { get; init; }

    public required DecidingRule Rule { get; init; }

    public required IncomeBasis Basis { get; init; }

    /// <summary>The deciding rule as a Vietnamese sentence citing the article.</summary>
    public required string ReasonVi { get; init; }

    /// <summary>
    /// False when an indicator had neither member facts nor an answer (counted as not deprived in
    /// <see cref="Category"/>; e.g. the three QĐ 59-only indicators on an NĐ 07 questionnaire, docs/domain.md §12.2).
    /// </summary>
    public bool IsComplete => UnansweredMask == 0;

    /// <summary>Bit i set when the standard's indicator i had neither member facts nor an answer.</summary>
    public uint UnansweredMask { get; init; }

    /// <summary>
    /// The category if every unanswered indicator were deprived (the pessimistic bound); equals <see cref="Category"/>
    /// when the classification is complete.
    /// </summary>
    public required HouseholdCategory PessimisticCategory { get; init; }

    public IEnumerable<string> DeprivedCodes => Indicators.Where(i => i.IsDeprived).Select(i => i.Code);
}
