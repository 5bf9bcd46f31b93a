namespace GiamNgheo.Domain.Reviews;

/// <summary>Kind of review campaign (QĐ 24/2021/QĐ-TTg Art. 4 and 5; docs/domain.md §4.3–4.5).</summary>
public enum CampaignKind : byte
{
    /// <summary>Rà soát định kỳ hằng năm (default window 1 September – 14 December).</summary>
    Periodic = 0,

    /// <summary>Rà soát thường xuyên (monthly, from the 15th) for households that apply during the year.</summary>
    Regular = 1,
}

/// <summary>State of a review campaign in one commune (§4.4 S1…S8).</summary>
public enum CommuneReviewState : byte
{
    /// <summary>S1 lập danh sách.</summary>
    Listing = 0,

    /// <summary>S2 khảo sát, chấm điểm, phân loại.</summary>
    Surveying = 1,

    /// <summary>S3 họp dân ở thôn.</summary>
    Meeting = 2,

    /// <summary>S4 niêm yết công khai (complaints and re-checks happen inside this state).</summary>
    Posting = 3,

    /// <summary>S5 xin ý kiến Chủ tịch UBND cấp huyện (campaigns before the two-level government only).</summary>
    DistrictConsulted = 4,

    /// <summary>S6 quyết định công nhận (Mẫu 02); results locked.</summary>
    Decided = 5,

    /// <summary>S7 giấy chứng nhận (Mẫu 03) issued.</summary>
    CertificatesIssued = 6,

    /// <summary>S8 báo cáo sent to the province.</summary>
    Reported = 7,

    /// <summary>The province returned the report with a comment; the commune submits again.</summary>
    Returned = 8,

    /// <summary>The province accepted (tiếp nhận) the report: the commune's review is closed.</summary>
    Accepted = 9,
}

/// <summary>State of one household inside a commune's review.</summary>
public enum HouseholdReviewState : byte
{
    /// <summary>Listed, waiting for (re-)survey.</summary>
    Listed = 0,

    /// <summary>Surveyed and classified.</summary>
    Surveyed = 1,

    /// <summary>The village meeting agreed (≥ 50% of attendees).</summary>
    Agreed = 2,

    /// <summary>On the public posting list.</summary>
    Posted = 3,

    /// <summary>A complaint was received during posting; re-check (phúc tra) pending.</summary>
    Complained = 4,

    /// <summary>Re-checked; the result must be posted again.</summary>
    Rechecked = 5,

    /// <summary>Recognised by the commune chairman's decision (Mẫu 02).</summary>
    Decided = 6,

    /// <summary>Certificate (Mẫu 03) issued.</summary>
    Certified = 7,

    /// <summary>Taken off the review list before the meeting step (listed by mistake), with a reason; its status carries over.</summary>
    Removed = 8,

    /// <summary>Kept on the list but not re-surveyed (không rà soát lại), with a reason; its status carries over.</summary>
    NotResurveyed = 9,
}

public static class ReviewStateNames
{
    public static string ToVietnamese(this CampaignKind kind) => kind switch
    {
        CampaignKind.Periodic => "Rà soát định kỳ",
        CampaignKind.Regular => "Rà soát thường xuyên",
    };

    public static string ToVietnamese(this CommuneReviewState state) => state switch
    {
        CommuneReviewState.Listing => "Lập danh sách",
        CommuneReviewState.Surveying => "Khảo sát, phân loại",
        CommuneReviewState.Meeting => "Họp dân",
        CommuneReviewState.Posting => "Niêm yết công khai",
        CommuneReviewState.DistrictConsulted => "Đã xin ý kiến Chủ tịch UBND huyện",
        CommuneReviewState.Decided => "Đã có quyết định công nhận",
        CommuneReviewState.CertificatesIssued => "Đã cấp giấy chứng nhận",
        CommuneReviewState.Reported => "Đã báo cáo tỉnh",
        CommuneReviewState.Returned => "Tỉnh trả lại báo cáo",
        CommuneReviewState.Accepted => "Tỉnh đã tiếp nhận báo cáo",
    };

    public static string ToVietnamese(this HouseholdReviewState state) => state switch
    {
        HouseholdReviewState.Listed => "Chờ khảo sát",
        HouseholdReviewState.Surveyed => "Đã khảo sát",
        HouseholdReviewState.Agreed => "Họp dân thống nhất",
        HouseholdReviewState.Posted => "Đang niêm yết",
        HouseholdReviewState.Complained => "Có khiếu nại, chờ phúc tra",
        HouseholdReviewState.Rechecked => "Đã phúc tra, chờ niêm yết lại",
        HouseholdReviewState.Decided => "Đã công nhận",
        HouseholdReviewState.Certified => "Đã cấp giấy chứng nhận",
        HouseholdReviewState.Removed => "Đã rút khỏi danh sách",
        HouseholdReviewState.NotResurveyed => "Không rà soát lại (giữ nguyên)",
    };

    public static string ToCode(this CommuneReviewState state) => state switch
    {
        CommuneReviewState.Listing => "listing",
        CommuneReviewState.Surveying => "surveying",
        CommuneReviewState.Meeting => "meeting",
        CommuneReviewState.Posting => "posting",
        CommuneReviewState.DistrictConsulted => "district_consulted",
        CommuneReviewState.Decided => "decided",
        CommuneReviewState.CertificatesIssued => "certificates_issued",
        CommuneReviewState.Reported => "reported",
        CommuneReviewState.Returned => "returned",
        CommuneReviewState.Accepted => "accepted",
    };

    public static string ToCode(this HouseholdReviewState state) => state switch
    {
        HouseholdReviewState.Listed => "listed",
        HouseholdReviewState.Surveyed => "surveyed",
        HouseholdReviewState.Agreed => "agreed",
        HouseholdReviewState.Posted => "posted",
        HouseholdReviewState.Complained => "complained",
        HouseholdReviewState.Rechecked => "rechecked",
        HouseholdReviewState.Decided => "decided",
        HouseholdReviewState.Certified => "certified",
        HouseholdReviewState.Removed => "removed",
        HouseholdReviewState.NotResurveyed => "not_resurveyed",
    };

    /// <summary>Removed from the list or not re-surveyed: out of the commune's meeting, posting and decision; the status carries over.</summary>
    public static bool IsExcluded(this HouseholdReviewState state) => state is HouseholdReviewState.Removed or HouseholdReviewState.NotResurveyed;
}
