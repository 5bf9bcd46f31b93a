using GiamNgheo.Application.Persistence;
using GiamNgheo.Application.Reviews.Documents;
using GiamNgheo.Application.Reviews.Steps;
using GiamNgheo.Application.Standards;
using GiamNgheo.Application.Surveys;
using GiamNgheo.Domain.Reviews;

namespace GiamNgheo.Application.Reviews;

/// <summary>
/// The yearly review (QĐ 24/2021/QĐ-TTg) as a workflow, the entry point the web pages, API and CLI use. Each step is one
/// use case in its own file under <c>Reviews/Steps/</c> (on the shared <see cref="ReviewStep"/>): it runs in one
/// transaction, goes through <see cref="ReviewStateMachine"/>, and writes an audit event per transition; a refused step
/// (not found, forbidden, invalid, conflict) returns the Vietnamese reason and its transaction is rolled back, so the
/// database is unchanged.
/// </summary>
public sealed class ReviewCommands(AppDbContext db, ReviewSettings settings, StandardRegistry standards, SurveyCommands surveys, ReviewDocuments documents)
{
    private readonly ReviewServices services = new(db, settings, standards, surveys, documents);

    public Task<Result<CampaignSummary>> OpenCampaignAsync(OpenCampaignInput input, CancellationToken ct) => new OpenCampaign(services).RunAsync(input, ct);

    /// <summary>S1: lists the households of the previous list (poor and near-poor under the legal standard) and Mẫu 04 requests.</summary>
    public Task<Result<CommuneBoard>> BuildListAsync(long communeReviewId, CancellationToken ct) => new BuildList(services).RunAsync(communeReviewId, ct);

    /// <summary>S1: adds a household that applied (Mẫu 01, with its date and reason) or by hand with a reason.</summary>
    public Task<Result<CommuneBoard>> AddHouseholdAsync(long communeReviewId, AddHouseholdInput input, CancellationToken ct) =>
        new AddHousehold(services).RunAsync(communeReviewId, input, ct);

    /// <summary>Before the meeting: takes a household off the list or marks it "không rà soát lại", with a reason.</summary>
    public Task<Result<CommuneBoard>> ExcludeHouseholdAsync(long reviewHouseholdId, HouseholdAction action, string? reason, CancellationToken ct) =>
        new ExcludeHousehold(services).RunAsync(reviewHouseholdId, action, reason, ct);

    /// <summary>A commune step without data of its own: start survey, open the meeting step, certificates, report.</summary>
    public Task<Result<CommuneBoard>> MoveAsync(long communeReviewId, CommuneAction action, CancellationToken ct) =>
        new MoveCommune(services).RunAsync(communeReviewId, action, ct);

    /// <summary>S2: saves the household's survey for the campaign year (optimistic concurrency) and marks it surveyed.</summary>
    public Task<Result<SurveyView>> RecordSurveyAsync(long reviewHouseholdId, SurveyInput input, CancellationToken ct) =>
        new RecordSurvey(services).RunAsync(reviewHouseholdId, input, ct);

    /// <summary>S3: the village meeting and its votes.</summary>
    public Task<Result<MeetingResult>> RecordMeetingAsync(long communeReviewId, MeetingInput input, CancellationToken ct) =>
        new RecordMeeting(services).RunAsync(communeReviewId, input, ct);

    /// <summary>S3: keeps the signed minutes (PDF, PNG or JPEG, at most 10 MB) with the campaign.</summary>
    public Task<Result<MeetingRow>> UploadMinutesAsync(long meetingId, string fileName, string contentType, byte[] content, CancellationToken ct) =>
        new UploadMinutes(services).RunAsync(meetingId, fileName, contentType, content, ct);

    public Task<DocumentFile?> MinutesAsync(long meetingId, CancellationToken ct) => new ReviewQueries(db).MinutesAsync(meetingId, ct);

    /// <summary>S4: starts the public posting.</summary>
    public Task<Result<CommuneBoard>> StartPostingAsync(long communeReviewId, DateOnly start, CancellationToken ct) =>
        new StartPosting(services).RunAsync(communeReviewId, start, ct);

    public Task<Result<CommuneBoard>> ComplainAsync(long reviewHouseholdId, ComplaintInput input, CancellationToken ct) =>
        new Complain(services).RunAsync(reviewHouseholdId, input, ct);

    public Task<Result<CommuneBoard>> RecheckAsync(long reviewHouseholdId, RecheckInput input, CancellationToken ct) =>
        new Recheck(services).RunAsync(reviewHouseholdId, input, ct);

    /// <summary>Posts the re-check result again; the commune's posting period is extended to the end of this re-posting.</summary>
    public Task<Result<CommuneBoard>> RepostAsync(long reviewHouseholdId, DateOnly start, CancellationToken ct) =>
        new Repost(services).RunAsync(reviewHouseholdId, start, ct);

    /// <summary>S5: the district's opinion (before 01/07/2025).</summary>
    public Task<Result<CommuneBoard>> ConsultDistrictAsync(long communeReviewId, DateOnly on, string opinion, CancellationToken ct) =>
        new ConsultDistrict(services).RunAsync(communeReviewId, on, opinion, ct);

    /// <summary>S6: the commune chairman's decision: households recognised, classifications under the legal standard carry the decision, results locked.</summary>
    public Task<Result<CommuneBoard>> DecideAsync(long communeReviewId, DecisionInput input, CancellationToken ct) =>
        new Decide(services).RunAsync(communeReviewId, input, ct);

    /// <summary>S7: certificates (Mẫu 03).</summary>
    public Task<Result<CommuneBoard>> IssueCertificatesAsync(long communeReviewId, CancellationToken ct) =>
        new IssueCertificates(services).RunAsync(communeReviewId, ct);

    /// <summary>S8: the province returns the report.</summary>
    public Task<Result<CommuneBoard>> ReturnReportAsync(long communeReviewId, string comment, CancellationToken ct) =>
        new ReturnReport(services).RunAsync(communeReviewId, comment, ct);

    /// <summary>The province accepts a commune's submitted report (periodic or regular); the comment is optional.</summary>
    public Task<Result<CommuneBoard>> AcceptReportAsync(long communeReviewId, string? comment, CancellationToken ct) =>
        new AcceptReport(services).RunAsync(communeReviewId, comment, ct);

    /// <summary>Mẫu 04: a request to leave the list, linked into any open review of the commune.</summary>
    public Task<Result<long>> RecordEscapeRequestAsync(EscapeRequestInput input, CancellationToken ct) =>
        new RecordEscapeRequest(services).RunAsync(input, ct);
}
