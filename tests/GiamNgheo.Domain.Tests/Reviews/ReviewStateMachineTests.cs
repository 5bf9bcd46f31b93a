using GiamNgheo.Domain.Reviews;

namespace GiamNgheo.Domain.Tests.Reviews;

public class ReviewStateMachineTests
{
    internal static readonly ReviewRules Rules = new()
    {
        PostingWorkingDays = 3,
        MeetingAgreementPercent = 50,
        DistrictConsultationUntil = new DateOnly(2025, 6, 30),
        RecentlyEscapedYears = 3,
        PeriodicStartMonth = 9,
        PeriodicStartDay = 1,
        PeriodicEndMonth = 12,
        PeriodicEndDay = 14,
        PeriodicReportMonth = 12,
        PeriodicReportDay = 20,
        RegularReportDayOfNextMonth = 5,
    };

    private static readonly DateOnly New = new(2026, 9, 1);
    private static readonly DateOnly Old = new(2024, 9, 1);
    private static readonly DateOnly PostingEnd = new(2026, 10, 7);
    private static readonly DateOnly AfterPosting = new(2026, 10, 8);

    private static CommuneFacts Facts(CommuneReviewState state, params HouseholdReviewState[] households) =>
        new(state, New, AfterPosting, households, PostingEnd);

    /// <summary>Facts under which each allowed edge's guard holds.</summary>
    private static CommuneFacts Satisfying(CommuneReviewState from, CommuneAction action) => action switch
    {
        CommuneAction.StartSurvey => Facts(from, HouseholdReviewState.Listed),
        CommuneAction.OpenMeeting => Facts(from, HouseholdReviewState.Surveyed),
        CommuneAction.ReturnToSurvey => Facts(from, HouseholdReviewState.Listed, HouseholdReviewState.Agreed),
        CommuneAction.StartPosting => Facts(from, HouseholdReviewState.Agreed),
        CommuneAction.ConsultDistrict => Facts(from, HouseholdReviewState.Posted) with { CampaignStart = Old },
        CommuneAction.Decide => from == CommuneReviewState.DistrictConsulted
            ? Facts(from, HouseholdReviewState.Posted) with { CampaignStart = Old }
            : Facts(from, HouseholdReviewState.Posted),
        CommuneAction.IssueCertificates => Facts(from, HouseholdReviewState.Decided),
        CommuneAction.SubmitReport or CommuneAction.ReturnReport or CommuneAction.AcceptReport => Facts(from, HouseholdReviewState.Certified),
    };

    public static TheoryData<CommuneReviewState, CommuneAction, CommuneReviewState> AllowedCommune()
    {
        var data = new TheoryData<CommuneReviewState, CommuneAction, CommuneReviewState>();
        foreach (var (from, action, to) in ReviewStateMachine.CommuneEdges)
        {
            data.Add(from, action, to);
        }

        return data;
    }

    public static TheoryData<CommuneReviewState, CommuneAction> ForbiddenCommune()
    {
        var data = new TheoryData<CommuneReviewState, CommuneAction>();
        foreach (var from in Enum.GetValues<CommuneReviewState>())
        {
            foreach (var action in Enum.GetValues<CommuneAction>())
            {
                if (!ReviewStateMachine.CommuneEdges.Any(e => e.From == from && e.Action == action))
                {
                    data.Add(from, action);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllowedCommune))]
    public void Commune_AllowedEdgeWithGuardMet_MovesToNextState(CommuneReviewState from, CommuneAction action, CommuneReviewState to)
    {
        var t = ReviewStateMachine.Commune(Satisfying(from, action), action, Rules);
        Assert.True(t.Allowed, t.ReasonVi);
        Assert.Equal(to, t.State);
    }

    [Theory]
    [MemberData(nameof(ForbiddenCommune))]
    public void Commune_EdgeNotInProcedure_RefusedWithVietnameseReason(CommuneReviewState from, CommuneAction action)
    {
        var t = ReviewStateMachine.Commune(Facts(from, HouseholdReviewState.Posted), action, Rules);
        Assert.False(t.Allowed);
        Assert.Equal(from, t.State);
        Assert.StartsWith("Không thể", t.ReasonVi, StringComparison.Ordinal);
    }

    public static TheoryData<string, CommuneFacts, CommuneAction, string> GuardRefusals() => new()
    {
        { "empty list", Facts(CommuneReviewState.Listing), CommuneAction.StartSurvey, "chưa có hộ nào" },
        { "unsurveyed household", Facts(CommuneReviewState.Surveying, HouseholdReviewState.Surveyed, HouseholdReviewState.Listed), CommuneAction.OpenMeeting, "Còn 1 hộ chưa được khảo sát" },
        { "nobody sent back", Facts(CommuneReviewState.Meeting, HouseholdReviewState.Agreed), CommuneAction.ReturnToSurvey, "Không có hộ nào" },
        { "meeting not agreed", Facts(CommuneReviewState.Meeting, HouseholdReviewState.Agreed, HouseholdReviewState.Surveyed), CommuneAction.StartPosting, "chưa được họp dân thống nhất" },
        { "decision before posting ends", Facts(CommuneReviewState.Posting, HouseholdReviewState.Posted) with { Today = PostingEnd }, CommuneAction.Decide, "chưa kết thúc" },
        { "decision without posting", Facts(CommuneReviewState.Posting, HouseholdReviewState.Posted) with { PostingEnd = null }, CommuneAction.Decide, "Chưa niêm yết" },
        { "decision with open complaint", Facts(CommuneReviewState.Posting, HouseholdReviewState.Posted, HouseholdReviewState.Complained), CommuneAction.Decide, "khiếu nại" },
        { "decision with re-check not re-posted", Facts(CommuneReviewState.Posting, HouseholdReviewState.Rechecked), CommuneAction.Decide, "khiếu nại" },
        { "old campaign skips district", Facts(CommuneReviewState.Posting, HouseholdReviewState.Posted) with { CampaignStart = Old }, CommuneAction.Decide, "xin ý kiến Chủ tịch UBND cấp huyện" },
        { "new campaign consults district", Facts(CommuneReviewState.Posting, HouseholdReviewState.Posted), CommuneAction.ConsultDistrict, "không còn cấp huyện" },
        { "district before posting ends", Facts(CommuneReviewState.Posting, HouseholdReviewState.Posted) with { CampaignStart = Old, Today = PostingEnd }, CommuneAction.ConsultDistrict, "chưa kết thúc" },
        { "report before certificates", Facts(CommuneReviewState.CertificatesIssued, HouseholdReviewState.Decided, HouseholdReviewState.Certified), CommuneAction.SubmitReport, "chưa được cấp giấy chứng nhận" },
        { "survey after decision", Facts(CommuneReviewState.Decided, HouseholdReviewState.Decided), CommuneAction.StartSurvey, "bị khóa" },
    };

    [Theory]
    [MemberData(nameof(GuardRefusals))]
    public void Commune_GuardNotMet_RefusedWithReason(string name, CommuneFacts facts, CommuneAction action, string reason)
    {
        var t = ReviewStateMachine.Commune(facts, action, Rules);
        Assert.False(t.Allowed, name);
        Assert.Equal(facts.State, t.State);
        Assert.Contains(reason, t.ReasonVi, StringComparison.Ordinal);
    }

    private static HouseholdFacts HFacts(HouseholdReviewState from, HouseholdAction action)
    {
        var commune = ReviewStateMachine.CommuneStatesFor(action)[0];
        return action switch
        {
            HouseholdAction.MeetingAgreed => new(from, commune, PostingEnd, PostingEnd, 10, 5),
            HouseholdAction.MeetingRejected => new(from, commune, PostingEnd, PostingEnd, 10, 4),
            _ => new(from, commune, PostingEnd, PostingEnd),
        };
    }

    public static TheoryData<HouseholdReviewState, HouseholdAction, HouseholdReviewState> AllowedHousehold()
    {
        var data = new TheoryData<HouseholdReviewState, HouseholdAction, HouseholdReviewState>();
        foreach (var (from, action, to) in ReviewStateMachine.HouseholdEdges)
        {
            data.Add(from, action, to);
        }

        return data;
    }

    public static TheoryData<HouseholdReviewState, HouseholdAction> ForbiddenHousehold()
    {
        var data = new TheoryData<HouseholdReviewState, HouseholdAction>();
        foreach (var from in Enum.GetValues<HouseholdReviewState>())
        {
            foreach (var action in Enum.GetValues<HouseholdAction>())
            {
                if (!ReviewStateMachine.HouseholdEdges.Any(e => e.From == from && e.Action == action))
                {
                    data.Add(from, action);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllowedHousehold))]
    public void Household_AllowedEdgeWithGuardMet_MovesToNextState(HouseholdReviewState from, HouseholdAction action, HouseholdReviewState to)
    {
        var t = ReviewStateMachine.Household(HFacts(from, action), action, Rules);
        Assert.True(t.Allowed, t.ReasonVi);
        Assert.Equal(to, t.State);
    }

    [Theory]
    [MemberData(nameof(ForbiddenHousehold))]
    public void Household_EdgeNotInProcedure_RefusedWithVietnameseReason(HouseholdReviewState from, HouseholdAction action)
    {
        var t = ReviewStateMachine.Household(HFacts(from, action), action, Rules);
        Assert.False(t.Allowed);
        Assert.Equal(from, t.State);
        Assert.False(string.IsNullOrWhiteSpace(t.ReasonVi));
    }

    [Theory]
    [InlineData(10, 4, false)]
    [InlineData(10, 5, true)]
    [InlineData(7, 3, false)]
    [InlineData(7, 4, true)]
    [InlineData(1, 1, true)]
    [InlineData(0, 0, false)]
    [InlineData(5, 6, false)]
    public void MeetingPasses_ShareOfAttendees_AtLeastFiftyPercent(int attendees, int agree, bool passes) =>
        Assert.Equal(passes, Rules.MeetingPasses(attendees, agree));

    [Fact]
    public void Household_MeetingAgreedBelowFiftyPercent_Refused()
    {
        var t = ReviewStateMachine.Household(new(HouseholdReviewState.Surveyed, CommuneReviewState.Meeting, New, null, 9, 4), HouseholdAction.MeetingAgreed, Rules);
        Assert.False(t.Allowed);
        Assert.Contains("4/9", t.ReasonVi, StringComparison.Ordinal);
    }

    [Fact]
    public void Household_MeetingRejectedWithMajority_Refused() =>
        Assert.False(ReviewStateMachine.Household(new(HouseholdReviewState.Surveyed, CommuneReviewState.Meeting, New, null, 9, 5), HouseholdAction.MeetingRejected, Rules).Allowed);

    [Fact]
    public void Household_VotesExceedAttendees_Refused() =>
        Assert.Contains("vượt quá", ReviewStateMachine.Household(new(HouseholdReviewState.Surveyed, CommuneReviewState.Meeting, New, null, 3, 4), HouseholdAction.MeetingAgreed, Rules).ReasonVi, StringComparison.Ordinal);

    [Fact]
    public void Household_ComplaintAfterPostingEnds_Refused()
    {
        var t = ReviewStateMachine.Household(new(HouseholdReviewState.Posted, CommuneReviewState.Posting, AfterPosting, PostingEnd), HouseholdAction.Complain, Rules);
        Assert.False(t.Allowed);
        Assert.Contains("07/10/2026", t.ReasonVi, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(HouseholdReviewState.Decided, HouseholdAction.RecordSurvey)]
    [InlineData(HouseholdReviewState.Certified, HouseholdAction.RecordSurvey)]
    [InlineData(HouseholdReviewState.Decided, HouseholdAction.Complain)]
    public void Household_EditAfterDecision_RefusedAsLocked(HouseholdReviewState state, HouseholdAction action) =>
        Assert.Contains("bị khóa", ReviewStateMachine.Household(new(state, CommuneReviewState.Decided, New, PostingEnd), action, Rules).ReasonVi, StringComparison.Ordinal);

    [Fact]
    public void Commune_RemovedAndNotResurveyedHouseholds_DoNotBlockTheSteps()
    {
        Assert.True(ReviewStateMachine.Commune(Facts(CommuneReviewState.Surveying, HouseholdReviewState.Surveyed, HouseholdReviewState.Removed, HouseholdReviewState.NotResurveyed), CommuneAction.OpenMeeting, Rules).Allowed);
        Assert.True(ReviewStateMachine.Commune(Facts(CommuneReviewState.Meeting, HouseholdReviewState.Agreed, HouseholdReviewState.Removed), CommuneAction.StartPosting, Rules).Allowed);
        Assert.True(ReviewStateMachine.Commune(Facts(CommuneReviewState.Posting, HouseholdReviewState.Posted, HouseholdReviewState.NotResurveyed), CommuneAction.Decide, Rules).Allowed);
        Assert.Contains("chưa có hộ nào", ReviewStateMachine.Commune(Facts(CommuneReviewState.Listing, HouseholdReviewState.Removed), CommuneAction.StartSurvey, Rules).ReasonVi, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(HouseholdAction.Remove, CommuneReviewState.Meeting)]
    [InlineData(HouseholdAction.SkipResurvey, CommuneReviewState.Posting)]
    public void Household_RemoveOrSkipFromTheMeetingStepOn_Refused(HouseholdAction action, CommuneReviewState commune) =>
        Assert.False(ReviewStateMachine.Household(new(HouseholdReviewState.Listed, commune, New, null), action, Rules).Allowed);

    [Fact]
    public void Household_SurveyWhileCommuneInMeeting_Refused() =>
        Assert.Contains("Họp dân", ReviewStateMachine.Household(new(HouseholdReviewState.Surveyed, CommuneReviewState.Meeting, New, null), HouseholdAction.RecordSurvey, Rules).ReasonVi, StringComparison.Ordinal);

    [Theory]
    [InlineData("2025-06-30", true)]
    [InlineData("2025-07-01", false)]
    [InlineData("2024-09-01", true)]
    public void RequiresDistrictConsultation_BeforeTwoLevelGovernment_Only(string start, bool requires) =>
        Assert.Equal(requires, Rules.RequiresDistrictConsultation(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void ReportDeadline_PeriodicAndRegular_FromRules()
    {
        Assert.Equal(new DateOnly(2026, 12, 20), Rules.ReportDeadline(CampaignKind.Periodic, 2026, 9));
        Assert.Equal(new DateOnly(2026, 4, 5), Rules.ReportDeadline(CampaignKind.Regular, 2026, 3));
        Assert.Equal(new DateOnly(2027, 1, 5), Rules.ReportDeadline(CampaignKind.Regular, 2026, 12));
    }
}
