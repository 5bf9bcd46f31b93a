using GiamNgheo.Application.Interchange;
using GiamNgheo.Domain.Common;
using GiamNgheo.Domain.Households;
using GiamNgheo.Domain.Standards;
using MiniExcelLibs;

namespace GiamNgheo.Application.Imports;

/// <summary>
/// KoboToolbox / ODK: the XLSForm of the household survey (household questions named by the interchange column codes,
/// then a repeat group <c>members</c> of member questions; Vietnamese labels; constraints matching the import
/// validation), and the conversion of its XLSX export (main sheet + repeat sheet joined by <c>_index</c> /
/// <c>_parent_index</c>) into the two interchange tables.
/// </summary>
public static class KoboForm
{
    public const string RepeatGroup = "members";
    public const string FormId = "giamngheo_ho_gia_dinh";

    /// <summary>The hint of the three QĐ 59-only questions.</summary>
    public const string Qd59OnlyHint =
        "Chỉ số của chuẩn 2016–2020 (QĐ 59/2015), tỉnh tính song song cho chỉ tiêu nghị quyết. Bỏ trống: hộ bị tính là \"chưa đủ thông tin theo QĐ 59\".";

    public static void WriteXlsForm(Stream stream)
    {
        var survey = new List<Dictionary<string, object?>>();
        var choices = new List<Dictionary<string, object?>>();
        void Q(string type, string name, string label, string? constraint = null, string? message = null, bool required = false,
            string? hint = null, string? relevant = null) => survey.Add(new()
            {
                ["type"] = type, ["name"] = name, ["label"] = label, ["hint"] = hint, ["required"] = required ? "yes" : null,
                ["relevant"] = relevant, ["constraint"] = constraint, ["constraint_message"] = message,
            });
        void Choices<T>(string list, IEnumerable<T> values, Func<T, string> code, Func<T, string> label)
        {
            foreach (var v in values)
            {
                choices.Add(new() { ["list_name"] = list, ["name"] = code(v), ["label"] = label(v) });
            }
        }

        Choices("yes_no", [true, false], v => v ? "1" : "0", v => v ? "Có" : "Không");
        Choices("area", Enum.GetValues<AreaType>(), v => v.ToCode(), v => v.ToVietnamese());
        Choices("score_table", ScoreTables.Known, v => v, v => "Bảng điểm B1 của " + ScoreTables.NameVi(v));
        Choices("causes", HouseholdCodes.AllCauses, v => v.ToCode(), v => v.ToVietnamese());
        Choices("needs", HouseholdCodes.AllNeeds, v => v.ToCode(), v => v.ToVietnamese());
        Choices("sex", Enum.GetValues<Sex>(), v => v.ToCode(), v => v.ToVietnamese());
        Choices("relation", Enum.GetValues<RelationToHead>(), v => v.ToCode(), v => v.ToVietnamese());
        Choices("education", Enum.GetValues<EducationLevel>(), v => v.ToCode(), v => v.ToVietnamese());
        Choices("disability", Enum.GetValues<Disability>(), v => v.ToCode(), v => v.ToVietnamese());
        Choices("employment", Enum.GetValues<Employment>(), v => v.ToCode(), v => v.ToVietnamese());

        Q("text", HouseholdColumns.HouseholdCode, "Mã hộ", "string-length(.) <= 32", "Mã hộ dài tối đa 32 ký tự.", true);
        Q("text", HouseholdColumns.CommuneCode, "Mã xã (5 chữ số)", "regex(., '^[0-9]{5}$')", "Mã xã gồm đúng 5 chữ số.", true);
        Q("text", HouseholdColumns.Village, "Thôn / bản / tổ dân phố", null, null, true);
        Q("text", HouseholdColumns.Address, "Địa chỉ");
        Q("text", HouseholdColumns.HeadName, "Họ tên chủ hộ", null, null, true);
        Q("select_one area", HouseholdColumns.Area, "Khu vực", null, null, true);
        Q("integer", HouseholdColumns.ReviewYear, "Năm rà soát", ". >= 2000 and . <= format-date(today(), '%Y')", "Năm rà soát không được ở tương lai.", true);
        Q("integer", HouseholdColumns.Income, "Thu nhập bình quân (đồng/người/tháng)", ". >= 0", "Thu nhập là số đồng không âm.");
        Q("integer", HouseholdColumns.B1Score, "Điểm B1");
        Q("select_one score_table", HouseholdColumns.B1ScoreTable, "Điểm B1 chấm theo bảng điểm nào",
            hint: $"Để trống: theo năm rà soát (từ {ScoreTables.FirstTt07ReviewYear}: TT 07/2021; trước đó: TT 17/2016). Điểm chỉ được so với ngưỡng của chuẩn dùng cùng bảng điểm.",
            relevant: $"${{{HouseholdColumns.B1Score}}} != ''");
        foreach (var indicator in HouseholdColumns.Indicators)
        {
            // The QĐ 59-only items (health-service access, phone and internet, information assets) are not on the NĐ 07
            // questionnaire: asked here so that the parallel QĐ 59 rate is complete (docs/standards.md §2.1).
            Q("select_one yes_no", indicator.Code, indicator.HeaderVi,
                hint: HouseholdColumns.Qd59OnlyIndicators.Contains(indicator.Code) ? Qd59OnlyHint : null);
        }

        Q("select_multiple causes", HouseholdColumns.Causes, "Nguyên nhân nghèo");
        Q("select_multiple needs", HouseholdColumns.Needs, "Nhu cầu hỗ trợ");
        foreach (var (column, _) in HouseholdColumns.Flags)
        {
            Q("select_one yes_no", column.Code, column.HeaderVi);
        }

        Q("begin_repeat", RepeatGroup, "Thành viên hộ");
        Q("text", MemberColumns.FullName, "Họ và tên", null, null, true);
        Q("select_one sex", MemberColumns.Sex, "Giới tính", null, null, true);
        Q("date", MemberColumns.DateOfBirth, "Ngày sinh", ". <= today() and . >= date('1900-01-01')", "Ngày sinh không được ở tương lai.", true);
        Q("text", MemberColumns.EthnicityCode, "Mã dân tộc (01–54)", "regex(., '^[0-9]{2}$') and number(.) >= 1 and number(.) <= 54", "Mã dân tộc từ 01 đến 54.", true);
        Q("select_one relation", MemberColumns.RelationToHead, "Quan hệ với chủ hộ", null, null, true);
        Q("text", MemberColumns.PersonalId, "Số định danh cá nhân (12 chữ số)", "regex(., '^[0-9]{12}$')", "Số định danh gồm đúng 12 chữ số.");
        Q("select_one yes_no", MemberColumns.HealthInsurance, "Có thẻ bảo hiểm y tế");
        Q("select_one education", MemberColumns.Education, "Trình độ học vấn");
        Q("select_one yes_no", MemberColumns.InSchool, "Đang đi học");
        Q("select_one disability", MemberColumns.Disability, "Mức độ khuyết tật");
        Q("select_one employment", MemberColumns.Employment, "Tình trạng việc làm");
        Q("end_repeat", string.Empty, string.Empty);

        var sheets = new Dictionary<string, object>
        {
            ["survey"] = survey,
            ["choices"] = choices,
            ["settings"] = new[] { new Dictionary<string, object?> { ["form_title"] = "Rà soát hộ gia đình (GiamNgheo)", ["form_id"] = FormId, ["default_language"] = "Vietnamese (vi)" } },
        };
        MiniExcel.SaveAs(stream, sheets, excelType: ExcelType.XLSX);
    }

    /// <summary>
    /// Converts a KoboToolbox/ODK XLSX export of the form into the two interchange CSV files in <paramref name="folder"/>:
    /// the first sheet holds the households (with <c>_index</c>), the sheet of the repeat group the members (with
    /// <c>_parent_index</c>). Group prefixes in headers ("members/full_name") are dropped; select_multiple answers
    /// (space-separated) become <c>;</c>-separated lists. Returns the paths (households, members).
    /// </summary>
    public static (string Households, string Members) ConvertExport(string xlsxPath, string folder)
    {
        using var stream = File.OpenRead(xlsxPath);
        List<string> names;
        try
        {
            names = MiniExcel.GetSheetNames(stream);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new InterchangeFileException("Tệp xuất từ KoboToolbox/ODK không đọc được (không phải XLSX hoặc bị hỏng).", e);
        }

        if (names.Count < 2)
        {
            throw new InterchangeFileException("Tệp xuất KoboToolbox/ODK cần trang chính và trang nhóm lặp \"members\".");
        }

        var repeat = names.FirstOrDefault(n => n.Equals(RepeatGroup, StringComparison.OrdinalIgnoreCase)) ?? names[1];
        var main = ReadSheet(stream, names[0]);
        var members = ReadSheet(stream, repeat);
        var hIndex = main.Header.IndexOf("_index");
        var mParent = members.Header.IndexOf("_parent_index");
        var hCode = main.Header.IndexOf(HouseholdColumns.HouseholdCode);
        if (hIndex < 0 || mParent < 0 || hCode < 0)
        {
            throw new InterchangeFileException("Tệp xuất KoboToolbox/ODK thiếu cột _index, _parent_index hoặc household_code.");
        }

        var codeByIndex = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var row in main.Rows)
        {
            codeByIndex[row[hIndex] ?? string.Empty] = row[hCode] ?? string.Empty;
        }

        var householdsPath = Path.Combine(folder, "households.csv");
        var membersPath = Path.Combine(folder, "members.csv");
        WriteCsv(householdsPath, main.Header, main.Rows, (name, value) =>
            name is HouseholdColumns.Causes or HouseholdColumns.Needs ? value?.Replace(' ', HouseholdColumns.ListSeparator) : value);
        var memberHeader = new List<string>(members.Header) { MemberColumns.HouseholdCode };
        WriteCsv(membersPath, memberHeader, members.Rows.Select(r => r.Append(codeByIndex.GetValueOrDefault(r[mParent] ?? string.Empty, "?" + r[mParent])).ToArray()),
            (_, value) => value);
        return (householdsPath, membersPath);
    }

    private static (List<string> Header, List<string?[]> Rows) ReadSheet(Stream stream, string sheet)
    {
        stream.Position = 0;
        try
        {
            var rows = MiniExcel.Query(stream, useHeaderRow: false, sheetName: sheet, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().ToList();
            if (rows.Count == 0)
            {
                return ([], []);
            }

            var keys = rows[0].Keys.ToList();
            var header = keys.Select(k => InterchangeTableReader.CellText(rows[0][k]) ?? string.Empty)
                .Select(h => h.Contains('/', StringComparison.Ordinal) ? h[(h.LastIndexOf('/') + 1)..] : h).ToList();
            var data = rows.Skip(1).Select(r => keys.Select(k => r.TryGetValue(k, out var v) ? InterchangeTableReader.CellText(v) : null).ToArray()).ToList();
            return (header, data);
        }
        catch (Exception e) when (e is not OperationCanceledException and not InterchangeFileException)
        {
            throw new InterchangeFileException($"Trang \"{sheet}\" của tệp KoboToolbox/ODK không đọc được.", e);
        }
    }

    private static void WriteCsv(string path, List<string> header, IEnumerable<string?[]> rows, Func<string, string?, string?> convert)
    {
        using var file = File.Create(path);
        using var csv = new CsvRowWriter(file, leaveOpen: false);
        csv.Row(header);
        foreach (var row in rows)
        {
            for (var i = 0; i < header.Count; i++)
            {
                csv.Field(convert(header[i], i < row.Length ? row[i] : null));
            }

            csv.EndRow();
        }
    }
}
