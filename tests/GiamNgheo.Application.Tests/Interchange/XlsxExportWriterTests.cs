using System.IO.Compression;
using System.Xml.Linq;
using GiamNgheo.Application.Imports;
using GiamNgheo.Application.Interchange;
using GiamNgheo.Domain.Common;
using GiamNgheo.Domain.Households;
using MiniExcelLibs;

namespace GiamNgheo.Application.Tests.Interchange;

/// <summary>The streaming XLSX writer of the interchange workbook: read back by MiniExcel and by the importer's reader.</summary>
public class XlsxExportWriterTests
{
    private static readonly DateOnly Today = new(2026, 11, 20);

    private static HouseholdRow Household(string code, string address = "Bản Na Hu") => new()
    {
        HouseholdCode = code,
        CommuneCode = "03158",
        Village = "Bản Nậm Khum",
        Address = address,
        HeadName = "Lò Văn Ước",
        Area = AreaType.Rural,
        ReviewYear = 2025,
        Income = 1_250_000,
        Indicators = IndicatorAnswers.None.With("water", true).With("telecom", false),
        Causes = PovertyCauses.Capital | PovertyCauses.Skills,
        Needs = SupportNeeds.Credit,
        Flags = SpecialGroups.EthnicMinority | SpecialGroups.FemaleHead,
    };

    private static MemberRow Member(string household, int i, RelationToHead relation = RelationToHead.Child) => new()
    {
        HouseholdCode = household,
        FullName = $"Giàng Thị Mỷ {i}",
        Sex = Sex.Female,
        DateOfBirth = new DateOnly(2001, 1, 1).AddDays(i),
        EthnicityCode = "04",
        RelationToHead = relation,
        PersonalId = i % 2 == 0 ? string.Empty : $"0113010{i:00000}",
        HealthInsurance = i % 3 == 0,
        Education = EducationLevel.Primary,
        Schooling = i % 2 == 0 ? Schooling.InSchool : Schooling.NotInSchool,
        Disability = Disability.None,
        Employment = Employment.SelfEmployed,
    };

    private static byte[] Write(IEnumerable<HouseholdRow> households, IEnumerable<MemberRow> members, int maxDataRows = XlsxStreamWriter.MaxRows - 1)
    {
        using var stream = new MemoryStream();
        using (var writer = new InterchangeWorkbookWriter(stream, InterchangeHeader.Codes, leaveOpen: true, maxDataRows))
        {
            foreach (var h in households)
            {
                writer.Write(h);
            }

            foreach (var m in members)
            {
                writer.Write(m);
            }

            writer.Complete();
        }

        return stream.ToArray();
    }

    private static (List<ParsedHousehold> Households, List<ParsedMember> Members, List<InterchangeProblem> Problems) Read(byte[] workbook)
    {
        var problems = new List<InterchangeProblem>();
        using var h = new MemoryStream(workbook);
        var households = InterchangeTableReader.ReadXlsx(h, InterchangeTableReader.HouseholdSheet, HouseholdColumns.All, InterchangeTableReader.RequiredHouseholdColumns, problems)
            .Select(r => ImportRowParser.ParseHousehold(r, InterchangeTableReader.HouseholdSheet, Today, problems)).OfType<ParsedHousehold>().ToList();
        using var m = new MemoryStream(workbook);
        var members = InterchangeTableReader.ReadXlsx(m, InterchangeTableReader.MemberSheet, MemberColumns.All, InterchangeTableReader.RequiredMemberColumns, problems)
            .Select(r => ImportRowParser.ParseMember(r, InterchangeTableReader.MemberSheet, Today, problems)).OfType<ParsedMember>().ToList();
        return (households, members, problems);
    }

    [Fact]
    public void Write_HouseholdsAndMembers_ReadBackEqual()
    {
        HouseholdRow[] households =
        [
            Household("03158-000001"),
            Household("03158-000002", address: string.Empty) with { Income = null, B1Score = 42, B1ScoreTable = "TT07_2021", Indicators = IndicatorAnswers.None, Causes = PovertyCauses.None, Needs = SupportNeeds.None, Flags = SpecialGroups.None },
        ];
        MemberRow[] members = [Member("03158-000001", 1, RelationToHead.Head), Member("03158-000001", 2), Member("03158-000002", 3, RelationToHead.Head)];

        var (readHouseholds, readMembers, problems) = Read(Write(households, members));

        Assert.Empty(problems);
        Assert.Equal(households, readHouseholds.Select(h => h.Value));
        Assert.Equal(members, readMembers.Select(m => m.Value));
        Assert.Equal([2L, 3L], readHouseholds.Select(h => h.Row));
        Assert.All(readMembers, m => Assert.Null(m.Sheet));
    }

    [Fact]
    public void Write_Cells_CodesAsTextNumbersAsNumbersEmptyLeftOut()
    {
        var workbook = Write([Household("03158-000001") with { B1Score = null }], [Member("03158-000001", 4, RelationToHead.Head)]);

        using var stream = new MemoryStream(workbook);
        Assert.Equal([InterchangeTableReader.HouseholdSheet, InterchangeTableReader.MemberSheet], MiniExcel.GetSheetNames(stream));
        stream.Position = 0;
        var h = (IDictionary<string, object?>)MiniExcel.Query(stream, useHeaderRow: true, sheetName: InterchangeTableReader.HouseholdSheet).Single();
        Assert.Equal("03158", h[HouseholdColumns.CommuneCode]);
        Assert.Equal("Lò Văn Ước", h[HouseholdColumns.HeadName]);
        Assert.Equal(2025d, h[HouseholdColumns.ReviewYear]);
        Assert.Equal(1_250_000d, h[HouseholdColumns.Income]);
        Assert.Null(h[HouseholdColumns.B1Score]);
        Assert.Equal(1d, h["water"]);
        Assert.Equal(0d, h["telecom"]);
        Assert.Null(h["employment"]);
        Assert.Equal("capital;skills", h[HouseholdColumns.Causes]);
        stream.Position = 0;
        var m = (IDictionary<string, object?>)MiniExcel.Query(stream, useHeaderRow: true, sheetName: InterchangeTableReader.MemberSheet).Single();
        Assert.Equal("04", m[MemberColumns.EthnicityCode]);
        Assert.Equal("2001-01-05", m[MemberColumns.DateOfBirth]);
        Assert.Null(m[MemberColumns.PersonalId]);
        Assert.Equal(1d, m[MemberColumns.InSchool]);
    }

    [Theory]
    [InlineData("Nhà số 5 & 7 <bản> \"Nậm\" 'Khum' > cũ")]
    [InlineData("Dòng một\ndòng hai\r\nhai\tcột")]
    [InlineData("  có khoảng trắng đầu và cuối  ")]
    [InlineData("ký tự điều khiển \u0001\u0008\u000B\u000C\u001F và \uFFFE")]
    [InlineData("_x0041_ giữ nguyên, _x00_ và _xZZZZ_")]
    [InlineData("]]> <![CDATA[ &amp;")]
    public void Write_XmlSpecialCharacters_ReadBackUnchanged(string address)
    {
        var workbook = Write([Household("03158-000001", address)], [Member("03158-000001", 1, RelationToHead.Head)]);

        var (households, _, problems) = Read(workbook);

        Assert.Empty(problems);
        Assert.Equal(address.Trim(), households.Single().Value.Address); // the importer trims fields
        using var stream = new MemoryStream(workbook);
        var row = (IDictionary<string, object?>)MiniExcel.Query(stream, useHeaderRow: true, sheetName: InterchangeTableReader.HouseholdSheet).Single();
        Assert.Equal(address, row[HouseholdColumns.Address]);
    }

    [Fact]
    public void Write_PastTheSheetLimit_ContinuesInNumberedSheetsReadAsOneTable()
    {
        var households = Enumerable.Range(1, 4).Select(i => Household($"03158-{i:000000}")).ToList();
        var members = households.SelectMany((h, i) => Enumerable.Range(0, 3).Select(k => Member(h.HouseholdCode, (i * 3) + k, k == 0 ? RelationToHead.Head : RelationToHead.Child))).ToList();

        var workbook = Write(households, members, maxDataRows: 5);

        using (var stream = new MemoryStream(workbook))
        {
            Assert.Equal(["Hộ gia đình", "Thành viên", "Thành viên (2)", "Thành viên (3)"], MiniExcel.GetSheetNames(stream));
        }

        var (readHouseholds, readMembers, problems) = Read(workbook);
        Assert.Empty(problems);
        Assert.Equal(households, readHouseholds.Select(h => h.Value));
        Assert.Equal(members, readMembers.Select(m => m.Value));
        Assert.Equal(
            [(null, 2L), (null, 3L), (null, 4L), (null, 5L), (null, 6L), ("Thành viên (2)", 2L), ("Thành viên (2)", 3L), ("Thành viên (2)", 4L),
                ("Thành viên (2)", 5L), ("Thành viên (2)", 6L), ("Thành viên (3)", 2L), ("Thành viên (3)", 3L)],
            readMembers.Select(m => (m.Sheet, m.Row)));
    }

    [Fact]
    public void Write_HouseholdsPastTheSheetLimit_ContinueToo()
    {
        var households = Enumerable.Range(1, 5).Select(i => Household($"03158-{i:000000}")).ToList();
        var members = households.Select((h, i) => Member(h.HouseholdCode, i, RelationToHead.Head)).ToList();

        var (readHouseholds, readMembers, problems) = Read(Write(households, members, maxDataRows: 2));

        Assert.Empty(problems);
        Assert.Equal(households, readHouseholds.Select(h => h.Value));
        Assert.Equal(members, readMembers.Select(m => m.Value));
        Assert.Equal([null, null, "Hộ gia đình (2)", "Hộ gia đình (2)", "Hộ gia đình (3)"], readHouseholds.Select(h => h.Sheet));
    }

    [Fact]
    public void Write_Package_HasTheOpenXmlPartsAndWellFormedXml()
    {
        var workbook = Write([Household("03158-000001")], [Member("03158-000001", 1, RelationToHead.Head), Member("03158-000001", 2)], maxDataRows: 1);

        using var zip = new ZipArchive(new MemoryStream(workbook), ZipArchiveMode.Read);
        var parts = zip.Entries.Select(e => e.FullName).ToHashSet();
        XDocument Load(string path)
        {
            using var s = zip.GetEntry(path)!.Open();
            return XDocument.Load(s);
        }

        foreach (var part in new[] { "[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml" })
        {
            Assert.Contains(part, parts);
        }

        XNamespace ct = "http://schemas.openxmlformats.org/package/2006/content-types";
        XNamespace main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        XNamespace r = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        XNamespace rels = "http://schemas.openxmlformats.org/package/2006/relationships";
        var overrides = Load("[Content_Types].xml").Root!.Elements(ct + "Override").ToDictionary(e => (string)e.Attribute("PartName")!, e => (string)e.Attribute("ContentType")!);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", overrides["/xl/workbook.xml"]);
        var targets = Load("xl/_rels/workbook.xml.rels").Root!.Elements(rels + "Relationship").ToDictionary(e => (string)e.Attribute("Id")!, e => (string)e.Attribute("Target")!);
        var sheets = Load("xl/workbook.xml").Root!.Element(main + "sheets")!.Elements(main + "sheet").ToList();
        Assert.Equal(["Hộ gia đình", "Thành viên", "Thành viên (2)"], sheets.Select(s => (string)s.Attribute("name")!));
        foreach (var sheet in sheets)
        {
            var path = "xl/" + targets[(string)sheet.Attribute(r + "id")!];
            Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml", overrides["/" + path]);
            var rows = Load(path).Root!.Element(main + "sheetData")!.Elements(main + "row").ToList();
            Assert.All(rows.SelectMany(x => x.Elements(main + "c")), c => Assert.Null(c.Attribute("r")));
            Assert.Equal(Enumerable.Range(1, rows.Count).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), rows.Select(x => (string)x.Attribute("r")!));
        }
    }
}
