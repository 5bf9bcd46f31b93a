namespace GiamNgheo.Application.Interchange;

/// <summary>Nguyên nhân nghèo (docs/domain.md §5.4), multi-select. Codes in <see cref="HouseholdCodes"/>.</summary>
[Flags]
public enum PovertyCauses
{
    None = 0,
    /// <summary>Thiếu đất sản xuất.</summary>
    Land = 1,
    /// <summary>Thiếu vốn sản xuất kinh doanh.</summary>
    Capital = 2,
    /// <summary>Thiếu lao động.</summary>
    Labour = 4,
    /// <summary>Thiếu công cụ, phương tiện sản xuất.</summary>
    Tools = 8,
    /// <summary>Thiếu kiến thức sản xuất, không biết cách làm ăn.</summary>
    Knowhow = 16,
    /// <summary>Thiếu kỹ năng lao động, không có tay nghề.</summary>
    Skills = 32,
    /// <summary>Có người ốm đau, bệnh nặng, tai nạn.</summary>
    Illness = 64,
    /// <summary>Khác.</summary>
    Other = 128,
}
