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

/// <summary>The regular (monthly, from the 15th) review of QĐ 24/2021 Art. 5, end to end: a Mẫu 01 application and a Mẫu 04 escape request.</summary>
public class RegularReviewTests
{
    private static readonly Dictionary<string, bool> ThreeDeprived = new() { ["employment"] = true, ["nutrition"] = true, ["water"] = true };
    private static readonly Dictionary<string, bool> NoneDeprived = new() { ["employment"] = false, ["nutrition"] = false, ["water"] = false };

    private static SurveyInput Poor(int year) => new() { Year = year, IncomePerCapita = 900_000, Answers = ThreeDeprived };
    private static SurveyInput Above(int year) => new() { Year = year, IncomePerCapita = 3_500_000, Answers = NoneDeprived };

    private static void AtDay(TestDatabase db, int month, int day) => db.Clock.Now = new DateTimeOffset(2026, month, day, 8, 0, 0, TimeSpan.Zero);

    private static Task<T> Run<T>(TestDatabase db, Func<ReviewCommands, Task<T>> action) =>
        db.RunAsync(sp => action(sp.GetRequiredService<ReviewCommands>()));

    private static async Task<long> CreateAsync(TestDatabase db, string head, SurveyInput? lastYear)
    {
        var created = await db.RunAsync(sp => sp.GetRequiredService<HouseholdCommands>().CreateAsync(
            Samples.Household(head: head, members: [Samples.Head(head, personalId: null), Samples.Child()]), default));
        Assert.Equal(ResultStatus.Ok, created.Status);
        var id = created.Value!.Id;
        if (lastYear is not null)
        {
            Assert.Equal(ResultStatus.Ok, (await db.RunAsync(sp => sp.GetRequiredService<SurveyCommands>().SaveAsync(id, lastYear, default))).Status);
        }

        return id;
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RegularReview_Mau01ApplicationAndMau04Request_RecognisedWithinTheMonthAndInStatusHistory(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        // Applicant (no survey last year), a poor household asking to leave the list, and a poor household not concerned.
        var applicant = await CreateAsync(db, "Hờ A Chá", lastYear: null);
        var leaving = await CreateAsync(db, "Lò Thị Hoa", Poor(2025));
        var untouched = await CreateAsync(db, "Vàng Văn Lử", Poor(2025));
        db.User.Become("xa", Roles.CommuneOfficer, Samples.CommuneA, AdminLevel.Commune);

        // Mẫu 04 received on 16/11; the commune opens November's regular review (from the 15th).
        AtDay(db, 11, 16);
        var request = await Run(db, c => c.RecordEscapeRequestAsync(new EscapeRequestInput(leaving, new DateOnly(2026, 11, 16), "poor", "Có việc làm ổn định tại khu công nghiệp"), default));
        Assert.Equal(ResultStatus.Ok, request.Status);
        var campaign = await Run(db, c => c.OpenCampaignAsync(new OpenCampaignInput { Year = 2026, Kind = CampaignKind.Regular, Month = 11 }, default));
        Assert.Equal(ResultStatus.Ok, campaign.Status);
        Assert.Equal((new DateOnly(2026, 11, 15), new DateOnly(2026, 11, 30)), (campaign.Value!.StartDate, campaign.Value.EndDate));
        var overview = await db.RunAsync(sp => sp.GetRequiredService<ReviewQueries>().OverviewAsync(campaign.Value.Id, default));
        var row = Assert.Single(overview!.Communes);
        Assert.Equal((Samples.CommuneA, new DateOnly(2026, 12, 5)), (row.CommuneCode, row.ReportDeadline));
        var id = row.CommuneReviewId;

        // S1: only the Mẫu 04 request is listed (not the whole current list), then the Mẫu 01 application filed in June.
        var board = (await Run(db, c => c.BuildListAsync(id, default))).Value!;
        var listed = Assert.Single(board.Households);
        Assert.Equal((leaving, "poor", ListingReason.Application), (listed.HouseholdId, listed.PreviousCategory, listed.ListingReason));
        board = (await Run(db, c => c.AddHouseholdAsync(id, new AddHouseholdInput
        {
            HouseholdId = applicant, Reason = ListingReason.Application, ApplicationDate = new DateOnly(2026, 6, 10), ReasonText = "Lũ quét cuốn trôi nhà và nương",
        }, default))).Value!;
        Assert.Equal([applicant, leaving], board.Households.Select(x => x.HouseholdId).Order());
        Assert.DoesNotContain(board.Households, x => x.HouseholdId == untouched);
        long Rh(long householdId) => board.Households.Single(x => x.HouseholdId == householdId).Id;

        // S2 survey, S3 meeting, S4 posting (from Tue 17/11; the start day not counted (Civil Code Art. 147(2)) → Wed, Thu, Fri 20/11).
        Assert.Equal(CommuneReviewState.Surveying, (await Run(db, c => c.MoveAsync(id, CommuneAction.StartSurvey, default))).Value!.State);
        Assert.Equal(ResultStatus.Ok, (await Run(db, c => c.RecordSurveyAsync(Rh(applicant), Poor(2026), default))).Status);
        Assert.Equal(ResultStatus.Ok, (await Run(db, c => c.RecordSurveyAsync(Rh(leaving), Above(2026), default))).Status);
        Assert.Equal(ResultStatus.Ok, (await Run(db, c => c.MoveAsync(id, CommuneAction.OpenMeeting, default))).Status);
        AtDay(db, 11, 17);
        var meeting = await Run(db, c => c.RecordMeetingAsync(id, new MeetingInput
        {
            HeldOn = new DateOnly(2026, 11, 17), Attendees = 12, Roles = "Trưởng bản (chủ trì); MTTQ; đại diện hộ",
            Votes = [new VoteInput(Rh(applicant), 10), new VoteInput(Rh(leaving), 11)],
        }, default));
        Assert.Equal(ResultStatus.Ok, meeting.Status);
        Assert.Equal((2, 0, CommuneReviewState.Meeting), (meeting.Value!.Agreed, meeting.Value.SentBackToSurvey, meeting.Value.CommuneState));
        AtDay(db, 11, 18);
        board = (await Run(db, c => c.StartPostingAsync(id, new DateOnly(2026, 11, 17), default))).Value!;
        Assert.Equal(new DateOnly(2026, 11, 20), board.PostingEnd);

        // S6 decision on Saturday 21/11, within the 15 days of the month's review.
        AtDay(db, 11, 21);
        var decided = await Run(db, c => c.DecideAsync(id, new DecisionInput("42/QĐ-UBND", new DateOnly(2026, 11, 21), "Lò Văn Thắng"), default));
        Assert.Equal(ResultStatus.Ok, decided.Status);
        Assert.Equal(CommuneReviewState.Decided, decided.Value!.State);

        // Status history: the decision that set each status; last year's computed status has none.
        var history = (await db.RunAsync(sp => sp.GetRequiredService<ReviewQueries>().StatusHistoryAsync(applicant, default)))!;
        var legal = history.Single(x => x.Year == 2026 && x.StandardCode == "ND07_2021");
        Assert.Equal(("poor", "42/QĐ-UBND", new DateOnly(2026, 11, 21)), (legal.Category, legal.DecisionNumber, legal.DecisionSignedOn!.Value));
        Assert.All(history.Where(x => x.StandardCode != "ND07_2021"), x => Assert.Null(x.DecisionId));
        var leavingHistory = (await db.RunAsync(sp => sp.GetRequiredService<ReviewQueries>().StatusHistoryAsync(leaving, default)))!;
        Assert.Equal(("not_poor", "42/QĐ-UBND"), leavingHistory.Where(x => x.Year == 2026 && x.StandardCode == "ND07_2021").Select(x => (x.Category, x.DecisionNumber!)).Single());
        Assert.Equal(("poor", (string?)null), leavingHistory.Where(x => x.Year == 2025 && x.StandardCode == "ND07_2021").Select(x => (x.Category, x.DecisionNumber)).Single());
        var untouchedHistory = (await db.RunAsync(sp => sp.GetRequiredService<ReviewQueries>().StatusHistoryAsync(untouched, default)))!;
        // Not reviewed this year: the 2025 result carries over (it was never recognised, so it is no entitlement).
        Assert.Equal(("carried_over", "Giữ nguyên từ năm 2025"), untouchedHistory.Where(x => x.Year == 2026 && x.StandardCode == "ND07_2021").Select(x => (x.Source, x.SourceVi)).Single());
        Assert.Equal(("recognised", "Đã công nhận (QĐ số 42/QĐ-UBND, ngày 21/11/2026)", new DateOnly(2026, 11, 21)),
            (legal.Source, legal.SourceVi, legal.PolicyFrom!.Value));
        var linked = await db.RunAsync(sp => sp.GetRequiredService<AppDbContext>().EscapeRequests.AsNoTracking().SingleAsync(r => r.Id == request.Value));
        Assert.Equal(Rh(leaving), linked.ReviewHouseholdId);

        // Mẫu 02: the applicant on the poor list, the Mẫu 04 household on the escaped-poverty list.
        var pdf = await db.RunAsync(sp => sp.GetRequiredService<ReviewDocuments>().DecisionAsync(id, default));
        Assert.Equal(ResultStatus.Ok, pdf.Status);
        var (_, page1, all) = await ReviewPdf.RenderAsync(pdf.Value!.Content, "quyet-dinh-thuong-xuyen");
        Assert.Contains("rà soát thường xuyên tháng 11/2026", page1, StringComparison.Ordinal);
        Assert.Contains("Số: 42/QĐ-UBND", page1, StringComparison.Ordinal);
        var annexes = all.Split(": DANH SÁCH HỘ", StringSplitOptions.None);
        Assert.Contains("Hờ A Chá", annexes[1], StringComparison.Ordinal);
        Assert.Contains("Lò Thị Hoa", annexes[3], StringComparison.Ordinal);
        Assert.DoesNotContain("Vàng Văn Lử", all, StringComparison.Ordinal);

        // S7–S8: a certificate for the newly poor household; the report is on time.
        board = (await Run(db, c => c.MoveAsync(id, CommuneAction.IssueCertificates, default))).Value!;
        Assert.Equal("001/2026/GCN-03158", board.Households.Single(x => x.HouseholdId == applicant).CertificateNumber);
        Assert.Null(board.Households.Single(x => x.HouseholdId == leaving).CertificateNumber);
        Assert.Equal(CommuneReviewState.Reported, (await Run(db, c => c.MoveAsync(id, CommuneAction.SubmitReport, default))).Value!.State);
        overview = await db.RunAsync(sp => sp.GetRequiredService<ReviewQueries>().OverviewAsync(campaign.Value.Id, default));
        Assert.False(Assert.Single(overview!.Communes).Late);

        // The province sees the commune's regular review, named by its commune, with the report waiting, and accepts it;
        // a provincial officer of another province does not see it and cannot accept it; the commune cannot accept its own.
        Assert.Equal(ResultStatus.Forbidden, (await Run(db, c => c.AcceptReportAsync(id, null, default))).Status);
        db.User.Become("tinh-khac", Roles.ProvincialOfficer, "01", AdminLevel.Province);
        Assert.Empty(await db.RunAsync(sp => sp.GetRequiredService<ReviewQueries>().CampaignsAsync(default)));
        Assert.Equal(ResultStatus.NotFound, (await Run(db, c => c.AcceptReportAsync(id, null, default))).Status);
        db.User.Become("tinh", Roles.ProvincialOfficer, "11", AdminLevel.Province);
        var seen = Assert.Single(await db.RunAsync(sp => sp.GetRequiredService<ReviewQueries>().CampaignsAsync(default)));
        Assert.Equal((CampaignKind.Regular, "Xã Sín Thầu", 1), (seen.Kind, seen.CommuneName, seen.ReportsWaiting));
        var accepted = await Run(db, c => c.AcceptReportAsync(id, "Đã đủ hồ sơ", default));
        Assert.Equal((ResultStatus.Ok, CommuneReviewState.Accepted), (accepted.Status, accepted.Value!.State));
        Assert.Equal(ResultStatus.Conflict, (await Run(db, c => c.AcceptReportAsync(id, null, default))).Status);
        Assert.Equal(ResultStatus.Conflict, (await Run(db, c => c.ReturnReportAsync(id, "Muộn", default))).Status);
        overview = await db.RunAsync(sp => sp.GetRequiredService<ReviewQueries>().OverviewAsync(campaign.Value.Id, default));
        Assert.Equal((CommuneReviewState.Accepted, "Tỉnh đã tiếp nhận báo cáo"), (overview!.Communes[0].State, overview.Communes[0].StateVi));
        Assert.NotNull(overview.Communes[0].ReportSubmittedOn);
        var audit = await db.RunAsync(sp => sp.GetRequiredService<AppDbContext>().AuditRecords.AsNoTracking()
            .Where(a => a.Action == "review.commune.AcceptReport").Select(a => new { a.UserName, a.EntityId }).ToListAsync());
        Assert.Equal(("tinh", id.ToString(System.Globalization.CultureInfo.InvariantCulture)), (Assert.Single(audit).UserName, audit[0].EntityId));
        // The certificates stay printable once the report is accepted.
        Assert.Equal(ResultStatus.Ok, (await db.RunAsync(sp => sp.GetRequiredService<ReviewDocuments>().CertificatesAsync(id, null, default))).Status);
    }
}
