using System.Text;
using GiamNgheo.Application.AdminUnits;
using GiamNgheo.Application.Audit;
using GiamNgheo.Application.Identity;
using GiamNgheo.Application.Persistence;
using GiamNgheo.Application.Support;
using GiamNgheo.Application.Tests.Infrastructure;
using GiamNgheo.Domain.Classification;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace GiamNgheo.Application.Tests.Support;

public class SupportImportTests
{
    private static Task<Result<SupportImportReport>> Import(TestDatabase db, string csv, string name = "bhxh-2026.csv") =>
        db.RunAsync(sp => sp.GetRequiredService<SupportImport>().ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv)), name, default));

    private static Task<int> Count(TestDatabase db) => db.RunAsync(sp => sp.GetRequiredService<AppDbContext>().SupportRecords.CountAsync());

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_AgencyListWithBadRows_CommitsNothing_ReportsEachRow_ThenCleanReimport(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var a = await SupportFixture.HouseholdAsync(db, "Lò Văn Một", HouseholdCategory.Poor, "health_insurance", personalId: "011085000101");
        var b = await SupportFixture.HouseholdAsync(db, "Lò Văn Hai", HouseholdCategory.NearPoor, personalId: "011085000102");
        var other = await SupportFixture.HouseholdAsync(db, "Lò Văn Ba", HouseholdCategory.Poor, commune: Samples.CommuneB, personalId: "011085000103");
        db.User.Become("xa", Roles.CommuneOfficer, Samples.CommuneA, AdminLevel.Commune);

        var bad = $"""
            Mã hộ;Số định danh;Mã chính sách;Cơ quan;Ngày;Số tiền;Nguồn kinh phí;Số hiệu
            {a.Code};;HI_POOR;BHXH Điện Biên;15/01/2026;1.263.600;Ngân sách trung ương;DB4011234567890
            ;011085000102;HI_NEAR_POOR;BHXH Điện Biên;15/01/2026;884520;ngân sách địa phương;DB2011234567891
            {other.Code};;HI_POOR;BHXH Điện Biên;15/01/2026;1263600;;DB4011234567892
            {b.Code};;BHYT_XYZ;BHXH Điện Biên;15/01/2026;100;;X
            {b.Code};;HI_NEAR_POOR;BHXH Điện Biên;15/01/2026;-100;;X
            {a.Code};;HOUSING_TEMPORARY;Sở Xây dựng;02/02/2026;60000000;;QĐ 12/QĐ-UBND
            """;
        var report = (await Import(db, bad)).Value!;

        Assert.False(report.Committed);
        Assert.Equal(6, report.Rows);
        Assert.Equal(0, await Count(db));
        Assert.Equal([4, 5, 6, 7], report.Errors.Select(e => e.Row).Distinct());
        Assert.Contains(report.Errors, e => e.Row == 4 && e.Column == "household_code" && e.Message.Contains("không có trong phạm vi", StringComparison.Ordinal));
        Assert.Contains(report.Errors, e => e.Row == 5 && e.Column == "policy_code" && e.Message.Contains("BHYT_XYZ", StringComparison.Ordinal));
        Assert.Contains(report.Errors, e => e.Row == 6 && e.Column == "amount_dong" && e.Message.Contains("không được âm", StringComparison.Ordinal));
        Assert.Contains(report.Errors, e => e.Row == 7 && e.Column == "date" && e.Message.Contains("hiệu lực", StringComparison.Ordinal));

        var clean = string.Join('\n', bad.Split('\n').Take(3));
        var ok = (await Import(db, clean)).Value!;
        Assert.True(ok.Committed);
        Assert.Equal((2, 0), (ok.Imported, ok.Duplicates));
        Assert.Empty(ok.Errors);
        var records = await db.RunAsync(sp => sp.GetRequiredService<AppDbContext>().SupportRecords.AsNoTracking().OrderBy(r => r.Id).ToListAsync());
        Assert.Equal(1_263_600, records[0].AmountDong);
        Assert.Equal(FundingSource.LocalBudget, records[1].Funding);
        Assert.NotNull(records[1].MemberId);
        Assert.Equal("import:bhxh-2026.csv", records[0].Source);

        // The same list again: imported, but every row flagged as a duplicate of the first delivery.
        var again = (await Import(db, clean)).Value!;
        Assert.Equal((2, 2), (again.Imported, again.Duplicates));
        var gaps = (await db.RunAsync(sp => sp.GetRequiredService<SupportGaps>().ForHouseholdAsync(a.Id, default))).Value!;
        Assert.False(gaps.Policies.Single(p => p.PolicyCode == "HI_POOR").Gap);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_Xlsx_ByPersonalId_AndExportWorklistIsAudited(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var a = await SupportFixture.HouseholdAsync(db, "Vàng A Chứ", HouseholdCategory.Poor, "housing_quality", personalId: "011085000201");
        db.User.Become("nganh", Roles.SectorOfficer, "11", AdminLevel.Province);
        using var xlsx = new MemoryStream();
        await xlsx.SaveAsAsync(new[]
        {
            new Dictionary<string, object> { ["so_dinh_danh"] = "011085000201", ["ma_chinh_sach"] = "ELECTRICITY", ["ngay"] = "05/10/2026", ["so_tien"] = 138000L },
        });
        xlsx.Position = 0;
        var report = (await db.RunAsync(sp => sp.GetRequiredService<SupportImport>().ImportAsync(xlsx, "dien-q4.xlsx", default))).Value!;
        Assert.True(report.Committed, string.Join("; ", report.Errors.Select(e => e.Message)));
        Assert.Equal(1, report.Imported);

        var file = await db.RunAsync(sp => sp.GetRequiredService<SupportGaps>().ExportWorklistAsync(new WorklistQuery(Samples.CommuneA), default));
        Assert.Equal(ResultStatus.Ok, file.Status);
        var rows = new MemoryStream(file.Value!).Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        var row = Assert.Single(rows);
        Assert.Equal(a.Code, row["Mã hộ"]);
        Assert.DoesNotContain("ELECTRICITY", (string)row["Mã chính sách"], StringComparison.Ordinal);
        Assert.Contains("HI_POOR", (string)row["Mã chính sách"], StringComparison.Ordinal);
        Assert.Equal(1, await db.RunAsync(sp => sp.GetRequiredService<AppDbContext>().AuditRecords.CountAsync(r => r.Action == AuditActions.Export && r.EntityType == "SupportWorklist")));
    }
}
