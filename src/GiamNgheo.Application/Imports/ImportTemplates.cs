using GiamNgheo.Application.Interchange;
using GiamNgheo.Domain.Common;
using GiamNgheo.Domain.Households;
using MiniExcelLibs;

namespace GiamNgheo.Application.Imports;

/// <summary>
/// Empty templates of the interchange format: a workbook with the sheets "Hộ gia đình" and "Thành viên" (header row
/// of English codes; Vietnamese headers are accepted too) and a "Ghi chú" sheet listing every column with its allowed
/// values; or the two CSV header files.
/// </summary>
public static class ImportTemplates
{
    public const string NotesSheet = "Ghi chú";

    public static void WriteHouseholdsCsv(Stream stream)
    {
        using var writer = new HouseholdCsvWriter(stream, InterchangeHeader.Codes, leaveOpen: true);
    }

    public static void WriteMembersCsv(Stream stream)
    {
        using var writer = new MemberCsvWriter(stream, InterchangeHeader.Codes, leaveOpen: true);
    }

    public static void WriteWorkbook(Stream stream)
    {
        var sheets = new Dictionary<string, object>
        {
            [InterchangeTableReader.HouseholdSheet] = new[] { HouseholdColumns.All.ToDictionary(c => c.Code, _ => (object?)null) },
            [InterchangeTableReader.MemberSheet] = new[] { MemberColumns.All.ToDictionary(c => c.Code, _ => (object?)null) },
            [NotesSheet] = Notes(),
        };
        MiniExcel.SaveAs(stream, sheets, excelType: ExcelType.XLSX);
    }

    /// <summary>One row per column: sheet, code, Vietnamese header, allowed values.</summary>
    public static IEnumerable<Dictionary<string, object?>> Notes()
    {
        static Dictionary<string, object?> Row(string sheet, InterchangeColumn column, string values) => new()
        {
            ["Trang tính / sheet"] = sheet,
            ["Mã cột / code"] = column.Code,
            ["Tiêu đề tiếng Việt"] = column.HeaderVi,
            ["Giá trị / values"] = values,
        };

        string List<T>(Func<T, string> code, Func<T, string> vi) where T : struct, Enum =>
            string.Join(" | ", Enum.GetValues<T>().Select(v => $"{code(v)} ({vi(v)})"));

        foreach (var column in HouseholdColumns.All)
        {
            var values = column.Code switch
            {
                HouseholdColumns.HouseholdCode => "duy nhất trong tệp / unique",
                HouseholdColumns.CommuneCode => "5 chữ số (QĐ 19/2025/QĐ-TTg)",
                HouseholdColumns.Area => List<AreaType>(a => a.ToCode(), a => a.ToVietnamese()),
                HouseholdColumns.ReviewYear => "yyyy",
                HouseholdColumns.Income => "đồng/người/tháng, số nguyên",
                HouseholdColumns.B1Score => "số nguyên",
                HouseholdColumns.Causes => string.Join(" | ", HouseholdCodes.AllCauses.Select(c => $"{c.ToCode()} ({c.ToVietnamese()})")) + "; nối bằng ;",
                HouseholdColumns.Needs => string.Join(" | ", HouseholdCodes.AllNeeds.Select(c => $"{c.ToCode()} ({c.ToVietnamese()})")) + "; nối bằng ;",
                _ when HouseholdColumns.IndicatorIndex(column.Code) >= 0 || HouseholdColumns.Flags.Any(f => f.Column.Code == column.Code) => "0 | 1 | trống",
                _ => "văn bản / text",
            };
            yield return Row(InterchangeTableReader.HouseholdSheet, column, values);
        }

        foreach (var column in MemberColumns.All)
        {
            var values = column.Code switch
            {
                MemberColumns.HouseholdCode => "phải có trong trang Hộ gia đình",
                MemberColumns.Sex => List<Sex>(v => v.ToCode(), v => v.ToVietnamese()),
                MemberColumns.DateOfBirth => "yyyy-MM-dd",
                MemberColumns.EthnicityCode => "01–54 (01 = Kinh)",
                MemberColumns.RelationToHead => List<RelationToHead>(v => v.ToCode(), v => v.ToVietnamese()),
                MemberColumns.PersonalId => "12 chữ số, nhập dạng văn bản",
                MemberColumns.HealthInsurance => "0 | 1",
                MemberColumns.Education => List<EducationLevel>(v => v.ToCode(), v => v.ToVietnamese()),
                MemberColumns.InSchool => "0 | 1",
                MemberColumns.Disability => List<Disability>(v => v.ToCode(), v => v.ToVietnamese()),
                MemberColumns.Employment => List<Employment>(v => v.ToCode(), v => v.ToVietnamese()),
                _ => "văn bản / text",
            };
            yield return Row(InterchangeTableReader.MemberSheet, column, values);
        }
    }
}
