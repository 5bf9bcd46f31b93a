namespace GiamNgheo.Domain.Classification;

/// <summary>
/// What a bulk path stores of a classification: the category, the deprivation mask, the unanswered indicators (bit i =
/// indicator i had neither member facts nor an answer) and the category if all of them were deprived.
/// </summary>
public readonly record struct ClassificationOutcome(HouseholdCategory Category, uint DeprivationMask, uint UnansweredMask, HouseholdCategory PessimisticCategory)
{
    public bool IsComplete => UnansweredMask == 0;
}
