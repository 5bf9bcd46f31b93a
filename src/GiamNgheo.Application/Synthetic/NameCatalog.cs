namespace GiamNgheo.Application.Synthetic;

/// <summary>
/// Naming traditions by ethnic group. Kinh family names follow their well-known frequencies (Nguyễn ≈ 38%, Trần ≈ 11%,
/// Lê ≈ 9.5%, Phạm ≈ 7%, Hoàng/Huỳnh ≈ 5%, Phan ≈ 4.5%, Vũ/Võ ≈ 4%…). Minority name lists are [M]: typical
/// clan and given names, enough to look right in a demo, not a register of real people.
/// </summary>
internal static class NameCatalog
{
    private static readonly string[] KinhMaleGivens =
    [
        "An", "Bảo", "Bình", "Chiến", "Cường", "Danh", "Duy", "Dũng", "Đạt", "Định", "Đức", "Giang", "Hải", "Hậu",
        "Hiếu", "Hòa", "Hoàng", "Hùng", "Hưng", "Huy", "Khang", "Khánh", "Khoa", "Kiên", "Lâm", "Lộc", "Lợi", "Long",
        "Lực", "Mạnh", "Minh", "Nam", "Nghĩa", "Nhân", "Phát", "Phong", "Phúc", "Phương", "Quân", "Quang", "Sang",
        "Sơn", "Tài", "Tâm", "Thắng", "Thành", "Thịnh", "Thuận", "Tiến", "Toàn", "Trí", "Trung", "Tú", "Tuấn",
        "Tùng", "Việt", "Vinh", "Hiển", "Thọ", "Tân",
    ];

    private static readonly string[] KinhFemaleGivens =
    [
        "Anh", "Chi", "Cúc", "Diệp", "Dung", "Duyên", "Đào", "Giang", "Hà", "Hạnh", "Hằng", "Hiền", "Hoa", "Hoài",
        "Hồng", "Huệ", "Hương", "Huyền", "Lan", "Lệ", "Liên", "Linh", "Loan", "Lụa", "Mai", "My", "Nga", "Ngân",
        "Ngọc", "Nhàn", "Nhi", "Nhung", "Oanh", "Phương", "Quỳnh", "Tâm", "Thảo", "Thắm", "Thơm", "Thu", "Thủy",
        "Trang", "Trinh", "Tuyết", "Uyên", "Vân", "Vy", "Xuân", "Yến", "Hậu",
    ];

    private static readonly string[] KinhModernMaleMiddles =
    [
        "Đức", "Minh", "Hữu", "Quang", "Công", "Thanh", "Xuân", "Ngọc", "Gia", "Anh", "Hoàng", "Đình", "Trọng",
        "Duy", "Bảo", "Quốc", "Tiến", "Mạnh",
    ];

    private static readonly string[] KinhModernFemaleMiddles =
    [
        "Ngọc", "Thu", "Thanh", "Minh", "Bảo", "Phương", "Khánh", "Hồng", "Thùy", "Mai", "Kim", "Hải", "Diệu",
        "Như", "Thúy", "Mỹ", "Lan",
    ];

    private static readonly (string, double)[] KinhCommonFamilies =
    [
        ("Nguyễn", 38.4), ("Trần", 11.0), ("Lê", 9.5), ("Phạm", 7.1), ("Phan", 4.5), ("Đặng", 2.1), ("Bùi", 2.0),
        ("Đỗ", 1.4), ("Hồ", 1.3), ("Ngô", 1.3), ("Dương", 1.0), ("Lý", 0.5), ("Đinh", 0.6), ("Đào", 0.5),
        ("Cao", 0.4), ("Lương", 0.4), ("Trịnh", 0.4), ("Mai", 0.4), ("Trương", 0.5), ("Lâm", 0.3), ("Hà", 0.4),
        ("Tạ", 0.2), ("Chu", 0.2), ("Tô", 0.2), ("Kiều", 0.1), ("Lưu", 0.3), ("Đoàn", 0.4), ("Vương", 0.2),
        ("Châu", 0.2), ("Thái", 0.2), ("Quách", 0.1), ("Lại", 0.1), ("Văn", 0.1), ("Triệu", 0.1),
    ];

    public static NameStyle KinhNorth { get; } = Kinh(southern: false);

    public static NameStyle KinhSouth { get; } = Kinh(southern: true);

    public static NameStyle Hoa { get; } = new()
    {
        Families = Table(("Lâm", 3), ("Trần", 3), ("Lý", 3), ("Quách", 2), ("Hứa", 2), ("Trương", 3), ("Mã", 2),
            ("Tăng", 2), ("Diệp", 1), ("Lư", 1), ("Châu", 2), ("Quan", 1), ("Dương", 2), ("Huỳnh", 2), ("Hà", 1)),
        ModernMaleMiddles = ["Vĩnh", "Gia", "Quốc", "Kiến", "Chí", "Minh", "Tuấn"],
        ModernFemaleMiddles = ["Mỹ", "Ngọc", "Tú", "Lệ", "Huệ", "Bội", "Gia"],
        MaleGivens = ["Phát", "Tài", "Quang", "Cường", "Minh", "Vinh", "Hưng", "Kiệt", "Hào", "Phúc", "Lộc", "Thành", "Khang", "Huy"],
        FemaleGivens = ["Linh", "Phương", "Quyên", "Hoa", "Mai", "Anh", "Trân", "Lan", "Nghi", "Di", "Châu", "Hân", "Tuyết"],
    };

    public static NameStyle Tay { get; } = new()
    {
        Families = Table(("Hoàng", 5), ("Nông", 4), ("Hà", 2), ("Lục", 1), ("Bế", 2), ("Ma", 2), ("Đàm", 1),
            ("Lương", 2), ("Vi", 1), ("Triệu", 1), ("Hứa", 1), ("Lý", 1), ("Mông", 1), ("Nguyễn", 2)),
        MaleGivens = KinhMaleGivens,
        FemaleGivens = KinhFemaleGivens,
    };

    public static NameStyle Nung { get; } = new()
    {
        Families = Table(("Nông", 4), ("Hoàng", 4), ("Lương", 2), ("Lý", 2), ("Vi", 2), ("Chu", 1), ("Lăng", 1),
            ("Mã", 1), ("Lộc", 1), ("Sầm", 1), ("Đinh", 1)),
        MaleGivens = KinhMaleGivens,
        FemaleGivens = KinhFemaleGivens,
    };

    public static NameStyle Thai { get; } = new()
    {
        Families = Table(("Lò", 5), ("Lường", 3), ("Quàng", 3), ("Cầm", 2), ("Tòng", 2), ("Lù", 1), ("Vì", 2),
            ("Điêu", 1), ("Hà", 2), ("Mè", 1), ("Bạc", 1), ("Lừ", 1), ("Sầm", 1), ("Lô", 1), ("Lang", 1), ("Xa", 1)),
        MaleGivens = ["Pánh", "Ún", "Pấng", "Inh", "Thoong", "Chăn", "Khằm", "Xôm", "Ngoan", "Phóng", "Tiên",
            "Sơn", "Xuân", "Hải", "Dũng", "Thanh", "Bun", "Khiêm", "Hặc", "Lả", "Kiên", "Hồng"],
        FemaleGivens = ["Ím", "Lả", "Chăn", "Ỏn", "Phanh", "Xiêng", "Hương", "Kim", "Ban", "Ẻ", "Ngọc", "Thoan",
            "Piếng", "Bua", "Ánh", "Hoa", "Lan", "Pâng", "Vân", "Thương"],
    };

    public static NameStyle Muong { get; } = new()
    {
        Families = Table(("Bùi", 6), ("Đinh", 4), ("Quách", 2), ("Hà", 2), ("Xa", 1), ("Cao", 1), ("Bạch", 1), ("Hoàng", 1)),
        MaleMiddles = ["Văn", "Văn", "Văn", "Công", "Đức"],
        MaleGivens = KinhMaleGivens,
        FemaleGivens = KinhFemaleGivens,
    };

    public static NameStyle HMong { get; } = new()
    {
        Families = Table(("Giàng", 4), ("Vàng", 4), ("Mùa", 3), ("Sùng", 3), ("Thào", 3), ("Hờ", 2), ("Lầu", 2),
            ("Lý", 2), ("Tráng", 1), ("Sình", 1), ("Hạng", 1), ("Vừ", 1), ("Lồ", 1), ("Cứ", 1), ("Chá", 1), ("Ly", 1)),
        MaleMiddles = ["A", "A", "A", "Seo", "Chứ", "Mí"],
        FemaleMiddles = ["Thị", "Thị", "Thị", "Mỷ"],
        MaleGivens = ["Dếnh", "Sử", "Chứ", "Pó", "Tủa", "Chớ", "Dìa", "Tồng", "Páo", "Súa", "Lử", "Của", "Lềnh",
            "Phử", "Vư", "Sình", "Lùng", "Nhìa", "Chu", "Sáy"],
        FemaleGivens = ["Mỷ", "Sua", "Dua", "Chu", "Mai", "Xá", "Sông", "Say", "Dở", "Pàng", "Chía", "Dinh",
            "Lanh", "Mái", "Ly", "Dầu", "Mỉ", "Pà", "Súa", "Máy"],
    };

    public static NameStyle Dao { get; } = new()
    {
        Families = Table(("Bàn", 4), ("Triệu", 4), ("Đặng", 3), ("Lý", 2), ("Phùng", 2), ("Chảo", 2), ("Tẩn", 2),
            ("Lò", 1), ("Dương", 1), ("Sầm", 1)),
        MaleMiddles = ["Văn", "Văn", "Láo", "Quẩy", "Sành"],
        FemaleMiddles = ["Thị", "Thị", "Mẩy", "Nải"],
        MaleGivens = ["Kiềm", "Lở", "Sài", "Phin", "Quẩy", "Ván", "Tòn", "Chiêu", "Sinh", "Phú", "Lùn", "Vảng",
            "Kinh", "Sơn", "Tiến", "Lai"],
        FemaleGivens = ["Mây", "Chài", "Mẩy", "Sui", "Liều", "Nhất", "Xuân", "Hoa", "Mai", "Phây", "Kiều",
            "Nhàn", "Tú", "Dần", "Sành"],
    };

    public static NameStyle KhoMe { get; } = new()
    {
        Families = Table(("Thạch", 5), ("Sơn", 4), ("Kim", 3), ("Danh", 3), ("Lâm", 2), ("Châu", 2), ("Trịnh", 1), ("Lý", 1)),
        MaleMiddles = [""],
        FemaleMiddles = ["Thị", "Thị", "Thị", ""],
        MaleGivens = ["Sóc", "Sa Rết", "Sa Vết", "Chanh", "Sang", "Thươl", "Som", "Phol", "Sà Rươne", "Mách",
            "Bo", "Sen", "Khum", "Pho", "Đa Ra", "Rinh", "Hên", "Sếu", "Chăm Rơn", "Cường"],
        FemaleGivens = ["Sa Ri", "Sa Vân", "Sóc Kha", "Chanh Thy", "Sà Phol", "Sô Phia", "Pha Ly", "Kim Hoa",
            "Mây", "Sâm", "Sa Rương", "Sóc Thia", "Chăn Thu", "Lý Na", "Đa Ni", "Bô Pha", "Sa Nết", "Mum"],
    };

    public static NameStyle Ede { get; } = new()
    {
        Pattern = NamePattern.EdeLike,
        Matrilineal = true,
        Families = Table(("Niê", 5), ("Mlô", 3), ("Êban", 3), ("Ayŭn", 2), ("Byă", 2), ("Knul", 2), ("Hmok", 1),
            ("Ktla", 1), ("Adrơng", 1), ("Kbuôr", 1), ("Buôn Yă", 1), ("Êñuôl", 1), ("Kđơ", 1), ("Mjâu", 1)),
        MaleGivens = ["Blơ", "Kông", "Bhiơn", "Thuột", "Ngông", "Dhăm", "Jôk", "Wưn", "Hoan", "Luyện", "Bim",
            "Kuêh", "Yuôn", "Du", "Tlan", "Hry", "Sươl", "Khem"],
        FemaleGivens = ["Hen", "Ma", "Bơ", "Nga", "Mai", "Wen", "Yơl", "Phi", "Djan", "Rin", "Drung", "Ly",
            "Blúp", "Duin", "Rơn", "Khăm", "Jim", "Ruê"],
    };

    public static NameStyle GiaRai { get; } = new()
    {
        Pattern = NamePattern.GiaRaiLike,
        Matrilineal = true,
        Families = Table(("Ksor", 5), ("Siu", 5), ("Rơ Châm", 3), ("Kpă", 3), ("Nay", 3), ("Rơ Mah", 2),
            ("Puih", 2), ("Rah Lan", 2), ("Rơ Ô", 1), ("Kpuih", 1), ("Rơ Lan", 1)),
        MaleGivens = ["Blek", "Kơ", "Thiên", "Hiêng", "Ban", "Phơi", "Yơn", "Thuk", "Nhưm", "Djung", "Luih",
            "Hyun", "Sơn", "Tiêu", "Dứ", "Kheo"],
        FemaleGivens = ["Bông", "Lan", "Ngoăt", "Yan", "Thư", "Mi", "Djuih", "Bia", "Yul", "Ni", "Hlim",
            "Jum", "Mơ", "Pơn"],
    };

    /// <summary>Ba na, Xơ-Đăng, Giẻ Triêng, Hrê, Co, Brâu, Rơ măm: "A Thút", "Y Hlin", or "Đinh Văn …".</summary>
    public static NameStyle BaNa { get; } = new()
    {
        Families = Table(("", 6), ("Đinh", 4), ("Phạm", 1)),
        BareMalePrefixes = ["A"],
        BareFemalePrefixes = ["Y"],
        MaleGivens = ["Thút", "Khiêm", "Ring", "Pho", "Nhong", "Hyưk", "Blưk", "Dơn", "Chuyên", "Sang", "Mớ",
            "Gôl", "Brếp", "Rưm", "Hoen", "Tơ", "Hlưm", "Đin"],
        FemaleGivens = ["Hlin", "Nhung", "Bơi", "Phương", "Lan", "Bên", "Mai", "Kim", "Sương", "Hnhoi", "Dít",
            "Rơm", "Grin", "Thoan", "Liên"],
    };

    /// <summary>Mnông: "Điểu Kré" (male), "Thị Rin" (female).</summary>
    public static NameStyle Mnong { get; } = new()
    {
        Families = Table(("", 1)),
        BareMalePrefixes = ["Điểu", "Điểu", "Y"],
        BareFemalePrefixes = ["Thị", "Thị", "H'"],
        MaleGivens = ["Kré", "Đông", "Lưm", "Bré", "Ong", "Lôi", "Hăn", "Brệt", "Dên", "Xiêng", "Đức", "Dung", "Bing"],
        FemaleGivens = ["Rin", "Mai", "Hoa", "Ngọc", "Nhung", "Lan", "Thơm", "Mơ", "Đanh", "Khuyên", "Bình"],
    };

    /// <summary>Cơ-ho, Mạ, Chu ru, Xtiêng, Chơ-ro: "K'Brăk" (male), "Ka Điệp" (female).</summary>
    public static NameStyle CoHo { get; } = new()
    {
        Families = Table(("", 1)),
        BareMalePrefixes = ["K'", "K'", "Điểu"],
        BareFemalePrefixes = ["Ka", "K'", "Thị"],
        MaleGivens = ["Brăk", "Sớ", "Tiếu", "Dũng", "Ngọc", "Dơi", "Ha", "Bình", "Tân", "Lôi", "Chiến", "Brơm"],
        FemaleGivens = ["Điệp", "Hơ", "Mai", "Lâm", "Thi", "Phương", "Bông", "Sơ", "Duyên", "Nghệ", "Nhung"],
    };

    /// <summary>Bru-Vân Kiều, Tà-ôi, Cơ-tu, Chứt, Ơ Đu: "Hồ Văn Bốn", "Alăng Thị Xoan".</summary>
    public static NameStyle Katuic { get; } = new()
    {
        Families = Table(("Hồ", 8), ("Kray", 1), ("Alăng", 1), ("Bhling", 1), ("Pơloong", 1), ("Zơrâm", 1),
            ("Ating", 1), ("Arất", 1), ("Căn", 1), ("Pả", 1), ("Lê", 1)),
        MaleGivens = ["Ba", "Bốn", "Năm", "Chiến", "Kiên", "Pai", "Kêu", "Cưu", "Nhất", "Hoa", "Pơng", "Bhiêng"],
        FemaleGivens = ["Thắm", "Xoan", "Dung", "Pía", "Blao", "Hiên", "Nga", "Trinh", "Lan", "Mai"],
    };

    /// <summary>Chăm and Ra-glai: Kinh-like names on their own family names.</summary>
    public static NameStyle ChamRaglai { get; } = new()
    {
        Families = Table(("Đạo", 2), ("Thiên", 1), ("Quảng", 2), ("Lưu", 1), ("Phú", 1), ("Thông", 1), ("Lộ", 1),
            ("Châu", 1), ("Trượng", 1), ("Đàng", 2), ("Chamaléa", 2), ("Katơr", 1), ("Pi Năng", 1), ("Mấu", 1), ("Bo Bo", 1)),
        MaleGivens = KinhMaleGivens,
        FemaleGivens = KinhFemaleGivens,
    };

    /// <summary>Other minorities of the north (Sán Chay, Sán Dìu, Giáy, Khơ-mú, Hà Nhì, Lô Lô…): Văn/Thị on local family names.</summary>
    public static NameStyle NorthernOther { get; } = new()
    {
        Families = Table(("Hoàng", 2), ("Lý", 2), ("Vương", 1), ("Trương", 1), ("Lò", 2), ("Sèn", 1), ("Lục", 1),
            ("Triệu", 1), ("Ninh", 1), ("Vì", 1), ("Quàng", 1), ("Chu", 1), ("Pờ", 1), ("Sừ", 1), ("Lầu", 1)),
        MaleGivens = KinhMaleGivens,
        FemaleGivens = KinhFemaleGivens,
    };

    /// <summary>The naming tradition of an ethnic group (codes of ethnic-groups.csv).</summary>
    public static NameStyle For(string ethnicityCode, GeoRegion region) => ethnicityCode switch
    {
        "01" => region.HasSouthernNames() ? KinhSouth : KinhNorth,
        "02" => Tay,
        "03" or "37" or "42" or "33" or "34" or "39" or "45" or "50" or "48" => Thai,
        "04" => Hoa,
        "05" => KhoMe,
        "06" or "24" => Muong,
        "07" => Nung,
        "08" => HMong,
        "09" => Dao,
        "10" => GiaRai,
        "12" => Ede,
        "13" or "14" or "19" or "27" or "30" or "52" or "54" => BaNa,
        "20" => Mnong,
        "16" or "28" or "36" or "22" or "32" => CoHo,
        "17" or "21" => ChamRaglai,
        "23" or "26" or "31" or "44" or "53" => Katuic,
        _ => NorthernOther,
    };

    private static NameStyle Kinh(bool southern) => new()
    {
        Families = Table([.. KinhCommonFamilies,
            .. southern
                ? new[] { ("Huỳnh", 4.0), ("Hoàng", 1.1), ("Võ", 3.2), ("Vũ", 0.7) }
                : [("Hoàng", 4.6), ("Huỳnh", 0.5), ("Vũ", 3.4), ("Võ", 0.5)]]),
        ModernMaleMiddles = KinhModernMaleMiddles,
        ModernFemaleMiddles = KinhModernFemaleMiddles,
        MaleGivens = KinhMaleGivens,
        FemaleGivens = KinhFemaleGivens,
    };

    private static WeightedTable<string> Table(params (string Name, double Weight)[] entries) => new(entries);
}
