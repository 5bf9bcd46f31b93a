using System.Globalization;
using GiamNgheo.Application.AdminUnits;
using GiamNgheo.Application.Identity;
using GiamNgheo.Application.Persistence;
using GiamNgheo.Application.Standards;
using GiamNgheo.Application.Surveys;
using GiamNgheo.Application.Reviews.Documents;
using GiamNgheo.Domain.Classification;
using GiamNgheo.Domain.Reviews;
using GiamNgheo.Domain.Statuses;
using Microsoft.EntityFrameworkCore;

namespace GiamNgheo.Application.Reviews;

/// <summary>
/// The yearly review (QĐ 24/2021/QĐ-TTg) as a workflow: every step goes through <see cref="ReviewStateMachine"/>; a refused
/// step returns a conflict with the Vietnamese reason and saves nothing; every transition writes an audit event.
/// </summary>
public sealed class ReviewCommands(AppDbContext db, ReviewSettings settings, StandardRegistry standards, SurveyCommands surveys, ReviewDocuments documents)
{
    private static readonly string[] Officers = [Roles.SystemAdmin, Roles.ProvincialOfficer, Roles.CommuneOfficer];
    private static readonly string[] Province = [Roles.SystemAdmin, Roles.ProvincialOfficer];
    private const string NotAllowed = "Vai trò của bạn không được thực hiện bước này của rà soát.";

    // The rules in force in the province of the commune review being handled (review_rules table), read when it is loaded.
    private ReviewRules? loadedRules;

    private ReviewRules Rules => loadedRules ?? throw new InvalidOperationException("Review rules are read when the commune review is loaded.");

    public async Task<Result<CampaignSummary>> OpenCampaignAsync(OpenCampaignInput input, CancellationToken ct)
    {
        var user = db.CurrentUser;
        var allowed = input.Kind switch
        {
            CampaignKind.Periodic => UnitScope.IsAny(user, Province),
            CampaignKind.Regular => UnitScope.IsAny(user, Officers),
        };
        if (!allowed)
        {
            return Result<CampaignSummary>.Forbidden(input.Kind == CampaignKind.Periodic
                ? "Chỉ cán bộ cấp tỉnh được mở đợt rà soát định kỳ." : NotAllowed);
        }

        var errors = new ValidationErrors();
        var today = db.Clock.Today();
        if (input.Year < 2016 || input.Year > today.Year + 1)
        {
            errors.Add("year", $"Năm rà soát phải từ 2016 đến {today.Year + 1}.");
        }

        string? provinceCode = user.ScopeLevel == AdminLevel.Province ? user.ScopeUnitCode : null;
        List<string> communes;
        if (input.Kind == CampaignKind.Regular)
        {
            if (input.Month is not (>= 1 and <= 12))
            {
                errors.Add("month", "Rà soát thường xuyên phải chọn tháng từ 1 đến 12.");
            }

            var commune = input.CommuneCode ?? (user.ScopeLevel == AdminLevel.Commune ? user.ScopeUnitCode : null);
            // The commune's current row (a pre-2025 row of the same code has a district as its parent, not the province).
            var unit = commune is null ? null : await db.AdminUnits.AsNoTracking().Where(u => u.Code == commune && u.Level == AdminLevel.Commune)
                .OrderByDescending(u => u.ValidFrom != null).ThenByDescending(u => u.ValidFrom).FirstOrDefaultAsync(ct);
            if (unit is null || !UnitScope.Contains(user, unit.ParentCode ?? string.Empty, unit.Code, null))
            {
                errors.Add("communeCode", "Chọn một xã thuộc phạm vi của bạn.");
                communes = [];
            }
            else
            {
                provinceCode = unit.ParentCode;
                communes = [unit.Code];
            }
        }
        else
        {
            if (input.CommuneCode is not null)
            {
                errors.Add("communeCode", "Đợt rà soát định kỳ mở cho cả tỉnh, không chọn xã.");
            }

            if (provinceCode is null)
            {
                errors.Add("provinceCode", "Chỉ tài khoản cấp tỉnh mở đợt rà soát định kỳ.");
            }

            communes = provinceCode is null ? [] : await db.Households.AsNoTracking().Where(h => h.ProvinceCode == provinceCode)
                .Select(h => h.CommuneCode).Distinct().OrderBy(c => c).ToListAsync(ct);
            if (provinceCode is not null && communes.Count == 0)
            {
                errors.Add("provinceCode", "Tỉnh chưa có hộ gia đình nào trong sổ.");
            }

            if (provinceCode is not null && await db.ReviewCampaigns.AnyAsync(c => c.ProvinceCode == provinceCode && c.Year == input.Year && c.Kind == CampaignKind.Periodic, ct))
            {
                errors.Add("year", $"Năm {input.Year} đã có đợt rà soát định kỳ.");
            }
        }

        loadedRules = await settings.RulesAsync(provinceCode, ct);
        var month = input.Kind == CampaignKind.Regular ? input.Month ?? 1 : Rules.PeriodicStartMonth;
        DateOnly start, end;
        if (input.Kind == CampaignKind.Periodic)
        {
            start = input.StartDate ?? new DateOnly(Math.Clamp(input.Year, 2000, 2100), Rules.PeriodicStartMonth, Rules.PeriodicStartDay);
            end = input.EndDate ?? new DateOnly(Math.Clamp(input.Year, 2000, 2100), Rules.PeriodicEndMonth, Rules.PeriodicEndDay);
        }
        else
        {
            start = input.StartDate ?? new DateOnly(Math.Clamp(input.Year, 2000, 2100), Math.Clamp(month, 1, 12), 15);
            end = input.EndDate ?? start.AddDays(15);
        }

        if (end < start)
        {
            errors.Add("endDate", "Ngày kết thúc phải sau ngày bắt đầu.");
        }

        var active = provinceCode is null ? [] : await standards.ActiveAsync(input.Year, provinceCode, ct);
        var legal = active.FirstOrDefault(a => !a.InParallel);
        if (legal is null && !errors.Any)
        {
            errors.Add("year", $"Năm {input.Year} chưa có chuẩn nghèo áp dụng.");
        }

        var parallel = input.ParallelStandards ?? [.. active.Where(a => a.InParallel).Select(a => a.Standard.Code)];
        var known = (await standards.AllAsync(ct)).Select(s => s.Standard.Code).ToHashSet(StringComparer.Ordinal);
        foreach (var code in parallel.Where(p => !known.Contains(p)))
        {
            errors.Add("parallelStandards", $"Không có chuẩn nghèo '{code}'.");
        }

        if (errors.Any)
        {
            return Result<CampaignSummary>.Invalid(errors.ToDictionary());
        }

        var campaign = new ReviewCampaignEntity
        {
            ProvinceCode = provinceCode!,
            Year = input.Year,
            Month = month,
            Kind = input.Kind,
            StartDate = start,
            EndDate = end,
            StandardCode = legal!.Standard.Code,
            ParallelStandards = string.Join(';', parallel.Where(p => p != legal.Standard.Code)),
            OpenedBy = user.UserName,
            OpenedAtUtc = db.Clock.GetUtcNow().UtcDateTime,
        };
        db.ReviewCampaigns.Add(campaign);
        await db.SaveChangesAsync(ct);
        var deadline = Rules.ReportDeadline(input.Kind, input.Year, month);
        foreach (var commune in communes)
        {
            db.CommuneReviews.Add(new CommuneReviewEntity { CampaignId = campaign.Id, ProvinceCode = campaign.ProvinceCode, CommuneCode = commune, ReportDeadline = deadline });
        }

        db.AddAuditEvent("review.open", "ReviewCampaign", campaign.Id.ToString(CultureInfo.InvariantCulture), null,
            new { campaign.Year, kind = input.Kind.ToString(), campaign.StartDate, campaign.EndDate, campaign.StandardCode, campaign.ParallelStandards, communes });
        await db.SaveChangesAsync(ct);
        return Result<CampaignSummary>.Ok((await new ReviewQueries(db).CampaignAsync(campaign.Id, ct))!);
    }

    // ---------------------------------------------------------------- S1 list

    /// <summary>Lists the households of the previous list (poor and near-poor under the legal standard) and Mẫu 04 requests.</summary>
    public async Task<Result<CommuneBoard>> BuildListAsync(long communeReviewId, CancellationToken ct)
    {
        var ctx = await LoadAsync(communeReviewId, Officers, ct);
        if (ctx.Error is { } error)
        {
            return error;
        }

        var (cr, campaign) = (ctx.Commune!, ctx.Campaign!);
        if (cr.State != CommuneReviewState.Listing)
        {
            return Refused($"Chỉ lập danh sách khi xã đang ở bước \"{CommuneReviewState.Listing.ToVietnamese()}\" (hiện: \"{cr.State.ToVietnamese()}\").");
        }

        // A regular (monthly) review handles only the households that applied (Mẫu 01, added by hand) or asked to leave the list
        // (Mẫu 04); the whole current list is reviewed only in the periodic review (QĐ 24/2021 Art. 4 and 5).
        var previous = campaign.Kind == CampaignKind.Periodic ? await PreviousListAsync(cr.CommuneCode, campaign, null, ct) : [];
        var listed = await db.ReviewHouseholds.Where(h => h.CommuneReviewId == cr.Id).Select(h => h.HouseholdId).ToListAsync(ct);
        var villages = await db.Households.Where(h => h.ProvinceCode == cr.ProvinceCode && previous.Keys.Contains(h.Id))
            .Select(h => new { h.Id, h.VillageCode }).ToDictionaryAsync(h => h.Id, h => h.VillageCode, ct);
        var added = 0;
        foreach (var (householdId, category) in previous.Where(p => !listed.Contains(p.Key) && villages.ContainsKey(p.Key)))
        {
            db.ReviewHouseholds.Add(new ReviewHouseholdEntity
            {
                CommuneReviewId = cr.Id,
                ProvinceCode = cr.ProvinceCode,
                HouseholdId = householdId,
                VillageCode = villages[householdId],
                ListingReason = ListingReason.CurrentList,
                PreviousCategory = category,
                ReasonText = "Hộ thuộc danh sách hộ nghèo, hộ cận nghèo hiện hành",
            });
            added++;
        }

        db.AddAuditEvent("review.list", "CommuneReview", cr.Id.ToString(CultureInfo.InvariantCulture), null, new { added, fromYear = campaign.Year - 1 });
        await db.SaveChangesAsync(ct);
        await LinkEscapeRequestsAsync(cr, ct);
        return Result<CommuneBoard>.Ok((await new ReviewQueries(db).BoardAsync(cr.Id, ct))!);
    }

    /// <summary>
    /// The list in force before the campaign under its standard (poor / near-poor; household → category code), from the
    /// classification facts through <see cref="HouseholdStatusRules.ForReviewYear"/>: the latest recognised category of
    /// each household, including a regular review's decision earlier in the same year; carried over from earlier years.
    /// For a household never decided (data loaded before the workflow), its computed results stand in.
    /// One household when <paramref name="householdId"/> is given.
    /// </summary>
    private async Task<Dictionary<long, string>> PreviousListAsync(string communeCode, ReviewCampaignEntity campaign, long? householdId, CancellationToken ct)
    {
        var thisCampaign = db.CommuneReviews.Where(c => c.CampaignId == campaign.Id).Select(c => c.Id);
        var rows = await (from c in db.HouseholdClassifications.AsNoTracking()
                          join d in db.RecognitionDecisions.AsNoTracking() on c.DecisionId equals d.Id into decisions
                          from d in decisions.DefaultIfEmpty()
                          where c.CommuneCode == communeCode && c.StandardCode == campaign.StandardCode
                                && (householdId == null || c.HouseholdId == householdId)
                                && (c.Year < campaign.Year
                                    || (c.Year == campaign.Year && d != null && d.SignedOn <= campaign.StartDate && !thisCampaign.Contains(d.CommuneReviewId)))
                          select new { c.HouseholdId, c.Year, c.Category, c.ComputedAtUtc, c.DecisionId, SignedOn = d == null ? (DateOnly?)null : d.SignedOn })
            .ToListAsync(ct);
        var list = new Dictionary<long, string>();
        foreach (var household in rows.GroupBy(r => r.HouseholdId))
        {
            // The recognised facts when the household has any; computed results only stand in for households never decided.
            var recognised = household.Where(r => r.DecisionId is not null).ToList();
            var facts = (recognised.Count > 0 ? recognised : [.. household])
                .Select(r => new StatusFact(r.Year, r.Category, r.SignedOn ?? DateOnly.FromDateTime(r.ComputedAtUtc), r.DecisionId));
            var status = HouseholdStatusRules.ForReviewYear(facts, campaign.Year);
            if (status.IsListed)
            {
                list[household.Key] = status.Category.ToCode();
            }
        }

        return list;
    }

    /// <summary>A household's category on the list in force before the campaign ("poor"/"near_poor"; null: not on it).</summary>
    private async Task<string?> PreviousCategoryAsync(long householdId, string communeCode, ReviewCampaignEntity campaign, CancellationToken ct) =>
        (await PreviousListAsync(communeCode, campaign, householdId, ct)).GetValueOrDefault(householdId);

    private async Task LinkEscapeRequestsAsync(CommuneReviewEntity cr, CancellationToken ct)
    {
        var campaign = await db.ReviewCampaigns.AsNoTracking().SingleAsync(c => c.Id == cr.CampaignId, ct);
        var requests = await db.EscapeRequests.Where(r => r.CommuneCode == cr.CommuneCode && r.ReviewHouseholdId == null).ToListAsync(ct);
        if (requests.Count == 0)
        {
            return;
        }

        var inReview = await db.ReviewHouseholds.Where(h => h.CommuneReviewId == cr.Id).ToDictionaryAsync(h => h.HouseholdId, ct);
        foreach (var request in requests)
        {
            if (!inReview.TryGetValue(request.HouseholdId, out var rh))
            {
                var household = await db.Households.AsNoTracking().SingleAsync(h => h.Id == request.HouseholdId, ct);
                rh = new ReviewHouseholdEntity
                {
                    CommuneReviewId = cr.Id,
                    ProvinceCode = household.ProvinceCode,
                    HouseholdId = request.HouseholdId,
                    VillageCode = household.VillageCode,
                    ListingReason = ListingReason.Application,
                    ApplicationDate = request.ReceivedOn,
                    PreviousCategory = await PreviousCategoryAsync(request.HouseholdId, cr.CommuneCode, campaign, ct),
                    ReasonText = "Mẫu 04: đề nghị công nhận thoát nghèo/thoát cận nghèo",
                };
                db.ReviewHouseholds.Add(rh);
                await db.SaveChangesAsync(ct);
                inReview[rh.HouseholdId] = rh;
            }

            request.ReviewHouseholdId = rh.Id;
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>Adds a household that applied (Mẫu 01, with its date and reason) or by hand with a reason.</summary>
    public async Task<Result<CommuneBoard>> AddHouseholdAsync(long communeReviewId, AddHouseholdInput input, CancellationToken ct)
    {
        var ctx = await LoadAsync(communeReviewId, Officers, ct);
        if (ctx.Error is { } error)
        {
            return error;
        }

        var cr = ctx.Commune!;
        if (cr.State is not (CommuneReviewState.Listing or CommuneReviewState.Surveying))
        {
            return Refused(cr.State >= CommuneReviewState.Decided
                ? "Kết quả rà soát của xã đã được quyết định công nhận và bị khóa; hộ mới được xét ở đợt rà soát thường xuyên."
                : $"Chỉ thêm hộ vào danh sách khi xã đang lập danh sách hoặc khảo sát (hiện: \"{cr.State.ToVietnamese()}\").");
        }

        var errors = new ValidationErrors();
        var household = await db.Households.AsNoTracking().SingleOrDefaultAsync(h => h.ProvinceCode == cr.ProvinceCode && h.CommuneCode == cr.CommuneCode && h.Id == input.HouseholdId, ct);
        if (household is null)
        {
            errors.Add("householdId", "Hộ không thuộc xã này.");
        }
        else if (await db.ReviewHouseholds.AnyAsync(h => h.CommuneReviewId == cr.Id && h.HouseholdId == input.HouseholdId, ct))
        {
            errors.Add("householdId", "Hộ đã có trong danh sách rà soát.");
        }

        switch (input.Reason)
        {
            case ListingReason.CurrentList:
                errors.Add("reason", "Hộ thuộc danh sách hiện hành được đưa vào khi lập danh sách; thêm tay phải là đơn Mẫu 01 hoặc lý do khác.");
                break;
            case ListingReason.Application:
                if (input.ApplicationDate is not { } date || date > db.Clock.Today())
                {
                    errors.Add("applicationDate", "Nhập ngày nộp Giấy đề nghị (Mẫu 01), không sau hôm nay.");
                }

                if (string.IsNullOrWhiteSpace(input.ReasonText))
                {
                    errors.Add("reasonText", "Nhập lý do đề nghị rà soát ghi trong Mẫu 01.");
                }

                break;
            case ListingReason.Manual:
                if (string.IsNullOrWhiteSpace(input.ReasonText))
                {
                    errors.Add("reasonText", "Nhập lý do bổ sung hộ vào danh sách rà soát.");
                }

                break;
        }

        if (errors.Any)
        {
            return Result<CommuneBoard>.Invalid(errors.ToDictionary());
        }

        var rh = new ReviewHouseholdEntity
        {
            CommuneReviewId = cr.Id,
            ProvinceCode = household!.ProvinceCode,
            HouseholdId = input.HouseholdId,
            VillageCode = household!.VillageCode,
            ListingReason = input.Reason,
            ApplicationDate = input.Reason == ListingReason.Application ? input.ApplicationDate : null,
            ReasonText = Domain.Common.VietnameseText.NormalizeName(input.ReasonText!),
            State = HouseholdReviewState.Listed,
            PreviousCategory = await PreviousCategoryAsync(input.HouseholdId, cr.CommuneCode, ctx.Campaign!, ct),
        };
        db.ReviewHouseholds.Add(rh);
        db.AddAuditEvent("review.household.add", "CommuneReview", cr.Id.ToString(CultureInfo.InvariantCulture), input.HouseholdId,
            new { reason = input.Reason.ToString(), input.ApplicationDate, rh.ReasonText });
        await db.SaveChangesAsync(ct);
        return Result<CommuneBoard>.Ok((await new ReviewQueries(db).BoardAsync(cr.Id, ct))!);
    }

    /// <summary>
    /// Before the meeting step: takes a household off the list (<see cref="HouseholdAction.Remove"/>, listed by mistake) or
    /// marks it "không rà soát lại" (<see cref="HouseholdAction.SkipResurvey"/>), with a reason, audited. Its status carries
    /// over: it takes no part in the meeting, posting, decision or certificates of this review.
    /// </summary>
    public async Task<Result<CommuneBoard>> ExcludeHouseholdAsync(long reviewHouseholdId, HouseholdAction action, string? reason, CancellationToken ct)
    {
        if (action is not (HouseholdAction.Remove or HouseholdAction.SkipResurvey))
        {
            return Result<CommuneBoard>.Invalid(new Dictionary<string, string[]> { ["action"] = ["Chỉ rút hộ khỏi danh sách hoặc ghi không rà soát lại."] });
        }

        var ctx = await LoadHouseholdAsync(reviewHouseholdId, Officers, ct);
        if (ctx.Error is { } error)
        {
            return error;
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return Result<CommuneBoard>.Invalid(new Dictionary<string, string[]>
            {
                ["reason"] = [action == HouseholdAction.Remove ? "Nhập lý do rút hộ khỏi danh sách rà soát." : "Nhập lý do hộ không rà soát lại."],
            });
        }

        var (rh, cr) = (ctx.Household!, ctx.Commune!);
        var text = Domain.Common.VietnameseText.NormalizeName(reason);
        var refused = ApplyHousehold(cr, rh, action, db.Clock.Today(), 0, 0, new { reason = text });
        if (refused is not null)
        {
            return Refused(refused);
        }

        rh.ExclusionReason = text;
        await db.SaveChangesAsync(ct);
        return Result<CommuneBoard>.Ok((await new ReviewQueries(db).BoardAsync(cr.Id, ct))!);
    }

    // ---------------------------------------------------------------- commune steps

    /// <summary>A commune step without data of its own: start survey, open the meeting step, certificates, report.</summary>
    public async Task<Result<CommuneBoard>> MoveAsync(long communeReviewId, CommuneAction action, CancellationToken ct)
    {
        switch (action)
        {
            case CommuneAction.StartSurvey or CommuneAction.OpenMeeting or CommuneAction.ReturnToSurvey or CommuneAction.SubmitReport:
                break;
            case CommuneAction.IssueCertificates:
                return await IssueCertificatesAsync(communeReviewId, ct);
            case CommuneAction.StartPosting or CommuneAction.ConsultDistrict or CommuneAction.Decide or CommuneAction.ReturnReport:
                return Result<CommuneBoard>.Invalid(new Dictionary<string, string[]> { ["action"] = ["Bước này cần dữ liệu riêng (ngày niêm yết, quyết định, ý kiến…)."] });
        }

        var ctx = await LoadAsync(communeReviewId, Officers, ct);
        if (ctx.Error is { } error)
        {
            return error;
        }

        var households = await db.ReviewHouseholds.Where(h => h.CommuneReviewId == communeReviewId).ToListAsync(ct);
        var refused = ApplyCommune(ctx.Commune!, ctx.Campaign!, households, action, db.Clock.Today(), null);
        if (refused is not null)
        {
            return Refused(refused);
        }

        if (action == CommuneAction.SubmitReport)
        {
            ctx.Commune!.ReportSubmittedOn = db.Clock.Today();
            ctx.Commune.ReturnComment = null;
        }

        await db.SaveChangesAsync(ct);
        return Result<CommuneBoard>.Ok((await new ReviewQueries(db).BoardAsync(communeReviewId, ct))!);
    }

    // ---------------------------------------------------------------- S2 survey

    /// <summary>Saves the household's survey for the campaign year through <see cref="SurveyCommands"/> (optimistic concurrency) and marks it surveyed.</summary>
    public async Task<Result<SurveyView>> RecordSurveyAsync(long reviewHouseholdId, SurveyInput input, CancellationToken ct)
    {
        var ctx = await LoadHouseholdAsync(reviewHouseholdId, Roles.RegistryEditors, ct);
        if (ctx.Error is not null)
        {
            return Convert<SurveyView>(ctx.Error);
        }

        var (rh, cr, campaign) = (ctx.Household!, ctx.Commune!, ctx.Campaign!);
        var refused = ApplyHousehold(cr, rh, HouseholdAction.RecordSurvey, db.Clock.Today(), 0, 0, null);
        if (refused is not null)
        {
            return Result<SurveyView>.Conflict(refused);
        }

        // The campaign that lists the household may re-survey a year decided earlier (a regular review's decision before the
        // periodic review): the year's rows are replaced and wait for this campaign's decision; the earlier decision stays.
        var saved = await surveys.SaveAsync(rh.HouseholdId, input with { Year = campaign.Year }, reviewCampaign: true, ct);
        if (saved.Status != ResultStatus.Ok)
        {
            return saved;
        }

        rh.SurveyId = saved.Value!.Survey!.Id;
        rh.Category = CategoryOf(saved.Value, campaign.StandardCode);
        await db.SaveChangesAsync(ct);
        return saved;
    }

    private static string? CategoryOf(SurveyView view, string standard) =>
        view.Survey is { ScreenedOut: true } ? HouseholdCategory.NotPoor.ToCode()
        : view.Results.FirstOrDefault(r => r.StandardCode == standard)?.Classification?.Category.ToCode();

    // ---------------------------------------------------------------- S3 meeting

    public async Task<Result<MeetingResult>> RecordMeetingAsync(long communeReviewId, MeetingInput input, CancellationToken ct)
    {
        var ctx = await LoadAsync(communeReviewId, Officers, ct);
        if (ctx.Error is not null)
        {
            return Convert<MeetingResult>(ctx.Error);
        }

        var cr = ctx.Commune!;
        var errors = new ValidationErrors();
        if (input.HeldOn > db.Clock.Today() || input.HeldOn < ctx.Campaign!.StartDate)
        {
            errors.Add("heldOn", "Ngày họp phải trong đợt rà soát và không sau hôm nay.");
        }

        if (input.Attendees <= 0)
        {
            errors.Add("attendees", "Số người dự họp phải lớn hơn 0.");
        }

        if (input.Votes.Count == 0)
        {
            errors.Add("votes", "Nhập kết quả biểu quyết cho ít nhất một hộ.");
        }

        var households = await db.ReviewHouseholds.Where(h => h.CommuneReviewId == cr.Id).ToDictionaryAsync(h => h.Id, ct);
        foreach (var vote in input.Votes)
        {
            if (!households.ContainsKey(vote.ReviewHouseholdId))
            {
                errors.Add("votes", $"Hộ {vote.ReviewHouseholdId} không thuộc danh sách rà soát của xã.");
            }
            else if (vote.Agree < 0 || vote.Agree > input.Attendees)
            {
                errors.Add("votes", "Số người đồng ý phải từ 0 đến số người dự họp.");
            }
        }

        if (input.Votes.Select(v => v.ReviewHouseholdId).Distinct().Count() != input.Votes.Count)
        {
            errors.Add("votes", "Mỗi hộ chỉ biểu quyết một lần trong một cuộc họp.");
        }

        if (errors.Any)
        {
            return Result<MeetingResult>.Invalid(errors.ToDictionary());
        }

        var meeting = new ReviewMeetingEntity
        {
            CommuneReviewId = cr.Id,
            VillageCode = input.VillageCode,
            HeldOn = input.HeldOn,
            Attendees = input.Attendees,
            Roles = input.Roles.Trim(),
        };
        db.ReviewMeetings.Add(meeting);
        int agreed = 0, back = 0;
        var outcomes = new List<(ReviewHouseholdEntity Household, VoteInput Vote, bool Passed)>();
        foreach (var vote in input.Votes)
        {
            var rh = households[vote.ReviewHouseholdId];
            var passes = Rules.MeetingPasses(input.Attendees, vote.Agree);
            var action = vote.Passed ?? passes ? HouseholdAction.MeetingAgreed : HouseholdAction.MeetingRejected;
            var refused = ApplyHousehold(cr, rh, action, input.HeldOn, input.Attendees, vote.Agree, new { meetingDate = input.HeldOn });
            if (refused is not null)
            {
                return Result<MeetingResult>.Conflict($"Hộ {rh.HouseholdId}: {refused}");
            }

            rh.Attendees = input.Attendees;
            rh.Agree = vote.Agree;
            outcomes.Add((rh, vote, action == HouseholdAction.MeetingAgreed));
            if (action == HouseholdAction.MeetingAgreed)
            {
                agreed++;
            }
            else
            {
                back++;
            }
        }

        await db.SaveChangesAsync(ct);
        foreach (var (rh, vote, passed) in outcomes)
        {
            db.ReviewVotes.Add(new ReviewVoteEntity { MeetingId = meeting.Id, ProvinceCode = rh.ProvinceCode, ReviewHouseholdId = rh.Id, Agree = vote.Agree, Passed = passed });
        }

        if (back > 0)
        {
            var refused = ApplyCommune(cr, ctx.Campaign!, [.. households.Values], CommuneAction.ReturnToSurvey, input.HeldOn, new { meetingId = meeting.Id, back });
            if (refused is not null)
            {
                return Result<MeetingResult>.Conflict(refused);
            }
        }

        db.AddAuditEvent("review.meeting", "CommuneReview", cr.Id.ToString(CultureInfo.InvariantCulture), null,
            new { meetingId = meeting.Id, input.HeldOn, input.Attendees, input.Roles, agreed, back });
        await db.SaveChangesAsync(ct);
        return Result<MeetingResult>.Ok(new MeetingResult(meeting.Id, agreed, back, cr.State));
    }

    private static readonly Dictionary<string, byte[]> Magic = new(StringComparer.OrdinalIgnoreCase)
    {
        ["application/pdf"] = "%PDF"u8.ToArray(),
        ["image/png"] = [0x89, 0x50, 0x4E, 0x47],
        ["image/jpeg"] = [0xFF, 0xD8, 0xFF],
    };

    /// <summary>Keeps the signed minutes (PDF, PNG or JPEG, at most 10 MB) with the campaign.</summary>
    public async Task<Result<MeetingRow>> UploadMinutesAsync(long meetingId, string fileName, string contentType, byte[] content, CancellationToken ct)
    {
        var meeting = await db.ReviewMeetings.SingleOrDefaultAsync(m => m.Id == meetingId, ct);
        if (meeting is null)
        {
            return Result<MeetingRow>.NotFound();
        }

        var ctx = await LoadAsync(meeting.CommuneReviewId, Officers, ct);
        if (ctx.Error is not null)
        {
            return Convert<MeetingRow>(ctx.Error);
        }

        if (!Magic.TryGetValue(contentType, out var magic) || content.Length < magic.Length || !content.AsSpan(0, magic.Length).SequenceEqual(magic))
        {
            return Result<MeetingRow>.Invalid(new Dictionary<string, string[]> { ["file"] = ["Biên bản phải là tệp PDF, PNG hoặc JPEG."] });
        }

        if (content.Length > 10 * 1024 * 1024)
        {
            return Result<MeetingRow>.Invalid(new Dictionary<string, string[]> { ["file"] = ["Biên bản không được lớn hơn 10 MB."] });
        }

        var name = Path.GetFileName(fileName);
        var file = new ReviewFileEntity
        {
            CampaignId = ctx.Campaign!.Id,
            FileName = string.IsNullOrWhiteSpace(name) ? "bien-ban" : name,
            ContentType = contentType.ToLowerInvariant(),
            Content = content,
            UploadedAtUtc = db.Clock.GetUtcNow().UtcDateTime,
            UploadedBy = db.CurrentUser.UserName,
        };
        db.ReviewFiles.Add(file);
        await db.SaveChangesAsync(ct);
        meeting.MinutesFileId = file.Id;
        meeting.MinutesFileName = file.FileName;
        meeting.MinutesContentType = file.ContentType;
        db.AddAuditEvent("review.minutes", "ReviewMeeting", meeting.Id.ToString(CultureInfo.InvariantCulture), null,
            new { file.FileName, file.ContentType, bytes = content.Length, sha256 = System.Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(content)) });
        await db.SaveChangesAsync(ct);
        return Result<MeetingRow>.Ok(new MeetingRow(meeting.Id, meeting.VillageCode, meeting.HeldOn, meeting.Attendees, meeting.Roles, meeting.MinutesFileName));
    }

    public async Task<DocumentFile?> MinutesAsync(long meetingId, CancellationToken ct)
    {
        var meeting = await db.ReviewMeetings.AsNoTracking().SingleOrDefaultAsync(m => m.Id == meetingId, ct);
        if (meeting?.MinutesFileId is not { } fileId || (await LoadAsync(meeting.CommuneReviewId, Roles.All, ct)).Error is not null)
        {
            return null;
        }

        var file = await db.ReviewFiles.AsNoTracking().SingleAsync(f => f.Id == fileId, ct);
        return new DocumentFile(file.FileName, file.ContentType, file.Content);
    }

    // ---------------------------------------------------------------- S4 posting

    public async Task<Result<CommuneBoard>> StartPostingAsync(long communeReviewId, DateOnly start, CancellationToken ct)
    {
        var ctx = await LoadAsync(communeReviewId, Officers, ct);
        if (ctx.Error is { } error)
        {
            return error;
        }

        var (cr, campaign) = (ctx.Commune!, ctx.Campaign!);
        if (start < campaign.StartDate || start > db.Clock.Today().AddDays(30))
        {
            return Result<CommuneBoard>.Invalid(new Dictionary<string, string[]> { ["start"] = ["Ngày bắt đầu niêm yết phải trong đợt rà soát."] });
        }

        var households = await db.ReviewHouseholds.Where(h => h.CommuneReviewId == cr.Id).ToListAsync(ct);
        var calendar = await settings.CalendarAsync(cr.ProvinceCode, ct);
        var end = Rules.PostingEnd(calendar, start);
        var refused = ApplyCommune(cr, campaign, households, CommuneAction.StartPosting, start,
            new { start, end, workingDays = Rules.PostingWorkingDays, countsFirstDay = Rules.PostingCountsFirstDay });
        if (refused is not null)
        {
            return Refused(refused);
        }

        cr.PostingStart = start;
        cr.PostingEnd = end;
        foreach (var rh in households.Where(h => !h.State.IsExcluded()))
        {
            ApplyHousehold(cr, rh, HouseholdAction.Post, start, 0, 0, null);
        }

        await db.SaveChangesAsync(ct);
        await documents.FreezePostingAsync(cr.Id, ct);
        return Result<CommuneBoard>.Ok((await new ReviewQueries(db).BoardAsync(cr.Id, ct))!);
    }

    public async Task<Result<CommuneBoard>> ComplainAsync(long reviewHouseholdId, ComplaintInput input, CancellationToken ct)
    {
        var ctx = await LoadHouseholdAsync(reviewHouseholdId, Officers, ct);
        if (ctx.Error is { } error)
        {
            return error;
        }

        var errors = new ValidationErrors();
        if (input.ReceivedOn > db.Clock.Today())
        {
            errors.Add("receivedOn", "Ngày nhận khiếu nại không được sau hôm nay.");
        }

        if (string.IsNullOrWhiteSpace(input.Complainant))
        {
            errors.Add("complainant", "Nhập người khiếu nại.");
        }

        if (string.IsNullOrWhiteSpace(input.Content))
        {
            errors.Add("content", "Nhập nội dung khiếu nại.");
        }

        if (errors.Any)
        {
            return Result<CommuneBoard>.Invalid(errors.ToDictionary());
        }

        var (rh, cr) = (ctx.Household!, ctx.Commune!);
        var refused = ApplyHousehold(cr, rh, HouseholdAction.Complain, input.ReceivedOn, 0, 0, new { input.ReceivedOn, input.Complainant, input.Content });
        if (refused is not null)
        {
            return Refused(refused);
        }

        db.ReviewComplaints.Add(new ReviewComplaintEntity { ProvinceCode = rh.ProvinceCode, ReviewHouseholdId = rh.Id, ReceivedOn = input.ReceivedOn, Complainant = input.Complainant.Trim(), Content = input.Content.Trim() });
        await db.SaveChangesAsync(ct);
        return Result<CommuneBoard>.Ok((await new ReviewQueries(db).BoardAsync(cr.Id, ct))!);
    }

    public async Task<Result<CommuneBoard>> RecheckAsync(long reviewHouseholdId, RecheckInput input, CancellationToken ct)
    {
        var ctx = await LoadHouseholdAsync(reviewHouseholdId, Officers, ct);
        if (ctx.Error is { } error)
        {
            return error;
        }

        var (rh, cr, campaign) = (ctx.Household!, ctx.Commune!, ctx.Campaign!);
        if (string.IsNullOrWhiteSpace(input.Result) || input.RecheckedOn > db.Clock.Today())
        {
            return Result<CommuneBoard>.Invalid(new Dictionary<string, string[]> { ["result"] = ["Nhập kết quả phúc tra và ngày phúc tra (không sau hôm nay)."] });
        }

        var refused = ApplyHousehold(cr, rh, HouseholdAction.Recheck, input.RecheckedOn, 0, 0, new { input.RecheckedOn, input.Result });
        if (refused is not null)
        {
            return Refused(refused);
        }

        var complaints = await db.ReviewComplaints.Where(c => c.ReviewHouseholdId == rh.Id && c.RecheckedOn == null).ToListAsync(ct);
        foreach (var complaint in complaints)
        {
            complaint.RecheckedOn = input.RecheckedOn;
            complaint.RecheckResult = input.Result.Trim();
        }

        if (input.Survey is { } survey)
        {
            var saved = await surveys.SaveAsync(rh.HouseholdId, survey with { Year = campaign.Year }, reviewCampaign: true, ct);
            if (saved.Status != ResultStatus.Ok)
            {
                return Convert<CommuneBoard>(saved);
            }

            rh.SurveyId = saved.Value!.Survey!.Id;
            rh.Category = CategoryOf(saved.Value, campaign.StandardCode);
        }

        await db.SaveChangesAsync(ct);
        return Result<CommuneBoard>.Ok((await new ReviewQueries(db).BoardAsync(cr.Id, ct))!);
    }

    /// <summary>Posts the re-check result again; the commune's posting period is extended to the end of this re-posting.</summary>
    public async Task<Result<CommuneBoard>> RepostAsync(long reviewHouseholdId, DateOnly start, CancellationToken ct)
    {
        var ctx = await LoadHouseholdAsync(reviewHouseholdId, Officers, ct);
        if (ctx.Error is { } error)
        {
            return error;
        }

        var (rh, cr) = (ctx.Household!, ctx.Commune!);
        var end = Rules.PostingEnd(await settings.CalendarAsync(cr.ProvinceCode, ct), start);
        var refused = ApplyHousehold(cr, rh, HouseholdAction.Repost, start, 0, 0, new { start, end });
        if (refused is not null)
        {
            return Refused(refused);
        }

        if (cr.PostingEnd is null || end > cr.PostingEnd)
        {
            cr.PostingEnd = end;
        }

        foreach (var complaint in await db.ReviewComplaints.Where(c => c.ReviewHouseholdId == rh.Id && c.RepostedOn == null).ToListAsync(ct))
        {
            complaint.RepostedOn = start;
        }

        await db.SaveChangesAsync(ct);
        await documents.FreezePostingAsync(cr.Id, ct);
        return Result<CommuneBoard>.Ok((await new ReviewQueries(db).BoardAsync(cr.Id, ct))!);
    }

    // ---------------------------------------------------------------- S5 district (before 01/07/2025)

    public async Task<Result<CommuneBoard>> ConsultDistrictAsync(long communeReviewId, DateOnly on, string opinion, CancellationToken ct)
    {
        var ctx = await LoadAsync(communeReviewId, Officers, ct);
        if (ctx.Error is { } error)
        {
            return error;
        }

        var households = await db.ReviewHouseholds.Where(h => h.CommuneReviewId == communeReviewId).ToListAsync(ct);
        var refused = ApplyCommune(ctx.Commune!, ctx.Campaign!, households, CommuneAction.ConsultDistrict, on, new { on, opinion });
        if (refused is not null)
        {
            return Refused(refused);
        }

        ctx.Commune!.DistrictConsultedOn = on;
        ctx.Commune.DistrictOpinion = opinion.Trim();
        await db.SaveChangesAsync(ct);
        return Result<CommuneBoard>.Ok((await new ReviewQueries(db).BoardAsync(communeReviewId, ct))!);
    }

    // ---------------------------------------------------------------- S6 decision (Mẫu 02)

    /// <summary>The commune chairman's decision: households recognised, classifications under the legal standard carry the decision, results locked.</summary>
    public async Task<Result<CommuneBoard>> DecideAsync(long communeReviewId, DecisionInput input, CancellationToken ct)
    {
        var ctx = await LoadAsync(communeReviewId, Officers, ct);
        if (ctx.Error is { } error)
        {
            return error;
        }

        var (cr, campaign) = (ctx.Commune!, ctx.Campaign!);
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(input.Number))
        {
            errors.Add("number", "Nhập số quyết định.");
        }

        if (string.IsNullOrWhiteSpace(input.Signer))
        {
            errors.Add("signer", "Nhập người ký quyết định (Chủ tịch UBND xã).");
        }

        if (input.SignedOn > db.Clock.Today())
        {
            errors.Add("signedOn", "Ngày ký không được sau hôm nay.");
        }

        if (errors.Any)
        {
            return Result<CommuneBoard>.Invalid(errors.ToDictionary());
        }

        var households = await db.ReviewHouseholds.Where(h => h.CommuneReviewId == cr.Id).ToListAsync(ct);
        var decision = new RecognitionDecisionEntity
        {
            CommuneReviewId = cr.Id,
            CommuneCode = cr.CommuneCode,
            Year = campaign.Year,
            StandardCode = campaign.StandardCode,
            Number = input.Number.Trim(),
            SignedOn = input.SignedOn,
            Signer = Domain.Common.VietnameseText.NormalizeName(input.Signer),
        };
        var refused = ApplyCommune(cr, campaign, households, CommuneAction.Decide, input.SignedOn, new { decision.Number, decision.SignedOn, decision.Signer });
        if (refused is not null)
        {
            return Refused(refused);
        }

        foreach (var rh in households.Where(h => !h.State.IsExcluded()))
        {
            ApplyHousehold(cr, rh, HouseholdAction.Decide, input.SignedOn, 0, 0, null);
        }

        db.RecognitionDecisions.Add(decision);
        await db.SaveChangesAsync(ct);
        cr.DecisionId = decision.Id;
        // Households removed from the list or not re-surveyed keep their earlier status (and its decision).
        var ids = households.Where(h => !h.State.IsExcluded()).Select(h => h.HouseholdId).ToList();
        var rows = await db.HouseholdClassifications.Where(c => ids.Contains(c.HouseholdId) && c.Year == campaign.Year && c.StandardCode == campaign.StandardCode).ToListAsync(ct);
        foreach (var row in rows)
        {
            row.DecisionId = decision.Id;
        }

        db.AddAuditEvent("review.decision.recognise", "RecognitionDecision", decision.Id.ToString(CultureInfo.InvariantCulture), null,
            new { decision.Number, decision.SignedOn, households = ids.Count, classifications = rows.Count });
        // The statuses the decision freezes (household_statuses), saved with the classifications; then the entitlements follow them.
        await new Statuses.HouseholdStatusWriter(db).StageAsync(decision, campaign.Kind, ids, ct);
        await db.SaveChangesAsync(ct);
        await documents.FreezeDecisionAsync(cr.Id, ct);
        await Support.GapRefresh.RefreshGapsAsync(db, ids, ct);
        return Result<CommuneBoard>.Ok((await new ReviewQueries(db).BoardAsync(cr.Id, ct))!);
    }

    // ---------------------------------------------------------------- S7 certificates (Mẫu 03)

    public async Task<Result<CommuneBoard>> IssueCertificatesAsync(long communeReviewId, CancellationToken ct)
    {
        var ctx = await LoadAsync(communeReviewId, Officers, ct);
        if (ctx.Error is { } error)
        {
            return error;
        }

        var (cr, campaign) = (ctx.Commune!, ctx.Campaign!);
        var households = await db.ReviewHouseholds.Where(h => h.CommuneReviewId == cr.Id).OrderBy(h => h.VillageCode).ThenBy(h => h.HouseholdId).ToListAsync(ct);
        var refused = ApplyCommune(cr, campaign, households, CommuneAction.IssueCertificates, db.Clock.Today(), null);
        if (refused is not null)
        {
            return Refused(refused);
        }

        // Numbers continue the year's sequence of the commune: a regular review earlier in the year has numbered its own.
        var suffix = string.Create(CultureInfo.InvariantCulture, $"/{campaign.Year}/GCN-{cr.CommuneCode}");
        var earlier = await (from h in db.ReviewHouseholds
                             join c in db.CommuneReviews on h.CommuneReviewId equals c.Id
                             where c.CommuneCode == cr.CommuneCode && c.Id != cr.Id && h.CertificateNumber != null
                             select h.CertificateNumber!).ToListAsync(ct);
        var seq = earlier.Where(n => n.EndsWith(suffix, StringComparison.Ordinal))
            .Select(n => int.TryParse(n.AsSpan(0, n.IndexOf('/', StringComparison.Ordinal)), NumberStyles.Integer, CultureInfo.InvariantCulture, out var k) ? k : 0)
            .DefaultIfEmpty(0).Max();
        foreach (var rh in households.Where(h => !h.State.IsExcluded()))
        {
            ApplyHousehold(cr, rh, HouseholdAction.Certify, db.Clock.Today(), 0, 0, null);
            if (rh.Category is "poor" or "near_poor")
            {
                rh.CertificateNumber = string.Create(CultureInfo.InvariantCulture, $"{++seq:000}{suffix}");
            }
        }

        await db.SaveChangesAsync(ct);
        await documents.FreezeCertificatesAsync(cr.Id, ct);
        return Result<CommuneBoard>.Ok((await new ReviewQueries(db).BoardAsync(cr.Id, ct))!);
    }

    // ---------------------------------------------------------------- S8 report

    public async Task<Result<CommuneBoard>> ReturnReportAsync(long communeReviewId, string comment, CancellationToken ct)
    {
        var ctx = await LoadAsync(communeReviewId, Province, ct);
        if (ctx.Error is { } error)
        {
            return error;
        }

        if (string.IsNullOrWhiteSpace(comment))
        {
            return Result<CommuneBoard>.Invalid(new Dictionary<string, string[]> { ["comment"] = ["Nhập ý kiến khi trả lại báo cáo."] });
        }

        var households = await db.ReviewHouseholds.Where(h => h.CommuneReviewId == communeReviewId).ToListAsync(ct);
        var refused = ApplyCommune(ctx.Commune!, ctx.Campaign!, households, CommuneAction.ReturnReport, db.Clock.Today(), new { comment });
        if (refused is not null)
        {
            return Refused(refused);
        }

        ctx.Commune!.ReturnComment = comment.Trim();
        await db.SaveChangesAsync(ct);
        return Result<CommuneBoard>.Ok((await new ReviewQueries(db).BoardAsync(communeReviewId, ct))!);
    }

    // ---------------------------------------------------------------- Mẫu 04

    public async Task<Result<long>> RecordEscapeRequestAsync(EscapeRequestInput input, CancellationToken ct)
    {
        if (!UnitScope.IsAny(db.CurrentUser, Officers))
        {
            return Result<long>.Forbidden(NotAllowed);
        }

        var household = await UnitScope.Apply(db.Households.AsNoTracking(), db.CurrentUser).SingleOrDefaultAsync(h => h.Id == input.HouseholdId, ct);
        if (household is null)
        {
            return Result<long>.NotFound();
        }

        var errors = new ValidationErrors();
        if (input.FromCategory is not ("poor" or "near_poor"))
        {
            errors.Add("fromCategory", "Chọn đề nghị thoát nghèo (poor) hoặc thoát cận nghèo (near_poor).");
        }

        if (input.ReceivedOn > db.Clock.Today())
        {
            errors.Add("receivedOn", "Ngày nhận đơn không được sau hôm nay.");
        }

        if (errors.Any)
        {
            return Result<long>.Invalid(errors.ToDictionary());
        }

        var request = new EscapeRequestEntity
        {
            ProvinceCode = household.ProvinceCode,
            HouseholdId = household.Id,
            CommuneCode = household.CommuneCode,
            ReceivedOn = input.ReceivedOn,
            FromCategory = input.FromCategory,
            Reason = input.Reason?.Trim(),
        };
        db.EscapeRequests.Add(request);
        await db.SaveChangesAsync(ct);
        var open = await db.CommuneReviews.Where(c => c.CommuneCode == household.CommuneCode && c.State <= CommuneReviewState.Surveying).ToListAsync(ct);
        foreach (var cr in open)
        {
            await LinkEscapeRequestsAsync(cr, ct);
        }

        return Result<long>.Ok(request.Id);
    }

    // ---------------------------------------------------------------- transitions

    /// <summary>Applies a commune transition (state + audit) or returns the refusal reason; nothing changes when refused.</summary>
    private string? ApplyCommune(CommuneReviewEntity cr, ReviewCampaignEntity campaign, IReadOnlyCollection<ReviewHouseholdEntity> households, CommuneAction action, DateOnly today, object? details)
    {
        var t = ReviewStateMachine.Commune(new CommuneFacts(cr.State, campaign.StartDate, today, [.. households.Select(h => h.State)], cr.PostingEnd), action, Rules);
        if (!t.Allowed)
        {
            return t.ReasonVi;
        }

        db.AddAuditEvent("review.commune." + action.ToString(), "CommuneReview", cr.Id.ToString(CultureInfo.InvariantCulture), null,
            new { from = cr.State.ToCode(), to = t.State.ToCode(), date = today, details });
        cr.State = t.State;
        return null;
    }

    private string? ApplyHousehold(CommuneReviewEntity cr, ReviewHouseholdEntity rh, HouseholdAction action, DateOnly today, int attendees, int agree, object? details)
    {
        var t = ReviewStateMachine.Household(new Domain.Reviews.HouseholdFacts(rh.State, cr.State, today, cr.PostingEnd, attendees, agree), action, Rules);
        if (!t.Allowed)
        {
            return t.ReasonVi;
        }

        db.AddAuditEvent("review.household." + action.ToString(), "ReviewHousehold", rh.Id.ToString(CultureInfo.InvariantCulture), rh.HouseholdId,
            new { communeReviewId = cr.Id, from = rh.State.ToCode(), to = t.State.ToCode(), date = today, attendees, agree, details });

        rh.State = t.State;
        return null;
    }

    // ---------------------------------------------------------------- loading and scope

    private sealed record Loaded(CommuneReviewEntity? Commune, ReviewCampaignEntity? Campaign, ReviewHouseholdEntity? Household, Result<CommuneBoard>? Error);

    private async Task<Loaded> LoadAsync(long communeReviewId, IReadOnlyList<string> roles, CancellationToken ct)
    {
        var cr = await db.CommuneReviews.SingleOrDefaultAsync(c => c.Id == communeReviewId, ct);
        if (cr is null || !await ReviewQueries.VisibleAsync(db, cr, ct))
        {
            return new Loaded(null, null, null, Result<CommuneBoard>.NotFound());
        }

        if (!UnitScope.IsAny(db.CurrentUser, roles))
        {
            return new Loaded(null, null, null, Result<CommuneBoard>.Forbidden(NotAllowed));
        }

        var campaign = await db.ReviewCampaigns.SingleAsync(c => c.Id == cr.CampaignId, ct);
        loadedRules = await settings.RulesAsync(cr.ProvinceCode, ct);
        return new Loaded(cr, campaign, null, null);
    }

    private async Task<Loaded> LoadHouseholdAsync(long reviewHouseholdId, IReadOnlyList<string> roles, CancellationToken ct)
    {
        var rh = await db.ReviewHouseholds.SingleOrDefaultAsync(h => h.Id == reviewHouseholdId, ct);
        if (rh is null)
        {
            return new Loaded(null, null, null, Result<CommuneBoard>.NotFound());
        }

        var cr = await db.CommuneReviews.SingleAsync(c => c.Id == rh.CommuneReviewId, ct);
        if (!UnitScope.Contains(db.CurrentUser, cr.ProvinceCode, cr.CommuneCode, rh.VillageCode))
        {
            return new Loaded(null, null, null, Result<CommuneBoard>.NotFound());
        }

        if (!UnitScope.IsAny(db.CurrentUser, roles))
        {
            return new Loaded(null, null, null, Result<CommuneBoard>.Forbidden(NotAllowed));
        }

        var campaign = await db.ReviewCampaigns.SingleAsync(c => c.Id == cr.CampaignId, ct);
        loadedRules = await settings.RulesAsync(cr.ProvinceCode, ct);
        return new Loaded(cr, campaign, rh, null);
    }

    private static Result<CommuneBoard> Refused(string reason) => Result<CommuneBoard>.Conflict(reason);

    private static Result<T> Convert<T>(Result<CommuneBoard> r) => r.Status switch
    {
        ResultStatus.NotFound => Result<T>.NotFound(),
        ResultStatus.Forbidden => Result<T>.Forbidden(r.Message ?? NotAllowed),
        ResultStatus.Conflict => Result<T>.Conflict(r.Message ?? string.Empty),
        ResultStatus.Invalid => Result<T>.Invalid(r.Errors),
        ResultStatus.Ok => throw new InvalidOperationException("Not an error."),
    };

    private static Result<T> Convert<T>(Result<SurveyView> r) => r.Status switch
    {
        ResultStatus.NotFound => Result<T>.NotFound(),
        ResultStatus.Forbidden => Result<T>.Forbidden(r.Message ?? NotAllowed),
        ResultStatus.Conflict => Result<T>.Conflict(r.Message ?? string.Empty),
        ResultStatus.Invalid => Result<T>.Invalid(r.Errors),
        ResultStatus.Ok => throw new InvalidOperationException("Not an error."),
    };
}
