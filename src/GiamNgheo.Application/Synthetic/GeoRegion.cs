namespace GiamNgheo.Application.Synthetic;

/// <summary>
/// TLQ's eight geographic regions of the old provinces (admin-units-2024.csv <c>region_name</c>). Finer than the six
/// socio-economic regions, so the generator uses them for ethnic mix, names and village naming.
/// </summary>
internal enum GeoRegion
{
    NorthEast = 0,
    NorthWest = 1,
    RedRiverDelta = 2,
    NorthCentral = 3,
    SouthCentralCoast = 4,
    CentralHighlands = 5,
    Southeast = 6,
    MekongDelta = 7,
}

internal static class GeoRegions
{
    public static GeoRegion? FromTlqName(string? name) => name switch
    {
        "Đông Bắc Bộ" => GeoRegion.NorthEast,
        "Tây Bắc Bộ" => GeoRegion.NorthWest,
        "Đồng bằng sông Hồng" => GeoRegion.RedRiverDelta,
        "Bắc Trung Bộ" => GeoRegion.NorthCentral,
        "Duyên hải Nam Trung Bộ" => GeoRegion.SouthCentralCoast,
        "Tây Nguyên" => GeoRegion.CentralHighlands,
        "Đông Nam Bộ" => GeoRegion.Southeast,
        "Đồng bằng sông Cửu Long" => GeoRegion.MekongDelta,
        _ => null,
    };

    /// <summary>Kinh family names follow the southern pattern (Huỳnh, Võ) from Quảng Nam southwards.</summary>
    public static bool HasSouthernNames(this GeoRegion region) => region switch
    {
        GeoRegion.NorthEast or GeoRegion.NorthWest or GeoRegion.RedRiverDelta or GeoRegion.NorthCentral => false,
        GeoRegion.SouthCentralCoast or GeoRegion.CentralHighlands or GeoRegion.Southeast or GeoRegion.MekongDelta => true,
    };

    /// <summary>Rural villages are "ấp" and urban quarters "khu phố" in the south; "thôn" and "tổ dân phố" elsewhere.</summary>
    public static bool UsesAp(this GeoRegion region) => region switch
    {
        GeoRegion.Southeast or GeoRegion.MekongDelta => true,
        GeoRegion.NorthEast or GeoRegion.NorthWest or GeoRegion.RedRiverDelta or GeoRegion.NorthCentral
            or GeoRegion.SouthCentralCoast or GeoRegion.CentralHighlands => false,
    };
}
