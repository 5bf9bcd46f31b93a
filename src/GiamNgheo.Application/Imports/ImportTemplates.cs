using System.Globalization;
using System.IO.Compression;
using System.Xml.Linq;
using GiamNgheo.Application.Interchange;
using GiamNgheo.Domain.Common;
using GiamNgheo.Domain.Households;
using MiniExcelLibs;

namespace GiamNgheo.Application.Imports;

/// <summary>
/// Empty templates of the interchange format: a workbook with the sheets "Hộ gia đình" and "Thành viên" (header row
/// of English codes; Vietnamese headers are accepted too) and a "Ghi chú" sheet listing every column with its allowed
/// values, with data-validation lists on the coded columns (drop-downs fed by the hidden sheet "Danh mục", 0/1 on the
/// indicator and flag columns, whole numbers on year and income); or the two CSV header files.
/// </summary>
public static class ImportTemplates
{
    public const string NotesSheet = "Ghi chú";

    /// <summary>The hidden sheet holding the drop-down lists (one column per list, header in row 1).</summary>
    public const string ListsSheet = "Danh mục";

    /// <summary>Last row the validations cover (Excel's last row).</summary>
    public const int LastRow = 1_048_576;

    private static readonly XNamespace Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static readonly XNamespace Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static readonly XNamespace PackageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships";

    /// <summary>The lists of the hidden sheet, by sheet and column code: codes as text (ethnicity "01" stays "01").</summary>
    public static IReadOnlyList<(string Sheet, string Column, IReadOnlyList<string> Values)> Lists { get; } =
    [
        (InterchangeTableReader.HouseholdSheet, HouseholdColumns.Area, [.. Enum.GetValues<AreaType>().Select(v => v.ToCode())]),
        (InterchangeTableReader.MemberSheet, MemberColumns.Sex, [.. Enum.GetValues<Sex>().Select(v => v.ToCode())]),
        (InterchangeTableReader.MemberSheet, MemberColumns.RelationToHead, [.. Enum.GetValues<RelationToHead>().Select(v => v.ToCode())]),
        (InterchangeTableReader.MemberSheet, MemberColumns.EthnicityCode, [.. Enumerable.Range(1, 54).Select(n => n.ToString("00", CultureInfo.InvariantCulture))]),
        (InterchangeTableReader.MemberSheet, MemberColumns.Education, [.. Enum.GetValues<EducationLevel>().Select(v => v.ToCode())]),
        (InterchangeTableReader.MemberSheet, MemberColumns.Disability, [.. Enum.GetValues<Disability>().Select(v => v.ToCode())]),
        (InterchangeTableReader.MemberSheet, MemberColumns.Employment, [.. Enum.GetValues<Employment>().Select(v => v.ToCode())]),
    ];

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
            [ListsSheet] = ListRows(),
        };
        using var buffer = new MemoryStream();
        MiniExcel.SaveAs(buffer, sheets, excelType: ExcelType.XLSX);
        AddValidations(buffer);
        buffer.Position = 0;
        buffer.CopyTo(stream);
    }

    /// <summary>Column letters of a 0-based index (0 → A, 26 → AA).</summary>
    public static string ColumnLetters(int index)
    {
        var letters = string.Empty;
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            letters = (char)('A' + ((n - 1) % 26)) + letters;
        }

        return letters;
    }

    private static IEnumerable<Dictionary<string, object?>> ListRows()
    {
        var longest = Lists.Max(l => l.Values.Count);
        for (var row = 0; row < longest; row++)
        {
            var values = new Dictionary<string, object?>();
            foreach (var (_, column, list) in Lists)
            {
                values[column] = row < list.Count ? list[row] : null;
            }

            yield return values;
        }
    }

    /// <summary>The data validations of a sheet: (column code, dataValidation element without sqref).</summary>
    private static IEnumerable<(string Column, XElement Validation)> ValidationsOf(string sheet, IReadOnlyList<InterchangeColumn> columns)
    {
        foreach (var column in columns)
        {
            var list = Lists.Select((l, i) => (l.Sheet, l.Column, Index: i)).FirstOrDefault(l => l.Sheet == sheet && l.Column == column.Code);
            if (list.Column is not null)
            {
                var letter = ColumnLetters(list.Index);
                var count = Lists[list.Index].Values.Count;
                yield return (column.Code, Validation("list", $"'{ListsSheet}'!${letter}$2:${letter}${count + 1}",
                    "Chọn một mã trong danh sách (xem trang Ghi chú)."));
            }
            else if (sheet == InterchangeTableReader.MemberSheet
                ? column.Code is MemberColumns.HealthInsurance or MemberColumns.InSchool
                : HouseholdColumns.IndicatorIndex(column.Code) >= 0 || HouseholdColumns.Flags.Any(f => f.Column.Code == column.Code))
            {
                yield return (column.Code, Validation("list", "\"0,1\"", "Chỉ nhập 0 hoặc 1 (hoặc để trống)."));
            }
            else if (sheet == InterchangeTableReader.MemberSheet)
            {
                continue;
            }
            else if (column.Code is HouseholdColumns.ReviewYear)
            {
                yield return (column.Code, Validation("whole", "2000", "Năm rà soát: số nguyên từ 2000 đến 2100.", "2100"));
            }
            else if (column.Code is HouseholdColumns.Income or HouseholdColumns.B1Score)
            {
                yield return (column.Code, Validation("whole", "0", "Số nguyên không âm.", null, "greaterThanOrEqual"));
            }
        }
    }

    private static XElement Validation(string type, string formula1, string error, string? formula2 = null, string? op = null)
    {
        var element = new XElement(Main + "dataValidation",
            new XAttribute("type", type),
            op is null ? null : new XAttribute("operator", op),
            new XAttribute("allowBlank", "1"),
            new XAttribute("showErrorMessage", "1"),
            new XAttribute("errorTitle", "Giá trị không hợp lệ"),
            new XAttribute("error", error),
            new XElement(Main + "formula1", formula1));
        if (formula2 is not null)
        {
            element.Add(new XElement(Main + "formula2", formula2));
        }

        return element;
    }

    /// <summary>Elements of a worksheet that come before dataValidations (ECMA-376 CT_Worksheet order).</summary>
    private static readonly string[] BeforeValidations =
    [
        "sheetPr", "dimension", "sheetViews", "sheetFormatPr", "cols", "sheetData", "sheetCalcPr", "sheetProtection", "protectedRanges",
        "scenarios", "autoFilter", "sortState", "dataConsolidate", "customSheetViews", "mergeCells", "phoneticPr", "conditionalFormatting",
    ];

    /// <summary>
    /// MiniExcel writes no data validation: this opens the saved package, hides the lists sheet and inserts a
    /// <c>dataValidations</c> element into the two data sheets at its schema position.
    /// </summary>
    private static void AddValidations(MemoryStream package)
    {
        using var zip = new ZipArchive(package, ZipArchiveMode.Update, leaveOpen: true);
        var workbookEntry = zip.GetEntry("xl/workbook.xml")!;
        var workbook = Load(workbookEntry);
        var rels = Load(zip.GetEntry("xl/_rels/workbook.xml.rels")!);
        var paths = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var sheet in workbook.Descendants(Main + "sheet"))
        {
            var name = (string)sheet.Attribute("name")!;
            var id = (string)sheet.Attribute(Relationships + "id")!;
            var target = (string)rels.Descendants(PackageRelationships + "Relationship").First(r => (string?)r.Attribute("Id") == id).Attribute("Target")!;
            paths[name] = target.StartsWith('/') ? target[1..] : "xl/" + target;
            if (name == ListsSheet)
            {
                sheet.SetAttributeValue("state", "hidden");
            }
        }

        Save(workbookEntry, workbook);
        foreach (var (sheetName, columns) in new[] { (InterchangeTableReader.HouseholdSheet, HouseholdColumns.All), (InterchangeTableReader.MemberSheet, MemberColumns.All) })
        {
            var entry = zip.GetEntry(paths[sheetName])!;
            var xml = Load(entry);
            var validations = ValidationsOf(sheetName, columns).Select(v =>
            {
                var letter = ColumnLetters(columns.Select((c, i) => (c, i)).First(c => c.c.Code == v.Column).i);
                v.Validation.SetAttributeValue("sqref", string.Create(CultureInfo.InvariantCulture, $"{letter}2:{letter}{LastRow}"));
                return v.Validation;
            }).ToList();
            var element = new XElement(Main + "dataValidations", new XAttribute("count", validations.Count), validations);
            var root = xml.Root!;
            var anchor = root.Elements().LastOrDefault(e => e.Name.Namespace == Main && BeforeValidations.Contains(e.Name.LocalName));
            if (anchor is null)
            {
                root.AddFirst(element);
            }
            else
            {
                anchor.AddAfterSelf(element);
            }

            Save(entry, xml);
        }
    }

    private static XDocument Load(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        return XDocument.Load(stream);
    }

    private static void Save(ZipArchiveEntry entry, XDocument xml)
    {
        using var stream = entry.Open();
        stream.SetLength(0);
        xml.Save(stream, SaveOptions.DisableFormatting);
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
                HouseholdColumns.B1ScoreTable => string.Join(" | ", Domain.Standards.ScoreTables.Known.Select(t => $"{t} ({Domain.Standards.ScoreTables.NameVi(t)})"))
                    + $" | trống = theo năm rà soát (từ {Domain.Standards.ScoreTables.FirstTt07ReviewYear}: {Domain.Standards.ScoreTables.Tt07Of2021})",
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
