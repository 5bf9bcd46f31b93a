using System.Text.Json;
using GiamNgheo.Application.AdminUnits;
using GiamNgheo.Application.Households;
using GiamNgheo.Application.Identity;
using GiamNgheo.Application.Persistence;
using GiamNgheo.Application.Reviews;
using GiamNgheo.Application.Surveys;
using GiamNgheo.Application.Tests.Infrastructure;
using GiamNgheo.Domain.Reviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GiamNgheo.Application.Tests.Reviews;

/// <summary>
/// Every review step, refused (invalid, conflict, forbidden), leaves the database unchanged: row counts and the state
/// columns of the review, survey, status, gap and audit tables are the same before and after. One walk through a periodic
/// review per provider, trying a refused call of each step at the stage where it can be refused.
/// </summary>
public class RefusedStepTests
{
    private static readonly Dictionary<string, bool> ThreeDeprived = new() { ["employment"] = true, ["nutrition"] = true, ["water"] = true };
    private static readonly Dictionary<string, bool> NoneDeprived = new() { ["employment"] = false, ["nutrition"] = false, ["water"] = false };

    private static SurveyInput Poor(int year, int? version = null) => new() { Year = year, IncomePerCapita = 900_000, Answers = ThreeDeprived, Version = version };
    private static SurveyInput NearPoor(int year) => new() { Year = year, IncomePerCapita = 1_200_000, Answers = NoneDeprived };
    private static SurveyInput Broken(int year) => new() { Year = year, IncomePerCapita = -5, Answers = NoneDeprived };

    private static Task<T> Run<T>(TestDatabase db, Func<ReviewCommands, Task<T>> action) => db.RunAsync(sp => action(sp.GetRequiredService<ReviewCommands>()));

    private static void Province(TestDatabase db) => db.User.Become("tinh", Roles.ProvincialOfficer, "11", AdminLevel.Province);

    private static void Commune(TestDatabase db) => db.User.Become("xa", Roles.CommuneOfficer, Samples.CommuneA, AdminLevel.Commune);

    /// <summary>Row counts and the changing columns of every table a review step writes to.</summary>
    private static Task<string> FingerprintAsync(TestDatabase db) => db.RunAsync(async sp =>
    {
        var c = sp.GetRequiredService<AppDbContext>();
        var state = new
        {
            counts = new[]
            {
                await c.ReviewCampaigns.CountAsync(), await c.CommuneReviews.CountAsync(), await c.ReviewHouseholds.CountAsync(),
                await c.ReviewMeetings.CountAsync(), await c.ReviewVotes.CountAsync(), await c.ReviewFiles.CountAsync(),
                await c.ReviewComplaints.CountAsync(), await c.RecognitionDecisions.CountAsync(), await c.EscapeRequests.CountAsync(),
                await c.ReviewDocuments.CountAsync(), await c.AuditRecords.CountAsync(), await c.HouseholdSurveys.CountAsync(),
                await c.HouseholdClassifications.CountAsync(), await c.HouseholdStatuses.CountAsync(), await c.HouseholdGapSummaries.CountAsync(),
                await c.HouseholdPolicyStatuses.CountAsync(), await c.Households.CountAsync(), await c.Members.CountAsync(),
            },
            communes = await c.CommuneReviews.AsNoTracking().OrderBy(x => x.Id)
                .Select(x => new { x.Id, x.State, x.PostingStart, x.PostingEnd, x.DecisionId, x.ReturnComment, x.ReportSubmittedOn, x.DistrictOpinion }).ToListAsync(),
            households = await c.ReviewHouseholds.AsNoTracking().OrderBy(x => x.Id)
                .Select(x => new { x.Id, x.State, x.Category, x.SurveyId, x.ExclusionReason, x.Attendees, x.Agree, x.CertificateNumber }).ToListAsync(),
            surveys = await c.HouseholdSurveys.AsNoTracking().OrderBy(x => x.Id).Select(x => new { x.Id, x.Version, x.IncomePerCapita }).ToListAsync(),
            classifications = await c.HouseholdClassifications.AsNoTracking().OrderBy(x => x.HouseholdId).ThenBy(x => x.Year).ThenBy(x => x.StandardCode)
                .Select(x => new { x.HouseholdId, x.Year, x.StandardCode, x.Category, x.DecisionId }).ToListAsync(),
            complaints = await c.ReviewComplaints.AsNoTracking().OrderBy(x => x.Id).Select(x => new { x.Id, x.RecheckedOn, x.RecheckResult, x.RepostedOn }).ToListAsync(),
            meetings = await c.ReviewMeetings.AsNoTracking().OrderBy(x => x.Id).Select(x => new { x.Id, x.MinutesFileId }).ToListAsync(),
            requests = await c.EscapeRequests.AsNoTracking().OrderBy(x => x.Id).Select(x => new { x.Id, x.ReviewHouseholdId }).ToListAsync(),
            households2 = await c.Households.AsNoTracking().OrderBy(x => x.Id).Select(x => new { x.Id, x.Version, x.HeadName, x.Groups }).ToListAsync(),
        };
        return JsonSerializer.Serialize(state);
    });

    private static async Task Refused<T>(TestDatabase db, HashSet<string> steps, string step, ResultStatus expected, Func<ReviewCommands, Task<Result<T>>> call)
    {
        var before = await FingerprintAsync(db);
        var result = await Run(db, call);
        Assert.True(expected == result.Status, $"{step}: expected {expected}, got {result.Status} ({result.Message})");
        Assert.Equal(before, await FingerprintAsync(db));
        steps.Add(step);
    }

    private static async Task<T> Ok<T>(TestDatabase db, Func<ReviewCommands, Task<Result<T>>> call)
    {
        var result = await Run(db, call);
        Assert.True(result.Status == ResultStatus.Ok, $"{result.Status}: {result.Message} {string.Join("; ", result.Errors.SelectMany(e => e.Value))}");
        return result.Value!;
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task EveryReviewStep_Refused_LeavesTheDatabaseUnchanged(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var steps = new HashSet<string>(StringComparer.Ordinal);
        var h = new List<long>();
        foreach (var head in new[] { "Lò Văn Páo", "Giàng Thị Mỷ", "Vàng A Sử" })
        {
            var created = await db.RunAsync(sp => sp.GetRequiredService<HouseholdCommands>().CreateAsync(
                Samples.Household(head: head, members: [Samples.Head(head, personalId: null), Samples.Child()]), default));
            h.Add(created.Value!.Id);
            Assert.Equal(ResultStatus.Ok, (await db.RunAsync(sp => sp.GetRequiredService<SurveyCommands>().SaveAsync(h[^1], Poor(2025), default))).Status);
        }

        // Open: a periodic campaign names no commune; a second periodic campaign in the same year is refused.
        Province(db);
        await Refused(db, steps, "OpenCampaign", ResultStatus.Invalid,
            c => c.OpenCampaignAsync(new OpenCampaignInput { Year = 2026, Kind = CampaignKind.Periodic, CommuneCode = Samples.CommuneA }, default));
        var campaign = await Ok(db, c => c.OpenCampaignAsync(new OpenCampaignInput { Year = 2026, Kind = CampaignKind.Periodic }, default));
        await Refused(db, steps, "OpenCampaign", ResultStatus.Invalid, c => c.OpenCampaignAsync(new OpenCampaignInput { Year = 2026, Kind = CampaignKind.Periodic }, default));
        var overview = await db.RunAsync(sp => sp.GetRequiredService<ReviewQueries>().OverviewAsync(campaign.Id, default));
        var id = Assert.Single(overview!.Communes).CommuneReviewId;

        // S1: a Mẫu 04 request with an unknown category; a household added as "current list" by hand; an exclusion without reason.
        Commune(db);
        await Refused(db, steps, "RecordEscapeRequest", ResultStatus.Invalid,
            c => c.RecordEscapeRequestAsync(new EscapeRequestInput(h[0], new DateOnly(2026, 9, 5), "rich", null), default));
        await Refused(db, steps, "AddHousehold", ResultStatus.Invalid,
            c => c.AddHouseholdAsync(id, new AddHouseholdInput { HouseholdId = h[0], Reason = ListingReason.CurrentList }, default));
        var board = await Ok(db, c => c.BuildListAsync(id, default));
        long Rh(long household) => board.Households.Single(x => x.HouseholdId == household).Id;
        await Refused(db, steps, "ExcludeHousehold", ResultStatus.Invalid, c => c.ExcludeHouseholdAsync(Rh(h[0]), HouseholdAction.Remove, " ", default));

        // S2: listing twice is refused once the survey started; the meeting step before every household is surveyed;
        // a survey that the survey rules refuse (after the household transition was applied in the step); a stale version.
        await Ok(db, c => c.MoveAsync(id, CommuneAction.StartSurvey, default));
        await Refused(db, steps, "BuildList", ResultStatus.Conflict, c => c.BuildListAsync(id, default));
        await Refused(db, steps, "Move", ResultStatus.Conflict, c => c.MoveAsync(id, CommuneAction.OpenMeeting, default));
        await Refused(db, steps, "RecordSurvey", ResultStatus.Invalid, c => c.RecordSurveyAsync(Rh(h[0]), Broken(2026), default));
        foreach (var household in h)
        {
            await Ok(db, c => c.RecordSurveyAsync(Rh(household), household == h[1] ? NearPoor(2026) : Poor(2026), default));
        }

        await Refused(db, steps, "RecordSurvey", ResultStatus.Conflict, c => c.RecordSurveyAsync(Rh(h[0]), Poor(2026, version: 5), default));

        // S3: a vote marked as passed without the majority; minutes that are not a PDF.
        board = await Ok(db, c => c.MoveAsync(id, CommuneAction.OpenMeeting, default));
        await Refused(db, steps, "RecordMeeting", ResultStatus.Conflict, c => c.RecordMeetingAsync(id, new MeetingInput
        {
            HeldOn = new DateOnly(2026, 11, 2), Attendees = 10, Roles = "Trưởng thôn (chủ trì)",
            Votes = [new VoteInput(Rh(h[0]), 8), new VoteInput(Rh(h[1]), 4, Passed: true)],
        }, default));
        var meeting = await Ok(db, c => c.RecordMeetingAsync(id, new MeetingInput
        {
            HeldOn = new DateOnly(2026, 11, 2), Attendees = 10, Roles = "Trưởng thôn (chủ trì)",
            Votes = [new VoteInput(Rh(h[0]), 8), new VoteInput(Rh(h[1]), 7), new VoteInput(Rh(h[2]), 9)],
        }, default));
        await Refused(db, steps, "UploadMinutes", ResultStatus.Invalid,
            c => c.UploadMinutesAsync(meeting.MeetingId, "x.pdf", "application/pdf", "not a pdf"u8.ToArray(), default));

        // S4: posting before the campaign; a complaint without complainant; a re-check whose new survey is refused (after the
        // complaints were marked in the step); a re-posting before any re-check.
        await Refused(db, steps, "StartPosting", ResultStatus.Invalid, c => c.StartPostingAsync(id, new DateOnly(2026, 8, 1), default));
        await Ok(db, c => c.StartPostingAsync(id, new DateOnly(2026, 11, 18), default));
        await Refused(db, steps, "Complain", ResultStatus.Invalid, c => c.ComplainAsync(Rh(h[2]), new ComplaintInput(new DateOnly(2026, 11, 20), " ", "Nội dung"), default));
        await Refused(db, steps, "Repost", ResultStatus.Conflict, c => c.RepostAsync(Rh(h[2]), new DateOnly(2026, 11, 20), default));
        await Ok(db, c => c.ComplainAsync(Rh(h[2]), new ComplaintInput(new DateOnly(2026, 11, 20), "Hộ bà Lò Thị Xuân", "Đề nghị xem lại"), default));
        db.Clock.Now = new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.Zero);
        await Refused(db, steps, "Recheck", ResultStatus.Invalid,
            c => c.RecheckAsync(Rh(h[2]), new RecheckInput { RecheckedOn = new DateOnly(2026, 11, 24), Result = "Giữ kết quả", Survey = Broken(2026) }, default));
        await Ok(db, c => c.RecheckAsync(Rh(h[2]), new RecheckInput { RecheckedOn = new DateOnly(2026, 11, 24), Result = "Giữ kết quả" }, default));
        await Ok(db, c => c.RepostAsync(Rh(h[2]), new DateOnly(2026, 11, 24), default));

        // S5, S6: no district after 01/07/2025; a decision before the re-posting ends; a decision without a number.
        await Refused(db, steps, "ConsultDistrict", ResultStatus.Conflict, c => c.ConsultDistrictAsync(id, new DateOnly(2026, 11, 24), "Đồng ý", default));
        await Refused(db, steps, "Decide", ResultStatus.Conflict, c => c.DecideAsync(id, new DecisionInput("15/QĐ-UBND", new DateOnly(2026, 11, 24), "Lò Văn Thắng"), default));
        db.Clock.Now = new DateTimeOffset(2026, 11, 28, 8, 0, 0, TimeSpan.Zero);
        await Refused(db, steps, "IssueCertificates", ResultStatus.Conflict, c => c.IssueCertificatesAsync(id, default));
        await Refused(db, steps, "Decide", ResultStatus.Invalid, c => c.DecideAsync(id, new DecisionInput(" ", new DateOnly(2026, 11, 28), "Lò Văn Thắng"), default));
        await Ok(db, c => c.DecideAsync(id, new DecisionInput("15/QĐ-UBND", new DateOnly(2026, 11, 28), "Lò Văn Thắng"), default));

        // Locked after the decision: a survey through the review, a household added.
        await Refused(db, steps, "RecordSurvey", ResultStatus.Conflict, c => c.RecordSurveyAsync(Rh(h[0]), NearPoor(2026), default));
        await Refused(db, steps, "AddHousehold", ResultStatus.Conflict,
            c => c.AddHouseholdAsync(id, new AddHouseholdInput { HouseholdId = h[0], Reason = ListingReason.Manual, ReasonText = "x" }, default));

        // S7, S8: the report before the certificates; returning a report by the commune, and before it is submitted.
        await Refused(db, steps, "Move", ResultStatus.Conflict, c => c.MoveAsync(id, CommuneAction.SubmitReport, default));
        await Ok(db, c => c.IssueCertificatesAsync(id, default));
        await Refused(db, steps, "IssueCertificates", ResultStatus.Conflict, c => c.IssueCertificatesAsync(id, default));
        await Refused(db, steps, "ReturnReport", ResultStatus.Forbidden, c => c.ReturnReportAsync(id, "Thiếu biên bản", default));
        Province(db);
        await Refused(db, steps, "ReturnReport", ResultStatus.Conflict, c => c.ReturnReportAsync(id, "Thiếu biên bản", default));
        await Refused(db, steps, "ReturnReport", ResultStatus.Invalid, c => c.ReturnReportAsync(id, " ", default));
        await Refused(db, steps, "AcceptReport", ResultStatus.Conflict, c => c.AcceptReportAsync(id, null, default));
        await Refused(db, steps, "AcceptReport", ResultStatus.Invalid, c => c.AcceptReportAsync(id, new string('x', 2001), default));
        db.User.Become("tinh-khac", Roles.ProvincialOfficer, "01", AdminLevel.Province);
        await Refused(db, steps, "AcceptReport", ResultStatus.NotFound, c => c.AcceptReportAsync(id, null, default));
        Commune(db);
        await Refused(db, steps, "AcceptReport", ResultStatus.Forbidden, c => c.AcceptReportAsync(id, null, default));

        string[] all =
        [
            "OpenCampaign", "BuildList", "AddHousehold", "ExcludeHousehold", "Move", "RecordSurvey", "RecordMeeting", "UploadMinutes", "StartPosting",
            "Complain", "Recheck", "Repost", "ConsultDistrict", "Decide", "IssueCertificates", "ReturnReport", "AcceptReport", "RecordEscapeRequest",
        ];
        Assert.Equal(all.Order(StringComparer.Ordinal), steps.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task HouseholdAndSurveyEdits_Refused_LeaveTheDatabaseUnchanged(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var created = await db.RunAsync(sp => sp.GetRequiredService<HouseholdCommands>().CreateAsync(
            Samples.Household(head: "Lò Văn Páo", members: [Samples.Head("Lò Văn Páo", personalId: null)]), default));
        var id = created.Value!.Id;
        Assert.Equal(ResultStatus.Ok, (await db.RunAsync(sp => sp.GetRequiredService<SurveyCommands>().SaveAsync(id, Poor(2025), default))).Status);
        var before = await FingerprintAsync(db);

        var stale = await db.RunAsync(sp => sp.GetRequiredService<HouseholdCommands>().UpdateAsync(id,
            Samples.Household(head: "Lò Văn Pá") with { Version = created.Value.Version + 7 }, default));
        Assert.Equal(ResultStatus.Conflict, stale.Status);
        var invalid = await db.RunAsync(sp => sp.GetRequiredService<HouseholdCommands>().AddMemberAsync(id, Samples.Child(name: " "), default));
        Assert.Equal(ResultStatus.Invalid, invalid.Status);
        var survey = await db.RunAsync(sp => sp.GetRequiredService<SurveyCommands>().SaveAsync(id, Broken(2026), default));
        Assert.Equal(ResultStatus.Invalid, survey.Status);
        Assert.Equal(before, await FingerprintAsync(db));

        // The accepted edits save the household and its materialised gaps together.
        Assert.Equal(ResultStatus.Ok, (await db.RunAsync(sp => sp.GetRequiredService<HouseholdCommands>().AddMemberAsync(id, Samples.Child(), default))).Status);
        Assert.Equal(1, await db.RunAsync(sp => sp.GetRequiredService<AppDbContext>().HouseholdGapSummaries.CountAsync(s => s.HouseholdId == id)));
    }
}
