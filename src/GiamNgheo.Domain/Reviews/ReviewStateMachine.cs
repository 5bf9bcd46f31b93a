using System.Globalization;

namespace GiamNgheo.Domain.Reviews;

/// <summary>What a commune officer (or the province) asks of a commune's review.</summary>
public enum CommuneAction : byte
{
    StartSurvey = 0,
    OpenMeeting = 1,
    ReturnToSurvey = 2,
    StartPosting = 3,
    ConsultDistrict = 4,
    Decide = 5,
    IssueCertificates = 6,
    SubmitReport = 7,
    ReturnReport = 8,

    /// <summary>The province accepts (tiếp nhận) a submitted report; the review is closed.</summary>
    AcceptReport = 9,
}

/// <summary>What happens to one household inside a commune's review.</summary>
public enum HouseholdAction : byte
{
    RecordSurvey = 0,
    MeetingAgreed = 1,
    MeetingRejected = 2,
    Post = 3,
    Complain = 4,
    Recheck = 5,
    Repost = 6,
    Decide = 7,
    Certify = 8,

    /// <summary>Take a household off the review list (listed by mistake), with a reason; before the meeting step.</summary>
    Remove = 9,

    /// <summary>Mark a listed household "không rà soát lại" (its status carries over), with a reason; before the meeting step.</summary>
    SkipResurvey = 10,
}

/// <summary>The facts a commune transition is judged on.</summary>
public sealed record CommuneFacts(
    CommuneReviewState State,
    DateOnly CampaignStart,
    DateOnly Today,
    IReadOnlyCollection<HouseholdReviewState> Households,
    DateOnly? PostingEnd);

/// <summary>The facts a household transition is judged on.</summary>
public sealed record HouseholdFacts(
    HouseholdReviewState State,
    CommuneReviewState CommuneState,
    DateOnly Today,
    DateOnly? PostingEnd,
    int Attendees = 0,
    int Agree = 0);

/// <summary>An allowed transition gives the new state; a refused one says why in Vietnamese and changes nothing.</summary>
public readonly record struct Transition<TState>(bool Allowed, TState State, string? ReasonVi)
    where TState : struct, Enum
{
    public static Transition<TState> To(TState state) => new(true, state, null);

    public static Transition<TState> Refuse(TState current, string reason) => new(false, current, reason);
}

/// <summary>
/// The periodic/regular review procedure of QĐ 24/2021/QĐ-TTg Art. 4–5 as a state machine (docs/domain.md §4.4):
/// list → survey → village meeting → posting → (complaint → re-check → re-posting) → [consult district until 30/06/2025]
/// → decision → certificates → report.
/// </summary>
public static class ReviewStateMachine
{
    /// <summary>Every allowed commune edge (from, action, to), for documentation and tests; guards apply on top.</summary>
    public static readonly IReadOnlyList<(CommuneReviewState From, CommuneAction Action, CommuneReviewState To)> CommuneEdges =
    [
        (CommuneReviewState.Listing, CommuneAction.StartSurvey, CommuneReviewState.Surveying),
        (CommuneReviewState.Surveying, CommuneAction.OpenMeeting, CommuneReviewState.Meeting),
        (CommuneReviewState.Meeting, CommuneAction.ReturnToSurvey, CommuneReviewState.Surveying),
        (CommuneReviewState.Meeting, CommuneAction.StartPosting, CommuneReviewState.Posting),
        (CommuneReviewState.Posting, CommuneAction.ConsultDistrict, CommuneReviewState.DistrictConsulted),
        (CommuneReviewState.Posting, CommuneAction.Decide, CommuneReviewState.Decided),
        (CommuneReviewState.DistrictConsulted, CommuneAction.Decide, CommuneReviewState.Decided),
        (CommuneReviewState.Decided, CommuneAction.IssueCertificates, CommuneReviewState.CertificatesIssued),
        (CommuneReviewState.CertificatesIssued, CommuneAction.SubmitReport, CommuneReviewState.Reported),
        (CommuneReviewState.Returned, CommuneAction.SubmitReport, CommuneReviewState.Reported),
        (CommuneReviewState.Reported, CommuneAction.ReturnReport, CommuneReviewState.Returned),
        (CommuneReviewState.Reported, CommuneAction.AcceptReport, CommuneReviewState.Accepted),
    ];

    /// <summary>Every allowed household edge (from, action, to); guards apply on top.</summary>
    public static readonly IReadOnlyList<(HouseholdReviewState From, HouseholdAction Action, HouseholdReviewState To)> HouseholdEdges =
    [
        (HouseholdReviewState.Listed, HouseholdAction.RecordSurvey, HouseholdReviewState.Surveyed),
        (HouseholdReviewState.Surveyed, HouseholdAction.RecordSurvey, HouseholdReviewState.Surveyed),
        (HouseholdReviewState.Surveyed, HouseholdAction.MeetingAgreed, HouseholdReviewState.Agreed),
        (HouseholdReviewState.Surveyed, HouseholdAction.MeetingRejected, HouseholdReviewState.Listed),
        (HouseholdReviewState.Agreed, HouseholdAction.Post, HouseholdReviewState.Posted),
        (HouseholdReviewState.Posted, HouseholdAction.Complain, HouseholdReviewState.Complained),
        (HouseholdReviewState.Complained, HouseholdAction.Recheck, HouseholdReviewState.Rechecked),
        (HouseholdReviewState.Rechecked, HouseholdAction.Repost, HouseholdReviewState.Posted),
        (HouseholdReviewState.Posted, HouseholdAction.Decide, HouseholdReviewState.Decided),
        (HouseholdReviewState.Decided, HouseholdAction.Certify, HouseholdReviewState.Certified),
        (HouseholdReviewState.Listed, HouseholdAction.Remove, HouseholdReviewState.Removed),
        (HouseholdReviewState.Surveyed, HouseholdAction.Remove, HouseholdReviewState.Removed),
        (HouseholdReviewState.Listed, HouseholdAction.SkipResurvey, HouseholdReviewState.NotResurveyed),
    ];

    /// <summary>The commune state in which each household action may happen.</summary>
    public static IReadOnlyList<CommuneReviewState> CommuneStatesFor(HouseholdAction action) => action switch
    {
        HouseholdAction.RecordSurvey or HouseholdAction.Remove or HouseholdAction.SkipResurvey => [CommuneReviewState.Listing, CommuneReviewState.Surveying],
        HouseholdAction.MeetingAgreed or HouseholdAction.MeetingRejected => [CommuneReviewState.Meeting],
        HouseholdAction.Post or HouseholdAction.Complain or HouseholdAction.Recheck or HouseholdAction.Repost => [CommuneReviewState.Posting],
        HouseholdAction.Decide => [CommuneReviewState.Decided],
        HouseholdAction.Certify => [CommuneReviewState.Decided, CommuneReviewState.CertificatesIssued],
    };

    public static Transition<CommuneReviewState> Commune(CommuneFacts facts, CommuneAction action, ReviewRules rules)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(rules);
        var edge = CommuneEdges.Where(e => e.From == facts.State && e.Action == action).Select(e => (CommuneReviewState?)e.To).FirstOrDefault();
        if (edge is not { } to)
        {
            return Transition<CommuneReviewState>.Refuse(facts.State, $"Không thể {ActionVi(action)} khi xã đang ở bước \"{facts.State.ToVietnamese()}\"."
                + (facts.State >= CommuneReviewState.Decided && action < CommuneAction.IssueCertificates
                    ? " Kết quả đã được quyết định công nhận và bị khóa; mọi điều chỉnh thực hiện qua rà soát thường xuyên."
                    : string.Empty));
        }

        // Households removed from the list or not re-surveyed take no further part: their status carries over.
        var households = facts.Households.Where(h => !h.IsExcluded()).ToList();
        int Count(HouseholdReviewState s) => households.Count(h => h == s);
        var consult = rules.RequiresDistrictConsultation(facts.CampaignStart);
        string? reason = action switch
        {
            CommuneAction.StartSurvey => households.Count == 0 ? "Danh sách rà soát chưa có hộ nào." : null,
            CommuneAction.OpenMeeting => households.Count == 0 ? "Danh sách rà soát chưa có hộ nào."
                : Count(HouseholdReviewState.Listed) is var n and > 0 ? $"Còn {n} hộ chưa được khảo sát, chấm điểm." : null,
            CommuneAction.ReturnToSurvey => Count(HouseholdReviewState.Listed) == 0 ? "Không có hộ nào bị họp dân trả về khảo sát lại." : null,
            CommuneAction.StartPosting => households.Count(h => h != HouseholdReviewState.Agreed) is var n and > 0
                ? $"Còn {n} hộ chưa được họp dân thống nhất (cần ít nhất {rules.MeetingAgreementPercent}% người dự họp đồng ý)." : null,
            CommuneAction.ConsultDistrict => !consult
                ? $"Chiến dịch bắt đầu sau {Date(rules.DistrictConsultationUntil)}: không còn cấp huyện, không xin ý kiến Chủ tịch UBND cấp huyện."
                : PostingOpen(facts),
            CommuneAction.Decide => facts.State == CommuneReviewState.Posting && consult
                ? $"Chiến dịch bắt đầu trước {Date(rules.DistrictConsultationUntil.AddDays(1))} phải xin ý kiến Chủ tịch UBND cấp huyện trước khi quyết định công nhận."
                : PostingOpen(facts),
            CommuneAction.IssueCertificates => null,
            CommuneAction.SubmitReport => Count(HouseholdReviewState.Decided) is var n and > 0 ? $"Còn {n} hộ đã công nhận chưa được cấp giấy chứng nhận." : null,
            CommuneAction.ReturnReport or CommuneAction.AcceptReport => null,
        };
        return reason is null ? Transition<CommuneReviewState>.To(to) : Transition<CommuneReviewState>.Refuse(facts.State, reason);
    }

    private static string? PostingOpen(CommuneFacts facts)
    {
        if (facts.PostingEnd is not { } end)
        {
            return "Chưa niêm yết công khai danh sách.";
        }

        if (facts.Today <= end)
        {
            return $"Thời gian niêm yết chưa kết thúc (đến hết ngày {Date(end)}).";
        }

        var open = facts.Households.Count(h => h is HouseholdReviewState.Complained or HouseholdReviewState.Rechecked);
        if (open > 0)
        {
            return $"Còn {open} hộ có khiếu nại chưa phúc tra hoặc chưa niêm yết lại kết quả phúc tra.";
        }

        var notPosted = facts.Households.Count(h => h != HouseholdReviewState.Posted && !h.IsExcluded());
        return notPosted > 0 ? $"Còn {notPosted} hộ chưa được niêm yết." : null;
    }

    public static Transition<HouseholdReviewState> Household(HouseholdFacts facts, HouseholdAction action, ReviewRules rules)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(rules);
        if (facts.State is HouseholdReviewState.Decided or HouseholdReviewState.Certified && action != HouseholdAction.Certify
            || facts.CommuneState >= CommuneReviewState.Decided && action is not (HouseholdAction.Decide or HouseholdAction.Certify))
        {
            return Transition<HouseholdReviewState>.Refuse(facts.State,
                "Kết quả rà soát của xã đã được quyết định công nhận và bị khóa; không sửa được. Mọi điều chỉnh thực hiện qua rà soát thường xuyên.");
        }

        var edge = HouseholdEdges.Where(e => e.From == facts.State && e.Action == action).Select(e => (HouseholdReviewState?)e.To).FirstOrDefault();
        if (edge is not { } to)
        {
            return Transition<HouseholdReviewState>.Refuse(facts.State, $"Không thể {ActionVi(action)} khi hộ đang ở trạng thái \"{facts.State.ToVietnamese()}\".");
        }

        var communeStates = CommuneStatesFor(action);
        if (!communeStates.Contains(facts.CommuneState))
        {
            return Transition<HouseholdReviewState>.Refuse(facts.State,
                $"Không thể {ActionVi(action)} khi xã đang ở bước \"{facts.CommuneState.ToVietnamese()}\" (chỉ được ở bước \"{string.Join("\", \"", communeStates.Select(s => s.ToVietnamese()))}\").");
        }

        var passes = rules.MeetingPasses(facts.Attendees, facts.Agree);
        string? reason = action switch
        {
            HouseholdAction.MeetingAgreed or HouseholdAction.MeetingRejected when facts.Attendees <= 0 || facts.Agree < 0 || facts.Agree > facts.Attendees
                => "Số người dự họp phải lớn hơn 0 và số người đồng ý không được vượt quá số người dự họp.",
            HouseholdAction.MeetingAgreed when !passes
                => $"Chỉ {facts.Agree}/{facts.Attendees} người dự họp đồng ý, chưa đạt {rules.MeetingAgreementPercent}%: không được ghi là thống nhất; hộ phải khảo sát lại và họp lại.",
            HouseholdAction.MeetingRejected when passes
                => $"{facts.Agree}/{facts.Attendees} người dự họp đồng ý, đã đạt {rules.MeetingAgreementPercent}%: kết quả được thống nhất, không trả về khảo sát lại.",
            HouseholdAction.Complain when facts.PostingEnd is { } end && facts.Today > end
                => $"Chỉ nhận khiếu nại trong thời gian niêm yết (đến hết ngày {Date(end)}).",
            _ => null,
        };
        return reason is null ? Transition<HouseholdReviewState>.To(to) : Transition<HouseholdReviewState>.Refuse(facts.State, reason);
    }

    public static string ActionVi(CommuneAction action) => action switch
    {
        CommuneAction.StartSurvey => "bắt đầu khảo sát",
        CommuneAction.OpenMeeting => "chuyển sang họp dân",
        CommuneAction.ReturnToSurvey => "trả về khảo sát lại",
        CommuneAction.StartPosting => "niêm yết công khai",
        CommuneAction.ConsultDistrict => "ghi nhận ý kiến Chủ tịch UBND cấp huyện",
        CommuneAction.Decide => "ra quyết định công nhận",
        CommuneAction.IssueCertificates => "cấp giấy chứng nhận",
        CommuneAction.SubmitReport => "gửi báo cáo lên tỉnh",
        CommuneAction.ReturnReport => "trả lại báo cáo",
        CommuneAction.AcceptReport => "tiếp nhận báo cáo",
    };

    public static string ActionVi(HouseholdAction action) => action switch
    {
        HouseholdAction.RecordSurvey => "nhập phiếu khảo sát",
        HouseholdAction.MeetingAgreed => "ghi nhận họp dân thống nhất",
        HouseholdAction.MeetingRejected => "trả hộ về khảo sát lại",
        HouseholdAction.Post => "niêm yết",
        HouseholdAction.Complain => "ghi nhận khiếu nại",
        HouseholdAction.Recheck => "ghi kết quả phúc tra",
        HouseholdAction.Repost => "niêm yết lại",
        HouseholdAction.Decide => "công nhận",
        HouseholdAction.Certify => "cấp giấy chứng nhận",
        HouseholdAction.Remove => "rút hộ khỏi danh sách rà soát",
        HouseholdAction.SkipResurvey => "ghi hộ không rà soát lại",
    };

    private static string Date(DateOnly d) => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
