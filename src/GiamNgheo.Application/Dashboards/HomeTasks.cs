using GiamNgheo.Application.AdminUnits;
using GiamNgheo.Application.Identity;
using GiamNgheo.Application.Persistence;
using GiamNgheo.Application.Policies;
using GiamNgheo.Application.Reports;
using GiamNgheo.Application.Reviews;
using GiamNgheo.Application.Support;
using GiamNgheo.Application.Targets;
using GiamNgheo.Domain.Reviews;
using Microsoft.EntityFrameworkCore;

namespace GiamNgheo.Application.Dashboards;

/// <summary>What the deadline of an open commune review step is.</summary>
public enum StepDeadlineKind
{
    /// <summary>The campaign's window ends (listing, survey, village meeting).</summary>
    CampaignEnd,
    /// <summary>The public posting ends (the decision may follow).</summary>
    PostingEnd,
    /// <summary>The report to the province is due.</summary>
    ReportDue,
}

/// <summary>A commune review not yet reported: its step, the deadline of that step and the households still to survey.</summary>
public sealed record OpenReviewStep(long CommuneReviewId, long CampaignId, int Year, CampaignKind Kind, string KindVi, string CommuneCode,
    string CommuneName, CommuneReviewState State, string StateVi, StepDeadlineKind DeadlineKind, DateOnly Deadline, int DaysLeft, int ToSurvey)
{
    /// <summary>The deadline has passed (a posting end is a date, not a deadline: never late).</summary>
    public bool Late => DaysLeft < 0 && DeadlineKind != StepDeadlineKind.PostingEnd;
}

/// <summary>A review report (the campaign's step 8) or a report set (the 15 forms) the province returned, with its comment.</summary>
public sealed record ReturnedReport(string CommuneCode, string CommuneName, int Year, string Link, bool ReportSet, string? Comment, DateOnly? Due);

/// <summary>Review reports of one campaign submitted by communes and waiting for the province.</summary>
public sealed record CampaignReportsWaiting(long CampaignId, int Year, CampaignKind Kind, string KindVi, int Communes, IReadOnlyList<string> CommuneNames);

/// <summary>A report set (the 15 forms) a commune submitted, waiting for the province's approval.</summary>
public sealed record ReportSetWaiting(string CommuneCode, string CommuneName, int Year, string StandardCode, DateOnly Due, string Link);

/// <summary>A household of the village reviewer's open review still to survey.</summary>
public sealed record SurveyTask(long ReviewHouseholdId, long HouseholdId, string HouseholdCode, string HeadName);

/// <summary>The village reviewer's open review: how many households are still to survey, and the first of them.</summary>
public sealed record VillageSurveyWork(long CommuneReviewId, int Year, string KindVi, string CommuneName, DateOnly CampaignEnd, int ToSurvey,
    int Listed, IReadOnlyList<SurveyTask> First);

/// <summary>The key figures of the latest year under the main standard, for a leader.</summary>
public sealed record KeyFigures(string UnitCode, string UnitName, int Year, string StandardCode, string StandardName, DateOnly? AsOf,
    long Households, int Poor, int NearPoor, decimal PoorRate, decimal NearPoorRate, IReadOnlyList<TargetProgress> Targets);

/// <summary>The system administrator's figures: accounts needing attention and the units in the catalogue today.</summary>
public sealed record AdminFigures(int Users, int Locked, int MustChangePassword, int Deactivated, int Provinces, int Communes, int Villages);

/// <summary>The support worklist's head: total, the longest-waiting households, and per policy.</summary>
public sealed record SupportWaiting(int Total, IReadOnlyList<WorklistRow> Longest, IReadOnlyList<(PolicyWaiting Policy, string NameVi, string NameEn)> ByPolicy);

/// <summary>
/// The home page's "what to do now", per role. Every query is scoped like the lists it links to: the commune reviews
/// through <see cref="ReviewQueries.CommuneReviewsInScope"/>, households and support through <see cref="UnitScope"/> and
/// <see cref="SupportGaps"/>, figures through <see cref="DashboardService"/> (which resolves the unit inside the scope).
/// </summary>
public sealed class HomeTasks(AppDbContext db, SupportGaps gaps, PolicyRegistry policies, DashboardService dashboards)
{
    /// <summary>How many items a card lists before "see all".</summary>
    public const int Few = 5;

    private static readonly CommuneReviewState[] OpenStates =
    [
        CommuneReviewState.Listing, CommuneReviewState.Surveying, CommuneReviewState.Meeting, CommuneReviewState.Posting,
        CommuneReviewState.DistrictConsulted, CommuneReviewState.Decided, CommuneReviewState.CertificatesIssued,
    ];

    /// <summary>Commune reviews in scope not yet reported, with the deadline of their step, most urgent first.</summary>
    public async Task<IReadOnlyList<OpenReviewStep>> OpenStepsAsync(CancellationToken ct)
    {
        var rows = await (from cr in ReviewQueries.CommuneReviewsInScope(db)
                          join c in db.ReviewCampaigns.AsNoTracking() on cr.CampaignId equals c.Id
                          where OpenStates.Contains(cr.State)
                          select new { cr.Id, cr.CampaignId, c.Year, c.Kind, c.EndDate, cr.CommuneCode, cr.State, cr.PostingEnd, cr.ReportDeadline })
            .ToListAsync(ct);
        if (rows.Count == 0)
        {
            return [];
        }

        var ids = rows.Select(r => r.Id).ToList();
        var toSurvey = await db.ReviewHouseholds.AsNoTracking().Where(h => ids.Contains(h.CommuneReviewId) && h.State == HouseholdReviewState.Listed)
            .GroupBy(h => h.CommuneReviewId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var names = await ReviewQueries.CurrentNamesAsync(db, rows.Select(r => r.CommuneCode), full: true, ct);
        var today = db.Clock.Today();
        return [.. rows.Select(r =>
        {
            var (kind, deadline) = r.State switch
            {
                CommuneReviewState.Listing or CommuneReviewState.Surveying or CommuneReviewState.Meeting => (StepDeadlineKind.CampaignEnd, r.EndDate),
                CommuneReviewState.Posting when r.PostingEnd is { } end => (StepDeadlineKind.PostingEnd, end),
                _ => (StepDeadlineKind.ReportDue, r.ReportDeadline),
            };
            return new OpenReviewStep(r.Id, r.CampaignId, r.Year, r.Kind, r.Kind.ToVietnamese(), r.CommuneCode, names.GetValueOrDefault(r.CommuneCode, r.CommuneCode),
                r.State, r.State.ToVietnamese(), kind, deadline, deadline.DayNumber - today.DayNumber, toSurvey.GetValueOrDefault(r.Id));
        }).OrderBy(s => s.Deadline).ThenBy(s => s.CommuneName, StringComparer.Ordinal)];
    }

    /// <summary>Review reports and report sets of communes in scope that the province returned and the commune has not sent again.</summary>
    public async Task<IReadOnlyList<ReturnedReport>> ReturnedAsync(CancellationToken ct)
    {
        var reviews = await (from cr in ReviewQueries.CommuneReviewsInScope(db)
                             join c in db.ReviewCampaigns.AsNoTracking() on cr.CampaignId equals c.Id
                             where cr.State == CommuneReviewState.Returned
                             select new { cr.Id, cr.CommuneCode, c.Year, cr.ReturnComment, cr.ReportDeadline }).ToListAsync(ct);
        var sets = (await LatestReportSetsAsync(ct)).Where(s => s.Status == ReportSetStatus.Returned).ToList();
        var names = await ReviewQueries.CurrentNamesAsync(db, reviews.Select(r => r.CommuneCode).Concat(sets.Select(s => s.CommuneCode)), full: true, ct);
        return
        [
            .. reviews.Select(r => new ReturnedReport(r.CommuneCode, names.GetValueOrDefault(r.CommuneCode, r.CommuneCode), r.Year,
                $"/Reviews/Board/{r.Id}", false, r.ReturnComment, r.ReportDeadline)),
            .. sets.Select(s => new ReturnedReport(s.CommuneCode, names.GetValueOrDefault(s.CommuneCode, s.CommuneCode), s.Year,
                ReportLink(s.CommuneCode, s.Year, s.StandardCode), true, s.Comment, s.DueDate)),
        ];
    }

    /// <summary>Review reports submitted (step 8) and not returned, per campaign, newest campaign first.</summary>
    public async Task<IReadOnlyList<CampaignReportsWaiting>> ReviewReportsWaitingAsync(CancellationToken ct)
    {
        var rows = await (from cr in ReviewQueries.CommuneReviewsInScope(db)
                          join c in db.ReviewCampaigns.AsNoTracking() on cr.CampaignId equals c.Id
                          where cr.State == CommuneReviewState.Reported
                          select new { c.Id, c.Year, c.Kind, c.Month, cr.CommuneCode }).ToListAsync(ct);
        var names = await ReviewQueries.CurrentNamesAsync(db, rows.Select(r => r.CommuneCode), full: false, ct);
        return [.. rows.GroupBy(r => new { r.Id, r.Year, r.Kind, r.Month })
            .OrderByDescending(g => g.Key.Year).ThenByDescending(g => g.Key.Month).ThenByDescending(g => g.Key.Id)
            .Select(g => new CampaignReportsWaiting(g.Key.Id, g.Key.Year, g.Key.Kind, g.Key.Kind.ToVietnamese(), g.Count(),
                [.. g.Select(r => names.GetValueOrDefault(r.CommuneCode, r.CommuneCode)).Order(StringComparer.Ordinal)]))];
    }

    /// <summary>Report sets (the 15 forms) whose latest version is submitted and not yet approved or returned.</summary>
    public async Task<IReadOnlyList<ReportSetWaiting>> ReportSetsWaitingAsync(CancellationToken ct)
    {
        var sets = (await LatestReportSetsAsync(ct)).Where(s => s.Status == ReportSetStatus.Submitted).ToList();
        var names = await ReviewQueries.CurrentNamesAsync(db, sets.Select(s => s.CommuneCode), full: true, ct);
        return [.. sets.OrderBy(s => s.DueDate).Select(s => new ReportSetWaiting(s.CommuneCode, names.GetValueOrDefault(s.CommuneCode, s.CommuneCode), s.Year,
            s.StandardCode, s.DueDate, ReportLink(s.CommuneCode, s.Year, s.StandardCode)))];
    }

    /// <summary>The village reviewer's open reviews: the households of their village still listed (not yet surveyed).</summary>
    public async Task<IReadOnlyList<VillageSurveyWork>> VillageSurveyAsync(CancellationToken ct)
    {
        var user = db.CurrentUser;
        if (user.ScopeLevel != AdminLevel.Village || user.ScopeUnitCode is not { } village)
        {
            return [];
        }

        var reviews = await (from cr in ReviewQueries.CommuneReviewsInScope(db)
                             join c in db.ReviewCampaigns.AsNoTracking() on cr.CampaignId equals c.Id
                             where cr.State == CommuneReviewState.Listing || cr.State == CommuneReviewState.Surveying
                             orderby c.EndDate
                             select new { cr.Id, cr.CommuneCode, c.Year, c.Kind, c.EndDate }).ToListAsync(ct);
        var names = await ReviewQueries.CurrentNamesAsync(db, reviews.Select(r => r.CommuneCode), full: true, ct);
        var result = new List<VillageSurveyWork>();
        foreach (var r in reviews)
        {
            var mine = db.ReviewHouseholds.AsNoTracking().Where(h => h.CommuneReviewId == r.Id && h.VillageCode == village);
            var listed = await mine.CountAsync(ct);
            var waiting = mine.Where(h => h.State == HouseholdReviewState.Listed);
            var count = await waiting.CountAsync(ct);
            var first = await (from rh in waiting
                               join h in db.Households.AsNoTracking() on new { Id = rh.HouseholdId, rh.ProvinceCode } equals new { h.Id, h.ProvinceCode }
                               orderby h.Code
                               select new SurveyTask(rh.Id, h.Id, h.Code, h.HeadName)).Take(Few).ToListAsync(ct);
            result.Add(new VillageSurveyWork(r.Id, r.Year, r.Kind.ToVietnamese(), names.GetValueOrDefault(r.CommuneCode, r.CommuneCode), r.EndDate, count, listed, first));
        }

        return result;
    }

    /// <summary>The support worklist of the scope: its size, the households waiting longest and the count per policy.</summary>
    public async Task<SupportWaiting> SupportAsync(bool byPolicy, CancellationToken ct)
    {
        var page = (await gaps.WorklistAsync(new WorklistQuery(Sort: "waiting", PageSize: Few), ct)).Value;
        if (page is null)
        {
            return new SupportWaiting(0, [], []);
        }

        var perPolicy = new List<(PolicyWaiting, string, string)>();
        if (byPolicy)
        {
            var catalogue = (await policies.ListAsync(ct)).GroupBy(p => p.Code, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            foreach (var p in await gaps.WaitingByPolicyAsync(ct))
            {
                var known = catalogue.GetValueOrDefault(p.PolicyCode);
                perPolicy.Add((p, known?.NameVi ?? p.PolicyCode, known?.NameEn ?? p.PolicyCode));
            }
        }

        return new SupportWaiting(page.TotalCount, page.Items, perPolicy);
    }

    /// <summary>The latest year's poor and near-poor rates under the main standard and the targets, for the user's province or commune.</summary>
    public async Task<KeyFigures?> KeyFiguresAsync(CancellationToken ct)
    {
        var unit = db.CurrentUser.ScopeUnitCode;
        if (unit is null || db.CurrentUser.ScopeLevel is not (AdminLevel.Province or AdminLevel.Commune))
        {
            return null;
        }

        var result = await dashboards.GetAsync(unit, null, ct);
        if (result.Value is not { } d)
        {
            return null;
        }

        var trend = d.Trends.FirstOrDefault(t => t.StandardCode == d.MainStandard);
        var point = trend?.Years.FirstOrDefault(p => p.Year == d.Year);
        return new KeyFigures(d.Unit.Code, d.Unit.Name, d.Year, d.MainStandard, trend?.StandardName ?? d.MainStandard, d.Base?.Date,
            d.Base?.Households ?? point?.Households ?? 0, point?.Poor ?? 0, point?.NearPoor ?? 0, point?.PoorRate ?? 0, point?.NearPoorRate ?? 0, d.Targets);
    }

    /// <summary>For a system administrator: accounts locked, waiting for a first password change or deactivated, and the units valid today.</summary>
    public async Task<AdminFigures?> AdminAsync(CancellationToken ct)
    {
        if (!db.CurrentUser.IsInRole(Roles.SystemAdmin))
        {
            return null;
        }

        var now = db.Clock.GetUtcNow();
        // A few hundred rows at most; read in memory (SQLite cannot compare DateTimeOffset columns in SQL).
        var users = await db.Users.AsNoTracking().Select(u => new { u.LockoutEnd, u.MustChangePassword, u.DeactivatedAtUtc }).ToListAsync(ct);
        var today = db.Clock.Today();
        var levels = await db.AdminUnits.AsNoTracking()
            .Where(u => (u.ValidFrom == null || u.ValidFrom <= today) && (u.ValidTo == null || u.ValidTo >= today))
            .GroupBy(u => u.Level).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return new AdminFigures(
            users.Count(u => u.DeactivatedAtUtc is null),
            users.Count(u => u.DeactivatedAtUtc is null && u.LockoutEnd is { } end && end > now),
            users.Count(u => u.DeactivatedAtUtc is null && u.MustChangePassword),
            users.Count(u => u.DeactivatedAtUtc is not null),
            levels.GetValueOrDefault(AdminLevel.Province), levels.GetValueOrDefault(AdminLevel.Commune), levels.GetValueOrDefault(AdminLevel.Village));
    }

    private static string ReportLink(string commune, int year, string standard) =>
        $"/Reports?unit={Uri.EscapeDataString(commune)}&year={year}&standard={Uri.EscapeDataString(standard)}";

    /// <summary>The latest version of each commune's report set in scope (per commune, year, standard and period).</summary>
    private async Task<List<ReportSetEntity>> LatestReportSetsAsync(CancellationToken ct)
    {
        var user = db.CurrentUser;
        var q = db.ReportSets.AsNoTracking();
        var code = user.ScopeUnitCode;
        q = code is null
            ? user.IsInRole(Roles.SystemAdmin) ? q : q.Where(_ => false)
            : user.ScopeLevel switch
            {
                AdminLevel.Province => q.Where(s => s.ProvinceCode == code),
                AdminLevel.Commune => q.Where(s => s.CommuneCode == code),
                _ => q.Where(_ => false),
            };
        var candidates = await q.Where(s => s.Status == ReportSetStatus.Submitted || s.Status == ReportSetStatus.Returned).ToListAsync(ct);
        if (candidates.Count == 0)
        {
            return [];
        }

        var communes = candidates.Select(s => s.CommuneCode).Distinct().ToList();
        var latest = await q.Where(s => communes.Contains(s.CommuneCode))
            .GroupBy(s => new { s.CommuneCode, s.Year, s.StandardCode, s.PeriodKind })
            .Select(g => new { g.Key.CommuneCode, g.Key.Year, g.Key.StandardCode, g.Key.PeriodKind, Version = g.Max(s => s.Version) }).ToListAsync(ct);
        var keys = latest.Select(l => (l.CommuneCode, l.Year, l.StandardCode, l.PeriodKind, l.Version)).ToHashSet();
        return [.. candidates.Where(s => keys.Contains((s.CommuneCode, s.Year, s.StandardCode, s.PeriodKind, s.Version)))];
    }
}
