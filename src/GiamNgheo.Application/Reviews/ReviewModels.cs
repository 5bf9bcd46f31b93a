using GiamNgheo.Application.Surveys;
using GiamNgheo.Domain.Reviews;

namespace GiamNgheo.Application.Reviews;

public sealed record OpenCampaignInput
{
    public int Year { get; init; }
    public CampaignKind Kind { get; init; }
    /// <summary>Regular review: the month (1–12).</summary>
    public int? Month { get; init; }
    /// <summary>Regular review: the commune; periodic: null (every commune of the province with households).</summary>
    public string? CommuneCode { get; init; }
    public DateOnly? StartDate { get; init; }
    public DateOnly? EndDate { get; init; }
    /// <summary>Parallel standards (e.g. QD59_2015); null = those active in parallel for the year.</summary>
    public IReadOnlyList<string>? ParallelStandards { get; init; }
}

public sealed record AddHouseholdInput
{
    /// <summary>The household's code (mã hộ) as officials know it; used when given (<see cref="HouseholdId"/> is the API's older way).</summary>
    public string? HouseholdCode { get; init; }
    public long HouseholdId { get; init; }
    public ListingReason Reason { get; init; }
    /// <summary>Mẫu 01 date (required for an application).</summary>
    public DateOnly? ApplicationDate { get; init; }
    public string? ReasonText { get; init; }
}

/// <summary>A household of the commune found by code or name to add to a review list; <see cref="Listed"/> when it already is on it.</summary>
public sealed record ReviewCandidate(string Code, string HeadName, string? VillageName, string Address, bool Listed)
{
    /// <summary>When the name matched a member rather than the head: that member's name (so the officer sees why the household is offered).</summary>
    public string? MatchedMember { get; init; }
}

public sealed record VoteInput(long ReviewHouseholdId, int Agree, bool? Passed = null);

public sealed record MeetingInput
{
    public string? VillageCode { get; init; }
    public DateOnly HeldOn { get; init; }
    public int Attendees { get; init; }
    public string Roles { get; init; } = string.Empty;
    public IReadOnlyList<VoteInput> Votes { get; init; } = [];
}

public sealed record ComplaintInput(DateOnly ReceivedOn, string Complainant, string Content);

public sealed record RecheckInput
{
    public DateOnly RecheckedOn { get; init; }
    public string Result { get; init; } = string.Empty;
    /// <summary>A corrected survey, when the re-check changes the answers.</summary>
    public SurveyInput? Survey { get; init; }
}

public sealed record DecisionInput(string Number, DateOnly SignedOn, string Signer);

public sealed record EscapeRequestInput(long HouseholdId, DateOnly ReceivedOn, string FromCategory, string? Reason);

public sealed record CampaignSummary(long Id, int Year, CampaignKind Kind, string KindVi, int Month, DateOnly StartDate, DateOnly EndDate,
    string StandardCode, IReadOnlyList<string> ParallelStandards, int Communes, IReadOnlyDictionary<string, int> CommunesByState)
{
    /// <summary>A regular review's commune (its one commune review), so that the province's list names it; null for a periodic review.</summary>
    public string? CommuneName { get; init; }

    /// <summary>Commune reports submitted and waiting for the province (state Reported).</summary>
    public int ReportsWaiting { get; init; }
}

public sealed record CommuneOverviewRow(long CommuneReviewId, string CommuneCode, string CommuneName, CommuneReviewState State, string StateVi,
    int Households, DateOnly ReportDeadline, DateOnly? ReportSubmittedOn, bool Late, int DaysLate, string? ReturnComment);

public sealed record CampaignOverview(CampaignSummary Campaign, IReadOnlyList<CommuneOverviewRow> Communes);

public sealed record ReviewHouseholdRow(long Id, long HouseholdId, string HouseholdCode, string HeadName, string? VillageCode, HouseholdReviewState State,
    string StateVi, ListingReason ListingReason, DateOnly? ApplicationDate, string? ReasonText, string? Category, string? PreviousCategory,
    int? Attendees, int? Agree, string? CertificateNumber, int OpenComplaints, string? ExclusionReason = null);

/// <summary>A commune action and whether it may happen now (with the reason when not).</summary>
public sealed record NextAction(CommuneAction Action, string ActionVi, bool Allowed, string? BlockedBecause);

public sealed record MeetingRow(long Id, string? VillageCode, DateOnly HeldOn, int Attendees, string Roles, string? MinutesFileName);

public sealed record CommuneBoard(long Id, long CampaignId, int Year, CampaignKind Kind, string CommuneCode, string CommuneName, CommuneReviewState State,
    string StateVi, DateOnly CampaignStart, bool RequiresDistrictConsultation, DateOnly? PostingStart, DateOnly? PostingEnd, string? DecisionNumber,
    DateOnly? DecisionSignedOn, DateOnly ReportDeadline, DateOnly? ReportSubmittedOn, string? ReturnComment, string StandardCode,
    IReadOnlyList<ReviewHouseholdRow> Households, IReadOnlyDictionary<HouseholdReviewState, int> ByState, IReadOnlyList<NextAction> NextActions,
    IReadOnlyList<MeetingRow> Meetings);

public sealed record MeetingResult(long MeetingId, int Agreed, int SentBackToSurvey, CommuneReviewState CommuneState);

public sealed record MovementRow(string UnitCode, string ListVi, string Measure, int Opening, int ToOtherList, int AboveNearPoorLine, int OtherDecrease,
    int FromOtherList, int Relapsed, int NewlyArising, int OtherIncrease, int Closing, bool Balances);

public sealed record MovementReport(string CommuneCode, int Year, string StandardCode, IReadOnlyList<MovementRow> Rows, int RecentlyEscaped);

public sealed record DocumentFile(string FileName, string ContentType, byte[] Content);

public sealed record ReviewHouseholdRef(long Id, long CommuneReviewId, long HouseholdId, int Year, string HeadName, string HouseholdCode, HouseholdReviewState State);

/// <summary>A household's status in one year under one standard, and the recognition decision that set it (null: not yet recognised).</summary>
/// <summary>
/// A household's status for one review year under one standard. <c>Source</c>: <c>recognised</c> (by the decision),
/// <c>computed</c> (surveyed, not recognised), <c>carried_over</c> (from <c>FromYear</c>), <c>not_surveyed</c>;
/// <c>SourceVi</c> is the label shown ("Đã công nhận (QĐ số …, ngày …)", "Chưa công nhận", "Giữ nguyên từ năm …", "Chưa rà soát").
/// <c>PolicyFrom</c>: the first day a recognised status governs entitlements.
/// </summary>
public sealed record HouseholdStatusRow(int Year, string StandardCode, string Category, string CategoryVi, int DeprivationCount,
    long? DecisionId, string? DecisionNumber, DateOnly? DecisionSignedOn, string? DecisionSigner, string Source, string SourceVi, string SourceEn,
    int? FromYear, DateOnly? PolicyFrom);
