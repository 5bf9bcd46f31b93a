namespace GiamNgheo.Domain.Common;

/// <summary>Khu vực (nông thôn / thành thị) used by the income lines of every poverty standard.</summary>
public enum AreaType
{
    /// <summary>Nông thôn.</summary>
    Rural = 0,

    /// <summary>Thành thị (đô thị from 2027).</summary>
    Urban = 1,
}

public static class AreaTypeCodes
{
    public static string ToCode(this AreaType area) => area switch
    {
        AreaType.Rural => "rural",
        AreaType.Urban => "urban",
    };

    public static bool TryParse(string? text, out AreaType area)
    {
        switch (text?.Trim().ToUpperInvariant())
        {
            case "RURAL" or "NONG THON" or "NÔNG THÔN" or "0":
                area = AreaType.Rural;
                return true;
            case "URBAN" or "THANH THI" or "THÀNH THỊ" or "1":
                area = AreaType.Urban;
                return true;
            default:
                area = AreaType.Rural;
                return false;
        }
    }

    public static string ToVietnamese(this AreaType area) => area switch
    {
        AreaType.Rural => "Nông thôn",
        AreaType.Urban => "Thành thị",
    };
}
