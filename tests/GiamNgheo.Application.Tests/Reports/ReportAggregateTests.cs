using System.Globalization;
using GiamNgheo.Application.AdminUnits;
using GiamNgheo.Application.Households;
using GiamNgheo.Application.Identity;
using GiamNgheo.Application.Interchange;
using GiamNgheo.Application.Persistence;
using GiamNgheo.Application.Reports;
using GiamNgheo.Application.Reports.Aggregates;
using GiamNgheo.Application.Surveys;
using GiamNgheo.Application.Tests.Infrastructure;
using GiamNgheo.Domain.Classification;
using GiamNgheo.Domain.Households;
using GiamNgheo.Domain.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace GiamNgheo.Application.Tests.Reports;

/// <summary>
/// The stored aggregates (report_aggregates) give exactly the forms the pure row-based functions give, and follow
/// registry changes: immediately on read (read-through) and through the background refresher's queue.
/// </summary>
public class ReportAggregateTests
{
    private static readonly int[] CountForms = [.. Enumerable.Range(1, 13)];

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task GetAsync_CraftedData_AggregateFormsEqualRowBasedForms(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await ReportsTestData.SeedAsync(db);
        db.User.Become("tinh", Roles.ProvincialOfficer, "11", AdminLevel.Province);

        foreach (var unit in new[] { "11", Samples.CommuneA, Samples.CommuneB })
        {
            await AssertSameFormsAsync(db, unit, 2025, ReportsTestData.Nd07);
            await AssertSameFormsAsync(db, unit, 2024, ReportsTestData.Nd07);
            await AssertSameFormsAsync(db, unit, 2025, ReportsTestData.Qd59);
        }

        var rows = await db.RunAsync(sp => sp.GetRequiredService<AppDbContext>().ReportAggregates.CountAsync());
        Assert.True(rows > 0);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task GetAsync_GeneratedData_AggregateFormsEqualRowBasedForms(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await SeedGeneratedAsync(db, 400, seed: 7);
        db.User.Become("tinh", Roles.ProvincialOfficer, "11", AdminLevel.Province);

        foreach (var unit in new[] { "11", Samples.CommuneA, Samples.CommuneB })
        {
            foreach (var year in new[] { 2023, 2024, 2025 })
            {
                await AssertSameFormsAsync(db, unit, year, ReportsTestData.Nd07);
            }
        }

        // The movement forms still balance and every total is the sum of its rows.
        var forms = await Forms(db, "11", 2025, ReportsTestData.Nd07, CountForms);
        foreach (var table in forms.Where(t => t.Number is 2 or 3))
        {
            foreach (var kind in new[] { ReportRowKind.Households, ReportRowKind.Persons })
            {
                Assert.Equal(table.Total(kind, "closing"), table.Total(kind, "opening") - table.Total(kind, "decrease") + table.Total(kind, "increase"));
            }
        }

        foreach (var table in forms)
        {
            for (var c = 0; c < table.Columns.Count; c++)
            {
                if (table.Columns[c].IsRate)
                {
                    continue;
                }

                foreach (var kind in table.Rows.Select(r => r.Kind).Distinct())
                {
                    Assert.Equal(table.Rows.Single(r => r.IsTotal && r.Kind == kind).Values[c], table.Rows.Where(r => !r.IsTotal && r.Kind == kind).Sum(r => r.Values[c]));
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task GetAsync_AfterRegistryEdit_FormsAndDashboardShowTheChangeAtOnce(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var ids = await ReportsTestData.SeedAsync(db);
        db.User.Become("tinh", Roles.ProvincialOfficer, "11", AdminLevel.Province);
        var before = (await Forms(db, "11", 2025, ReportsTestData.Nd07, [1]))[0];
        Assert.Equal(3, before.Total(ReportRowKind.Households, "poor"));

        // h6 (Mường Nhé, not poor) becomes poor; h1 gets one more member.
        await db.RunAsync(async sp =>
        {
            var ctx = sp.GetRequiredService<AppDbContext>();
            var row = await ctx.HouseholdClassifications.SingleAsync(c => c.HouseholdId == ids[5] && c.Year == 2025 && c.StandardCode == ReportsTestData.Nd07);
            row.Category = HouseholdCategory.Poor;
            await ctx.SaveChangesAsync();
            Assert.True(await ctx.ReportAggregateDirty.AnyAsync(d => d.CommuneCode == Samples.CommuneB));
            return 0;
        });

        var after = (await Forms(db, "11", 2025, ReportsTestData.Nd07, [1]))[0];
        Assert.Equal(4, after.Total(ReportRowKind.Households, "poor"));
        Assert.Equal(2, after.Value(Samples.CommuneB, ReportRowKind.Households, "poor"));
        Assert.False(await db.RunAsync(sp => sp.GetRequiredService<AppDbContext>().ReportAggregateDirty.AnyAsync()));
        var dashboard = await db.RunAsync(sp => sp.GetRequiredService<Dashboards.DashboardService>().GetAsync("11", 2025, default));
        Assert.Equal(4, dashboard.Value!.Trends.Single(t => t.StandardCode == ReportsTestData.Nd07).Years.Single(p => p.Year == 2025).Poor);
        await AssertSameFormsAsync(db, "11", 2025, ReportsTestData.Nd07);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task DrainOnceAsync_QueuedCommunes_AggregatesRefreshedAndQueueEmptied(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var ids = await ReportsTestData.SeedAsync(db);
        var scopes = await db.RunAsync(sp => Task.FromResult(sp.GetRequiredService<IServiceScopeFactory>()));
        var refresher = new ReportAggregateRefresher(scopes,
            new ConfigurationBuilder().Build(), NullLogger<ReportAggregateRefresher>.Instance);

        Assert.Equal(0, await db.RunAsync(sp => sp.GetRequiredService<AppDbContext>().ReportAggregates.CountAsync()));
        Assert.Equal(2, await refresher.DrainOnceAsync(default));
        Assert.Equal(0, await refresher.DrainOnceAsync(default));
        Assert.Equal(3, await PoorIn2025(db));

        // A new member of h1 (poor): the next pass updates the persons of the poor without any read.
        await db.RunAsync(async sp =>
        {
            var ctx = sp.GetRequiredService<AppDbContext>();
            ctx.Members.Add(new MemberEntity
            {
                HouseholdId = ids[0], ProvinceCode = "11", Order = 9, FullName = "Thành viên mới", EthnicityCode = "03",
                DateOfBirth = new DateOnly(2020, 1, 1), RelationToHead = RelationToHead.Child,
            });
            var c = await ctx.HouseholdClassifications.SingleAsync(x => x.HouseholdId == ids[0] && x.Year == 2025 && x.StandardCode == ReportsTestData.Nd07);
            c.MemberCount = 4;
            var h6 = await ctx.HouseholdClassifications.SingleAsync(x => x.HouseholdId == ids[5] && x.Year == 2025 && x.StandardCode == ReportsTestData.Nd07);
            h6.Category = HouseholdCategory.Poor;
            await ctx.SaveChangesAsync();
            return 0;
        });
        Assert.Equal(3, await PoorIn2025(db));
        Assert.Equal(2, await refresher.DrainOnceAsync(default));
        Assert.Equal(4, await PoorIn2025(db));
        var children = await db.RunAsync(sp => sp.GetRequiredService<AppDbContext>().ReportAggregates
            .Where(a => a.IsCommuneTotal && a.Year == 2025 && a.StandardCode == ReportsTestData.Nd07 && a.Kind == ReportAggregateKind.Households && a.Category == HouseholdCategory.Poor)
            .SumAsync(a => a.Children));
        Assert.Equal((2 + 1) + 3 + 1, children); // h1 with its new child, h3, h6
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RebuildAsync_AfterAggregatesLost_SameForms(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await SeedGeneratedAsync(db, 120, seed: 3);
        db.User.Become("tinh", Roles.ProvincialOfficer, "11", AdminLevel.Province);
        var first = await Forms(db, "11", 2025, ReportsTestData.Nd07, CountForms);

        await db.RunAsync(sp => sp.GetRequiredService<AppDbContext>().ReportAggregates.ExecuteDeleteAsync());
        var (communes, rows) = await db.RunAsync(sp => sp.GetRequiredService<ReportAggregates>().RebuildAsync("11", null, default));

        Assert.Equal(2, communes);
        Assert.True(rows > 0);
        var second = await Forms(db, "11", 2025, ReportsTestData.Nd07, CountForms);
        for (var i = 0; i < first.Count; i++)
        {
            AssertSameTable(first[i], second[i]);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ReadAsync_DeprivationRowsWrittenOneCodePerRow_SameFormsAsPackedRows(string provider)
    {
        // Deprivation aggregates are stored packed ("code=households;…" per village, category and Alkire–Foster poor);
        // rows written before the packing hold one code each and must still read the same.
        await using var db = await TestDatabase.CreateAsync(provider);
        await SeedGeneratedAsync(db, 120, seed: 5);
        db.User.Become("tinh", Roles.ProvincialOfficer, "11", AdminLevel.Province);
        var packed = await Forms(db, Samples.CommuneA, 2025, ReportsTestData.Nd07, CountForms);
        var provincePacked = await Forms(db, "11", 2025, ReportsTestData.Nd07, CountForms);

        var unpacked = await db.RunAsync(async sp =>
        {
            var context = sp.GetRequiredService<AppDbContext>();
            var rows = await context.ReportAggregates.Where(a => a.Kind == ReportAggregateKind.Deprivations).ToListAsync();
            Assert.Contains(rows, r => r.Deprived.Contains('=', StringComparison.Ordinal));
            context.ReportAggregates.RemoveRange(rows);
            foreach (var row in rows)
            {
                foreach (var entry in row.Deprived.Split(';'))
                {
                    var parts = entry.Split('=');
                    context.ReportAggregates.Add(new ReportAggregateEntity
                    {
                        Year = row.Year, StandardCode = row.StandardCode, ProvinceCode = row.ProvinceCode, CommuneCode = row.CommuneCode,
                        VillageCode = row.VillageCode, IsCommuneTotal = row.IsCommuneTotal, Kind = row.Kind, Category = row.Category,
                        MultidimensionallyPoor = row.MultidimensionallyPoor, Deprived = parts[0],
                        Households = int.Parse(parts[1], CultureInfo.InvariantCulture),
                    });
                }
            }

            await context.SaveChangesAsync();
            return rows.Count;
        });

        Assert.True(unpacked > 0);
        var communeForms = await Forms(db, Samples.CommuneA, 2025, ReportsTestData.Nd07, CountForms);
        var provinceForms = await Forms(db, "11", 2025, ReportsTestData.Nd07, CountForms);
        for (var i = 0; i < CountForms.Length; i++)
        {
            AssertSameTable(packed[i], communeForms[i]);
            AssertSameTable(provincePacked[i], provinceForms[i]);
        }
    }

    private static Task<int> PoorIn2025(TestDatabase db) => db.RunAsync(sp => sp.GetRequiredService<AppDbContext>().ReportAggregates
        .Where(a => a.IsCommuneTotal && a.Year == 2025 && a.StandardCode == ReportsTestData.Nd07 && a.Kind == ReportAggregateKind.Households && a.Category == HouseholdCategory.Poor)
        .SumAsync(a => a.Households));

    private static async Task<IReadOnlyList<ReportTable>> Forms(TestDatabase db, string unit, int year, string standard, int[] numbers)
    {
        var result = await db.RunAsync(sp => sp.GetRequiredService<ReportService>().GetAsync(unit, year, standard, numbers, true, default));
        Assert.Equal(ResultStatus.Ok, result.Status);
        return result.Value!.Tables;
    }

    internal static async Task AssertSameFormsAsync(TestDatabase db, string unit, int year, string standard)
    {
        var fromAggregates = await Forms(db, unit, year, standard, CountForms);
        var data = await db.RunAsync(sp => sp.GetRequiredService<ReportDataLoader>().LoadAsync(unit, year, standard, true, default));
        Assert.NotNull(data);
        if (year <= LegacyDistricts.LastDistrictYear && unit.Length == 2)
        {
            // Province forms before the reform have one row per old district (row-based, see LegacyDistricts): same totals.
            for (var i = 0; i < CountForms.Length; i++)
            {
                var expected = ReportForms.Build(CountForms[i], data.Context, data.Households);
                Assert.Equal(expected.Rows.Where(r => r.IsTotal).Select(r => r.Values), fromAggregates[i].Rows.Where(r => r.IsTotal).Select(r => r.Values));
            }

            return;
        }

        for (var i = 0; i < CountForms.Length; i++)
        {
            AssertSameTable(ReportForms.Build(CountForms[i], data.Context, data.Households), fromAggregates[i]);
        }

        // The detailed lists read only the listed households: the same lines as from every household of the unit.
        var lists = await Forms(db, unit, year, standard, [14, 15]);
        foreach (var list in lists)
        {
            var expected = ReportForms.Build(list.Number, data.Context, data.Households);
            Assert.Equal(expected.Rows.Select(r => (r.UnitCode, string.Join("|", r.Texts))), list.Rows.Select(r => (r.UnitCode, string.Join("|", r.Texts))));
        }
    }

    private static void AssertSameTable(ReportTable expected, ReportTable actual)
    {
        Assert.Equal(expected.Number, actual.Number);
        Assert.Equal(expected.Columns.Select(c => c.Key), actual.Columns.Select(c => c.Key));
        Assert.Equal(expected.Rows.Count, actual.Rows.Count);
        for (var r = 0; r < expected.Rows.Count; r++)
        {
            var e = expected.Rows[r];
            var a = actual.Rows[r];
            Assert.Equal((e.UnitCode, e.Kind, e.IsTotal), (a.UnitCode, a.Kind, a.IsTotal));
            Assert.True(e.Values.SequenceEqual(a.Values),
                string.Create(CultureInfo.InvariantCulture, $"form {expected.Number} row {e.UnitCode}/{e.Kind}: [{string.Join(", ", e.Values)}] vs [{string.Join(", ", a.Values)}]"));
        }
    }

    private static readonly string[] Indicators = ["employment", "dependants", "nutrition", "health_insurance", "adult_education", "child_schooling", "housing_quality", "housing_area", "water", "latrine"];

    /// <summary>
    /// Random households of the two sample communes (three villages each, some without a village) with categories in
    /// 2023–2025 (some missing in a year: moved in or away), changing member counts, groups, heads of several
    /// ethnicities, children, causes and deprivations.
    /// </summary>
    internal static async Task SeedGeneratedAsync(TestDatabase db, int count, int seed)
    {
        await db.RunAsync(async sp =>
        {
            var ctx = sp.GetRequiredService<AppDbContext>();
            var random = new Random(seed);
            var categories = Enum.GetValues<HouseholdCategory>();
            var plan = new List<(HouseholdEntity H, HouseholdCategory?[] Years, int[] Sizes)>();
            string[] ethnicities = ["01", "03", "04", "17", "30"];
            for (var i = 0; i < count; i++)
            {
                var commune = random.Next(2) == 0 ? Samples.CommuneA : Samples.CommuneB;
                var village = random.Next(4) switch { 0 => null, var v => commune + "0" + v.ToString(CultureInfo.InvariantCulture) };
                var ethnicity = ethnicities[random.Next(ethnicities.Length)];
                var groups = (ethnicity == "01" ? SpecialGroups.None : SpecialGroups.EthnicMinority);
                foreach (var flag in new[] { SpecialGroups.NoLabourCapacity, SpecialGroups.RevolutionaryMerit, SpecialGroups.FemaleHead, SpecialGroups.LocalIndigenousMinority, SpecialGroups.SocialProtection })
                {
                    groups |= random.NextDouble() < 0.15 ? flag : SpecialGroups.None;
                }

                var h = new HouseholdEntity
                {
                    ProvinceCode = "11", CommuneCode = commune, VillageCode = village, Groups = groups,
                    Code = "G" + i.ToString("0000", CultureInfo.InvariantCulture), HeadName = "Hộ " + i.ToString(CultureInfo.InvariantCulture),
                };
                var size = 1 + random.Next(6);
                for (var m = 0; m < size; m++)
                {
                    h.Members.Add(new MemberEntity
                    {
                        ProvinceCode = "11", Order = m + 1, FullName = "Người " + m.ToString(CultureInfo.InvariantCulture),
                        Sex = random.Next(2) == 0 ? Sex.Male : Sex.Female,
                        DateOfBirth = m == 0 ? new DateOnly(1970 + random.Next(30), 3, 1) : new DateOnly(2005 + random.Next(20), 1 + random.Next(12), 1),
                        EthnicityCode = m == 0 ? ethnicity : ethnicities[random.Next(ethnicities.Length)],
                        RelationToHead = m == 0 ? RelationToHead.Head : RelationToHead.Child,
                        HasHealthInsurance = random.NextDouble() < 0.7,
                        Schooling = random.NextDouble() < 0.7 ? Schooling.InSchool : Schooling.NotInSchool,
                    });
                }

                HouseholdCategory? Pick() => random.NextDouble() < 0.12 ? null : random.NextDouble() < 0.6 ? categories[random.Next(2)] : categories[random.Next(categories.Length)];
                plan.Add((h, [Pick(), Pick(), Pick()], [size + random.Next(-1, 2), size + random.Next(-1, 2), size]));
                ctx.Households.Add(h);
            }

            await ctx.SaveChangesAsync();
            foreach (var (h, years, sizes) in plan)
            {
                for (var y = 0; y < 3; y++)
                {
                    if (years[y] is not { } category)
                    {
                        continue;
                    }

                    var deprived = Indicators.Where(_ => random.NextDouble() < (category == HouseholdCategory.Poor ? 0.4 : 0.15)).ToArray();
                    ctx.HouseholdClassifications.Add(new HouseholdClassificationEntity
                    {
                        HouseholdId = h.Id, ProvinceCode = "11", CommuneCode = h.CommuneCode, VillageCode = h.VillageCode, Year = 2023 + y,
                        StandardCode = ReportsTestData.Nd07, Category = category, DeprivationCount = deprived.Length, Deprived = string.Join(';', deprived),
                        MemberCount = Math.Max(1, sizes[y]),
                    });
                    if (random.NextDouble() < 0.9)
                    {
                        ctx.HouseholdSurveys.Add(new HouseholdSurveyEntity
                        {
                            HouseholdId = h.Id, ProvinceCode = "11", Year = 2023 + y,
                            Causes = (PovertyCauses)random.Next(0, 256), Needs = (SupportNeeds)random.Next(0, 64),
                        });
                    }
                }
            }

            await ctx.SaveChangesAsync();
            return 0;
        });
    }
}
