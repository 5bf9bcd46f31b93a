using GiamNgheo.Application.Imports;
using GiamNgheo.Application.Persistence;
using GiamNgheo.Application.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace GiamNgheo.Application.Tests.Imports;

public class KoboImportTests
{
    [Fact]
    public void XlsForm_HasSurveyWithMembersRepeatChoicesAndSettings()
    {
        using var stream = new MemoryStream();
        KoboForm.WriteXlsForm(stream);

        stream.Position = 0;
        Assert.Equal(["survey", "choices", "settings"], MiniExcel.GetSheetNames(stream));
        var survey = MiniExcel.Query(stream, useHeaderRow: true, sheetName: "survey").Cast<IDictionary<string, object?>>().ToList();
        Assert.Contains(survey, r => (string?)r["type"] == "begin_repeat" && (string?)r["name"] == "members");
        Assert.Contains(survey, r => (string?)r["name"] == "personal_id" && ((string?)r["constraint"])!.Contains("[0-9]{12}", StringComparison.Ordinal));
        Assert.Contains(survey, r => (string?)r["name"] == "date_of_birth" && (string?)r["label"] == "Ngày sinh");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_KoboExport_JoinsRepeatSheetByParentIndex(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        using var files = new ImportFiles();
        var path = files.PathOf("kobo.xlsx");
        var main = new[]
        {
            new Dictionary<string, object?>
            {
                ["start"] = "2025-09-01T08:00:00", ["household_code"] = "K-1", ["commune_code"] = "03158", ["village"] = "Bản Kobo",
                ["address"] = "", ["head_name"] = "Sùng A Páo", ["area"] = "rural", ["review_year"] = 2025, ["income"] = 650000,
                ["employment"] = "1", ["water"] = "0", ["causes"] = "capital skills", ["needs"] = "credit", ["_id"] = 101, ["_index"] = 1,
            },
            new Dictionary<string, object?>
            {
                ["start"] = "2025-09-01T09:00:00", ["household_code"] = "K-2", ["commune_code"] = "03158", ["village"] = "Bản Kobo",
                ["address"] = "", ["head_name"] = "Sùng Thị Dua", ["area"] = "rural", ["review_year"] = 2025, ["income"] = 2900000,
                ["employment"] = "0", ["water"] = "0", ["causes"] = "", ["needs"] = "", ["_id"] = 102, ["_index"] = 2,
            },
        };
        Dictionary<string, object?> Member(string name, string sex, DateTime dob, string relation, int parent) => new()
        {
            ["members/full_name"] = name, ["members/sex"] = sex, ["members/date_of_birth"] = dob, ["members/ethnicity_code"] = "04",
            ["members/relation_to_head"] = relation, ["members/personal_id"] = "", ["members/health_insurance"] = "1",
            ["_index"] = 0, ["_parent_table_name"] = "Rà soát hộ gia đình", ["_parent_index"] = parent,
        };
        var members = new[]
        {
            Member("Sùng A Páo", "male", new DateTime(1980, 2, 2), "head", 1),
            Member("Sùng Thị Mai", "female", new DateTime(2016, 5, 5), "child", 1),
            Member("Sùng Thị Dua", "female", new DateTime(1975, 1, 1), "head", 2),
        };
        MiniExcel.SaveAs(path, new Dictionary<string, object> { ["Rà soát hộ gia đình"] = main, ["members"] = members });

        var result = await db.RunAsync(sp => sp.GetRequiredService<HouseholdImporter>().ImportAsync(ImportRequest.Kobo(path), null, default));

        Assert.True(result.Succeeded, result.FileError ?? string.Join("\n", result.Problems));
        Assert.Equal((2, 3), (result.Households, result.Members));
        await db.RunAsync(async sp =>
        {
            var c = sp.GetRequiredService<AppDbContext>();
            var k1 = await c.Households.Include(h => h.Members).SingleAsync(h => h.Code == "K-1");
            Assert.Equal(2, k1.Members.Count);
            var survey = await c.HouseholdSurveys.SingleAsync(s => s.HouseholdId == k1.Id);
            Assert.Equal(Application.Interchange.PovertyCauses.Capital | Application.Interchange.PovertyCauses.Skills, survey.Causes);
            return 0;
        });
    }
}
