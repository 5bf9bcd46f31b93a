using System.IO.Compression;
using System.Xml.Linq;
using GiamNgheo.Application.Imports;
using GiamNgheo.Application.Interchange;
using GiamNgheo.Application.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace GiamNgheo.Application.Tests.Imports;

public class ImportTemplateTests
{
    private static readonly XNamespace Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static readonly XNamespace R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    private static (Dictionary<string, XDocument> Sheets, XDocument Workbook) Open(byte[] bytes)
    {
        using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        XDocument Load(string path)
        {
            using var stream = zip.GetEntry(path)!.Open();
            return XDocument.Load(stream);
        }

        var workbook = Load("xl/workbook.xml");
        var rels = Load("xl/_rels/workbook.xml.rels");
        var sheets = new Dictionary<string, XDocument>();
        foreach (var sheet in workbook.Descendants(Main + "sheet"))
        {
            var id = (string)sheet.Attribute(R + "id")!;
            var target = (string)rels.Root!.Elements().First(e => (string?)e.Attribute("Id") == id).Attribute("Target")!;
            sheets[(string)sheet.Attribute("name")!] = Load(target.StartsWith('/') ? target[1..] : "xl/" + target);
        }

        return (sheets, workbook);
    }

    private static byte[] Template()
    {
        using var stream = new MemoryStream();
        ImportTemplates.WriteWorkbook(stream);
        return stream.ToArray();
    }

    private static Dictionary<string, XElement> Validations(XDocument sheet) =>
        sheet.Descendants(Main + "dataValidation").ToDictionary(v => (string)v.Attribute("sqref")!, v => v);

    [Fact]
    public void WriteWorkbook_CodedColumns_HaveDataValidationLists()
    {
        var (sheets, workbook) = Open(Template());

        var households = Validations(sheets[InterchangeTableReader.HouseholdSheet]);
        Assert.Equal("list", (string)households["F2:F1048576"].Attribute("type")!); // area
        Assert.Equal("'Danh mục'!$A$2:$A$3", households["F2:F1048576"].Element(Main + "formula1")!.Value);
        Assert.Equal("\"0,1\"", households["K2:K1048576"].Element(Main + "formula1")!.Value); // employment indicator (after b1_score, b1_score_table)
        Assert.Equal("\"0,1\"", households["AD2:AD1048576"].Element(Main + "formula1")!.Value); // ethnic_minority flag
        Assert.Equal("whole", (string)households["G2:G1048576"].Attribute("type")!); // review_year
        Assert.DoesNotContain("A2:A1048576", households.Keys); // household_code is free text
        var members = Validations(sheets[InterchangeTableReader.MemberSheet]);
        Assert.Equal("'Danh mục'!$B$2:$B$3", members["C2:C1048576"].Element(Main + "formula1")!.Value); // sex
        Assert.Equal("'Danh mục'!$D$2:$D$55", members["E2:E1048576"].Element(Main + "formula1")!.Value); // ethnicity 01–54
        Assert.StartsWith("'Danh mục'!$C$2:", members["F2:F1048576"].Element(Main + "formula1")!.Value, StringComparison.Ordinal); // relation
        Assert.Equal("\"0,1\"", members["H2:H1048576"].Element(Main + "formula1")!.Value); // health_insurance

        // Schema order: dataValidations after sheetData, before pageMargins.
        foreach (var sheet in new[] { sheets[InterchangeTableReader.HouseholdSheet], sheets[InterchangeTableReader.MemberSheet] })
        {
            var names = sheet.Root!.Elements().Select(e => e.Name.LocalName).ToList();
            var at = names.IndexOf("dataValidations");
            Assert.True(at > names.IndexOf("sheetData"), string.Join(",", names));
            Assert.True(names.IndexOf("pageMargins") is -1 || names.IndexOf("pageMargins") > at, string.Join(",", names));
            Assert.Equal(sheet.Descendants(Main + "dataValidation").Count(), (int)sheet.Descendants(Main + "dataValidations").Single().Attribute("count")!);
        }

        var lists = workbook.Descendants(Main + "sheet").Single(s => (string)s.Attribute("name")! == ImportTemplates.ListsSheet);
        Assert.Equal("hidden", (string?)lists.Attribute("state"));
        var ethnicity = MiniExcelLibs.MiniExcel.Query(new MemoryStream(Template()), useHeaderRow: true, sheetName: ImportTemplates.ListsSheet)
            .Cast<IDictionary<string, object?>>().Select(r => r["ethnicity_code"]?.ToString()).Where(v => v is not null).ToList();
        Assert.Equal(54, ethnicity.Count);
        Assert.Equal("01", ethnicity[0]);
    }

    [Fact]
    public async Task Import_EmptyTemplate_ZeroRowsWithClearMessage()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        using var files = new ImportFiles();
        var path = files.PathOf("template.xlsx");
        await File.WriteAllBytesAsync(path, Template());

        var result = await db.RunAsync(sp => sp.GetRequiredService<HouseholdImporter>().ImportAsync(ImportRequest.Workbook(path), null, default));

        Assert.False(result.Succeeded);
        Assert.Contains("không có dòng hộ gia đình nào", result.FileError, StringComparison.Ordinal);
    }
}
