namespace GiamNgheo.Application.Interchange;

/// <summary>Nhu cầu hỗ trợ (docs/domain.md §5.5), multi-select. Codes in <see cref="HouseholdCodes"/>.</summary>
[Flags]
public enum SupportNeeds
{
    None = 0,
    /// <summary>Y tế.</summary>
    Health = 1,
    /// <summary>Giáo dục.</summary>
    Education = 2,
    /// <summary>Sản xuất.</summary>
    Production = 4,
    /// <summary>Vay vốn tín dụng ưu đãi.</summary>
    Credit = 8,
    /// <summary>Nhà ở.</summary>
    Housing = 16,
    /// <summary>Khác.</summary>
    Other = 32,
}
