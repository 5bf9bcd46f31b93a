using GiamNgheo.Application.Audit;
using GiamNgheo.Domain.Reviews;

namespace GiamNgheo.Application.Reviews;

/// <summary>A review campaign: periodic (province, one per year) or regular (one commune, one month).</summary>
public sealed class ReviewCampaignEntity : IAudited
{
    public long Id { get; set; }
    public required string ProvinceCode { get; set; }
    public int Year { get; set; }
    /// <summary>Month of a regular review (1–12); the window's start month for a periodic one.</summary>
    public int Month { get; set; }
    public CampaignKind Kind { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly EndDate { get; set; }
    /// <summary>The standard in force (decisions are made under it).</summary>
    public required string StandardCode { get; set; }
    /// <summary>Standards computed in parallel, joined by ';' (e.g. QD59_2015 for the province's target).</summary>
    public string ParallelStandards { get; set; } = string.Empty;
    public required string OpenedBy { get; set; }
    public DateTime OpenedAtUtc { get; set; }
}

/// <summary>A campaign in one commune: its state, posting period, decision and report.</summary>
public sealed class CommuneReviewEntity : IAudited
{
    public long Id { get; set; }
    public long CampaignId { get; set; }
    public required string ProvinceCode { get; set; }
    public required string CommuneCode { get; set; }
    public CommuneReviewState State { get; set; }
    public DateOnly? PostingStart { get; set; }
    /// <summary>Last day of posting, including re-postings after re-checks.</summary>
    public DateOnly? PostingEnd { get; set; }
    public DateOnly? DistrictConsultedOn { get; set; }
    public string? DistrictOpinion { get; set; }
    public long? DecisionId { get; set; }
    public DateOnly ReportDeadline { get; set; }
    public DateOnly? ReportSubmittedOn { get; set; }
    public string? ReturnComment { get; set; }
    public int Version { get; set; }
}

/// <summary>Why a household is on the review list.</summary>
public enum ListingReason : byte
{
    /// <summary>On the commune's current poor or near-poor list.</summary>
    CurrentList = 0,

    /// <summary>Filed Mẫu 01 (giấy đề nghị rà soát).</summary>
    Application = 1,

    /// <summary>Added by hand by the commune committee, with a reason.</summary>
    Manual = 2,
}

/// <summary>One household in a commune's review.</summary>
public sealed class ReviewHouseholdEntity : IAudited
{
    public long Id { get; set; }
    public long CommuneReviewId { get; set; }
    /// <summary>The household's province (the distribution key, docs/scaling.md); part of the foreign key to the household.</summary>
    public required string ProvinceCode { get; set; }
    public long HouseholdId { get; set; }
    public string? VillageCode { get; set; }
    public HouseholdReviewState State { get; set; }
    public ListingReason ListingReason { get; set; }
    /// <summary>Date of the Mẫu 01 application, when listed on one.</summary>
    public DateOnly? ApplicationDate { get; set; }
    public string? ReasonText { get; set; }
    public long? SurveyId { get; set; }
    /// <summary>Category code under the campaign's legal standard at the last survey/re-check ("poor", "near_poor"…).</summary>
    public string? Category { get; set; }
    /// <summary>Category code under the legal standard on the previous recognised list (null: not on it).</summary>
    public string? PreviousCategory { get; set; }
    public int? Attendees { get; set; }
    public int? Agree { get; set; }
    public string? CertificateNumber { get; set; }
    /// <summary>Why the household was removed from the list or not re-surveyed (state Removed / NotResurveyed).</summary>
    public string? ExclusionReason { get; set; }
}

/// <summary>A village meeting (họp dân) with its participants and the signed minutes.</summary>
public sealed class ReviewMeetingEntity : IAudited
{
    public long Id { get; set; }
    public long CommuneReviewId { get; set; }
    public string? VillageCode { get; set; }
    public DateOnly HeldOn { get; set; }
    public int Attendees { get; set; }
    /// <summary>Participants' roles (chair, secretary, Fatherland Front…), free text.</summary>
    public string Roles { get; set; } = string.Empty;
    public string? MinutesFileName { get; set; }
    public string? MinutesContentType { get; set; }
    public long? MinutesFileId { get; set; }
}

/// <summary>Votes of one household at one meeting.</summary>
public sealed class ReviewVoteEntity : IAudited
{
    public long Id { get; set; }
    public long MeetingId { get; set; }
    /// <summary>The reviewed household's province (docs/scaling.md); part of the foreign key to the review household.</summary>
    public required string ProvinceCode { get; set; }
    public long ReviewHouseholdId { get; set; }
    public int Agree { get; set; }
    public bool Passed { get; set; }
}

/// <summary>An uploaded file kept with the campaign (signed minutes); its upload is an audit event, not copied into the audit.</summary>
public sealed class ReviewFileEntity
{
    public long Id { get; set; }
    public long CampaignId { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public required byte[] Content { get; set; }
    public DateTime UploadedAtUtc { get; set; }
    public required string UploadedBy { get; set; }
}

/// <summary>A complaint received during posting and its re-check (phúc tra).</summary>
public sealed class ReviewComplaintEntity : IAudited
{
    public long Id { get; set; }
    /// <summary>The reviewed household's province (docs/scaling.md); part of the foreign key to the review household.</summary>
    public required string ProvinceCode { get; set; }
    public long ReviewHouseholdId { get; set; }
    public DateOnly ReceivedOn { get; set; }
    public required string Complainant { get; set; }
    public required string Content { get; set; }
    public DateOnly? RecheckedOn { get; set; }
    public string? RecheckResult { get; set; }
    public DateOnly? RepostedOn { get; set; }
}

/// <summary>The commune chairman's recognition decision (Mẫu 02).</summary>
public sealed class RecognitionDecisionEntity : IAudited
{
    public long Id { get; set; }
    public long CommuneReviewId { get; set; }
    public required string CommuneCode { get; set; }
    public int Year { get; set; }
    public required string StandardCode { get; set; }
    public required string Number { get; set; }
    public DateOnly SignedOn { get; set; }
    public required string Signer { get; set; }
}

/// <summary>Mẫu 04: a household's request to be recognised as having escaped poverty / near-poverty.</summary>
public sealed class EscapeRequestEntity : IAudited
{
    public long Id { get; set; }
    /// <summary>The household's province (docs/scaling.md); part of the foreign key to the household.</summary>
    public required string ProvinceCode { get; set; }
    public long HouseholdId { get; set; }
    public required string CommuneCode { get; set; }
    public DateOnly ReceivedOn { get; set; }
    /// <summary>"poor" (thoát nghèo) or "near_poor" (thoát cận nghèo).</summary>
    public required string FromCategory { get; set; }
    public string? Reason { get; set; }
    /// <summary>The review that handles it, once listed.</summary>
    public long? ReviewHouseholdId { get; set; }
}

/// <summary>A public holiday (not a working day for posting periods); the province can edit the list.</summary>
public sealed class PublicHolidayEntity : IAudited
{
    public long Id { get; set; }
    public DateOnly Date { get; set; }
    /// <summary>Null: national; otherwise a province's own day off.</summary>
    public string? ProvinceCode { get; set; }
    public required string NameVi { get; set; }
    /// <summary>V, V3 or M (docs/domain.md §0).</summary>
    public string Mark { get; set; } = "M";
}

public static class ListingReasonNames
{
    public static string ToVietnamese(this ListingReason reason) => reason switch
    {
        ListingReason.CurrentList => "Danh sách hiện hành",
        ListingReason.Application => "Đơn Mẫu 01",
        ListingReason.Manual => "Bổ sung",
    };
}
