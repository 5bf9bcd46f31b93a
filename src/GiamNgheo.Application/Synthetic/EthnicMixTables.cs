namespace GiamNgheo.Application.Synthetic;

/// <summary>
/// Ethnic composition of households by TLQ region, rural communes (percent, codes of ethnic-groups.csv).
/// [M] Rounded from the general picture of the 2019 census by region (the north-west mostly Thái, HMông, Mường, Dao;
/// the north-east Tày, Nùng, Dao, HMông; the Central Highlands Gia-rai, Ê-đê, Ba na, Xơ-Đăng, Cơ-ho, Mnông plus
/// northern migrants; the Mekong Delta Khơ-me and Hoa; the deltas mostly Kinh). Not an official table.
/// </summary>
internal static class EthnicMixTables
{
    public const string Kinh = "01";
    public const string Hoa = "04";

    /// <summary>In urban wards minority shares are scaled by this factor (Hoa excepted), and Kinh takes the rest.</summary>
    public const double UrbanMinorityFactor = 0.4;

    /// <summary>Hoa live mostly in cities: their share is scaled up in wards.</summary>
    public const double UrbanHoaFactor = 1.6;

    public static IReadOnlyList<(string Code, double Percent)> Rural(GeoRegion region) => region switch
    {
        GeoRegion.NorthWest =>
        [
            (Kinh, 27), ("03", 30), ("08", 20), ("06", 9), ("09", 5), ("02", 3), ("29", 2), ("35", 1),
            ("25", 0.6), ("34", 0.5), ("33", 0.4), ("39", 0.3), ("37", 0.3), ("42", 0.2), ("40", 0.3),
            ("41", 0.2), ("45", 0.1), ("48", 0.05), ("50", 0.05), ("07", 0.5),
        ],
        GeoRegion.NorthEast =>
        [
            (Kinh, 52), ("02", 17), ("07", 11), ("08", 6), ("09", 7.5), ("15", 2), ("18", 1.5), ("06", 1),
            (Hoa, 0.4), ("25", 0.3), ("43", 0.2), ("46", 0.1), ("40", 0.2), ("38", 0.1), ("49", 0.05),
            ("47", 0.05), ("51", 0.03), ("11", 0.01),
        ],
        GeoRegion.RedRiverDelta =>
        [
            (Kinh, 98.6), ("06", 0.8), ("02", 0.2), ("18", 0.2), ("09", 0.1), (Hoa, 0.1),
        ],
        GeoRegion.NorthCentral =>
        [
            (Kinh, 89), ("06", 4.8), ("03", 4), ("08", 0.6), ("29", 0.4), ("23", 0.7), ("31", 0.4), ("26", 0.2),
            ("44", 0.05), ("53", 0.01), ("09", 0.1), ("37", 0.05),
        ],
        GeoRegion.SouthCentralCoast =>
        [
            (Kinh, 91), ("17", 1.4), ("21", 1.7), ("19", 1.5), ("26", 1.0), ("14", 0.8), ("13", 0.6), ("30", 0.4),
            ("27", 0.3), ("12", 0.3), ("16", 0.2), (Hoa, 0.3), ("31", 0.05),
        ],
        GeoRegion.CentralHighlands =>
        [
            (Kinh, 64), ("10", 9.5), ("12", 6), ("13", 3.5), ("14", 3), ("16", 3), ("20", 2.2), ("07", 2.3),
            ("02", 1.8), ("08", 1.0), ("03", 0.8), ("09", 0.8), ("28", 0.6), ("27", 0.5), ("36", 0.4), ("06", 0.5),
            (Hoa, 0.2), ("15", 0.2), ("52", 0.01), ("54", 0.01),
        ],
        GeoRegion.Southeast =>
        [
            (Kinh, 92.5), (Hoa, 4.2), ("05", 1.0), ("22", 0.8), ("32", 0.2), ("07", 0.4), ("02", 0.3), ("17", 0.2),
            ("28", 0.1), ("20", 0.1),
        ],
        GeoRegion.MekongDelta =>
        [
            (Kinh, 92), ("05", 6.6), (Hoa, 1.2), ("17", 0.1),
        ],
    };

    /// <summary>The mix for a commune: the rural table, with minorities thinned out in urban wards.</summary>
    public static WeightedTable<string> For(GeoRegion region, bool urban) =>
        new(Rural(region).Select(e => (e.Code, e.Percent * (!urban || e.Code == Kinh ? 1.0
            : e.Code == Hoa ? UrbanHoaFactor : UrbanMinorityFactor))));

    /// <summary>
    /// Local indigenous groups of the Central Highlands (dân tộc tại chỗ, §5.3) [M]: the flag is set for a household
    /// of one of these groups living in a commune of the Central Highlands.
    /// </summary>
    public static bool IsCentralHighlandsIndigenous(string ethnicityCode) => ethnicityCode switch
    {
        "10" or "12" or "13" or "14" or "16" or "20" or "28" or "36" or "27" or "52" or "54" or "21" => true,
        _ => false,
    };
}
