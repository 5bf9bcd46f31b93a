namespace GiamNgheo.Domain.Reviews;

/// <summary>
/// The procedure's parameters. None of them is hard-coded: the application loads them from data
/// (Reviews/Data/review-rules.json) so an official can correct them (docs/domain.md §4.4, §4.9, §5.2; most are [M]).
/// </summary>
public sealed record ReviewRules
{
    /// <summary>Posting period in working days (§4.4 step 4, [M] 3).</summary>
    public required int PostingWorkingDays { get; init; }

    /// <summary>Minimum share of attendees agreeing, in percent (§4.4 step 3, [V3] 50).</summary>
    public required int MeetingAgreementPercent { get; init; }

    /// <summary>Campaigns starting on or before this day consult the district chairman (§4.10: no district after 30/06/2025).</summary>
    public required DateOnly DistrictConsultationUntil { get; init; }

    /// <summary>How many years a household that escaped poverty is followed ("hộ mới thoát nghèo", §5.2 [V3] 3).</summary>
    public required int RecentlyEscapedYears { get; init; }

    /// <summary>Periodic window start (day, month) — default 1 September (§4.3 [V3]).</summary>
    public required int PeriodicStartMonth { get; init; }

    public required int PeriodicStartDay { get; init; }

    /// <summary>Periodic window end — default 14 December.</summary>
    public required int PeriodicEndMonth { get; init; }

    public required int PeriodicEndDay { get; init; }

    /// <summary>Report deadline of the periodic review from the commune (month/day in the review year, §4.9).</summary>
    public required int PeriodicReportMonth { get; init; }

    public required int PeriodicReportDay { get; init; }

    /// <summary>Regular (monthly) review: report by this day of the following month (§4.9: the 5th).</summary>
    public required int RegularReportDayOfNextMonth { get; init; }

    /// <summary>
    /// Whether the day the posting starts counts as its first working day. False by the Civil Code 2015 Art. 147(2): a
    /// period counted in days starts on the day after the event [K]; true reproduces a "from that day" practice.
    /// </summary>
    public bool PostingCountsFirstDay { get; init; }

    /// <summary>A periodic review's list of year Y governs policies from 1 January of Y+1 (§12.1 [V3]); false: from the signing day.</summary>
    public bool PeriodicPolicyFromNextYear { get; init; } = true;

    /// <summary>The last day of a posting that starts on <paramref name="start"/> (working days, holidays skipped, first-day convention as data).</summary>
    public DateOnly PostingEnd(WorkingCalendar calendar, DateOnly start)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return calendar.EndOfPeriod(start, PostingWorkingDays, PostingCountsFirstDay);
    }

    public bool RequiresDistrictConsultation(DateOnly campaignStart) => campaignStart <= DistrictConsultationUntil;

    /// <summary>True when <paramref name="agree"/> of <paramref name="attendees"/> reach the required share (integer arithmetic, no rounding).</summary>
    public bool MeetingPasses(int attendees, int agree) => attendees > 0 && agree >= 0 && agree <= attendees && agree * 100 >= attendees * MeetingAgreementPercent;

    /// <summary>The report deadline of a campaign.</summary>
    public DateOnly ReportDeadline(CampaignKind kind, int year, int month) => kind switch
    {
        CampaignKind.Periodic => new DateOnly(year, PeriodicReportMonth, PeriodicReportDay),
        CampaignKind.Regular => new DateOnly(year, month, 1).AddMonths(1).AddDays(RegularReportDayOfNextMonth - 1),
    };
}
