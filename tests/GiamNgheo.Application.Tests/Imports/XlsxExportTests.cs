using System.Text;
using GiamNgheo.Application.Exports;
using GiamNgheo.Application.Imports;
using GiamNgheo.Application.Interchange;
using GiamNgheo.Application.Persistence;
using GiamNgheo.Application.Tests.Infrastructure;
using GiamNgheo.Domain.Classification;
using GiamNgheo.Domain.Common;
using GiamNgheo.Domain.Households;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace GiamNgheo.Application.Tests.Imports;

/// <summary>The XLSX export past an Excel sheet (a small sheet limit injected) and its import back.</summary>
public class XlsxExportTests
{
    private static Task<ImportResult> Import(TestDatabase db, ImportRequest request) =>
        db.RunAsync(sp => sp.GetRequiredService<HouseholdImporter>().ImportAsync(request, null, default));

    private static async Task<(string Households, string Members)> ExportCsv(TestDatabase db, HouseholdCategory? category = null)
    {
        using var h = new MemoryStream();
        using var m = new MemoryStream();
        var result = await db.RunAsync(sp => sp.GetRequiredService<HouseholdExporter>().ExportCsvAsync(new ExportRequest { UnitCode = "11", Category = category }, h, m, default));
        Assert.Equal(ResultStatus.Ok, result.Status);
        return (Encoding.UTF8.GetString(h.ToArray()), Encoding.UTF8.GetString(m.ToArray()));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ExportXlsx_PastTheSheetLimit_ContinuationSheetsImportBackEqual(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        using var files = await ImportFiles.GenerateAsync(households: 40);
        Assert.True((await Import(db, ImportFiles.Request(files))).Succeeded);
        var workbook = files.PathOf("export.xlsx");
        ExportSummary summary;
        await using (var stream = File.Create(workbook))
        {
            var result = await db.RunAsync(sp =>
            {
                var exporter = sp.GetRequiredService<HouseholdExporter>();
                exporter.SheetRows = 30;
                return exporter.ExportXlsxAsync(new ExportRequest { UnitCode = "11" }, stream, default);
            });
            summary = result.Value!;
        }

        Assert.Equal(40, summary.Households);
        var memberSheets = (int)((summary.Members + 29) / 30);
        Assert.True(memberSheets >= 3, $"{summary.Members} members make at least three sheets of 30");
        await using (var stream = File.OpenRead(workbook))
        {
            Assert.Equal(
                ["Hộ gia đình", "Hộ gia đình (2)", "Thành viên", .. Enumerable.Range(2, memberSheets - 1).Select(i => $"Thành viên ({i})")],
                MiniExcel.GetSheetNames(stream));
        }

        await using var fresh = await TestDatabase.CreateAsync(provider);
        var imported = await Import(fresh, ImportRequest.Workbook(workbook));

        Assert.True(imported.Succeeded, imported.FileError ?? string.Join("\n", imported.Problems));
        Assert.Equal((40, (int)summary.Members), (imported.Households, imported.Members));
        var exported = await ExportCsv(fresh);
        Assert.Equal(await ExportCsv(db), exported);
        Assert.Equal(await File.ReadAllTextAsync(files.Households), exported.Households);
        Assert.Equal(await File.ReadAllTextAsync(files.Members), exported.Members);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ExportCsv_ByCategory_OnlyThoseHouseholdsWithTheirMembers(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        using var files = await ImportFiles.GenerateAsync(households: 60);
        Assert.True((await Import(db, ImportFiles.Request(files))).Succeeded);
        var (allHouseholds, allMembers) = await ExportCsv(db);

        // Poor households are a few ids spread over the range (read by id list); the others nearly all of it (read as a range and filtered).
        foreach (var category in new[] { HouseholdCategory.Poor, HouseholdCategory.NotPoor })
        {
            var codes = await db.RunAsync(async sp => (await sp.GetRequiredService<AppDbContext>().HouseholdClassifications
                .Where(c => c.StandardCode == "ND07_2021" && c.Year == 2025 && c.Category == category)
                .Join(sp.GetRequiredService<AppDbContext>().Households, c => c.HouseholdId, h => h.Id, (c, h) => h.Code).ToListAsync()).ToHashSet());
            Assert.NotEmpty(codes);
            Assert.True(codes.Count < 60);

            var (households, members) = await ExportCsv(db, category);

            static string Only(string csv, HashSet<string> codes) =>
                string.Concat(csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where((l, i) => i == 0 || codes.Contains(l.Split(',')[0])).Select(l => l + "\n"));
            Assert.Equal(Only(allHouseholds, codes), households);
            Assert.Equal(Only(allMembers, codes), members);
        }
    }

    [Fact]
    public async Task Import_ProblemsInAContinuationSheet_NameThatSheetAndItsRow()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        using var files = new ImportFiles();
        var path = files.PathOf("w.xlsx");
        var household = new HouseholdRow
        {
            HouseholdCode = "H1", CommuneCode = "03158", Village = "Bản Na Hu", Address = "Bản Na Hu", HeadName = "Nguyễn Văn An",
            Area = AreaType.Rural, ReviewYear = 2025, Income = 1_200_000,
        };
        var head = new MemberRow
        {
            HouseholdCode = "H1", FullName = "Nguyễn Văn An", Sex = Sex.Male, DateOfBirth = new DateOnly(1985, 3, 14), EthnicityCode = "03",
            RelationToHead = RelationToHead.Head, PersonalId = "011085001234", HealthInsurance = true, Education = EducationLevel.LowerSecondary,
            Schooling = Schooling.NotInSchool, Disability = Disability.None, Employment = Employment.SelfEmployed,
        };
        await using (var stream = File.Create(path))
        using (var writer = new InterchangeWorkbookWriter(stream, InterchangeHeader.Codes, leaveOpen: false, maxDataRows: 2))
        {
            writer.Write(household);
            writer.Write(head);
            writer.Write(head with { FullName = "Nguyễn Thị Bình", Sex = Sex.Female, RelationToHead = RelationToHead.Child, PersonalId = string.Empty });
            writer.Write(head with { HouseholdCode = "H9", RelationToHead = RelationToHead.Child, PersonalId = string.Empty });
            writer.Write(head with { RelationToHead = RelationToHead.Child });
            writer.Complete();
        }

        var result = await Import(db, ImportRequest.Workbook(path));

        Assert.False(result.Succeeded);
        Assert.Contains(result.Problems, p => p is { File: "Thành viên (2)", Row: 2, Column: MemberColumns.HouseholdCode }
            && p.Reason.Contains("Không có hộ mã \"H9\"", StringComparison.Ordinal));
        Assert.Contains(result.Problems, p => p is { File: "Thành viên (2)", Row: 3, Column: MemberColumns.PersonalId }
            && p.Reason.Contains("dòng 2 của trang \"Thành viên\"", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Problems, p => p.File == "Thành viên");
    }
}
