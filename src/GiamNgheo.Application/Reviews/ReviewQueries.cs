using GiamNgheo.Application.AdminUnits;
using GiamNgheo.Application.Identity;
using GiamNgheo.Application.Persistence;
using GiamNgheo.Domain.Classification;
using GiamNgheo.Domain.Reviews;
using GiamNgheo.Domain.Statuses;
using Microsoft.EntityFrameworkCore;

namespace GiamNgheo.Application.Reviews;

/// <summary>Campaign lists, the provincial overview, the commune board and the movements (§5.2).</summary>
public sealed class ReviewQueries(AppDbContext db)
{
    /// <summary>A commune review is visible to users whose scope contains the commune, and to village reviewers of a village in it.</summary>
    internal static async Task<bool> VisibleAsync(AppDbContext db, CommuneReviewEntity cr, CancellationToken ct)
    {
        var user = db.CurrentUser;
        if (UnitScope.Contains(user, cr.ProvinceCode, cr.CommuneCode, null))
        {
            return true;
        }

        return user.ScopeLevel == AdminLevel.Village && user.ScopeUnitCode is { } village
            && await db.ReviewHouseholds.AnyAsync(h => h.CommuneReviewId == cr.Id && h.VillageCode == village, ct);
    }

    private IQueryable<CommuneReviewEntity> CommunesInScope() => CommuneReviewsInScope(db);

    /// <summary>The commune reviews the current user sees (their province, commune, or the reviews with households of their village).</summary>
    internal static IQueryable<CommuneReviewEntity> CommuneReviewsInScope(AppDbContext db)
    {
        var user = db.CurrentUser;
        var q = db.CommuneReviews.AsNoTracking();
        if (user.ScopeUnitCode is null)
        {
            return user.IsInRole(Roles.SystemAdmin) ? q : q.Where(_ => false);
        }

        var code = user.ScopeUnitCode;
        return user.ScopeLevel switch
        {
            AdminLevel.Province => q.Where(c => c.ProvinceCode == code),
            AdminLevel.Commune => q.Where(c => c.CommuneCode == code),
            AdminLevel.Village => q.Where(c => db.ReviewHouseholds.Any(h => h.CommuneReviewId == c.Id && h.VillageCode == code)),
            AdminLevel.District or null => q.Where(_ => false),
        };
    }

    public async Task<IReadOnlyList<CampaignSummary>> CampaignsAsync(CancellationToken ct)
    {
        var ids = await CommunesInScope().Select(c => c.CampaignId).Distinct().ToListAsync(ct);
        var result = new List<CampaignSummary>();
        foreach (var id in ids.OrderDescending())
        {
            result.Add((await CampaignAsync(id, ct))!);
        }

        return result;
    }

    public async Task<CampaignSummary?> CampaignAsync(long id, CancellationToken ct)
    {
        var c = await db.ReviewCampaigns.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (c is null)
        {
            return null;
        }

        var communes = await CommunesInScope().Where(x => x.CampaignId == id).Select(x => new { x.State, x.CommuneCode }).ToListAsync(ct);
        var states = communes.Select(x => x.State).ToList();
        if (states.Count == 0 && !UnitScope.Contains(db.CurrentUser, c.ProvinceCode, string.Empty, null))
        {
            return null;
        }

        var communeName = c.Kind == CampaignKind.Regular && communes.Count == 1
            ? (await NamesAsync([communes[0].CommuneCode], ct)).GetValueOrDefault(communes[0].CommuneCode, communes[0].CommuneCode)
            : null;
        return new CampaignSummary(c.Id, c.Year, c.Kind, c.Kind.ToVietnamese(), c.Month, c.StartDate, c.EndDate, c.StandardCode,
            c.ParallelStandards.Split(';', StringSplitOptions.RemoveEmptyEntries), states.Count,
            states.GroupBy(s => s).ToDictionary(g => g.Key.ToVietnamese(), g => g.Count(), StringComparer.Ordinal))
        {
            CommuneName = communeName,
            ReportsWaiting = states.Count(s => s == CommuneReviewState.Reported),
        };
    }

    /// <summary>Communes of a campaign with their state and lateness against the report deadline (§4.9).</summary>
    public async Task<CampaignOverview?> OverviewAsync(long campaignId, CancellationToken ct)
    {
        var campaign = await CampaignAsync(campaignId, ct);
        if (campaign is null)
        {
            return null;
        }

        var communes = await CommunesInScope().Where(c => c.CampaignId == campaignId).OrderBy(c => c.CommuneCode).ToListAsync(ct);
        var ids = communes.Select(c => c.Id).ToList();
        var counts = await db.ReviewHouseholds.AsNoTracking().Where(h => ids.Contains(h.CommuneReviewId)).GroupBy(h => h.CommuneReviewId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var names = await NamesAsync(communes.Select(c => c.CommuneCode), ct);
        var today = db.Clock.Today();
        return new CampaignOverview(campaign, [.. communes.Select(c =>
        {
            var submitted = c.State is CommuneReviewState.Reported or CommuneReviewState.Accepted ? c.ReportSubmittedOn : null;
            var reference = submitted ?? today;
            var daysLate = Math.Max(0, reference.DayNumber - c.ReportDeadline.DayNumber);
            return new CommuneOverviewRow(c.Id, c.CommuneCode, names.GetValueOrDefault(c.CommuneCode, c.CommuneCode), c.State, c.State.ToVietnamese(),
                counts.GetValueOrDefault(c.Id), c.ReportDeadline, submitted, daysLate > 0, daysLate, c.ReturnComment);
        })]);
    }

    private Task<Dictionary<string, string>> NamesAsync(IEnumerable<string> codes, CancellationToken ct) => CurrentNamesAsync(db, codes, full: true, ct);

    /// <summary>Unit names valid today (a code can name different units in different periods, e.g. before and after the 2025 reform).</summary>
    internal static async Task<Dictionary<string, string>> CurrentNamesAsync(AppDbContext db, IEnumerable<string> codes, bool full, CancellationToken ct)
    {
        var list = codes.Distinct().ToList();
        var today = db.Clock.Today();
        var units = await db.AdminUnits.AsNoTracking().Where(u => list.Contains(u.Code)).ToListAsync(ct);
        return units.GroupBy(u => u.Code).ToDictionary(g => g.Key,
            g => g.OrderByDescending(u => u.IsValidOn(today)).ThenByDescending(u => u.ValidFrom ?? DateOnly.MinValue).Select(u => full ? u.FullName : u.Name).First(),
            StringComparer.Ordinal);
    }

    /// <summary>The commune officer's board: households by state, each commune action with what blocks it.</summary>
    /// <summary>The signed minutes of a meeting, for any role that sees the commune review; null when absent or not visible.</summary>
    public async Task<DocumentFile?> MinutesAsync(long meetingId, CancellationToken ct)
    {
        var meeting = await db.ReviewMeetings.AsNoTracking().SingleOrDefaultAsync(m => m.Id == meetingId, ct);
        if (meeting?.MinutesFileId is not { } fileId)
        {
            return null;
        }

        var cr = await db.CommuneReviews.AsNoTracking().SingleOrDefaultAsync(c => c.Id == meeting.CommuneReviewId, ct);
        if (cr is null || !await VisibleAsync(db, cr, ct) || !UnitScope.IsAny(db.CurrentUser, Roles.All))
        {
            return null;
        }

        var file = await db.ReviewFiles.AsNoTracking().SingleAsync(f => f.Id == fileId, ct);
        return new DocumentFile(file.FileName, file.ContentType, file.Content);
    }

    /// <summary>
    /// Households of the commune review's commune to pick from when adding one to the list: the exact household code, or
    /// a name (head or any member) searched without diacritics like the household list; at most <paramref name="limit"/>,
    /// by head's name. Null when the commune review is not visible.
    /// </summary>
    public async Task<IReadOnlyList<ReviewCandidate>?> CandidatesAsync(long communeReviewId, string? search, CancellationToken ct, int limit = 20)
    {
        var cr = await db.CommuneReviews.AsNoTracking().SingleOrDefaultAsync(c => c.Id == communeReviewId, ct);
        if (cr is null || !await VisibleAsync(db, cr, ct))
        {
            return null;
        }

        var raw = search?.Trim() ?? string.Empty;
        var folded = Domain.Common.VietnameseText.Fold(raw);
        if (folded.Length == 0)
        {
            return [];
        }

        var households = db.Households.AsNoTracking().Where(h => h.ProvinceCode == cr.ProvinceCode && h.CommuneCode == cr.CommuneCode
            && (h.Code == raw || h.HeadNameFolded.Contains(folded) || h.Members.Any(m => m.FullNameFolded.Contains(folded))));
        var rows = await households.OrderBy(h => h.Code == raw ? 0 : 1).ThenBy(h => h.HeadNameFolded).ThenBy(h => h.Code).Take(limit)
            .Select(h => new
            {
                h.Code,
                h.HeadName,
                h.VillageCode,
                h.Address,
                Listed = db.ReviewHouseholds.Any(r => r.CommuneReviewId == cr.Id && r.HouseholdId == h.Id),
                Member = h.Code == raw || h.HeadNameFolded.Contains(folded) ? null
                    : h.Members.Where(m => m.FullNameFolded.Contains(folded)).OrderBy(m => m.Order).Select(m => m.FullName).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var names = await CurrentNamesAsync(db, rows.Select(r => r.VillageCode).OfType<string>(), full: false, ct);
        return [.. rows.Select(r => new ReviewCandidate(r.Code, r.HeadName, r.VillageCode is null ? null : names.GetValueOrDefault(r.VillageCode, r.VillageCode), r.Address, r.Listed) { MatchedMember = r.Member })];
    }

    public async Task<CommuneBoard?> BoardAsync(long communeReviewId, CancellationToken ct)
    {
        var cr = await db.CommuneReviews.AsNoTracking().SingleOrDefaultAsync(c => c.Id == communeReviewId, ct);
        if (cr is null || !await VisibleAsync(db, cr, ct))
        {
            return null;
        }

        var campaign = await db.ReviewCampaigns.AsNoTracking().SingleAsync(c => c.Id == cr.CampaignId, ct);
        var user = db.CurrentUser;
        var rows = await (from rh in db.ReviewHouseholds.AsNoTracking()
                          join h in db.Households.AsNoTracking() on new { Id = rh.HouseholdId, rh.ProvinceCode } equals new { h.Id, h.ProvinceCode }
                          where rh.CommuneReviewId == cr.Id && rh.ProvinceCode == cr.ProvinceCode
                          orderby rh.VillageCode, h.Code
                          select new { rh, h.Code, h.HeadName }).ToListAsync(ct);
        if (user.ScopeLevel == AdminLevel.Village)
        {
            rows = [.. rows.Where(r => r.rh.VillageCode == user.ScopeUnitCode)];
        }

        var rhIds = rows.Select(r => r.rh.Id).ToList();
        var open = await db.ReviewComplaints.AsNoTracking().Where(c => rhIds.Contains(c.ReviewHouseholdId) && c.RepostedOn == null)
            .GroupBy(c => c.ReviewHouseholdId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var households = rows.Select(r => new ReviewHouseholdRow(r.rh.Id, r.rh.HouseholdId, r.Code, r.HeadName, r.rh.VillageCode, r.rh.State, r.rh.State.ToVietnamese(),
            r.rh.ListingReason, r.rh.ApplicationDate, r.rh.ReasonText, r.rh.Category, r.rh.PreviousCategory, r.rh.Attendees, r.rh.Agree, r.rh.CertificateNumber,
            open.GetValueOrDefault(r.rh.Id), r.rh.ExclusionReason)).ToList();
        var allStates = await db.ReviewHouseholds.AsNoTracking().Where(h => h.CommuneReviewId == cr.Id).Select(h => h.State).ToListAsync(ct);
        var facts = new CommuneFacts(cr.State, campaign.StartDate, db.Clock.Today(), allStates, cr.PostingEnd);
        var rules = await new ReviewSettings(db).RulesAsync(cr.ProvinceCode, ct);
        var next = ReviewStateMachine.CommuneEdges.Where(e => e.From == cr.State).Select(e => e.Action).Distinct()
            .Select(a => (Action: a, T: ReviewStateMachine.Commune(facts, a, rules)))
            .Select(x => new NextAction(x.Action, ReviewStateMachine.ActionVi(x.Action), x.T.Allowed, x.T.ReasonVi)).ToList();
        var decision = cr.DecisionId is { } d ? await db.RecognitionDecisions.AsNoTracking().SingleOrDefaultAsync(x => x.Id == d, ct) : null;
        var meetings = await db.ReviewMeetings.AsNoTracking().Where(m => m.CommuneReviewId == cr.Id).OrderBy(m => m.Id)
            .Select(m => new MeetingRow(m.Id, m.VillageCode, m.HeldOn, m.Attendees, m.Roles, m.MinutesFileName)).ToListAsync(ct);
        var names = await NamesAsync([cr.CommuneCode], ct);
        return new CommuneBoard(cr.Id, campaign.Id, campaign.Year, campaign.Kind, cr.CommuneCode, names.GetValueOrDefault(cr.CommuneCode, cr.CommuneCode), cr.State,
            cr.State.ToVietnamese(), campaign.StartDate, rules.RequiresDistrictConsultation(campaign.StartDate), cr.PostingStart, cr.PostingEnd,
            decision?.Number, decision?.SignedOn, cr.ReportDeadline, cr.ReportSubmittedOn, cr.ReturnComment, campaign.StandardCode, households,
            allStates.GroupBy(s => s).ToDictionary(g => g.Key, g => g.Count()), next, meetings);
    }

    /// <summary>One household of a review, for the survey page (null outside the user's scope).</summary>
    /// <summary>
    /// A household's status per year and standard, with the recognition decision that made it official (null: computed only),
    /// newest first; null when the household is out of scope.
    /// </summary>
    public async Task<IReadOnlyList<HouseholdStatusRow>?> StatusHistoryAsync(long householdId, CancellationToken ct)
    {
        // Every review year and standard with its source (Statuses/HouseholdStatusQueries, the rules of HouseholdStatusRules).
        var lines = await new Statuses.HouseholdStatusQueries(db).HistoryAsync(householdId, ct);
        return lines?.Select(l => new HouseholdStatusRow(l.Year, l.StandardCode, l.Category.ToCode(), l.Category.ToVietnamese(), l.DeprivationCount,
            l.DecisionId, l.DecisionNumber, l.DecisionSignedOn, l.DecisionSigner, SourceCode(l.Source), l.SourceVi, l.SourceEn, l.FromYear, l.PolicyFrom)).ToList();
    }

    private static string SourceCode(Domain.Statuses.StatusSource source) => source switch
    {
        Domain.Statuses.StatusSource.Recognised => "recognised",
        Domain.Statuses.StatusSource.Computed => "computed",
        Domain.Statuses.StatusSource.CarriedOver => "carried_over",
        Domain.Statuses.StatusSource.NotSurveyed => "not_surveyed",
    };

    public async Task<ReviewHouseholdRef?> ReviewHouseholdAsync(long reviewHouseholdId, CancellationToken ct)
    {
        var rh = await db.ReviewHouseholds.AsNoTracking().SingleOrDefaultAsync(h => h.Id == reviewHouseholdId, ct);
        if (rh is null)
        {
            return null;
        }

        var cr = await db.CommuneReviews.AsNoTracking().SingleAsync(c => c.Id == rh.CommuneReviewId, ct);
        if (!UnitScope.Contains(db.CurrentUser, cr.ProvinceCode, cr.CommuneCode, rh.VillageCode))
        {
            return null;
        }

        var year = await db.ReviewCampaigns.AsNoTracking().Where(c => c.Id == cr.CampaignId).Select(c => c.Year).SingleAsync(ct);
        var head = await db.Households.AsNoTracking().Where(h => h.Id == rh.HouseholdId && h.ProvinceCode == rh.ProvinceCode).Select(h => new { h.HeadName, h.Code }).SingleAsync(ct);
        return new ReviewHouseholdRef(rh.Id, cr.Id, rh.HouseholdId, year, head.HeadName, head.Code, rh.State);
    }

    /// <summary>
    /// Movements (§5.2) of a commune between the recognised lists of year−1 and year under the campaign's standard, per village,
    /// for households and persons. A household with no row in a year counts as above the near-poor line when it was in the
    /// registry then, otherwise as absent (moved in or split later).
    /// </summary>
    public async Task<MovementReport?> MovementsAsync(long communeReviewId, CancellationToken ct)
    {
        var board = await BoardAsync(communeReviewId, ct);
        if (board is null)
        {
            return null;
        }

        var year = board.Year;
        var rows = await db.HouseholdClassifications.AsNoTracking()
            .Where(c => c.CommuneCode == board.CommuneCode && c.StandardCode == board.StandardCode && c.Year <= year && c.Year >= year - 5)
            .Select(c => new { c.HouseholdId, c.Year, c.Category, c.MemberCount, c.VillageCode, c.DecisionId })
            .ToListAsync(ct);
        var households = await db.Households.AsNoTracking().Where(h => h.CommuneCode == board.CommuneCode)
            .Select(h => new { h.Id, h.VillageCode, h.CreatedAtUtc, Persons = h.Members.Count }).ToListAsync(ct);
        var period = rows.Count == 0 ? year - 1 : rows.Min(r => r.Year);
        var histories = households.Select(h =>
        {
            var years = new Dictionary<int, (ListStatus, int)>();
            for (var y = period; y <= year; y++)
            {
                var row = rows.FirstOrDefault(r => r.HouseholdId == h.Id && r.Year == y);
                years[y] = row is not null
                    ? (ListStatuses.Of(row.Category), row.MemberCount)
                    : h.CreatedAtUtc.Year <= y ? (ListStatus.AboveNearPoor, h.Persons) : (ListStatus.Absent, 0);
            }

            return new HouseholdHistory(h.Id, h.VillageCode ?? board.CommuneCode, years);
        }).ToList();
        var units = MovementCalculator.Compute(histories, year, period);
        var result = new List<MovementRow>();
        foreach (var u in units)
        {
            result.Add(Row(u.UnitCode, "Hộ nghèo", "hộ", u.PoorHouseholds));
            result.Add(Row(u.UnitCode, "Hộ nghèo", "nhân khẩu", u.PoorPersons));
            result.Add(Row(u.UnitCode, "Hộ cận nghèo", "hộ", u.NearPoorHouseholds));
            result.Add(Row(u.UnitCode, "Hộ cận nghèo", "nhân khẩu", u.NearPoorPersons));
        }

        var provinceCode = await db.CommuneReviews.AsNoTracking().Where(c => c.Id == communeReviewId).Select(c => c.ProvinceCode).SingleAsync(ct);
        var escapedYears = (await new ReviewSettings(db).RulesAsync(provinceCode, ct)).RecentlyEscapedYears;
        var recently = histories.Count(h => MovementCalculator.IsRecentlyEscaped(h, year, escapedYears));
        return new MovementReport(board.CommuneCode, year, board.StandardCode, result, recently);
    }

    private static MovementRow Row(string unit, string list, string measure, MovementCounts c) =>
        new(unit, list, measure, c.Opening, c[Movement.DecreaseToOtherList], c[Movement.DecreaseAboveNearPoor], c[Movement.DecreaseOther], c[Movement.IncreaseFromOtherList],
            c[Movement.IncreaseRelapsed], c[Movement.IncreaseNew], c[Movement.IncreaseOther], c.Closing, c.Balances);
}
