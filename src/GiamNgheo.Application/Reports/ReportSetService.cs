using System.Text.Json;
using GiamNgheo.Application.AdminUnits;
using GiamNgheo.Application.Identity;
using GiamNgheo.Application.Persistence;
using GiamNgheo.Domain.Reports;
using Microsoft.EntityFrameworkCore;

namespace GiamNgheo.Application.Reports;

public sealed record ReportSetDto(long Id, string CommuneCode, int Year, string StandardCode, string PeriodKind, int Version, ReportSetStatus Status,
    DateOnly DueDate, DateTime SubmittedAtUtc, string SubmittedBy, DateTime? DecidedAtUtc, string? DecidedBy, string? Comment)
{
    internal static ReportSetDto From(ReportSetEntity r) =>
        new(r.Id, r.CommuneCode, r.Year, r.StandardCode, r.PeriodKind, r.Version, r.Status, r.DueDate, r.SubmittedAtUtc, r.SubmittedBy, r.DecidedAtUtc, r.DecidedBy, r.Comment);
}

/// <summary>A commune's line of the province's completeness and timeliness table.</summary>
public sealed record CommuneReportStatus(string CommuneCode, string CommuneName, ReportSetDto? Latest, DateOnly DueDate, bool Submitted, bool OnTime, bool Overdue);

/// <summary>
/// Submission and approval of a commune's report set: the commune submits (the forms are frozen then), the province
/// approves (locks) or returns it with a comment; reopening an approved set needs the province and is audited.
/// </summary>
public sealed class ReportSetService(AppDbContext db, ReportDataLoader loader)
{
    public const string DefaultPeriod = "periodic-official";

    public async Task<Result<ReportSetDto>> SubmitAsync(string communeCode, int year, string standardCode, string? periodKind, CancellationToken ct)
    {
        var user = db.CurrentUser;
        if (!user.IsInRole(Roles.CommuneOfficer) && !user.IsInRole(Roles.SystemAdmin))
        {
            return Result<ReportSetDto>.Forbidden("Chỉ cán bộ cấp xã gửi báo cáo của xã.");
        }

        var period = periodKind ?? DefaultPeriod;
        if (ReportDefinitions.Periods.All(p => p.Kind != period))
        {
            var errors = new ValidationErrors();
            errors.Add("periodKind", "Kỳ báo cáo không hợp lệ.");
            return Result<ReportSetDto>.Invalid(errors.ToDictionary());
        }

        var data = await loader.LoadAsync(communeCode, year, standardCode, includeMembers: true, ct);
        if (data is null || data.Unit.Level != AdminLevel.Commune)
        {
            return Result<ReportSetDto>.NotFound();
        }

        var latest = await LatestAsync(communeCode, year, standardCode, period, ct);
        if (latest is { Status: ReportSetStatus.Submitted })
        {
            return Result<ReportSetDto>.Conflict("Bộ báo cáo đã được gửi và đang chờ tỉnh duyệt.");
        }

        if (latest is { Status: ReportSetStatus.Approved })
        {
            return Result<ReportSetDto>.Conflict("Bộ báo cáo đã được duyệt và khóa; cần tỉnh mở lại để gửi phiên bản mới.");
        }

        var tables = ReportForms.All(data.Context, data.Households);
        var set = new ReportSetEntity
        {
            ProvinceCode = data.Unit.ProvinceCode,
            CommuneCode = communeCode,
            Year = year,
            StandardCode = standardCode,
            PeriodKind = period,
            Version = (latest?.Version ?? 0) + 1,
            Status = ReportSetStatus.Submitted,
            DueDate = ReportDefinitions.DueDate(period, year, db.Clock.Today().Month),
            SubmittedAtUtc = db.Clock.GetUtcNow().UtcDateTime,
            SubmittedBy = user.UserName,
            SnapshotJson = JsonSerializer.Serialize(tables, ReportService.Json),
        };
        db.ReportSets.Add(set);
        await db.SaveChangesAsync(ct);
        db.AddAuditEvent("report_submit", "ReportSet", set.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), null,
            new { set.CommuneCode, set.Year, set.StandardCode, set.PeriodKind, set.Version });
        await db.SaveChangesAsync(ct);
        return Result<ReportSetDto>.Ok(ReportSetDto.From(set));
    }

    public Task<Result<ReportSetDto>> ApproveAsync(long id, CancellationToken ct) =>
        DecideAsync(id, ReportSetStatus.Submitted, ReportSetStatus.Approved, null, "report_approve", ct);

    public Task<Result<ReportSetDto>> ReturnAsync(long id, string? comment, CancellationToken ct) =>
        DecideAsync(id, ReportSetStatus.Submitted, ReportSetStatus.Returned, comment, "report_return", ct);

    public Task<Result<ReportSetDto>> ReopenAsync(long id, string? reason, CancellationToken ct) =>
        DecideAsync(id, ReportSetStatus.Approved, ReportSetStatus.Reopened, reason, "report_reopen", ct);

    private async Task<Result<ReportSetDto>> DecideAsync(long id, ReportSetStatus from, ReportSetStatus to, string? comment, string action, CancellationToken ct)
    {
        var set = await db.ReportSets.FirstOrDefaultAsync(r => r.Id == id, ct);
        var user = db.CurrentUser;
        if (set is null || !InProvinceScope(user, set.ProvinceCode) && !UnitScope.Contains(user, set.ProvinceCode, set.CommuneCode, null))
        {
            return Result<ReportSetDto>.NotFound();
        }

        if (!UnitScope.IsAny(user, Roles.Administrators) || !InProvinceScope(user, set.ProvinceCode))
        {
            return Result<ReportSetDto>.Forbidden("Chỉ cán bộ cấp tỉnh duyệt, trả lại hoặc mở lại báo cáo của xã.");
        }

        if (to is ReportSetStatus.Returned or ReportSetStatus.Reopened && string.IsNullOrWhiteSpace(comment))
        {
            var errors = new ValidationErrors();
            errors.Add("comment", to == ReportSetStatus.Returned ? "Cần ghi ý kiến khi trả lại báo cáo." : "Cần ghi lý do mở lại báo cáo.");
            return Result<ReportSetDto>.Invalid(errors.ToDictionary());
        }

        if (set.Status != from)
        {
            return Result<ReportSetDto>.Conflict("Trạng thái bộ báo cáo không cho phép thao tác này.");
        }

        var latest = await LatestAsync(set.CommuneCode, set.Year, set.StandardCode, set.PeriodKind, ct);
        if (latest?.Id != set.Id)
        {
            return Result<ReportSetDto>.Conflict("Đã có phiên bản mới hơn của bộ báo cáo này.");
        }

        set.Status = to;
        set.DecidedAtUtc = db.Clock.GetUtcNow().UtcDateTime;
        set.DecidedBy = user.UserName;
        set.Comment = comment?.Trim();
        set.RowVersion++;
        db.AddAuditEvent(action, "ReportSet", set.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), null,
            new { set.CommuneCode, set.Year, set.StandardCode, set.PeriodKind, set.Version, Status = to.ToString(), set.Comment });
        await db.SaveChangesAsync(ct);
        return Result<ReportSetDto>.Ok(ReportSetDto.From(set));
    }

    private static bool InProvinceScope(ICurrentUser user, string provinceCode) =>
        user.ScopeUnitCode is null ? user.IsInRole(Roles.SystemAdmin) : user.ScopeLevel == AdminLevel.Province && user.ScopeUnitCode == provinceCode;

    private Task<ReportSetEntity?> LatestAsync(string commune, int year, string standard, string period, CancellationToken ct) =>
        db.ReportSets.Where(r => r.CommuneCode == commune && r.Year == year && r.StandardCode == standard && r.PeriodKind == period)
            .OrderByDescending(r => r.Version).FirstOrDefaultAsync(ct);

    /// <summary>Versions of a commune's set, newest first.</summary>
    public async Task<Result<IReadOnlyList<ReportSetDto>>> HistoryAsync(string communeCode, int year, string standardCode, CancellationToken ct)
    {
        var unit = await loader.ResolveUnitAsync(communeCode, year, ct);
        if (unit is null)
        {
            return Result<IReadOnlyList<ReportSetDto>>.NotFound();
        }

        var rows = await db.ReportSets.AsNoTracking().Where(r => r.CommuneCode == communeCode && r.Year == year && r.StandardCode == standardCode)
            .OrderByDescending(r => r.Version).ToListAsync(ct);
        return Result<IReadOnlyList<ReportSetDto>>.Ok([.. rows.Select(ReportSetDto.From)]);
    }

    /// <summary>Completeness and timeliness of the communes of a province for a year, standard and period.</summary>
    public async Task<Result<IReadOnlyList<CommuneReportStatus>>> CompletenessAsync(string provinceCode, int year, string standardCode, string? periodKind, CancellationToken ct)
    {
        var unit = await loader.ResolveUnitAsync(provinceCode, year, ct);
        if (unit is null || unit.Level != AdminLevel.Province)
        {
            return Result<IReadOnlyList<CommuneReportStatus>>.NotFound();
        }

        var period = periodKind ?? DefaultPeriod;
        var today = db.Clock.Today();
        var due = ReportDefinitions.DueDate(period, year, today.Month);
        var asOf = new DateOnly(year, 12, 31) < today ? new DateOnly(year, 12, 31) : today;
        var communes = (await db.AdminUnits.AsNoTracking().Where(u => u.ParentCode == provinceCode && u.Level == AdminLevel.Commune).ToListAsync(ct))
            .Where(u => u.IsValidOn(asOf)).GroupBy(u => u.Code).Select(g => g.First()).OrderBy(u => u.Code, StringComparer.Ordinal).ToList();
        var sets = (await db.ReportSets.AsNoTracking()
                .Where(r => r.ProvinceCode == provinceCode && r.Year == year && r.StandardCode == standardCode && r.PeriodKind == period)
                .Select(r => new { r.Id, r.CommuneCode, r.Version, r.Status, r.DueDate, r.SubmittedAtUtc, r.SubmittedBy, r.DecidedAtUtc, r.DecidedBy, r.Comment })
                .ToListAsync(ct))
            .GroupBy(r => r.CommuneCode).ToDictionary(g => g.Key, g => (Latest: g.MaxBy(r => r.Version)!, First: g.MinBy(r => r.Version)!));
        var lines = new List<CommuneReportStatus>();
        foreach (var c in communes)
        {
            if (sets.TryGetValue(c.Code, out var s))
            {
                var l = s.Latest;
                var dto = new ReportSetDto(l.Id, c.Code, year, standardCode, period, l.Version, l.Status, l.DueDate, l.SubmittedAtUtc, l.SubmittedBy, l.DecidedAtUtc, l.DecidedBy, l.Comment);
                var firstDay = DateOnly.FromDateTime(s.First.SubmittedAtUtc.AddHours(7));
                lines.Add(new CommuneReportStatus(c.Code, c.FullName, dto, due, true, firstDay <= due, false));
            }
            else
            {
                lines.Add(new CommuneReportStatus(c.Code, c.FullName, null, due, false, false, today > due));
            }
        }

        return Result<IReadOnlyList<CommuneReportStatus>>.Ok(lines);
    }
}
