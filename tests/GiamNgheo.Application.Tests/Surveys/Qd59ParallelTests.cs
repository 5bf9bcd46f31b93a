using GiamNgheo.Application.AdminUnits;
using GiamNgheo.Application.Dashboards;
using GiamNgheo.Application.Households;
using GiamNgheo.Application.Persistence;
using GiamNgheo.Application.Surveys;
using GiamNgheo.Application.Targets;
using GiamNgheo.Application.Tests.Infrastructure;
using GiamNgheo.Domain.Classification;
using GiamNgheo.Domain.Common;
using GiamNgheo.Domain.Standards;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GiamNgheo.Application.Tests.Surveys;

/// <summary>
/// The QĐ 59 parallel rate made honest (issue 15, docs/standards.md): B1 score tables, the completeness of the QĐ 59-only
/// indicators in the stored classifications, the target and the dashboard, and the area of a commune on the survey date.
/// </summary>
public class Qd59ParallelTests
{
    /// <summary>The QD59_2015 indicators an NĐ 07 questionnaire also answers (every one but the three QĐ 59-only items).</summary>
    private static readonly string[] Qd59Shared = ["adult_education_2016", "child_schooling_2016", "health_insurance", "housing_quality", "housing_area", "water", "sanitation"];

    private static async Task<long> HouseholdAsync(TestDatabase db, string head = "Nguyễn Văn An", string? code = null)
    {
        var created = await db.RunAsync(sp => sp.GetRequiredService<HouseholdCommands>().CreateAsync(Samples.Household(head: head, code: code), default));
        return created.Value!.Id;
    }

    /// <summary>
    /// A B1 score of 130 with three NĐ 07 deprivations: under the TT 07/2021 table (the 2025 default) NĐ 07 classifies it
    /// and QĐ 59 does not (its thresholds are TT 17/2016's) — no QĐ 59 row is stored, the reason says why. Recorded under
    /// TT 17/2016, the reverse.
    /// </summary>
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Save_B1ScoreOfEachTable_ComparedOnlyWithThresholdsOfTheSameTable(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var id = await HouseholdAsync(db);
        var answers = new Dictionary<string, bool> { ["employment"] = true, ["dependants"] = true, ["nutrition"] = true, ["water"] = true };
        var first = await db.RunAsync(sp => sp.GetRequiredService<SurveyCommands>().SaveAsync(id,
            new SurveyInput { Year = 2025, B1Score = 130, Answers = answers }, default));

        Assert.Equal(ResultStatus.Ok, first.Status);
        Assert.Equal(ScoreTables.Tt07Of2021, first.Value!.Survey!.B1ScoreTable);
        var byStandard = first.Value.Results.ToDictionary(r => r.StandardCode);
        Assert.Equal(HouseholdCategory.Poor, byStandard["ND07_2021"].Classification!.Category);
        Assert.Null(byStandard["QD59_2015"].Classification);
        Assert.Contains("Thông tư 07/2021", byStandard["QD59_2015"].Problem, StringComparison.Ordinal);
        Assert.Contains("Thông tư 17/2016", byStandard["QD59_2015"].Problem, StringComparison.Ordinal);
        var stored = await db.RunAsync(sp => sp.GetRequiredService<AppDbContext>().HouseholdClassifications.Where(c => c.HouseholdId == id).Select(c => c.StandardCode).ToListAsync());
        Assert.Equal(["ND07_2021"], stored);

        var second = await db.RunAsync(sp => sp.GetRequiredService<SurveyCommands>().SaveAsync(id,
            new SurveyInput { Year = 2025, B1Score = 130, B1ScoreTable = "TT 17/2016", Answers = answers, Version = first.Value.Survey.Version }, default));
        Assert.Equal(ResultStatus.Ok, second.Status);
        Assert.Equal(ScoreTables.Tt17Of2016, second.Value!.Survey!.B1ScoreTable);
        byStandard = second.Value.Results.ToDictionary(r => r.StandardCode);
        Assert.Null(byStandard["ND07_2021"].Classification);
        Assert.Equal(HouseholdCategory.NearPoor, byStandard["QD59_2015"].Classification!.Category); // 120 < 130 ≤ 150, one QĐ 59 deprivation (water)
        stored = await db.RunAsync(sp => sp.GetRequiredService<AppDbContext>().HouseholdClassifications.Where(c => c.HouseholdId == id).Select(c => c.StandardCode).ToListAsync());
        Assert.Equal(["QD59_2015"], stored);

        var bad = await db.RunAsync(sp => sp.GetRequiredService<SurveyCommands>().SaveAsync(id,
            new SurveyInput { Year = 2025, B1Score = 130, B1ScoreTable = "TT 99/2030", Answers = answers, Version = second.Value.Survey.Version }, default));
        Assert.Equal(ResultStatus.Invalid, bad.Status);
    }

    /// <summary>
    /// Two rural households of 2025 measured by income. A: 800.000 đ, deprived in water only, the three QĐ 59-only items
    /// unanswered — near-poor under QĐ 59 as counted, poor if the three were deprived. B: 600.000 đ, everything answered —
    /// poor. The stored rows, the directive's target and the dashboard all say 1 household is incomplete and give the poor
    /// rate both ways: 50% counting the unanswered items as not deprived, [50% – 100%].
    /// </summary>
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Qd59OnlyItemsMissing_IncompleteCountedInClassificationTargetAndDashboard(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var a = await HouseholdAsync(db, "Nguyễn Văn An");
        var b = await HouseholdAsync(db, "Trần Thị Bình");
        var partial = Qd59Shared.ToDictionary(c => c, c => c == "water");
        var full = new Dictionary<string, bool>(partial) { ["health_access"] = false, ["telecom_2016"] = false, ["information_assets"] = false };
        Assert.Equal(ResultStatus.Ok, (await db.RunAsync(sp => sp.GetRequiredService<SurveyCommands>().SaveAsync(a,
            new SurveyInput { Year = 2025, IncomePerCapita = 800_000, Answers = partial }, default))).Status);
        Assert.Equal(ResultStatus.Ok, (await db.RunAsync(sp => sp.GetRequiredService<SurveyCommands>().SaveAsync(b,
            new SurveyInput { Year = 2025, IncomePerCapita = 600_000, Answers = full }, default))).Status);

        var rows = await db.RunAsync(sp => sp.GetRequiredService<AppDbContext>().HouseholdClassifications
            .Where(c => c.StandardCode == "QD59_2015").OrderBy(c => c.HouseholdId).ToListAsync());
        Assert.Equal([true, false], rows.Select(r => r.Incomplete));
        Assert.Equal(HouseholdCategory.NearPoor, rows[0].Category);
        Assert.Equal(HouseholdCategory.Poor, rows[0].PessimisticCategory);
        Assert.Equal(HouseholdCategory.Poor, rows[1].PessimisticCategory);

        await db.RunAsync(async sp => { await TargetService.EnsureDemoTargetAsync(sp.GetRequiredService<AppDbContext>(), "11", default); return 0; });
        var target = Assert.Single((await db.RunAsync(sp => sp.GetRequiredService<TargetService>().ForUnitAsync("11", 2025, default))).Value!);
        Assert.Equal(50m, target.Actual);
        Assert.Equal(100m, target.ActualPessimistic);
        Assert.Equal(1, target.Incomplete);
        Assert.Equal(
            "1 hộ chưa đủ thông tin theo QD59_2015 (thiếu câu trả lời cho chỉ số của chuẩn này); tỷ lệ hộ nghèo 50,00% nếu coi các chỉ số còn thiếu là "
            + "không thiếu hụt, trong khoảng [50,00% – 100,00%] nếu coi chúng là thiếu hụt.",
            target.CompletenessVi);

        var dashboard = (await db.RunAsync(sp => sp.GetRequiredService<DashboardService>().GetAsync("11", 2025, default))).Value!;
        // Every standard says how many are incomplete (here NĐ 07 too: its own indicators were not all answered).
        var qd59 = dashboard.Completeness.Single(c => c.StandardCode == "QD59_2015");
        Assert.Equal(1, qd59.Range.Incomplete);
        Assert.Equal(50m, qd59.PoorRateOptimistic);
        Assert.Equal(100m, qd59.PoorRatePessimistic);
        Assert.Equal(target.CompletenessVi, qd59.SentenceVi);
        // Form 1 (and every form of the set, screen and files) carries the same sentence under its denominator.
        var forms = (await db.RunAsync(sp => sp.GetRequiredService<GiamNgheo.Application.Reports.ReportService>().GetAsync("11", 2025, "QD59_2015", [1, 14], false, default))).Value!;
        Assert.All(forms.Tables, t => Assert.EndsWith(target.CompletenessVi!, t.BaseVi, StringComparison.Ordinal));

        // Answering the three items completes the household: nothing incomplete is left to show.
        var version = (await db.RunAsync(sp => sp.GetRequiredService<AppDbContext>().HouseholdSurveys.SingleAsync(s => s.HouseholdId == a))).Version;
        await db.RunAsync(sp => sp.GetRequiredService<SurveyCommands>().SaveAsync(a,
            new SurveyInput { Year = 2025, IncomePerCapita = 800_000, Answers = full, Version = version }, default));
        target = Assert.Single((await db.RunAsync(sp => sp.GetRequiredService<TargetService>().ForUnitAsync("11", 2025, default))).Value!);
        Assert.Equal(0, target.Incomplete);
        Assert.Null(target.CompletenessVi);
        Assert.Equal(target.Actual, target.ActualPessimistic);
    }

    /// <summary>
    /// A commune that becomes urban on 1 January 2026: the household (registered rural) is classified with the rural line
    /// for its 2025 survey and the urban line for its 2026 survey. 1.800.000 đ with three deprivations: above the rural line
    /// 1.500.000 (medium), at or below the urban line 2.000.000 (poor).
    /// </summary>
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Classify_CommuneBecameUrban_EachSurveyUsesTheAreaOnItsDate(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var id = await HouseholdAsync(db);
        var changed = await db.RunAsync(sp => sp.GetRequiredService<AreaTypeHandler>().ExecuteAsync(
            new SetAreaTypeCommand(Samples.CommuneA, AreaType.Urban, new DateOnly(2026, 1, 1)), default));
        Assert.Equal(ResultStatus.Ok, changed.Status);
        var answers = new Dictionary<string, bool> { ["employment"] = true, ["dependants"] = true, ["nutrition"] = true };

        var before = await db.RunAsync(sp => sp.GetRequiredService<SurveyCommands>().SaveAsync(id,
            new SurveyInput { Year = 2025, IncomePerCapita = 1_800_000, Answers = answers }, default));
        var after = await db.RunAsync(sp => sp.GetRequiredService<SurveyCommands>().SaveAsync(id,
            new SurveyInput { Year = 2026, IncomePerCapita = 1_800_000, Answers = answers }, default));

        Assert.Equal(HouseholdCategory.Medium, before.Value!.Results.Single(r => r.StandardCode == "ND07_2021").Classification!.Category);
        Assert.Equal(HouseholdCategory.Poor, after.Value!.Results.Single(r => r.StandardCode == "ND07_2021").Classification!.Category);
        Assert.Contains("thành thị", after.Value.Results.Single(r => r.StandardCode == "ND07_2021").Classification!.ReasonVi, StringComparison.Ordinal);
        var stored = await db.RunAsync(sp => sp.GetRequiredService<AppDbContext>().HouseholdClassifications
            .Where(c => c.HouseholdId == id && c.StandardCode == "ND07_2021").OrderBy(c => c.Year).Select(c => c.Category).ToListAsync());
        Assert.Equal([HouseholdCategory.Medium, HouseholdCategory.Poor], stored);
    }

    /// <summary>
    /// The area changes after the surveys are stored: the stored rows from the change's date are classified again (the
    /// 2026 survey becomes poor under the urban line), the 2025 survey before the date keeps the rural result.
    /// </summary>
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SetAreaType_AfterSurveysStored_ReclassifiesThoseFromTheDate(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var id = await HouseholdAsync(db);
        var answers = new Dictionary<string, bool> { ["employment"] = true, ["dependants"] = true, ["nutrition"] = true };
        foreach (var year in new[] { 2025, 2026 })
        {
            await db.RunAsync(sp => sp.GetRequiredService<SurveyCommands>().SaveAsync(id, new SurveyInput { Year = year, IncomePerCapita = 1_800_000, Answers = answers }, default));
        }

        var changed = await db.RunAsync(sp => sp.GetRequiredService<AreaTypeHandler>().ExecuteAsync(
            new SetAreaTypeCommand(Samples.CommuneA, AreaType.Urban, new DateOnly(2026, 1, 1)), default));

        Assert.Equal(ResultStatus.Ok, changed.Status);
        Assert.Equal(1, changed.Value!.SurveysReclassified);
        Assert.True(changed.Value.RowsChanged >= 1);
        var stored = await db.RunAsync(sp => sp.GetRequiredService<AppDbContext>().HouseholdClassifications
            .Where(c => c.HouseholdId == id && c.StandardCode == "ND07_2021").OrderBy(c => c.Year).Select(c => c.Category).ToListAsync());
        Assert.Equal([HouseholdCategory.Medium, HouseholdCategory.Poor], stored);
    }

    /// <summary>
    /// What the one-time reclassification after the completeness migration repairs: QĐ 59 rows stored as complete (as the
    /// migration left every older row) while the surveys never asked the three QĐ 59-only items become incomplete, with
    /// their pessimistic category: 900.000 đ rural with two deprivations is near-poor, poor if the three were deprived.
    /// </summary>
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Reclassify_RowsStoredBeforeCompleteness_MarkedIncomplete(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var ids = new[] { await HouseholdAsync(db), await HouseholdAsync(db, "Lò Văn Bình", "HH-RECL-2") };
        var answers = Qd59Shared.ToDictionary(c => c, c => c is "water" or "sanitation");
        foreach (var household in ids)
        {
            await db.RunAsync(sp => sp.GetRequiredService<SurveyCommands>().SaveAsync(household, new SurveyInput { Year = 2025, IncomePerCapita = 900_000, Answers = answers }, default));
        }

        await db.RunAsync(async sp =>
        {
            var ctx = sp.GetRequiredService<AppDbContext>();
            foreach (var row in await ctx.HouseholdClassifications.Where(c => c.StandardCode == "QD59_2015").ToListAsync())
            {
                row.Incomplete = false; // as the migration CScoreTablesAndCompleteness left the rows stored before it
                row.PessimisticCategory = row.Category;
            }

            return await ctx.SaveChangesAsync();
        });

        var outcome = await db.RunAsync(sp => sp.GetRequiredService<Reclassification>().RunAsync(new ReclassifyScope(), null, default));

        Assert.Equal(2, outcome.Surveys);
        Assert.Equal(2, outcome.ChangedRows);
        var rows = await db.RunAsync(sp => sp.GetRequiredService<AppDbContext>().HouseholdClassifications.Where(c => c.StandardCode == "QD59_2015").ToListAsync());
        Assert.All(rows, r =>
        {
            Assert.True(r.Incomplete);
            Assert.Equal(HouseholdCategory.NearPoor, r.Category);
            Assert.Equal(HouseholdCategory.Poor, r.PessimisticCategory);
        });
    }

    /// <summary>
    /// Found walking the units page as the provincial officer: an area type from a date before the 2025 reform looked the
    /// commune up on that date, found its pre-2025 row (parent: a district) and answered "not found". The commune is
    /// looked up as it is today.
    /// </summary>
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SetAreaType_ProvincialOfficerFromBeforeTheReform_Accepted(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        db.User.Become("tinh", GiamNgheo.Application.Identity.Roles.ProvincialOfficer, "11", AdminLevel.Province);

        var changed = await db.RunAsync(sp => sp.GetRequiredService<AreaTypeHandler>().ExecuteAsync(
            new SetAreaTypeCommand(Samples.CommuneA, AreaType.Urban, new DateOnly(2025, 1, 1)), default));

        Assert.Equal(ResultStatus.Ok, changed.Status);
        Assert.Equal(new DateOnly(2025, 1, 1), changed.Value!.Period.ValidFrom);
    }
}
