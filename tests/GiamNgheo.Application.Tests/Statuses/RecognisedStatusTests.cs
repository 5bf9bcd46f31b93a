using System.Text;
using GiamNgheo.Application.Households;
using GiamNgheo.Application.Persistence;
using GiamNgheo.Application.Statuses;
using GiamNgheo.Application.Support;
using GiamNgheo.Application.Surveys;
using GiamNgheo.Application.Tests.Infrastructure;
using GiamNgheo.Application.Tests.Support;
using GiamNgheo.Domain.Classification;
using GiamNgheo.Domain.Reviews;
using GiamNgheo.Domain.Statuses;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GiamNgheo.Application.Tests.Statuses;

/// <summary>The recognised status record (issue 15): statuses frozen by decisions, entitlements from the list in force, the decisions import.</summary>
public class RecognisedStatusTests
{
    private static void At(TestDatabase db, int year, int month, int day) => db.Clock.Now = new DateTimeOffset(year, month, day, 8, 0, 0, TimeSpan.Zero);

    private static async Task<HouseholdDetail> CreateAsync(TestDatabase db, string head, string personalId)
    {
        var created = await db.RunAsync(sp => sp.GetRequiredService<HouseholdCommands>().CreateAsync(
            Samples.Household(head: head, members: [Samples.Head(head, personalId)]), default));
        Assert.Equal(ResultStatus.Ok, created.Status);
        return created.Value!;
    }

    private static Task<HouseholdGaps> GapsAsync(TestDatabase db, long id) =>
        db.RunAsync(async sp => (await sp.GetRequiredService<SupportGaps>().ForHouseholdAsync(id, default)).Value!);

    private static bool Eligible(HouseholdGaps gaps, string policy) => gaps.Policies.Single(p => p.PolicyCode == policy).Eligible;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Gaps_On31DecemberAnd1January_FollowTheRecognisedList(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        At(db, 2025, 12, 31);
        // Recognised near-poor by the 2024 periodic list, recognised poor by the 2025 periodic list (signed 10/12/2025).
        var listed = await CreateAsync(db, "Lò Văn Một", "011085000011");
        await SupportFixture.ClassifyAsync(db, listed, HouseholdCategory.NearPoor, "health_insurance", 2024, recognised: false);
        await SupportFixture.ClassifyAsync(db, listed, HouseholdCategory.Poor, "health_insurance;housing_quality", 2025, recognised: false);
        await db.RunAsync(sp => Recognition.RecogniseAsync(sp.GetRequiredService<AppDbContext>(), [listed.Id], 2024, new DateOnly(2024, 12, 10), CampaignKind.Periodic, "88/QĐ-UBND"));
        await db.RunAsync(sp => Recognition.RecogniseAsync(sp.GetRequiredService<AppDbContext>(), [listed.Id], 2025, new DateOnly(2025, 12, 10), CampaignKind.Periodic, "99/QĐ-UBND"));
        // Computed poor in 2025, never recognised: no entitlement, shown as "chưa công nhận".
        var computed = await CreateAsync(db, "Lò Văn Hai", "011085000012");
        await SupportFixture.ClassifyAsync(db, computed, HouseholdCategory.Poor, "health_insurance", 2025, recognised: false);

        foreach (var (year, month, day, category, number) in new[] { (2025, 12, 31, HouseholdCategory.NearPoor, "88/QĐ-UBND"), (2026, 1, 1, HouseholdCategory.Poor, "99/QĐ-UBND") })
        {
            At(db, year, month, day);
            var gaps = await GapsAsync(db, listed.Id);
            Assert.Equal((category, true, number), (gaps.Category!.Value, gaps.Recognised, gaps.DecisionNumber!));
            Assert.Equal(category == HouseholdCategory.Poor, Eligible(gaps, "HI_POOR"));
            Assert.Equal(category == HouseholdCategory.NearPoor, Eligible(gaps, "HI_NEAR_POOR"));

            var other = await GapsAsync(db, computed.Id);
            Assert.Equal((HouseholdCategory.Poor, false, "Chưa công nhận"), (other.Category!.Value, other.Recognised, other.SourceVi));
            Assert.DoesNotContain(other.Policies, p => p.Eligible && p.PolicyCode.StartsWith("HI_", StringComparison.Ordinal));

            // The materialised rows (worklist) follow the same list: on 31/12 they are stale on 01/01, and flip then.
            var page = await db.RunAsync(async sp => (await sp.GetRequiredService<SupportGaps>().WorklistAsync(new WorklistQuery(Samples.CommuneA), default)).Value!);
            var row = page.Items.Single(i => i.HouseholdId == listed.Id);
            Assert.Equal((category, true), (row.Category, row.Recognised));
            Assert.StartsWith("Đã công nhận (QĐ số " + number, row.SourceVi, StringComparison.Ordinal);
            var computedRow = page.Items.Single(i => i.HouseholdId == computed.Id);
            Assert.Equal((HouseholdCategory.Poor, false, "Chưa công nhận"), (computedRow.Category, computedRow.Recognised, computedRow.SourceVi));
            Assert.DoesNotContain(computedRow.Gaps, g => g.PolicyCode.StartsWith("HI_", StringComparison.Ordinal));
            var summary = await db.RunAsync(sp => sp.GetRequiredService<AppDbContext>().HouseholdGapSummaries.AsNoTracking().SingleAsync(s => s.HouseholdId == listed.Id));
            Assert.Equal(category, summary.Category);
            if (month == 12)
            {
                Assert.Equal(new DateOnly(2026, 1, 1), summary.StaleOn);
            }
        }

        // The rule in one place: the statuses in force and of the review year through the queries.
        var inForce = await db.RunAsync(sp => sp.GetRequiredService<HouseholdStatusQueries>().InForceAsync([listed.Id, computed.Id], "ND07_2021", new DateOnly(2025, 12, 31), default));
        Assert.Equal((HouseholdCategory.NearPoor, StatusSource.Recognised), (inForce[listed.Id].Status.Category, inForce[listed.Id].Status.Source));
        Assert.Equal(StatusSource.NotSurveyed, inForce[computed.Id].Status.Source);
        var history = (await db.RunAsync(sp => sp.GetRequiredService<HouseholdStatusQueries>().HistoryAsync(listed.Id, default)))!;
        var y2025 = history.Single(h => h.Year == 2025 && h.StandardCode == "ND07_2021");
        Assert.Equal(("Đã công nhận (QĐ số 99/QĐ-UBND, ngày 10/12/2025)", new DateOnly(2026, 1, 1)), (y2025.SourceVi, y2025.PolicyFrom!.Value));
        Assert.Equal("Giữ nguyên từ năm 2025", history.Single(h => h.Year == 2026 && h.StandardCode == "ND07_2021").SourceVi);

        // Statuses are append-only.
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.RunAsync(async sp =>
        {
            var ctx = sp.GetRequiredService<AppDbContext>();
            var status = await ctx.HouseholdStatuses.FirstAsync();
            status.Category = HouseholdCategory.NotPoor;
            return await ctx.SaveChangesAsync();
        }));
    }

    private static Task<DecisionImportReport> ImportAsync(TestDatabase db, string csv, string name = "qd-2024.csv") =>
        db.RunAsync(async sp =>
        {
            using var stream = new MemoryStream(Encoding.UTF8.GetBytes(csv));
            var result = await sp.GetRequiredService<DecisionImport>().ImportAsync(stream, name, default);
            Assert.Equal(ResultStatus.Ok, result.Status);
            return result.Value!;
        });

    private const string Header = "ma_ho,nam_ra_soat,ma_chuan,phan_loai,so_quyet_dinh,ngay_ky,nguoi_ky,loai_ra_soat\n";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task DecisionsImport_BadRows_NothingWritten(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var a = await CreateAsync(db, "Hờ A Chá", "011085000021");
        var b = await CreateAsync(db, "Lò Thị Hoa", "011085000022");
        var csv = Header
            + $"{a.Code},2024,ND07_2021,nghèo,15/QĐ-UBND,10/12/2024,Lò Văn Thắng,định kỳ\n"
            + $"KHONG-CO,2024,ND07_2021,poor,15/QĐ-UBND,10/12/2024,Lò Văn Thắng,định kỳ\n"
            + $"{b.Code},2024,ND07_2021,cận nghèo,15/QĐ-UBND,11/12/2024,Lò Văn Thắng,định kỳ\n"
            + $"{b.Code},2023,XX_9999,giàu,16/QĐ-UBND,2023-12-10,Lò Văn Thắng,hằng năm\n";

        var report = await ImportAsync(db, csv);

        Assert.False(report.Committed);
        Assert.Contains(report.Errors, e => e is { Row: 3, Column: "ma_ho", Value: "KHONG-CO" });
        Assert.Contains(report.Errors, e => e.Row == 4 && e.Column == "ngay_ky" && e.Message.Contains("15/QĐ-UBND", StringComparison.Ordinal));
        Assert.Contains(report.Errors, e => e is { Row: 5, Column: "ma_chuan" });
        Assert.Contains(report.Errors, e => e is { Row: 5, Column: "phan_loai", Value: "giàu" });
        Assert.Contains(report.Errors, e => e is { Row: 5, Column: "loai_ra_soat" });
        Assert.StartsWith("qd-2024.csv, dòng 3, cột ma_ho (\"KHONG-CO\"): ", report.Errors.First(e => e.Row == 3).ToString(), StringComparison.Ordinal);
        var (decisions, statuses, decided) = await db.RunAsync(async sp =>
        {
            var ctx = sp.GetRequiredService<AppDbContext>();
            return (await ctx.RecognitionDecisions.CountAsync(), await ctx.HouseholdStatuses.CountAsync(), await ctx.HouseholdClassifications.CountAsync(c => c.DecisionId != null));
        });
        Assert.Equal((0, 0, 0), (decisions, statuses, decided));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task DecisionsImport_GoodFile_StatusesInForce_ReimportRefused(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var a = await CreateAsync(db, "Hờ A Chá", "011085000031");
        var b = await CreateAsync(db, "Lò Thị Hoa", "011085000032");
        var csv = Header
            + $"{a.Code},2024,ND07_2021,nghèo,15/QĐ-UBND,10/12/2024,Lò Văn Thắng,định kỳ\n"
            + $"{b.Code},2024,ND07_2021,near_poor,15/QĐ-UBND,2024-12-10,Lò Văn Thắng,dinh ky\n"
            + $"{a.Code},2025,ND07_2021,cận nghèo,3/QĐ-UBND,20/03/2025,Lò Văn Thắng,thường xuyên\n";

        var report = await ImportAsync(db, csv);

        Assert.True(report.Committed, string.Join("\n", report.Errors));
        Assert.Equal((3, 2, 3), (report.Rows, report.Decisions, report.Statuses));
        async Task<IReadOnlyDictionary<long, StatusView>> InForce(DateOnly date) =>
            await db.RunAsync(sp => sp.GetRequiredService<HouseholdStatusQueries>().InForceAsync([a.Id, b.Id], "ND07_2021", date, default));
        var before = await InForce(new DateOnly(2024, 12, 31));
        Assert.All(before.Values, v => Assert.Equal(StatusSource.NotSurveyed, v.Status.Source));
        var january = await InForce(new DateOnly(2025, 1, 1));
        Assert.Equal((HouseholdCategory.Poor, HouseholdCategory.NearPoor), (january[a.Id].Status.Category, january[b.Id].Status.Category));
        Assert.Equal("Đã công nhận (QĐ số 15/QĐ-UBND, ngày 10/12/2024)", january[a.Id].SourceVi);
        var march = await InForce(new DateOnly(2025, 3, 20));
        Assert.Equal((HouseholdCategory.NearPoor, "3/QĐ-UBND"), (march[a.Id].Status.Category, march[a.Id].DecisionNumber!));
        var audit = await db.RunAsync(sp => sp.GetRequiredService<AppDbContext>().AuditRecords.AsNoTracking().CountAsync(r => r.Action == "decisions.import"));
        Assert.Equal(1, audit);

        // The same file again: every row's year is already decided, so it is refused and nothing changes (not idempotent).
        var again = await ImportAsync(db, csv);
        Assert.False(again.Committed);
        Assert.Equal(3, again.Errors.Count);
        Assert.All(again.Errors, e => Assert.Contains("đã được công nhận theo quyết định số", e.Message, StringComparison.Ordinal));
        var decisions = await db.RunAsync(sp => sp.GetRequiredService<AppDbContext>().RecognitionDecisions.CountAsync());
        Assert.Equal(2, decisions);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task MigrationBackfill_DecidedClassification_BecomesFrozenStatuses(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var h = await CreateAsync(db, "Vàng Văn Lử", "011085000041");
        await SupportFixture.ClassifyAsync(db, h, HouseholdCategory.Poor, "health_insurance", 2025, recognised: false);
        var decisionId = await db.RunAsync(async sp =>
        {
            var ctx = sp.GetRequiredService<AppDbContext>();
            ctx.HouseholdClassifications.Add(new HouseholdClassificationEntity
            {
                HouseholdId = h.Id, ProvinceCode = h.ProvinceCode, CommuneCode = h.CommuneCode, Year = 2025, StandardCode = "QD59_2015",
                Category = HouseholdCategory.NearPoor, MemberCount = 1, ComputedAtUtc = new DateTime(2025, 11, 1, 0, 0, 0, DateTimeKind.Utc),
            });
            await ctx.SaveChangesAsync();
            // A decision recorded before the statuses existed: classification rows carry it, no status row.
            return await Recognition.RecogniseAsync(ctx, [h.Id], 2025, new DateOnly(2025, 12, 10), CampaignKind.Periodic, "7/QĐ-UBND", writeStatuses: false);
        });

        var rows = await db.RunAsync(async sp =>
        {
            var ctx = sp.GetRequiredService<AppDbContext>();
            var sql = ctx.Database.IsSqlite()
                ? GiamNgheo.Application.Persistence.Migrations.Sql.StatusBackfillSql.Sqlite(true)
                : GiamNgheo.Application.Persistence.Migrations.Sql.StatusBackfillSql.Postgres(true);
            await ctx.Database.ExecuteSqlRawAsync(sql);
            return await ctx.HouseholdStatuses.AsNoTracking().OrderBy(s => s.StandardCode).ToListAsync();
        });

        Assert.Equal(2, rows.Count);
        var legal = rows.Single(r => r.StandardCode == "ND07_2021");
        Assert.Equal((HouseholdCategory.Poor, true, decisionId, true, new DateOnly(2025, 12, 10), new DateOnly(2026, 1, 1)),
            (legal.Category, legal.Recognised, legal.DecisionId, legal.Periodic, legal.SignedOn, legal.PolicyFrom));
        Assert.Equal((h.Code, "Vàng Văn Lử", "health_insurance", "migration"), (legal.HouseholdCode, legal.HeadName, legal.Deprived, legal.Source));
        var parallel = rows.Single(r => r.StandardCode == "QD59_2015");
        Assert.Equal((HouseholdCategory.NearPoor, false), (parallel.Category, parallel.Recognised));
        var inForce = await db.RunAsync(sp => sp.GetRequiredService<HouseholdStatusQueries>().InForceAsync([h.Id], "ND07_2021", new DateOnly(2026, 1, 1), default));
        Assert.Equal(("7/QĐ-UBND", HouseholdCategory.Poor), (inForce[h.Id].DecisionNumber!, inForce[h.Id].Status.Category));
    }
}
