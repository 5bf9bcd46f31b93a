namespace GiamNgheo.Domain.Classification;

/// <summary>Households per category.</summary>
public readonly record struct CategoryCounts(long Poor, long NearPoor, long Medium, long NotPoor)
{
    public long Total => Poor + NearPoor + Medium + NotPoor;

    public long this[HouseholdCategory category] => category switch
    {
        HouseholdCategory.Poor => Poor,
        HouseholdCategory.NearPoor => NearPoor,
        HouseholdCategory.Medium => Medium,
        HouseholdCategory.NotPoor => NotPoor,
    };
}
