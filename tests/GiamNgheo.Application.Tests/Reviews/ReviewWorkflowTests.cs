using GiamNgheo.Application.AdminUnits;
using GiamNgheo.Application.Households;
using GiamNgheo.Application.Identity;
using GiamNgheo.Application.Persistence;
using GiamNgheo.Application.Reviews;
using GiamNgheo.Application.Reviews.Documents;
using GiamNgheo.Application.Surveys;
using GiamNgheo.Application.Tests.Infrastructure;
using GiamNgheo.Domain.Reviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GiamNgheo.Application.Tests.Reviews;

public class ReviewWorkflowTests
{
    private static readonly Dictionary<string, bool> ThreeDeprived = new() { ["employment"] = true, ["nutrition"] = true, ["water"] = true };
    private static readonly Dictionary<string, bool> NoneDeprived = new() { ["employment"] = false, ["nutrition"] = false, ["water"] = false };

    private static SurveyInput Poor(int year, int? version = null) => new() { Year = year, IncomePerCapita = 900_000, Answers = ThreeDeprived, Version = version };
    private static SurveyInput NearPoor(int year, int? version = null) => new() { Year = year, IncomePerCapita = 1_200_000, Answers = NoneDeprived, Version = version };
    private static SurveyInput Above(int year, int? version = null) => new() { Year = year, IncomePerCapita = 3_500_000, Answers = NoneDeprived, Version = version };

    private static void AtDay(TestDatabase db, int month, int day) => db.Clock.Now = new DateTimeOffset(2026, month, day, 8, 0, 0, TimeSpan.Zero);

    /// <summary>Four households of Xã Sín Thầu with a 2025 survey: poor, near-poor, poor, above the line.</summary>
    private static async Task<long[]> SeedAsync(TestDatabase db)
    {
        var ids = new List<long>();
        string[] heads = ["Lò Văn Páo", "Giàng Thị Mỷ", "Vàng A Sử", "Nguyễn Văn Đức"];
        foreach (var head in heads)
        {
            var created = await db.RunAsync(sp => sp.GetRequiredService<HouseholdCommands>().CreateAsync(
                Samples.Household(head: head, members: [Samples.Head(head, personalId: null), Samples.Child()]), default));
            Assert.Equal(ResultStatus.Ok, created.Status);
            ids.Add(created.Value!.Id);
        }

        SurveyInput[] last = [Poor(2025), NearPoor(2025), Poor(2025), Above(2025)];
        for (var i = 0; i < ids.Count; i++)
        {
            var id = ids[i];
            var saved = await db.RunAsync(sp => sp.GetRequiredService<SurveyCommands>().SaveAsync(id, last[i], default));
            Assert.Equal(ResultStatus.Ok, saved.Status);
        }

        return [.. ids];
    }

    private static Task<T> Run<T>(TestDatabase db, Func<ReviewCommands, Task<T>> action) =>
        db.RunAsync(sp => action(sp.GetRequiredService<ReviewCommands>()));

    private static Task<CommuneBoard?> Board(TestDatabase db, long id) =>
        db.RunAsync(sp => sp.GetRequiredService<ReviewQueries>().BoardAsync(id, default));

    private static void Province(TestDatabase db) => db.User.Become("tinh", Roles.ProvincialOfficer, "11", AdminLevel.Province);

    private static void Commune(TestDatabase db) => db.User.Become("xa", Roles.CommuneOfficer, Samples.CommuneA, AdminLevel.Commune);

    private static async Task<long> OpenAsync(TestDatabase db)
    {
        Province(db);
        var campaign = await Run(db, c => c.OpenCampaignAsync(new OpenCampaignInput { Year = 2026, Kind = CampaignKind.Periodic }, default));
        Assert.Equal(ResultStatus.Ok, campaign.Status);
        Assert.Equal(new DateOnly(2026, 9, 1), campaign.Value!.StartDate);
        Assert.Equal(new DateOnly(2026, 12, 14), campaign.Value.EndDate);
        Assert.Equal("ND07_2021", campaign.Value.StandardCode);
        Assert.Contains("QD59_2015", campaign.Value.ParallelStandards);
        var overview = await db.RunAsync(sp => sp.GetRequiredService<ReviewQueries>().OverviewAsync(campaign.Value.Id, default));
        return Assert.Single(overview!.Communes).CommuneReviewId;
    }

    private static long Rh(CommuneBoard board, long householdId) => board.Households.Single(h => h.HouseholdId == householdId).Id;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task PeriodicCampaign_OneCommuneThroughEveryStep_RecognisedListsCertificatesReportAndMovements(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var h = await SeedAsync(db);
        var id = await OpenAsync(db);
        Commune(db);

        // S1 list: the three on last year's list, plus a Mẫu 01 application.
        var board = (await Run(db, c => c.BuildListAsync(id, default))).Value!;
        Assert.Equal([h[0], h[1], h[2]], board.Households.Select(x => x.HouseholdId).Order());
        Assert.All(board.Households, x => Assert.Equal(ListingReason.CurrentList, x.ListingReason));
        var manualWrong = await Run(db, c => c.AddHouseholdAsync(id, new AddHouseholdInput { HouseholdId = h[3], Reason = ListingReason.Application }, default));
        Assert.Equal(ResultStatus.Invalid, manualWrong.Status);
        Assert.Contains("applicationDate", manualWrong.Errors.Keys);
        Assert.Contains("reasonText", manualWrong.Errors.Keys);
        board = (await Run(db, c => c.AddHouseholdAsync(id, new AddHouseholdInput
        {
            HouseholdId = h[3], Reason = ListingReason.Application, ApplicationDate = new DateOnly(2026, 9, 3), ReasonText = "Chồng bị tai nạn lao động, mất thu nhập",
        }, default))).Value!;
        Assert.Equal(4, board.Households.Count);
        Assert.Contains(board.NextActions, a => a.Action == CommuneAction.StartSurvey && a.Allowed);

        // S2 survey: the meeting step is blocked until every household is surveyed.
        Assert.Equal(CommuneReviewState.Surveying, (await Run(db, c => c.MoveAsync(id, CommuneAction.StartSurvey, default))).Value!.State);
        var early = await Run(db, c => c.MoveAsync(id, CommuneAction.OpenMeeting, default));
        Assert.Equal(ResultStatus.Conflict, early.Status);
        Assert.Contains("Còn 4 hộ chưa được khảo sát", early.Message, StringComparison.Ordinal);
        db.User.Become("thon", Roles.VillageReviewer, Samples.CommuneA, AdminLevel.Commune);
        SurveyInput[] now = [Poor(2026), Above(2026), NearPoor(2026), Poor(2026)];
        for (var i = 0; i < 4; i++)
        {
            var rh = Rh(board, h[i]);
            var saved = await Run(db, c => c.RecordSurveyAsync(rh, now[i], default));
            Assert.Equal(ResultStatus.Ok, saved.Status);
        }

        // Two reviewers on the same household: the second save from the same version is refused.
        var first = await Run(db, c => c.RecordSurveyAsync(Rh(board, h[0]), Poor(2026, version: 0), default));
        Assert.Equal(ResultStatus.Ok, first.Status);
        var second = await Run(db, c => c.RecordSurveyAsync(Rh(board, h[0]), NearPoor(2026, version: 0), default));
        Assert.Equal(ResultStatus.Conflict, second.Status);
        Assert.Contains("vừa được người khác lưu", second.Message, StringComparison.Ordinal);
        Commune(db);
        board = (await Board(db, id))!;
        Assert.Equal(["poor", "not_poor", "near_poor", "poor"], h.Select(x => board.Households.Single(r => r.HouseholdId == x).Category));

        // S3 meeting: a household marked as passed with 4 of 10 is refused and nothing is saved.
        board = (await Run(db, c => c.MoveAsync(id, CommuneAction.OpenMeeting, default))).Value!;
        var cheat = await Run(db, c => c.RecordMeetingAsync(id, new MeetingInput
        {
            HeldOn = new DateOnly(2026, 11, 2), Attendees = 10, Roles = "Trưởng thôn (chủ trì)",
            Votes = [new VoteInput(Rh(board, h[0]), 4, Passed: true)],
        }, default));
        Assert.Equal(ResultStatus.Conflict, cheat.Status);
        Assert.Contains("4/10", cheat.Message, StringComparison.Ordinal);
        Assert.Empty((await Board(db, id))!.Meetings);

        var meeting = await Run(db, c => c.RecordMeetingAsync(id, new MeetingInput
        {
            HeldOn = new DateOnly(2026, 11, 2), Attendees = 10,
            Roles = "Trưởng thôn (chủ trì); Bí thư chi bộ; MTTQ xã (giám sát); rà soát viên; đại diện hộ",
            Votes = [new VoteInput(Rh(board, h[0]), 8), new VoteInput(Rh(board, h[1]), 3), new VoteInput(Rh(board, h[2]), 6), new VoteInput(Rh(board, h[3]), 5)],
        }, default));
        Assert.Equal(ResultStatus.Ok, meeting.Status);
        Assert.Equal((3, 1, CommuneReviewState.Surveying), (meeting.Value!.Agreed, meeting.Value.SentBackToSurvey, meeting.Value.CommuneState));
        var minutes = await Run(db, c => c.UploadMinutesAsync(meeting.Value.MeetingId, "bien-ban-hop-dan.pdf", "application/pdf", "%PDF-1.4 signed minutes"u8.ToArray(), default));
        Assert.Equal(ResultStatus.Ok, minutes.Status);
        var fake = await Run(db, c => c.UploadMinutesAsync(meeting.Value.MeetingId, "x.pdf", "application/pdf", "not a pdf"u8.ToArray(), default));
        Assert.Equal(ResultStatus.Invalid, fake.Status);
        var survey2 = await db.RunAsync(sp => sp.GetRequiredService<SurveyCommands>().GetAsync(h[1], 2026, default));
        Assert.Equal(ResultStatus.Ok, (await Run(db, c => c.RecordSurveyAsync(Rh(board, h[1]), Above(2026, survey2!.Survey!.Version), default))).Status);
        board = (await Run(db, c => c.MoveAsync(id, CommuneAction.OpenMeeting, default))).Value!;
        var again = await Run(db, c => c.RecordMeetingAsync(id, new MeetingInput
        {
            HeldOn = new DateOnly(2026, 11, 9), Attendees = 9, Roles = "Trưởng thôn (chủ trì)", Votes = [new VoteInput(Rh(board, h[1]), 7)],
        }, default));
        Assert.Equal((1, 0, CommuneReviewState.Meeting), (again.Value!.Agreed, again.Value.SentBackToSurvey, again.Value.CommuneState));

        // S4 posting from Wednesday 18/11: the start day is not counted (Civil Code Art. 147(2)); 3 working days end on Monday 23/11.
        board = (await Run(db, c => c.StartPostingAsync(id, new DateOnly(2026, 11, 18), default))).Value!;
        Assert.Equal(new DateOnly(2026, 11, 23), board.PostingEnd);
        Assert.All(board.Households, x => Assert.Equal(HouseholdReviewState.Posted, x.State));
        var posting = await db.RunAsync(sp => sp.GetRequiredService<ReviewDocuments>().PostingListAsync(id, null, default));
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(posting.Value!.Content, 0, 4));

        var noDecisionYet = await db.RunAsync(sp => sp.GetRequiredService<ReviewDocuments>().DecisionAsync(id, default));
        Assert.Equal(ResultStatus.Conflict, noDecisionYet.Status);

        var tooEarly = await Run(db, c => c.DecideAsync(id, new DecisionInput("15/QĐ-UBND", new DateOnly(2026, 11, 20), "Lò Văn Thắng"), default));
        Assert.Equal(ResultStatus.Conflict, tooEarly.Status);
        Assert.Contains("chưa kết thúc (đến hết ngày 23/11/2026)", tooEarly.Message, StringComparison.Ordinal);

        Assert.Equal(ResultStatus.Ok, (await Run(db, c => c.ComplainAsync(Rh(board, h[3]), new ComplaintInput(new DateOnly(2026, 11, 20), "Hộ bà Lò Thị Xuân", "Hộ có xe máy mới, đề nghị xem lại"), default))).Status);
        AtDay(db, 11, 24);
        var lateComplaint = await Run(db, c => c.ComplainAsync(Rh(board, h[0]), new ComplaintInput(new DateOnly(2026, 11, 24), "Ông A", "Khiếu nại muộn"), default));
        Assert.Equal(ResultStatus.Conflict, lateComplaint.Status);
        var openComplaint = await Run(db, c => c.DecideAsync(id, new DecisionInput("15/QĐ-UBND", new DateOnly(2026, 11, 24), "Lò Văn Thắng"), default));
        Assert.Contains("khiếu nại", openComplaint.Message, StringComparison.Ordinal);
        Assert.Equal(ResultStatus.Ok, (await Run(db, c => c.RecheckAsync(Rh(board, h[3]), new RecheckInput { RecheckedOn = new DateOnly(2026, 11, 24), Result = "Xe máy đi mượn; giữ kết quả hộ nghèo" }, default))).Status);
        board = (await Run(db, c => c.RepostAsync(Rh(board, h[3]), new DateOnly(2026, 11, 24), default))).Value!;
        Assert.Equal(new DateOnly(2026, 11, 27), board.PostingEnd); // re-posted Tue 24/11: Wed, Thu, Fri
        var district = await Run(db, c => c.ConsultDistrictAsync(id, new DateOnly(2026, 11, 27), "Đồng ý", default));
        Assert.Contains("không còn cấp huyện", district.Message, StringComparison.Ordinal);

        // S6 decision: recognised rows carry the decision; the legal standard only.
        AtDay(db, 11, 28);
        board = (await Run(db, c => c.DecideAsync(id, new DecisionInput("15/QĐ-UBND", new DateOnly(2026, 11, 28), "Lò Văn Thắng"), default))).Value!;
        Assert.Equal(CommuneReviewState.Decided, board.State);
        Assert.Equal("15/QĐ-UBND", board.DecisionNumber);
        var rows = await db.RunAsync(sp => sp.GetRequiredService<AppDbContext>().HouseholdClassifications.AsNoTracking().Where(c => h.Contains(c.HouseholdId) && c.Year == 2026).ToListAsync());
        Assert.All(rows.Where(r => r.StandardCode == "ND07_2021"), r => Assert.NotNull(r.DecisionId));
        Assert.Equal(4, rows.Count(r => r.StandardCode == "ND07_2021"));
        Assert.All(rows.Where(r => r.StandardCode != "ND07_2021"), r => Assert.Null(r.DecisionId));

        // The decision document (Mẫu 02) with its four annexed lists.
        var decisionPdf = await db.RunAsync(sp => sp.GetRequiredService<ReviewDocuments>().DecisionAsync(id, default));
        Assert.Equal(ResultStatus.Ok, decisionPdf.Status);
        var (_, page1, all) = await ReviewPdf.RenderAsync(decisionPdf.Value!.Content, "quyet-dinh-dinh-ky");
        Assert.Contains("QUYẾT ĐỊNH", page1, StringComparison.Ordinal);
        Assert.Contains("Số: 15/QĐ-UBND", page1, StringComparison.Ordinal);
        Assert.Contains("ngày 28 tháng 11 năm 2026", page1, StringComparison.Ordinal);
        Assert.Contains("Lò Văn Thắng", page1, StringComparison.Ordinal);
        Assert.Contains("CHỦ TỊCH ỦY BAN NHÂN DÂN", page1, StringComparison.Ordinal);
        Assert.Contains("Hộ nghèo: 2 hộ", page1, StringComparison.Ordinal);
        Assert.Contains("Hộ cận nghèo: 1 hộ", page1, StringComparison.Ordinal);
        Assert.Contains("Hộ thoát nghèo: 1 hộ", page1, StringComparison.Ordinal);
        Assert.Contains("Hộ thoát cận nghèo: 1 hộ", page1, StringComparison.Ordinal);
        var annexes = all.Split(": DANH SÁCH HỘ", StringSplitOptions.None);
        Assert.Equal(5, annexes.Length);
        Assert.Contains("Lò Văn Páo", annexes[1], StringComparison.Ordinal);
        Assert.Contains("Nguyễn Văn Đức", annexes[1], StringComparison.Ordinal);
        Assert.Contains("Vàng A Sử", annexes[2], StringComparison.Ordinal);
        Assert.Contains("Vàng A Sử", annexes[3], StringComparison.Ordinal);
        Assert.Contains("Giàng Thị Mỷ", annexes[4], StringComparison.Ordinal);
        Assert.DoesNotContain("Giàng Thị Mỷ", annexes[1] + annexes[2] + annexes[3], StringComparison.Ordinal);
        Assert.Contains(board.Households.Single(x => x.HouseholdId == h[1]).HouseholdCode, annexes[4], StringComparison.Ordinal);

        // Locked: no edit after the decision.
        var edit = await Run(db, c => c.RecordSurveyAsync(Rh(board, h[0]), Above(2026, 1), default));
        Assert.Equal(ResultStatus.Conflict, edit.Status);
        Assert.Contains("bị khóa", edit.Message, StringComparison.Ordinal);
        var direct = await db.RunAsync(sp => sp.GetRequiredService<SurveyCommands>().SaveAsync(h[0], Above(2026), default));
        Assert.Equal(ResultStatus.Conflict, direct.Status);
        Assert.Contains("bị khóa", direct.Message, StringComparison.Ordinal);
        var add = await Run(db, c => c.AddHouseholdAsync(id, new AddHouseholdInput { HouseholdId = h[3], Reason = ListingReason.Manual, ReasonText = "x" }, default));
        Assert.Contains("bị khóa", add.Message, StringComparison.Ordinal);

        // S7 certificates for the poor and near-poor households (not the one above the line).
        var report = await Run(db, c => c.MoveAsync(id, CommuneAction.SubmitReport, default));
        Assert.Equal(ResultStatus.Conflict, report.Status);
        board = (await Run(db, c => c.MoveAsync(id, CommuneAction.IssueCertificates, default))).Value!;
        Assert.Equal(3, board.Households.Count(x => x.CertificateNumber is not null));
        Assert.Null(board.Households.Single(x => x.HouseholdId == h[1]).CertificateNumber);
        var certificates = await db.RunAsync(sp => sp.GetRequiredService<ReviewDocuments>().CertificatesAsync(id, null, default));
        Assert.Equal(ResultStatus.Ok, certificates.Status);
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(certificates.Value!.Content, 0, 4));

        // S8 report; the province returns it with a comment; the commune submits again.
        Assert.Equal(CommuneReviewState.Reported, (await Run(db, c => c.MoveAsync(id, CommuneAction.SubmitReport, default))).Value!.State);
        var notProvince = await Run(db, c => c.ReturnReportAsync(id, "Thiếu biên bản", default));
        Assert.Equal(ResultStatus.Forbidden, notProvince.Status);
        Province(db);
        var overview = await db.RunAsync(sp => sp.GetRequiredService<ReviewQueries>().OverviewAsync(board.CampaignId, default));
        var row = Assert.Single(overview!.Communes);
        Assert.Equal((CommuneReviewState.Reported, false, new DateOnly(2026, 11, 28)), (row.State, row.Late, row.ReportSubmittedOn!.Value));
        Assert.Equal(CommuneReviewState.Returned, (await Run(db, c => c.ReturnReportAsync(id, "Bổ sung biên bản họp thôn 2", default))).Value!.State);
        Commune(db);
        Assert.Equal(CommuneReviewState.Reported, (await Run(db, c => c.MoveAsync(id, CommuneAction.SubmitReport, default))).Value!.State);

        // Movements 2025 → 2026 under ND07_2021.
        var movements = (await db.RunAsync(sp => sp.GetRequiredService<ReviewQueries>().MovementsAsync(id, default)))!;
        Assert.All(movements.Rows, r => Assert.True(r.Balances, $"{r.UnitCode} {r.ListVi} {r.Measure}"));
        var poor = movements.Rows.Single(r => r.ListVi == "Hộ nghèo" && r.Measure == "hộ");
        Assert.Equal((2, 1, 1, 2), (poor.Opening, poor.ToOtherList, poor.NewlyArising, poor.Closing));
        var near = movements.Rows.Single(r => r.ListVi == "Hộ cận nghèo" && r.Measure == "hộ");
        Assert.Equal((1, 1, 1, 1), (near.Opening, near.AboveNearPoorLine, near.FromOtherList, near.Closing));

        // Every transition is audited.
        var audit = await db.RunAsync(sp => sp.GetRequiredService<AppDbContext>().AuditRecords.AsNoTracking().Where(a => a.Action.StartsWith("review.")).Select(a => a.Action).ToListAsync());
        Assert.Contains("review.commune.Decide", audit);
        Assert.Contains("review.household.MeetingRejected", audit);
        Assert.Contains("review.household.Complain", audit);
        Assert.Contains("review.minutes", audit);
        Assert.Equal(4, audit.Count(a => a == "review.household.Certify"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task OpenCampaign_CommuneOfficerPeriodic_ForbiddenAndNothingSaved(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await SeedAsync(db);
        Commune(db);
        var result = await Run(db, c => c.OpenCampaignAsync(new OpenCampaignInput { Year = 2026, Kind = CampaignKind.Periodic }, default));
        Assert.Equal(ResultStatus.Forbidden, result.Status);
        Assert.Equal(0, await db.RunAsync(sp => sp.GetRequiredService<AppDbContext>().ReviewCampaigns.CountAsync()));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task CommuneReview_OtherCommuneOfficer_NotFound(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await SeedAsync(db);
        var id = await OpenAsync(db);
        db.User.Become("xa2", Roles.CommuneOfficer, Samples.CommuneB, AdminLevel.Commune);
        Assert.Equal(ResultStatus.NotFound, (await Run(db, c => c.BuildListAsync(id, default))).Status);
        Assert.Null(await Board(db, id));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ForbiddenTransitions_RefusedWithReasonAndNothingChanges(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var h = await SeedAsync(db);
        var id = await OpenAsync(db);
        Commune(db);
        var board = (await Run(db, c => c.BuildListAsync(id, default))).Value!;
        var auditBefore = await db.RunAsync(sp => sp.GetRequiredService<AppDbContext>().AuditRecords.CountAsync(a => a.Action.StartsWith("review.")));

        // Survey before the survey step started is allowed in Listing; a meeting, posting or decision is not.
        foreach (var action in new[] { CommuneAction.OpenMeeting, CommuneAction.ReturnToSurvey, CommuneAction.SubmitReport, CommuneAction.IssueCertificates })
        {
            var r = await Run(db, c => c.MoveAsync(id, action, default));
            Assert.Equal(ResultStatus.Conflict, r.Status);
            Assert.StartsWith("Không thể", r.Message, StringComparison.Ordinal);
        }

        Assert.Equal(ResultStatus.Conflict, (await Run(db, c => c.StartPostingAsync(id, new DateOnly(2026, 11, 2), default))).Status);
        Assert.Equal(ResultStatus.Conflict, (await Run(db, c => c.DecideAsync(id, new DecisionInput("1/QĐ", new DateOnly(2026, 11, 2), "A"), default))).Status);
        Assert.Equal(ResultStatus.Conflict, (await Run(db, c => c.ComplainAsync(Rh(board, h[0]), new ComplaintInput(new DateOnly(2026, 11, 2), "A", "B"), default))).Status);
        Assert.Equal(ResultStatus.Conflict, (await Run(db, c => c.RecheckAsync(Rh(board, h[0]), new RecheckInput { RecheckedOn = new DateOnly(2026, 11, 2), Result = "x" }, default))).Status);
        Assert.Equal(ResultStatus.Conflict, (await Run(db, c => c.RecordMeetingAsync(id, new MeetingInput
        {
            HeldOn = new DateOnly(2026, 11, 2), Attendees = 10, Votes = [new VoteInput(Rh(board, h[0]), 9)],
        }, default))).Status);
        Province(db);
        Assert.Equal(ResultStatus.Conflict, (await Run(db, c => c.ReturnReportAsync(id, "x", default))).Status);

        Commune(db);
        var after = (await Board(db, id))!;
        Assert.Equal(CommuneReviewState.Listing, after.State);
        Assert.All(after.Households, x => Assert.Equal(HouseholdReviewState.Listed, x.State));
        Assert.Empty(after.Meetings);
        Assert.Equal(auditBefore, await db.RunAsync(sp => sp.GetRequiredService<AppDbContext>().AuditRecords.CountAsync(a => a.Action.StartsWith("review."))));
    }
}
