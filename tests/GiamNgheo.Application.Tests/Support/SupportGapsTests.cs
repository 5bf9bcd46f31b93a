using GiamNgheo.Application.AdminUnits;
using GiamNgheo.Application.Identity;
using GiamNgheo.Application.Interchange;
using GiamNgheo.Application.Persistence;
using GiamNgheo.Application.Support;
using GiamNgheo.Application.Tests.Infrastructure;
using GiamNgheo.Domain.Classification;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GiamNgheo.Application.Tests.Support;

public class SupportGapsTests
{
    private static Task<Result<SupportRecordDto>> Record(TestDatabase db, long household, string policy, string date, long amount = 0, long? member = null,
        string agency = "") =>
        db.RunAsync(sp => sp.GetRequiredService<SupportCommands>().RecordAsync(new SupportInput
        {
            HouseholdId = household, PolicyCode = policy, Date = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture),
            AmountDong = amount, MemberId = member, Agency = agency, Reference = "TEST",
        }, default));

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Worklist_CraftedCommune_ListsOpenGapsByHousehold(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        // Unserved poor household: every entitlement open, both deprivations unanswered.
        var unserved = await SupportFixture.HouseholdAsync(db, "Lò Văn Một", HouseholdCategory.Poor, "health_insurance;housing_quality", personalId: "011085000001");
        // Served by one agency (health insurance) and missing another (electricity).
        var half = await SupportFixture.HouseholdAsync(db, "Lò Văn Hai", HouseholdCategory.Poor, "health_insurance", personalId: "011085000002");
        // Near-poor, fully served: not on the worklist.
        var served = await SupportFixture.HouseholdAsync(db, "Lò Văn Ba", HouseholdCategory.NearPoor, "health_insurance", personalId: "011085000003");
        // Medium: not on the list at all.
        await SupportFixture.HouseholdAsync(db, "Lò Văn Bốn", HouseholdCategory.Medium, personalId: "011085000004");
        // Poor household in the other commune: outside the officer's scope.
        await SupportFixture.HouseholdAsync(db, "Lò Văn Năm", HouseholdCategory.Poor, commune: Samples.CommuneB, personalId: "011085000005");

        db.User.Become("xa", Roles.CommuneOfficer, Samples.CommuneA, AdminLevel.Commune);
        Assert.Equal(ResultStatus.Ok, (await Record(db, half.Id, "HI_POOR", "2026-01-15", 1_263_600, agency: "BHXH tỉnh Điện Biên")).Status);
        Assert.Equal(ResultStatus.Ok, (await Record(db, half.Id, "STUDY_COST", "2026-11-02", 150_000)).Status);
        Assert.Equal(ResultStatus.Ok, (await Record(db, served.Id, "HI_NEAR_POOR", "2026-02-01", 884_520)).Status);

        var page = (await db.RunAsync(sp => sp.GetRequiredService<SupportGaps>().WorklistAsync(new WorklistQuery(Samples.CommuneA), default))).Value!;

        Assert.Equal([unserved.Id, half.Id], page.Items.Select(i => i.HouseholdId).Order());
        var first = page.Items.Single(i => i.HouseholdId == unserved.Id);
        Assert.Equal(["ELECTRICITY", "HI_POOR", "STUDY_COST"], first.Gaps.Select(g => g.PolicyCode).Order());
        Assert.Equal(["health_insurance", "housing_quality"], first.UnansweredDeprivations.Order());
        var second = page.Items.Single(i => i.HouseholdId == half.Id);
        Assert.Equal(["ELECTRICITY"], second.Gaps.Select(g => g.PolicyCode));
        Assert.Empty(second.UnansweredDeprivations);
        // Longest waiting first: the unserved household waits since its listing (01/11/2025), the other since its last support.
        Assert.Equal(unserved.Id, page.Items[0].HouseholdId);
        Assert.Equal(new DateOnly(2025, 11, 1), first.WaitingSince);
        Assert.Equal(new DateOnly(2026, 11, 2), second.WaitingSince);

        var gaps = (await db.RunAsync(sp => sp.GetRequiredService<SupportGaps>().ForHouseholdAsync(half.Id, default))).Value!;
        var hi = gaps.Policies.Single(p => p.PolicyCode == "HI_POOR");
        Assert.True(hi.Eligible && hi.Served && !hi.Gap);
        Assert.Equal("Đủ điều kiện: hộ nghèo theo chuẩn nghèo tại Nghị định 07/2021/NĐ-CP.", hi.ReasonVi);

        var noSupport = (await db.RunAsync(sp => sp.GetRequiredService<SupportGaps>().NoSupportThisYearAsync(Samples.CommuneA, null, default))).Value!;
        Assert.Equal([unserved.Id], noSupport.Select(r => r.HouseholdId));

        var coverage = (await db.RunAsync(sp => sp.GetRequiredService<SupportGaps>().CoverageAsync(Samples.CommuneA, default))).Value!;
        var hiTotal = coverage.Totals.Single(t => t.PolicyCode == "HI_POOR");
        Assert.Equal((2, 1), (hiTotal.Eligible, hiTotal.Served));
        Assert.Equal(0.5, hiTotal.Rate);
        Assert.Equal((1, 1), coverage.Totals.Where(t => t.PolicyCode == "HI_NEAR_POOR").Select(t => (t.Eligible, t.Served)).Single());

        // The other commune's household is not visible to this officer.
        Assert.Equal(ResultStatus.NotFound, (await db.RunAsync(sp => sp.GetRequiredService<SupportGaps>().WorklistAsync(new WorklistQuery(Samples.CommuneB), default))).Status);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Worklist_OnRequestPolicy_IsAGapOnlyWhenAskedFor(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var asks = await SupportFixture.HouseholdAsync(db, "Giàng A Dế", HouseholdCategory.Poor, needs: SupportNeeds.Credit, personalId: "011085000011");
        var silent = await SupportFixture.HouseholdAsync(db, "Giàng A Páo", HouseholdCategory.Poor, personalId: "011085000012");
        var gaps = (await db.RunAsync(sp => sp.GetRequiredService<SupportGaps>().WorklistAsync(new WorklistQuery(Samples.CommuneA), default))).Value!;
        Assert.Contains("VBSP_POOR", gaps.Items.Single(i => i.HouseholdId == asks.Id).Gaps.Select(g => g.PolicyCode));
        Assert.DoesNotContain("VBSP_POOR", gaps.Items.Single(i => i.HouseholdId == silent.Id).Gaps.Select(g => g.PolicyCode));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Record_SameBenefitTwiceInAPeriod_IsFlaggedDuplicate_AndReversalReopensTheGap(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var h = await SupportFixture.HouseholdAsync(db, "Lò Thị Sáu", HouseholdCategory.Poor, "health_insurance", personalId: "011085000021");
        db.User.Become("xa", Roles.CommuneOfficer, Samples.CommuneA, AdminLevel.Commune);
        var first = (await Record(db, h.Id, "ELECTRICITY", "2026-10-05", 138_000)).Value!;
        var second = (await Record(db, h.Id, "ELECTRICITY", "2026-11-02", 138_000)).Value!;
        var nextQuarterLastYear = (await Record(db, h.Id, "ELECTRICITY", "2026-07-02", 138_000)).Value!;
        Assert.Null(first.DuplicateOfId);
        Assert.Equal(first.Id, second.DuplicateOfId);
        Assert.Equal("duplicate", second.Status);
        Assert.Null(nextQuarterLastYear.DuplicateOfId);

        var hi = (await Record(db, h.Id, "HI_POOR", "2026-01-10", 1_263_600)).Value!;
        var reversed = await db.RunAsync(sp => sp.GetRequiredService<SupportCommands>().ReverseAsync(h.Id, hi.Id, "Nhập nhầm hộ", default));
        Assert.Equal(ResultStatus.Ok, reversed.Status);
        Assert.Equal(-1_263_600, reversed.Value!.AmountDong);
        Assert.Equal(hi.Id, reversed.Value.ReversesId);
        Assert.Equal(ResultStatus.Conflict, (await db.RunAsync(sp => sp.GetRequiredService<SupportCommands>().ReverseAsync(h.Id, hi.Id, "lại", default))).Status);

        var gaps = (await db.RunAsync(sp => sp.GetRequiredService<SupportGaps>().ForHouseholdAsync(h.Id, default))).Value!;
        Assert.True(gaps.Policies.Single(p => p.PolicyCode == "HI_POOR").Gap);
        var history = (await db.RunAsync(sp => sp.GetRequiredService<SupportCommands>().HistoryAsync(h.Id, default))).Value!;
        Assert.Equal(5, history.Count);
        Assert.Equal("reversed", history.Single(r => r.Id == hi.Id).Status);
        var audits = await db.RunAsync(sp => sp.GetRequiredService<AppDbContext>().AuditRecords.CountAsync(a => a.EntityType == "SupportRecord"));
        Assert.True(audits >= 6);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Record_BadInput_RefusedInVietnamese(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var h = await SupportFixture.HouseholdAsync(db, "Lò Văn Bảy", HouseholdCategory.Poor, personalId: "011085000031");
        var result = await db.RunAsync(sp => sp.GetRequiredService<SupportCommands>().RecordAsync(new SupportInput
        {
            HouseholdId = h.Id, PolicyCode = "HOUSING_TEMPORARY", Date = new DateOnly(2026, 3, 1), AmountDong = -5, Funding = "vàng",
        }, default));
        Assert.Equal(ResultStatus.Invalid, result.Status);
        Assert.Contains("ngoài thời gian hiệu lực", result.Errors["date"][0], StringComparison.Ordinal);
        Assert.Contains("không được âm", result.Errors["amountDong"][0], StringComparison.Ordinal);
        Assert.Contains("funding", result.Errors.Keys);

        db.User.Become("xa2", Roles.CommuneOfficer, Samples.CommuneB, AdminLevel.Commune);
        Assert.Equal(ResultStatus.NotFound, (await Record(db, h.Id, "HI_POOR", "2026-03-01")).Status);
        db.User.Become("lanhdao", Roles.Leader, "11", AdminLevel.Province);
        Assert.Equal(ResultStatus.Forbidden, (await Record(db, h.Id, "HI_POOR", "2026-03-01")).Status);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Plan_OverdueItem_IsOnTheOfficersWorklist(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var h = await SupportFixture.HouseholdAsync(db, "Lò Văn Tám", HouseholdCategory.Poor, personalId: "011085000041");
        db.User.Become("xa", Roles.CommuneOfficer, Samples.CommuneA, AdminLevel.Commune);
        var plans = (Func<IServiceProvider, SupportPlans>)(sp => sp.GetRequiredService<SupportPlans>());
        var saved = await db.RunAsync(sp => plans(sp).SaveAsync(h.Id, new PlanInput
        {
            Responsible = "Hội Nông dân xã",
            EscapeYear = 2027,
            Commitment = "Hộ cam kết nuôi 2 con bò sinh sản, cho con đi học đầy đủ",
            RegisteredOn = new DateOnly(2026, 3, 1),
            Items = [new PlanItemInput("Vay vốn NHCSXH mua bò", new DateOnly(2026, 6, 30), "VBSP_POOR"), new PlanItemInput("Tập huấn chăn nuôi", new DateOnly(2026, 12, 15))],
        }, default));
        Assert.Equal(ResultStatus.Ok, saved.Status);
        Assert.Equal(ResultStatus.Ok, (await db.RunAsync(sp => plans(sp).AddVisitAsync(h.Id, new DateOnly(2026, 9, 1), "Bò khỏe, hộ chưa vay được vốn", default))).Status);

        var overdue = await db.RunAsync(sp => plans(sp).OverdueAsync(mine: true, default));
        var item = Assert.Single(overdue);
        Assert.Equal("Vay vốn NHCSXH mua bò", item.Description);
        Assert.Equal(143, item.DaysOverdue);

        var plan = saved.Value!;
        await db.RunAsync(sp => plans(sp).CompleteItemAsync(h.Id, plan.Items[0].Id, new DateOnly(2026, 11, 1), default));
        Assert.Empty(await db.RunAsync(sp => plans(sp).OverdueAsync(mine: true, default)));
    }
}
