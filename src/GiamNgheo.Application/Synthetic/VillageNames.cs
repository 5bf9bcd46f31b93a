namespace GiamNgheo.Application.Synthetic;

/// <summary>
/// Names of villages (thôn, bản, buôn, plei, làng, bon, xóm, ấp) and urban quarters (tổ dân phố, khu phố) the way
/// they are written locally: "Thôn 1", "Thôn Yên Phú", "Bản Na Hu", "Buôn Ea Kmar", "Ấp 2", "Tổ dân phố 3".
/// The syllable lists are [M], picked to look like real names of each area.
/// </summary>
internal static class VillageNames
{
    private static readonly string[] SinoNorthA =
        ["An", "Phú", "Bình", "Yên", "Tân", "Đông", "Hòa", "Thịnh", "Vĩnh", "Xuân", "Trung", "Thượng", "Đại", "Phúc",
         "Lộc", "Thanh", "Quang", "Hưng", "Mỹ", "Văn", "Kim", "Ngọc", "Cao", "Đồng", "Hạ", "Nam", "Bắc", "Minh"];

    private static readonly string[] SinoNorthB =
        ["Lạc", "Phú", "Bình", "Thịnh", "Hòa", "Lộc", "Xá", "Trung", "Đông", "Nam", "Thượng", "Hạ", "Lợi",
         "Phong", "Sơn", "Hải", "An", "Mỹ", "Tiến", "Thành", "Khê", "Đoài", "Lâm", "Yên", "Thái", "Quế"];

    private static readonly string[] SinoSouthA =
        ["Tân", "Phước", "Long", "Bình", "An", "Mỹ", "Thạnh", "Hòa", "Vĩnh", "Phú", "Hưng", "Thới", "Lợi",
         "Trường", "Đông", "Tây", "Nhơn", "Khánh", "Hiệp", "Xuân"];

    private static readonly string[] SinoSouthB =
        ["Phú", "Lợi", "Hòa", "Thạnh", "Long", "An", "Bình", "Hưng", "Thuận", "Tây", "Đông", "Trung", "Lộc",
         "Quới", "Mỹ", "Hiệp", "Nhứt", "Nhì", "Thành", "Hậu"];

    private static readonly string[] ThaiA = ["Na", "Huổi", "Pá", "Phiêng", "Nậm", "Co", "Hua", "Pú", "Mường", "Tà", "Hát", "Bó", "Noong", "Xá", "Ten"];

    private static readonly string[] ThaiB =
        ["Hu", "Lếch", "Sản", "Noong", "Cang", "Khoang", "Lào", "Tở", "Mạ", "Chải", "Hồ", "Pồng", "Lót", "Luông",
         "Pục", "Hin", "Ngựu", "Mòn", "Xanh", "Sáng", "Tấu", "Pe", "Lạn", "Ban"];

    private static readonly string[] HMongA = ["Háng", "Lũng", "Sín", "Phìn", "Tả", "Sà", "Pa", "Mào", "Sủng", "Xín", "Lao", "Ma"];

    private static readonly string[] HMongB = ["Chua", "Cáng", "Chải", "Hồ", "Phìn", "Sán", "Tủa", "Dìn", "Lử", "Pả", "Chá", "Páo", "Sả", "Lìn", "Tàu"];

    private static readonly string[] TayA = ["Nà", "Pác", "Khuổi", "Cốc", "Khau", "Lũng", "Bó", "Phai", "Nặm", "Pò", "Slam", "Lạng", "Nà"];

    private static readonly string[] TayB =
        ["Pồng", "Mười", "Nặm", "Vài", "Khoang", "Lùng", "Cháo", "Cáy", "Đẩy", "Pục", "Rạo", "Tấu", "Lẹng", "Mạ", "Chang", "Thin"];

    private static readonly string[] MuongA = ["Chiềng", "Mường", "Bưa", "Khú", "Trám", "Cọi", "Mớ", "Mận", "Đồi", "Bái", "Thung", "Lũy"];

    private static readonly string[] EdeA = ["Ea", "Kô", "Cư", "Krông", "Hra", "Ko", "Drai", "Tring", "Ea"];

    private static readonly string[] EdeB = ["Kmar", "Sia", "Tam", "Knia", "Bông", "Nao", "Hleo", "Pôk", "Drăng", "Kuêh", "Mblơ", "Dhăm", "Jông", "Yang"];

    private static readonly string[] GiaRaiA = ["Ia", "Hra", "Kret", "Chư", "Ring", "Bông", "Tơ", "Bang", "Hlang", "Ia"];

    private static readonly string[] GiaRaiB = ["Ngol", "Chuet", "Bông", "Kly", "Grai", "Dơk", "Le", "Pết", "Mơr", "Băng", "Tô", "Kram"];

    private static readonly string[] BaNaA = ["Kon", "Đăk", "Plei", "Kơ", "Tơ", "Măng", "Kon"];

    private static readonly string[] BaNaB = ["Klor", "Rờ Bàng", "Wek", "Kần", "Mahar", "Jơ Ri", "Hra", "Xiêm", "Tu", "Bla", "Rang", "Lơ"];

    private static readonly string[] MnongA = ["Bu", "Ja", "Jun", "Đắk", "N'Jang", "Bu Đăk"];

    private static readonly string[] MnongB = ["Prăng", "Ráh", "Juh", "R'Moan", "Dơng", "Sor", "Kroh", "Bơ", "Lang", "Nơr"];

    private static readonly string[] CoHoA = ["Đạ", "Liêng", "K'", "Ka", "Bờ", "Tu", "Đà"];

    private static readonly string[] CoHoB = ["Long", "Đơn", "Tông", "Trang", "Tra", "Loan", "Nơm", "M'Rông", "Sa", "Rhin"];

    private static readonly string[] KhmerA = ["Sóc", "Trà", "Tà", "Sa", "Phnôm", "Prey", "Kos", "Ca", "Pây"];

    private static readonly string[] KhmerB = ["Xoài", "Pi", "Điếp", "Sết", "Toong", "Tim", "Côn", "Lôn", "Ven", "Chuối", "Kha", "Ruộng"];

    private static readonly string[] KatuA = ["A", "Pa", "Cu", "Ta", "Ka", "Tà", "Ra", "Ly", "Húc"];

    private static readonly string[] KatuB = ["Hy", "Ka", "Ty", "Vao", "Lưới", "Roàng", "Ngo", "Đớt", "Xo", "Lin", "Bung", "Rồ"];

    /// <summary>A name for a rural village whose main group is <paramref name="ethnicityCode"/>.</summary>
    public static string Rural(string ethnicityCode, GeoRegion region, string kinhWord, SyntheticRandom random, ref int number)
    {
        var ap = region.UsesAp();
        string Numbered(ref int n) => $"{kinhWord} {++n}";
        string Kinh(ref int n) => random.Chance(region == GeoRegion.CentralHighlands ? 0.8 : 0.35)
            ? Numbered(ref n)
            : ap ? $"{kinhWord} {random.Pick(SinoSouthA)} {random.Pick(SinoSouthB)}"
                 : random.Chance(0.15) ? $"{kinhWord} {random.Pick(SinoNorthA)}"
                 : $"{kinhWord} {random.Pick(SinoNorthA)} {random.Pick(SinoNorthB)}";
        string Two(string word, string[] a, string[] b)
        {
            var first = random.Pick(a);
            var second = random.Pick(b);
            return first.EndsWith('\'') ? $"{word} {first}{second}" : $"{word} {first} {second}";
        }

        var northernMigrant = region == GeoRegion.CentralHighlands;
        return ethnicityCode switch
        {
            "03" or "37" or "42" or "29" or "33" or "34" or "39" or "45" or "50" or "48" when !northernMigrant =>
                Two("Bản", ThaiA, ThaiB),
            "08" or "35" or "41" or "40" or "43" or "46" or "25" or "49" or "51" or "47" or "38" when !northernMigrant =>
                Two(region == GeoRegion.NorthWest ? "Bản" : "Thôn", HMongA, HMongB),
            "02" or "07" or "09" or "15" or "18" or "11" when !northernMigrant =>
                Two(random.Chance(0.6) ? "Thôn" : "Bản", TayA, TayB),
            "06" or "24" when !northernMigrant =>
                random.Chance(0.5) ? $"Xóm {random.Pick(MuongA)}" : Two("Xóm", MuongA, MuongA),
            "12" => Two("Buôn", EdeA, EdeB),
            "10" => Two(random.Chance(0.7) ? "Plei" : "Làng", GiaRaiA, GiaRaiB),
            "13" or "14" or "27" or "52" or "54" or "19" or "30" => Two("Làng", BaNaA, BaNaB),
            "20" => Two("Bon", MnongA, MnongB),
            "16" or "28" or "36" or "22" or "32" => Two(ap ? "Ấp" : random.Chance(0.5) ? "Thôn" : "Buôn", CoHoA, CoHoB),
            "05" => Two("Ấp", KhmerA, KhmerB),
            "23" or "26" or "31" or "44" or "53" => Two(random.Chance(0.5) ? "Bản" : "Thôn", KatuA, KatuB),
            _ => Kinh(ref number),
        };
    }

    /// <summary>"Tổ dân phố 3" in the north and centre, "Khu phố 3" in the south, numbered from 1.</summary>
    public static string Urban(GeoRegion region, int number) =>
        region.UsesAp() ? $"Khu phố {number}" : $"Tổ dân phố {number}";

    /// <summary>The word for a Kinh village in a commune: ấp in the south, sometimes xóm in the north-centre.</summary>
    public static string KinhWord(GeoRegion region, SyntheticRandom random) =>
        region.UsesAp() ? "Ấp" : region == GeoRegion.NorthCentral && random.Chance(0.35) ? "Xóm" : "Thôn";
}
