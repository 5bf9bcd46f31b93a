using GiamNgheo.Application.AdminUnits;
using GiamNgheo.Application.Dashboards;
using GiamNgheo.Application.Households;
using GiamNgheo.Application.Identity;
using GiamNgheo.Application.Persistence;
using GiamNgheo.Application.Reports;
using GiamNgheo.Application.Surveys;
using GiamNgheo.Application.Targets;
using GiamNgheo.Application.Tests.Infrastructure;
using GiamNgheo.Domain.Classification;
using GiamNgheo.Domain.Households;
using GiamNgheo.Domain.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GiamNgheo.Application.Tests.Reports;

/// <summary>
/// Issue 15: every figure is over all households resident on the reporting date, each with one status
/// (recognised, computed, carried over, not surveyed). Today is 20/11/2026 in tests, so 2026's date is 20/11/2026.
/// Sín Thầu (03158): ten resident households — r1 poor in 2025 (recognised) and 2026 (computed), r2 near-poor in
/// 2025 and 2026, r3–r5 not poor in 2024 only (carried over), r6–r10 never surveyed — and r11, poor in 2025, who
/// moved away on 01/06/2026. Mường Nhé (03160): three households surveyed in 2025 only (m1 poor), nobody in 2026.
/// </summary>
public class ResidentDenominatorTests
{
    private const string Nd07 = ReportsTestData.Nd07;
    private const ReportRowKind Hh = ReportRowKind.Households;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Form1_TenResidentTwoListed_RatesOverTen(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await SeedAsync(db);
        db.User.Become("tinh", Roles.ProvincialOfficer, "11", AdminLevel.Province);

        var form1 = (await Forms(db, Samples.CommuneA, 2026, [1]))[0];

        Assert.Equal(10, form1.Total(Hh, "total"));
        Assert.Equal(1, form1.Total(Hh, "poor"));
        Assert.Equal(10.00m, form1.Total(Hh, "poor_rate"));             // not 50 % (1 of the 2 surveyed)
        Assert.Equal(1, form1.Total(Hh, "near_poor"));
        Assert.Equal(10.00m, form1.Total(Hh, "near_poor_rate"));
        Assert.Equal(20.00m, form1.Total(Hh, "multidimensional_rate"));
        Assert.Equal("Tính đến ngày 20/11/2026. Tổng số hộ dân cư: 10 (đã công nhận: 0; chưa công nhận: 2; giữ nguyên kết quả năm trước: 3; chưa rà soát: 5).",
            form1.BaseVi);

        // Forms 12–13 (the list among all households) use the same denominator.
        var form12 = (await Forms(db, Samples.CommuneA, 2026, [12]))[0];
        Assert.Equal(10, form12.Rows.Single(r => r.IsTotal && r.Kind == Hh).Values[0]);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Province_CommuneNobodySurveyedThisYear_StillCounted(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await SeedAsync(db);
        db.User.Become("tinh", Roles.ProvincialOfficer, "11", AdminLevel.Province);

        var form1 = (await Forms(db, "11", 2026, [1]))[0];

        Assert.Equal(13, form1.Total(Hh, "total"));
        Assert.Equal(3, form1.Value(Samples.CommuneB, Hh, "total"));
        Assert.Equal(1, form1.Value(Samples.CommuneB, Hh, "poor"));      // m1 carried over from 2025
        Assert.Equal(2, form1.Total(Hh, "poor"));

        // The poor list names m1, marked as carried over.
        var list = (await Forms(db, "11", 2026, [15]))[0];
        var source = list.ColumnIndex("source");
        var m1 = list.Rows.Single(r => r.Texts[1] == "M001");
        Assert.Equal("Giữ nguyên từ năm trước", m1.Texts[source]);
        Assert.Equal("Chưa công nhận", list.Rows.Single(r => r.Texts[1] == "R001").Texts[source]);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Lists_CarriedOverListedLeftBeforeTheDateNot_SameAsReference(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await SeedAsync(db);
        // R012: poor in 2023, nothing since (carried over from any earlier year); R013: poor in 2024, not poor in 2025
        // (the latest earlier row carries over: not listed).
        await db.RunAsync(async sp =>
        {
            var ctx = sp.GetRequiredService<AppDbContext>();
            foreach (var (code, facts) in new[]
                     {
                         ("R012", new[] { (2023, HouseholdCategory.Poor) }),
                         ("R013", new[] { (2024, HouseholdCategory.Poor), (2025, HouseholdCategory.NotPoor) }),
                     })
            {
                var h = new HouseholdEntity { ProvinceCode = "11", CommuneCode = Samples.CommuneA, Code = code, HeadName = "Chủ hộ " + code };
                h.Members.Add(new MemberEntity
                {
                    ProvinceCode = "11", Order = 1, FullName = "Chủ hộ " + code, EthnicityCode = "01", DateOfBirth = new DateOnly(1970, 1, 1),
                    RelationToHead = RelationToHead.Head, HasHealthInsurance = true,
                });
                ctx.Households.Add(h);
                await ctx.SaveChangesAsync();
                foreach (var (year, category) in facts)
                {
                    ctx.HouseholdClassifications.Add(new HouseholdClassificationEntity
                    {
                        HouseholdId = h.Id, ProvinceCode = "11", CommuneCode = h.CommuneCode, Year = year, StandardCode = Nd07, Category = category,
                        Deprived = "water", MemberCount = 1, ComputedAtUtc = new DateTime(year, 10, 1, 0, 0, 0, DateTimeKind.Utc),
                    });
                }

                await ctx.SaveChangesAsync();
            }

            return 0;
        });
        db.User.Become("tinh", Roles.ProvincialOfficer, "11", AdminLevel.Province);

        // Commune A, 2026: R001 (computed), R012 (carried over from 2023) poor; R011 moved away on 01/06/2026: not listed.
        var poorList = (await Forms(db, Samples.CommuneA, 2026, [15]))[0];
        var source = poorList.ColumnIndex("source");
        var codes = poorList.Rows.Select(r => r.Texts[1]).Where(c => c.Length > 0).ToList();
        Assert.Contains("R001", codes);
        Assert.Equal("Giữ nguyên từ năm trước", poorList.Rows.Single(r => r.Texts[1] == "R012").Texts[source]);
        Assert.DoesNotContain("R011", codes);
        Assert.DoesNotContain("R013", codes);
        var nearPoorList = (await Forms(db, Samples.CommuneA, 2026, [14]))[0];
        Assert.Equal("Chưa công nhận", nearPoorList.Rows.Single(r => r.Texts[1] == "R002").Texts[source]);

        // Commune B, 2026: nobody surveyed; M001 and M002 carried over from 2025.
        var b = await Forms(db, Samples.CommuneB, 2026, [14, 15]);
        Assert.Equal("Giữ nguyên từ năm trước", b[0].Rows.Single(r => r.Texts[1] == "M002").Texts[source]);
        Assert.Equal("Giữ nguyên từ năm trước", b[1].Rows.Single(r => r.Texts[1] == "M001").Texts[source]);
        Assert.DoesNotContain(b.SelectMany(t => t.Rows), r => r.Texts[1] == "M003");

        // 2025: R011 still resident on 31/12/2025, recognised.
        var list2025 = (await Forms(db, Samples.CommuneA, 2025, [15]))[0];
        Assert.Equal("Đã công nhận", list2025.Rows.Single(r => r.Texts[1] == "R011").Texts[source]);

        // The list loader gives the reference loader's listed rows, field by field.
        foreach (var unitCode in new[] { "11", Samples.CommuneA, Samples.CommuneB })
        {
            // 2024–2026 read the lines materialised with the aggregates; 2027 has no classification anywhere in the
            // province (no aggregates): its lines are derived from the rows, every listed household carried over.
            foreach (var year in new[] { 2024, 2025, 2026, 2027 })
            {
                var (expected, actual) = await db.RunAsync(async sp =>
                {
                    var loader = sp.GetRequiredService<ReportDataLoader>();
                    var unit = (await loader.ResolveUnitAsync(unitCode, year, default))!;
                    var standard = (await loader.StandardAsync(Nd07, default))!;
                    var reference = await loader.LoadRowsAsync(unit, year, standard, includeMembers: true, listedOnly: true, default);
                    var lists = await sp.GetRequiredService<ReportListLoader>().LoadAsync(unit, year, standard, default);
                    return (reference.OrderBy(h => h.HouseholdId).Select(Describe).ToList(), lists.OrderBy(h => h.HouseholdId).Select(Describe).ToList()); // the forms order the lines themselves
                });
                Assert.Equal(expected, actual);
            }
        }

        var materialised = await db.RunAsync(sp => sp.GetRequiredService<AppDbContext>().ReportListEntries
            .Where(e => e.Year == 2026 && e.StandardCode == Nd07).Select(e => e.HouseholdCode).ToListAsync());
        Assert.Contains("R012", materialised);
        Assert.Contains("M001", materialised);
        Assert.Empty(await db.RunAsync(sp => sp.GetRequiredService<AppDbContext>().ReportListEntries.Where(e => e.Year == 2027).ToListAsync()));

        // A change reaches the lines on the next read: R013 found near-poor in 2026 (its 2025 row was not poor).
        await db.RunAsync(async sp =>
        {
            var ctx = sp.GetRequiredService<AppDbContext>();
            var r13 = await ctx.Households.SingleAsync(h => h.Code == "R013");
            ctx.HouseholdClassifications.Add(new HouseholdClassificationEntity
            {
                HouseholdId = r13.Id, ProvinceCode = "11", CommuneCode = r13.CommuneCode, Year = 2026, StandardCode = Nd07,
                Category = HouseholdCategory.NearPoor, Deprived = "water", MemberCount = 1, ComputedAtUtc = new DateTime(2026, 10, 1, 0, 0, 0, DateTimeKind.Utc),
            });
            await ctx.SaveChangesAsync();
            return 0;
        });
        var nearPoor2026 = (await Forms(db, "11", 2026, [14]))[0];
        Assert.Contains(nearPoor2026.Rows, r => r.Texts[1] == "R013");

        static string Describe(ReportHousehold h) => string.Join("|",
            h.HouseholdId, h.HouseholdCode, h.UnitCode, h.Category, h.Source, h.Recognised, h.PreviousCategory, h.EscapedPoorEarlierInPeriod,
            h.EscapedNearPoorEarlierInPeriod, h.Groups, h.Needs, string.Join(";", h.Members.OrderBy(m => m.Order)));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Movements_HouseholdLeftBeforeTheDate_OtherDecreaseAndBalanced(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await SeedAsync(db);
        db.User.Become("tinh", Roles.ProvincialOfficer, "11", AdminLevel.Province);

        var forms = await Forms(db, Samples.CommuneA, 2026, [1, 2, 3]);

        Assert.Equal(10, forms[0].Total(Hh, "total"));                  // r11 left on 01/06/2026: not counted
        var poor = forms[1];
        Assert.Equal(2, poor.Total(Hh, "opening"));                     // r1, r11 poor in 2025
        Assert.Equal(1, poor.Total(Hh, "decrease_other"));              // r11 moved away
        Assert.Equal(1, poor.Total(Hh, "closing"));
        foreach (var table in forms.Skip(1))
        {
            foreach (var kind in new[] { ReportRowKind.Households, ReportRowKind.Persons })
            {
                Assert.Equal(table.Total(kind, "closing"), table.Total(kind, "opening") - table.Total(kind, "decrease") + table.Total(kind, "increase"));
            }
        }

        // The 2025 figures still count r11 (resident on 31/12/2025).
        var form2025 = (await Forms(db, Samples.CommuneA, 2025, [1]))[0];
        Assert.Equal(11, form2025.Total(Hh, "total"));
        Assert.Equal(2, form2025.Total(Hh, "poor"));

        // Aggregate forms equal the row-based forms with the resident set.
        foreach (var unit in new[] { "11", Samples.CommuneA, Samples.CommuneB })
        {
            await ReportAggregateTests.AssertSameFormsAsync(db, unit, 2026, Nd07);
            await ReportAggregateTests.AssertSameFormsAsync(db, unit, 2025, Nd07);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task DashboardTargetAndAlkireFoster_OverAllResidents(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await SeedAsync(db);
        db.User.Become("tinh", Roles.ProvincialOfficer, "11", AdminLevel.Province);
        var created = await db.RunAsync(sp => sp.GetRequiredService<TargetService>().CreateAsync(Samples.CommuneA,
            new TargetInput(2026, 2026, TargetKind.PoorRate, Nd07, TargetComparison.Below, 5, null), default));
        Assert.Equal(ResultStatus.Ok, created.Status);
        Assert.Equal(10.00m, created.Value!.Actual);                   // 1 poor of 10 resident
        Assert.Equal(10, created.Value.Base!.Households);
        Assert.Equal(5, created.Value.Base.NotSurveyed);

        var commune = (await db.RunAsync(sp => sp.GetRequiredService<DashboardService>().GetAsync(Samples.CommuneA, 2026, default))).Value!;
        var point = commune.Trends.Single(t => t.StandardCode == Nd07).Years.Single(p => p.Year == 2026);
        Assert.Equal(10, point.Households);
        Assert.Equal(10.00m, point.PoorRate);
        Assert.Equal(0.1, commune.Profile!.H, 6);                       // H over 10 households
        Assert.Equal(new ReportBase(new DateOnly(2026, 11, 20), 10, 0, 2, 3, 5), commune.Base);

        var province = (await db.RunAsync(sp => sp.GetRequiredService<DashboardService>().GetAsync("11", 2026, default))).Value!;
        var provincePoint = province.Trends.Single(t => t.StandardCode == Nd07).Years.Single(p => p.Year == 2026);
        Assert.Equal(13, provincePoint.Households);
        Assert.Equal(2, provincePoint.Poor);
        Assert.Equal(2.0 / 13, province.Profile!.H, 6);
        Assert.Equal(3, province.Ranking.Single(r => r.Code == Samples.CommuneB).Households);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Dashboard_DefaultYear_LatestRecognisedNotLatestSurveyed(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await SeedAsync(db);
        db.User.Become("tinh", Roles.ProvincialOfficer, "11", AdminLevel.Province);

        var dashboard = (await db.RunAsync(sp => sp.GetRequiredService<DashboardService>().GetAsync("11", null, default))).Value!;

        Assert.Equal(2025, dashboard.Year);                              // 2025 has a decision; 2026 only surveys
        Assert.Equal(new DateOnly(2025, 12, 31), dashboard.Base!.Date);
        Assert.Equal(14, dashboard.Base.Households);                     // 11 + 3 resident on 31/12/2025
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task LeaveAsync_DatesCheckedAuditedNothingDeleted(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        db.User.Become("xa", Roles.CommuneOfficer, Samples.CommuneA, AdminLevel.Commune);
        var created = await db.RunAsync(sp => sp.GetRequiredService<HouseholdCommands>().CreateAsync(
            Samples.Household(members: Samples.Head()) with { ResidentFrom = new DateOnly(2026, 3, 1) }, default));
        Assert.Equal(ResultStatus.Ok, created.Status);
        var id = created.Value!.Id;
        Assert.Equal(new DateOnly(2026, 3, 1), created.Value.ResidentFrom);

        var future = await Leave(db, id, new HouseholdLeaveInput(new DateOnly(2026, 11, 21), HouseholdLeaveReason.MovedAway, null));
        Assert.Equal(ResultStatus.Invalid, future.Status);
        Assert.Contains("date", future.Errors.Keys);
        var beforeArrival = await Leave(db, id, new HouseholdLeaveInput(new DateOnly(2026, 2, 28), HouseholdLeaveReason.MovedAway, null));
        Assert.Equal(ResultStatus.Invalid, beforeArrival.Status);
        Assert.Contains("trước ngày hộ đến cư trú (01/03/2026)", beforeArrival.Errors["date"][0], StringComparison.Ordinal);
        var otherWithoutNote = await Leave(db, id, new HouseholdLeaveInput(new DateOnly(2026, 10, 1), HouseholdLeaveReason.Other, " "));
        Assert.Contains("note", otherWithoutNote.Errors.Keys);

        var left = await Leave(db, id, new HouseholdLeaveInput(new DateOnly(2026, 10, 1), HouseholdLeaveReason.Merged, "Nhập vào hộ bố mẹ"));
        Assert.Equal(ResultStatus.Ok, left.Status);
        Assert.Equal(new DateOnly(2026, 10, 1), left.Value!.ResidentUntil);
        Assert.Equal(HouseholdLeaveReason.Merged, left.Value.LeftReason);
        var again = await Leave(db, id, new HouseholdLeaveInput(new DateOnly(2026, 10, 2), HouseholdLeaveReason.MovedAway, null));
        Assert.Equal(ResultStatus.Invalid, again.Status);

        // Nothing deleted; the list shows residents unless asked; the change is in the audit log.
        await db.RunAsync(async sp =>
        {
            var queries = sp.GetRequiredService<HouseholdQueries>();
            Assert.Equal(0, (await queries.ListAsync(new HouseholdListQuery(Samples.CommuneA), default)).TotalCount);
            var all = await queries.ListAsync(new HouseholdListQuery(Samples.CommuneA) { IncludeFormer = true }, default);
            Assert.Equal(new DateOnly(2026, 10, 1), Assert.Single(all.Items).ResidentUntil);
            var ctx = sp.GetRequiredService<AppDbContext>();
            var audit = await ctx.AuditRecords.Where(a => a.HouseholdId == id && a.Action == "update").Select(a => a.Changes).ToListAsync();
            Assert.Contains(audit, c => c.Contains("ResidentUntil", StringComparison.Ordinal) && c.Contains("LeftReason", StringComparison.Ordinal));
            return 0;
        });
    }

    private static Task<Result<HouseholdDetail>> Leave(TestDatabase db, long id, HouseholdLeaveInput input) =>
        db.RunAsync(sp => sp.GetRequiredService<HouseholdCommands>().LeaveAsync(id, input, default));

    private static async Task<IReadOnlyList<ReportTable>> Forms(TestDatabase db, string unit, int year, int[] numbers)
    {
        var result = await db.RunAsync(sp => sp.GetRequiredService<ReportService>().GetAsync(unit, year, Nd07, numbers, true, default));
        Assert.Equal(ResultStatus.Ok, result.Status);
        return result.Value!.Tables;
    }

    /// <summary>The data set of the class summary (the move of r11 goes through <see cref="HouseholdCommands.LeaveAsync"/>).</summary>
    internal static async Task SeedAsync(TestDatabase db)
    {
        var r11 = await db.RunAsync(async sp =>
        {
            var ctx = sp.GetRequiredService<AppDbContext>();
            HouseholdEntity Add(string commune, string code, int members)
            {
                var h = new HouseholdEntity { ProvinceCode = "11", CommuneCode = commune, Code = code, HeadName = "Chủ hộ " + code };
                for (var m = 0; m < members; m++)
                {
                    h.Members.Add(new MemberEntity
                    {
                        ProvinceCode = "11", Order = m + 1, FullName = (m == 0 ? "Chủ hộ " : "Con ") + code, EthnicityCode = "01",
                        DateOfBirth = m == 0 ? new DateOnly(1980, 1, 1) : new DateOnly(2016, 1, 1),
                        RelationToHead = m == 0 ? RelationToHead.Head : RelationToHead.Child, HasHealthInsurance = true,
                    });
                }

                ctx.Households.Add(h);
                return h;
            }

            var a = Enumerable.Range(1, 11).Select(i => Add(Samples.CommuneA, "R" + i.ToString("000", System.Globalization.CultureInfo.InvariantCulture), 1 + i % 3)).ToList();
            var b = Enumerable.Range(1, 3).Select(i => Add(Samples.CommuneB, "M" + i.ToString("000", System.Globalization.CultureInfo.InvariantCulture), 2)).ToList();
            await ctx.SaveChangesAsync();

            void Classify(HouseholdEntity h, int year, HouseholdCategory category, long? decision = null) =>
                ctx.HouseholdClassifications.Add(new HouseholdClassificationEntity
                {
                    HouseholdId = h.Id, ProvinceCode = "11", CommuneCode = h.CommuneCode, VillageCode = h.VillageCode, Year = year, StandardCode = Nd07,
                    Category = category, DeprivationCount = category == HouseholdCategory.Poor ? 3 : 1,
                    Deprived = category == HouseholdCategory.Poor ? "health_insurance;housing_quality;water" : "water",
                    MemberCount = h.Members.Count, DecisionId = decision, ComputedAtUtc = new DateTime(year, 10, 1, 0, 0, 0, DateTimeKind.Utc),
                });

            Classify(a[0], 2025, HouseholdCategory.Poor, decision: 7001);
            Classify(a[0], 2026, HouseholdCategory.Poor);
            Classify(a[1], 2025, HouseholdCategory.NearPoor, decision: 7001);
            Classify(a[1], 2026, HouseholdCategory.NearPoor);
            foreach (var h in a.Skip(2).Take(3))
            {
                Classify(h, 2024, HouseholdCategory.NotPoor);
            }

            Classify(a[10], 2025, HouseholdCategory.Poor, decision: 7001);
            Classify(b[0], 2025, HouseholdCategory.Poor);
            Classify(b[1], 2025, HouseholdCategory.NearPoor);
            Classify(b[2], 2025, HouseholdCategory.NotPoor);
            await ctx.SaveChangesAsync();
            return a[10].Id;
        });

        var left = await Leave(db, r11, new HouseholdLeaveInput(new DateOnly(2026, 6, 1), HouseholdLeaveReason.MovedAway, "Chuyển vào Nam"));
        Assert.Equal(ResultStatus.Ok, left.Status);
    }
}
