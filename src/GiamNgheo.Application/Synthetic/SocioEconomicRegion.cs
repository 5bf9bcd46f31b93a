namespace GiamNgheo.Application.Synthetic;

/// <summary>The six socio-economic regions of MOLISA/GSO statistics (docs/domain.md §9.2).</summary>
public enum SocioEconomicRegion
{
    /// <summary>Trung du và miền núi phía Bắc.</summary>
    NorthernMidlandsAndMountains = 0,

    /// <summary>Đồng bằng sông Hồng.</summary>
    RedRiverDelta = 1,

    /// <summary>Bắc Trung Bộ và Duyên hải miền Trung.</summary>
    NorthCentralAndCentralCoast = 2,

    /// <summary>Tây Nguyên.</summary>
    CentralHighlands = 3,

    /// <summary>Đông Nam Bộ.</summary>
    Southeast = 4,

    /// <summary>Đồng bằng sông Cửu Long.</summary>
    MekongDelta = 5,
}

public static class SocioEconomicRegionNames
{
    public static string ToVietnamese(this SocioEconomicRegion region) => region switch
    {
        SocioEconomicRegion.NorthernMidlandsAndMountains => "Trung du và miền núi phía Bắc",
        SocioEconomicRegion.RedRiverDelta => "Đồng bằng sông Hồng",
        SocioEconomicRegion.NorthCentralAndCentralCoast => "Bắc Trung Bộ và Duyên hải miền Trung",
        SocioEconomicRegion.CentralHighlands => "Tây Nguyên",
        SocioEconomicRegion.Southeast => "Đông Nam Bộ",
        SocioEconomicRegion.MekongDelta => "Đồng bằng sông Cửu Long",
    };
}
