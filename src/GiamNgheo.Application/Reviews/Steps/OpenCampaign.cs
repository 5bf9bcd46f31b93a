using System.Globalization;
using GiamNgheo.Application.AdminUnits;
using GiamNgheo.Application.Identity;
using GiamNgheo.Domain.Reviews;
using Microsoft.EntityFrameworkCore;

namespace GiamNgheo.Application.Reviews.Steps;

/// <summary>
/// Opens a campaign: a periodic review for the whole province (provincial officers) or a regular (monthly) review of one
/// commune; one commune review per commune, each with its report deadline. Refused: nothing is written.
/// </summary>
internal sealed class OpenCampaign(ReviewServices services) : ReviewStep(services)
{
    public Task<Result<CampaignSummary>> RunAsync(OpenCampaignInput input, CancellationToken ct) => InTransactionAsync(() => OpenAsync(input, ct), ct);

    private async Task<Result<CampaignSummary>> OpenAsync(OpenCampaignInput input, CancellationToken ct)
    {
        var user = Db.CurrentUser;
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
        var today = Db.Clock.Today();
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
            var unit = commune is null ? null : await Db.AdminUnits.AsNoTracking().Where(u => u.Code == commune && u.Level == AdminLevel.Commune)
                .OrderByDescending(u => u.ValidFrom != null).ThenByDescending(u => u.ValidFrom).FirstOrDefaultAsync(ct); // the current row (a pre-2025 row's parent is a district)
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

            communes = provinceCode is null ? [] : await Db.Households.AsNoTracking().Where(h => h.ProvinceCode == provinceCode)
                .Select(h => h.CommuneCode).Distinct().OrderBy(c => c).ToListAsync(ct);
            if (provinceCode is not null && communes.Count == 0)
            {
                errors.Add("provinceCode", "Tỉnh chưa có hộ gia đình nào trong sổ.");
            }

            if (provinceCode is not null && await Db.ReviewCampaigns.AnyAsync(c => c.ProvinceCode == provinceCode && c.Year == input.Year && c.Kind == CampaignKind.Periodic, ct))
            {
                errors.Add("year", $"Năm {input.Year} đã có đợt rà soát định kỳ.");
            }
        }

        await LoadRulesAsync(provinceCode, ct);
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

        var active = provinceCode is null ? [] : await Services.Standards.ActiveAsync(input.Year, provinceCode, ct);
        var legal = active.FirstOrDefault(a => !a.InParallel);
        if (legal is null && !errors.Any)
        {
            errors.Add("year", $"Năm {input.Year} chưa có chuẩn nghèo áp dụng.");
        }

        var parallel = input.ParallelStandards ?? [.. active.Where(a => a.InParallel).Select(a => a.Standard.Code)];
        var known = (await Services.Standards.AllAsync(ct)).Select(s => s.Standard.Code).ToHashSet(StringComparer.Ordinal);
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
            OpenedAtUtc = Db.Clock.GetUtcNow().UtcDateTime,
        };
        Db.ReviewCampaigns.Add(campaign);
        await Db.SaveChangesAsync(ct); // flushed for its key, in the step's transaction
        var deadline = Rules.ReportDeadline(input.Kind, input.Year, month);
        foreach (var commune in communes)
        {
            Db.CommuneReviews.Add(new CommuneReviewEntity { CampaignId = campaign.Id, ProvinceCode = campaign.ProvinceCode, CommuneCode = commune, ReportDeadline = deadline });
        }

        Db.AddAuditEvent("review.open", "ReviewCampaign", campaign.Id.ToString(CultureInfo.InvariantCulture), null,
            new { campaign.Year, kind = input.Kind.ToString(), campaign.StartDate, campaign.EndDate, campaign.StandardCode, campaign.ParallelStandards, communes });
        await Db.SaveChangesAsync(ct);
        return Result<CampaignSummary>.Ok((await new ReviewQueries(Db).CampaignAsync(campaign.Id, ct))!);
    }
}
