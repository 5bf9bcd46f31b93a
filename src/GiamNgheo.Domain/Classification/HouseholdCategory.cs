namespace GiamNgheo.Domain.Classification;

/// <summary>Household status under one standard (docs/domain.md §5.1). Ordered from poorest.</summary>
public enum HouseholdCategory : byte
{
    /// <summary>Hộ nghèo.</summary>
    Poor = 0,

    /// <summary>Hộ cận nghèo.</summary>
    NearPoor = 1,

    /// <summary>Hộ có mức sống trung bình (income band only).</summary>
    Medium = 2,

    /// <summary>Hộ không nghèo.</summary>
    NotPoor = 3,
}

public static class HouseholdCategoryCodes
{
    public const int Count = 4;

    public static string ToCode(this HouseholdCategory category) => category switch
    {
        HouseholdCategory.Poor => "poor",
        HouseholdCategory.NearPoor => "near_poor",
        HouseholdCategory.Medium => "medium",
        HouseholdCategory.NotPoor => "not_poor",
    };

    public static string ToVietnamese(this HouseholdCategory category) => category switch
    {
        HouseholdCategory.Poor => "Hộ nghèo",
        HouseholdCategory.NearPoor => "Hộ cận nghèo",
        HouseholdCategory.Medium => "Hộ có mức sống trung bình",
        HouseholdCategory.NotPoor => "Hộ không nghèo",
    };

    public static bool TryParse(string? text, out HouseholdCategory category)
    {
        switch (text?.Trim().ToUpperInvariant())
        {
            case "POOR":
                category = HouseholdCategory.Poor;
                return true;
            case "NEAR_POOR":
                category = HouseholdCategory.NearPoor;
                return true;
            case "MEDIUM":
                category = HouseholdCategory.Medium;
                return true;
            case "NOT_POOR":
                category = HouseholdCategory.NotPoor;
                return true;
            default:
                category = HouseholdCategory.NotPoor;
                return false;
        }
    }
}
