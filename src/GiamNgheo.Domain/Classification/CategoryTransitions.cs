namespace GiamNgheo.Domain.Classification;

/// <summary>Households counted by (category before, category after).</summary>
public sealed class CategoryTransitions
{
    private readonly long[] _counts = new long[HouseholdCategoryCodes.Count * HouseholdCategoryCodes.Count];

    public long Households => _counts.Sum();

    public long Count(HouseholdCategory before, HouseholdCategory after) => _counts[Index(before, after)];

    public long Before(HouseholdCategory category) => Enum.GetValues<HouseholdCategory>().Sum(after => Count(category, after));

    public long After(HouseholdCategory category) => Enum.GetValues<HouseholdCategory>().Sum(before => Count(before, category));

    /// <summary>Households in <paramref name="category"/> after but not before.</summary>
    public long Entering(HouseholdCategory category) => After(category) - Count(category, category);

    /// <summary>Households in <paramref name="category"/> before but not after.</summary>
    public long Leaving(HouseholdCategory category) => Before(category) - Count(category, category);

    internal void Add(HouseholdCategory before, HouseholdCategory after) => _counts[Index(before, after)]++;

    internal void AddAll(CategoryTransitions other)
    {
        for (var i = 0; i < _counts.Length; i++)
        {
            _counts[i] += other._counts[i];
        }
    }

    private static int Index(HouseholdCategory before, HouseholdCategory after) =>
        ((int)before * HouseholdCategoryCodes.Count) + (int)after;
}
