using System.Text;
using GiamNgheo.Application.AdminUnits;
using GiamNgheo.Application.Exports;
using GiamNgheo.Application.Identity;
using GiamNgheo.Application.Imports;
using GiamNgheo.Application.Persistence;
using GiamNgheo.Application.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GiamNgheo.Application.Tests.Imports;

public class HouseholdImporterTests
{
    private static Task<ImportResult> Import(TestDatabase db, ImportRequest request) =>
        db.RunAsync(sp => sp.GetRequiredService<HouseholdImporter>().ImportAsync(request, null, default));

    private static Task<(int Households, int Members, int Surveys, int Classifications, int Audit, int Imports, int Villages)> Counts(TestDatabase db) =>
        db.RunAsync(async sp =>
        {
            var c = sp.GetRequiredService<AppDbContext>();
            return (await c.Households.CountAsync(), await c.Members.CountAsync(), await c.HouseholdSurveys.CountAsync(),
                await c.HouseholdClassifications.CountAsync(), await c.AuditRecords.CountAsync(), await c.ImportRecords.CountAsync(),
                await c.AdminUnits.CountAsync(u => u.Level == AdminLevel.Village));
        });

    private static async Task<(string Households, string Members)> ExportCsv(TestDatabase db, string unit = "11")
    {
        using var h = new MemoryStream();
        using var m = new MemoryStream();
        var result = await db.RunAsync(sp => sp.GetRequiredService<HouseholdExporter>().ExportCsvAsync(new ExportRequest { UnitCode = unit }, h, m, default));
        Assert.Equal(ResultStatus.Ok, result.Status);
        return (Encoding.UTF8.GetString(h.ToArray()), Encoding.UTF8.GetString(m.ToArray()));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_GeneratedProvince_ExportGivesBackTheSameFiles(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        using var files = await ImportFiles.GenerateAsync();

        var result = await Import(db, ImportFiles.Request(files));

        Assert.True(result.Succeeded, result.FileError ?? string.Join("\n", result.Problems));
        Assert.Equal(120, result.Created);
        var counts = await Counts(db);
        Assert.Equal(120, counts.Households);
        Assert.Equal(120, counts.Surveys);
        Assert.True(counts.Classifications >= 120, "every household is classified under the active standards");
        Assert.Equal(1, counts.Imports);
        var (households, members) = await ExportCsv(db);
        Assert.Equal(await File.ReadAllTextAsync(files.Households), households);
        Assert.Equal(await File.ReadAllTextAsync(files.Members), members);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_Workbook_SameHouseholdsAsTheCsvPair(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        using var files = await ImportFiles.GenerateAsync(households: 40);
        Assert.True((await Import(db, ImportFiles.Request(files))).Succeeded);
        var workbook = files.PathOf("export.xlsx");
        await using (var stream = File.Create(workbook))
        {
            var exported = await db.RunAsync(sp => sp.GetRequiredService<HouseholdExporter>().ExportXlsxAsync(new ExportRequest { UnitCode = "11" }, stream, default));
            Assert.Equal(40, exported.Value!.Households);
        }

        await using var fresh = await TestDatabase.CreateAsync(provider);
        var result = await Import(fresh, ImportRequest.Workbook(workbook));

        Assert.True(result.Succeeded, result.FileError ?? string.Join("\n", result.Problems));
        Assert.Equal(await ExportCsv(db), await ExportCsv(fresh));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_SameFileTwice_SecondChangesNothing(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        using var files = await ImportFiles.GenerateAsync(households: 30);
        Assert.True((await Import(db, ImportFiles.Request(files))).Succeeded);
        var before = await Counts(db);

        var again = await Import(db, ImportFiles.Request(files));

        Assert.True(again.Succeeded);
        Assert.Equal((0, 0, 30), (again.Created, again.Updated, again.Unchanged));
        Assert.Null(again.ImportRecordId);
        Assert.Equal(before, await Counts(db));
    }

    /// <summary>
    /// Surveys stored before the compact answers form (JSON objects) still count as unchanged when the same file comes
    /// again: the stored answers are compared by meaning, not by text.
    /// </summary>
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_SameFileOverJsonStoredAnswers_ChangesNothing(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        using var files = await ImportFiles.GenerateAsync(households: 20);
        Assert.True((await Import(db, ImportFiles.Request(files))).Succeeded);
        await db.RunAsync(async sp =>
        {
            var c = sp.GetRequiredService<AppDbContext>();
            var surveys = await c.HouseholdSurveys.ToListAsync();
            Assert.All(surveys, s => Assert.StartsWith("~", s.Answers, StringComparison.Ordinal));
            foreach (var survey in surveys)
            {
                survey.Answers = System.Text.Json.JsonSerializer.Serialize(
                    new SortedDictionary<string, bool>(Application.Surveys.SurveyAnswers.Parse(survey.Answers), StringComparer.Ordinal));
            }

            await c.SaveChangesAsync();
            Assert.All(await c.HouseholdSurveys.ToListAsync(), s => Assert.StartsWith("{", s.Answers, StringComparison.Ordinal));
            return surveys.Count;
        });

        var again = await Import(db, ImportFiles.Request(files));

        Assert.True(again.Succeeded);
        Assert.Equal((0, 0, 20), (again.Created, again.Updated, again.Unchanged));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_ChangedRow_UpdatesTheHouseholdWithAudit(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var (h, m) = ImportFiles.Valid();
        using (var files = ImportFiles.FromText(h, m))
        {
            Assert.True((await Import(db, ImportFiles.Request(files))).Succeeded);
        }

        var before = await Counts(db);
        using var changed = ImportFiles.FromText(h.Replace("1200000", "3900000", StringComparison.Ordinal).Replace("Bản Na Hu,Bản", "Bản Na Hu,Số 5 bản", StringComparison.Ordinal), m);

        var result = await Import(db, ImportFiles.Request(changed));

        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        Assert.Equal((0, 1, 0), (result.Created, result.Updated, result.Unchanged));
        var after = await Counts(db);
        Assert.Equal(before.Households, after.Households);
        Assert.Equal(before.Members, after.Members);
        await db.RunAsync(async sp =>
        {
            var c = sp.GetRequiredService<AppDbContext>();
            var household = await c.Households.SingleAsync();
            Assert.Equal("Số 5 bản Na Hu", household.Address);
            Assert.Equal(1, household.Version);
            Assert.Equal(3_900_000, (await c.HouseholdSurveys.SingleAsync()).IncomePerCapita);
            Assert.Contains(await c.AuditRecords.Where(a => a.HouseholdId == household.Id && a.Action == "update").ToListAsync(),
                a => a.EntityType == "Household" && a.Changes.Contains("\"Address\"", StringComparison.Ordinal));
            Assert.NotEqual(Domain.Classification.HouseholdCategory.Poor,
                (await c.HouseholdClassifications.FirstAsync(x => x.StandardCode == "ND07_2021")).Category);
            return 0;
        });
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_FailsMidCommit_DatabaseUnchangedAndRerunSucceeds(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        using var files = await ImportFiles.GenerateAsync(households: 25);
        var before = await Counts(db);

        foreach (var stage in new[] { FailAtStage.AfterBulk, FailAtStage.BeforeCommit })
        {
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.RunAsync(sp =>
                sp.GetRequiredService<HouseholdImporter>().ImportAsync(ImportFiles.Request(files), new FailAtStage(stage), default)));
            Assert.Equal(before, await Counts(db));
        }

        var rerun = await Import(db, ImportFiles.Request(files));
        Assert.True(rerun.Succeeded);
        Assert.Equal(25, (await Counts(db)).Households);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_VietnameseHeadersAndLabels_Accepted(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        using var files = ImportFiles.FromText(
            ImportFiles.Lines("Mã hộ,Mã xã,Thôn,Địa chỉ,Họ tên chủ hộ,Khu vực,Năm rà soát,Thu nhập bình quân (đồng/người/tháng)",
                "H9,03160,Bản Mới,,Lò Thị Hoa,Nông thôn,2025,900000"),
            ImportFiles.Lines("ma ho,ho va ten,gioi tinh,ngay sinh,ma dan toc,quan he voi chu ho",
                "H9,Lò Thị Hoa,Nữ,1990-01-02,03,Chủ hộ"));

        var result = await Import(db, ImportFiles.Request(files));

        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        Assert.Equal(1, result.VillagesCreated);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_OutOfScopeCommune_RefusedForCommuneOfficer(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        db.User.Become("xa", Roles.CommuneOfficer, "03158", AdminLevel.Commune);
        var (h, m) = ImportFiles.Valid();
        using var files = ImportFiles.FromText(h.Replace(",03158,", ",03160,", StringComparison.Ordinal), m);

        var result = await Import(db, ImportFiles.Request(files));

        Assert.Contains(result.Problems, p => p.Column == "commune_code" && p.Reason.Contains("ngoài phạm vi", StringComparison.Ordinal));
        Assert.Equal(0, (await Counts(db)).Households);
    }
}
