using GiamNgheo.Application.AdminUnits;
using GiamNgheo.Application.Identity;
using GiamNgheo.Application.Persistence;
using GiamNgheo.Application.Reports;
using GiamNgheo.Application.Tests.Infrastructure;
using GiamNgheo.Domain.Classification;
using GiamNgheo.Domain.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GiamNgheo.Application.Tests.Reports;

public class ReportServiceTests
{
    private const ReportRowKind Hh = ReportRowKind.Households;
    private const ReportRowKind Nk = ReportRowKind.Persons;

    private static Task<Result<ReportSetView>> Forms(TestDatabase db, string unit, bool live = false, params int[] numbers) =>
        db.RunAsync(sp => sp.GetRequiredService<ReportService>().GetAsync(unit, 2025, ReportsTestData.Nd07, numbers, live, default));

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task GetAsync_Province_HandCountedFormsWithOneRowPerCommune(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await ReportsTestData.SeedAsync(db);
        db.User.Become("tinh", Roles.ProvincialOfficer, "11", AdminLevel.Province);

        var result = await Forms(db, "11");

        Assert.Equal(ResultStatus.Ok, result.Status);
        var tables = result.Value!.Tables;
        Assert.Equal(15, tables.Count);
        var r1 = tables[0];
        Assert.Equal(4, r1.Value(Samples.CommuneA, Hh, "total"));
        Assert.Equal(2, r1.Value(Samples.CommuneA, Hh, "poor"));
        Assert.Equal(6, r1.Total(Hh, "total"));
        Assert.Equal(3, r1.Total(Hh, "poor"));
        Assert.Equal(50m, r1.Total(Hh, "poor_rate"));
        Assert.Equal(1, r1.Total(Hh, "near_poor"));
        Assert.Equal(1, r1.Total(Hh, "medium"));
        Assert.Equal(3 + 4 + 1, r1.Total(Nk, "poor"));
        Assert.Equal(r1.Total(Hh, "poor"), r1.Rows.Where(r => !r.IsTotal && r.Kind == Hh).Sum(r => r.Values[r1.ColumnIndex("poor")]));

        var r2 = tables[1];
        Assert.Equal(2, r2.Total(Hh, "opening"));                 // h1, h2
        Assert.Equal(1, r2.Total(Hh, "decrease_to_other"));       // h2
        Assert.Equal(1, r2.Total(Hh, "increase_from_other"));     // h5
        Assert.Equal(1, r2.Total(Hh, "increase_new"));            // h3
        Assert.Equal(3, r2.Total(Hh, "closing"));
        Assert.Equal(5, r2.Total(Nk, "opening"));
        Assert.Equal(8, r2.Total(Nk, "closing"));

        var r4 = tables[3];
        Assert.Equal(3, r4.Total(Hh, "health_insurance"));
        var r8 = tables[7];
        Assert.Equal(2, r8.Total(Hh, "poor_minority"));           // h1, h3
        Assert.Equal(1, r8.Total(Hh, "poor_merit"));              // h5
        Assert.Equal(1, r8.Total(Hh, "near_poor_no_labour"));     // h2
        var r10 = tables[9];
        Assert.Equal(3, r10.Total(Hh, "poor_land"));              // h1, h3, h5 (even index)
        Assert.Equal(0, r10.Total(Hh, "poor_illness"));
        Assert.Equal(1, r10.Total(Hh, "near_poor_illness"));      // h2
        var r11 = tables[10];
        Assert.Equal(2 + 3, r11.Total(Nk, "poor_children"));      // h1: 2 children, h3: 3, h5: none
        Assert.Equal(2, r11.Total(Nk, "poor_health"));            // member 1 without insurance in h1 and h3 (age 10)
        Assert.Equal(2, r11.Total(Nk, "poor_education"));         // member 2 of h1 and of h3 not in school
        var r12 = tables[11];
        Assert.Equal(1, r12.Total(Hh, "poor_female_head"));
        var r15 = tables[14];
        Assert.Equal(3 + 4 + 1, r15.Rows.Count);
        Assert.Contains(r15.Rows, r => r.Texts.Contains("Chủ hộ 1"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task GetAsync_CommuneOutsideScope_NotFound(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await ReportsTestData.SeedAsync(db);
        db.User.Become("xa", Roles.CommuneOfficer, Samples.CommuneA, AdminLevel.Commune);

        Assert.Equal(ResultStatus.Ok, (await Forms(db, Samples.CommuneA, false, 1)).Status);
        Assert.Equal(ResultStatus.NotFound, (await Forms(db, Samples.CommuneB, false, 1)).Status);
        Assert.Equal(ResultStatus.NotFound, (await Forms(db, "11", false, 1)).Status);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Approve_ThenRegistryEdited_LockedReportUnchangedUntilReopened(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var ids = await ReportsTestData.SeedAsync(db);
        db.User.Become("xa", Roles.CommuneOfficer, Samples.CommuneA, AdminLevel.Commune);
        var submitted = await db.RunAsync(sp => sp.GetRequiredService<ReportSetService>().SubmitAsync(Samples.CommuneA, 2025, ReportsTestData.Nd07, null, default));
        Assert.Equal(ResultStatus.Ok, submitted.Status);
        Assert.Equal(ReportSetStatus.Submitted, submitted.Value!.Status);
        var again = await db.RunAsync(sp => sp.GetRequiredService<ReportSetService>().SubmitAsync(Samples.CommuneA, 2025, ReportsTestData.Nd07, null, default));
        Assert.Equal(ResultStatus.Conflict, again.Status);
        var selfApproval = await db.RunAsync(sp => sp.GetRequiredService<ReportSetService>().ApproveAsync(submitted.Value.Id, default));
        Assert.Equal(ResultStatus.Forbidden, selfApproval.Status);

        db.User.Become("tinh", Roles.ProvincialOfficer, "11", AdminLevel.Province);
        var approved = await db.RunAsync(sp => sp.GetRequiredService<ReportSetService>().ApproveAsync(submitted.Value.Id, default));
        Assert.Equal(ReportSetStatus.Approved, approved.Value!.Status);

        // A later registry change: household 1 is no longer poor in 2025.
        await db.RunAsync(async sp =>
        {
            var ctx = sp.GetRequiredService<AppDbContext>();
            var row = await ctx.HouseholdClassifications.SingleAsync(c => c.HouseholdId == ids[0] && c.Year == 2025 && c.StandardCode == ReportsTestData.Nd07);
            row.Category = HouseholdCategory.NotPoor;
            return await ctx.SaveChangesAsync();
        });

        db.User.Become("xa", Roles.CommuneOfficer, Samples.CommuneA, AdminLevel.Commune);
        var locked = await Forms(db, Samples.CommuneA, false, 1);
        Assert.NotNull(locked.Value!.Locked);
        Assert.Equal(2, locked.Value.Tables[0].Total(Hh, "poor"));
        Assert.Equal(1, (await Forms(db, Samples.CommuneA, true, 1)).Value!.Tables[0].Total(Hh, "poor"));
        Assert.Equal(ResultStatus.Conflict,
            (await db.RunAsync(sp => sp.GetRequiredService<ReportSetService>().SubmitAsync(Samples.CommuneA, 2025, ReportsTestData.Nd07, null, default))).Status);

        db.User.Become("tinh", Roles.ProvincialOfficer, "11", AdminLevel.Province);
        var noReason = await db.RunAsync(sp => sp.GetRequiredService<ReportSetService>().ReopenAsync(submitted.Value.Id, " ", default));
        Assert.Equal(ResultStatus.Invalid, noReason.Status);
        var reopened = await db.RunAsync(sp => sp.GetRequiredService<ReportSetService>().ReopenAsync(submitted.Value.Id, "Sửa số liệu hộ T001", default));
        Assert.Equal(ReportSetStatus.Reopened, reopened.Value!.Status);
        var audit = await db.RunAsync(sp => sp.GetRequiredService<AppDbContext>().AuditRecords.Where(a => a.EntityType == "ReportSet").Select(a => a.Action).ToListAsync());
        Assert.Equal(["report_submit", "report_approve", "report_reopen"], audit);

        db.User.Become("xa", Roles.CommuneOfficer, Samples.CommuneA, AdminLevel.Commune);
        var second = await db.RunAsync(sp => sp.GetRequiredService<ReportSetService>().SubmitAsync(Samples.CommuneA, 2025, ReportsTestData.Nd07, null, default));
        Assert.Equal(2, second.Value!.Version);
        Assert.Null((await Forms(db, Samples.CommuneA, false, 1)).Value!.Locked);
        Assert.Equal(1, (await Forms(db, Samples.CommuneA, false, 1)).Value!.Tables[0].Total(Hh, "poor"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Return_WithComment_CommuneResubmitsNewVersion(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await ReportsTestData.SeedAsync(db);
        db.User.Become("xa", Roles.CommuneOfficer, Samples.CommuneA, AdminLevel.Commune);
        var submitted = await db.RunAsync(sp => sp.GetRequiredService<ReportSetService>().SubmitAsync(Samples.CommuneA, 2025, ReportsTestData.Nd07, null, default));

        db.User.Become("tinh", Roles.ProvincialOfficer, "11", AdminLevel.Province);
        var noComment = await db.RunAsync(sp => sp.GetRequiredService<ReportSetService>().ReturnAsync(submitted.Value!.Id, null, default));
        Assert.Equal(ResultStatus.Invalid, noComment.Status);
        Assert.Contains("comment", noComment.Errors.Keys);
        var returned = await db.RunAsync(sp => sp.GetRequiredService<ReportSetService>().ReturnAsync(submitted.Value!.Id, "Thiếu danh sách thôn 2", default));
        Assert.Equal(ReportSetStatus.Returned, returned.Value!.Status);
        Assert.Equal("Thiếu danh sách thôn 2", returned.Value.Comment);

        db.User.Become("xa", Roles.CommuneOfficer, Samples.CommuneA, AdminLevel.Commune);
        var second = await db.RunAsync(sp => sp.GetRequiredService<ReportSetService>().SubmitAsync(Samples.CommuneA, 2025, ReportsTestData.Nd07, null, default));
        Assert.Equal(2, second.Value!.Version);
        Assert.Equal(ReportSetStatus.Submitted, second.Value.Status);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Completeness_OneCommuneOnTime_OthersOverdueAfterDeadline(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await ReportsTestData.SeedAsync(db);
        db.Clock.Now = new DateTimeOffset(2025, 12, 10, 3, 0, 0, TimeSpan.Zero);
        db.User.Become("xa", Roles.CommuneOfficer, Samples.CommuneA, AdminLevel.Commune);
        await db.RunAsync(sp => sp.GetRequiredService<ReportSetService>().SubmitAsync(Samples.CommuneA, 2025, ReportsTestData.Nd07, null, default));

        db.Clock.Now = new DateTimeOffset(2025, 12, 22, 3, 0, 0, TimeSpan.Zero);
        db.User.Become("tinh", Roles.ProvincialOfficer, "11", AdminLevel.Province);
        var lines = (await db.RunAsync(sp => sp.GetRequiredService<ReportSetService>().CompletenessAsync("11", 2025, ReportsTestData.Nd07, null, default))).Value!;

        var a = lines.Single(l => l.CommuneCode == Samples.CommuneA);
        Assert.True(a.Submitted);
        Assert.True(a.OnTime);
        Assert.Equal(new DateOnly(2025, 12, 20), a.DueDate);
        var b = lines.Single(l => l.CommuneCode == Samples.CommuneB);
        Assert.False(b.Submitted);
        Assert.True(b.Overdue);
    }
}
