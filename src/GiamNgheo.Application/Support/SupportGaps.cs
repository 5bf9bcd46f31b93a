using System.Globalization;
using GiamNgheo.Application.Audit;
using GiamNgheo.Application.Households;
using GiamNgheo.Application.Identity;
using GiamNgheo.Application.Persistence;
using GiamNgheo.Domain.Classification;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace GiamNgheo.Application.Support;

public sealed record WorklistQuery(string? CommuneCode = null, string? VillageCode = null, string? PolicyCode = null, string Sort = "waiting",
    int Page = 1, int PageSize = 50);

public sealed record WorklistRow(long HouseholdId, string Code, string HeadName, string CommuneCode, string? VillageCode, string? VillageName,
    HouseholdCategory Category, IReadOnlyList<PolicyStatus> Gaps, IReadOnlyList<string> UnansweredDeprivations, DateOnly? WaitingSince,
    int WaitingDays, DateOnly? LastSupport)
{
    /// <summary>True: <see cref="Category"/> is the recognised status in force; false: a computed result not yet recognised (no entitlement).</summary>
    public bool Recognised { get; init; }
    public string? DecisionNumber { get; init; }
    public DateOnly? DecisionSignedOn { get; init; }

    /// <summary>"Đã công nhận (QĐ số …, ngày dd/MM/yyyy)" or "Chưa công nhận".</summary>
    public string SourceVi => Recognised ? Statuses.StatusLabels.RecognisedVi(DecisionNumber, DecisionSignedOn) : Statuses.StatusLabels.ComputedVi;

    public string SourceEn => Recognised ? Statuses.StatusLabels.RecognisedEn(DecisionNumber, DecisionSignedOn) : Statuses.StatusLabels.ComputedEn;
}

public sealed record CoverageRow(string UnitCode, string UnitName, string PolicyCode, string PolicyNameVi, int Eligible, int Served)
{
    public double Rate => Eligible == 0 ? 0 : (double)Served / Eligible;
}

public sealed record CoverageReport(string? UnitCode, DateOnly AsOf, IReadOnlyList<CoverageRow> ByUnit, IReadOnlyList<CoverageRow> Totals, int Households);

/// <summary>Gaps per household, the commune worklist, the "no support this year" list and coverage per policy and unit.</summary>
public sealed partial class SupportGaps(AppDbContext db, HouseholdQueries households)
{
    public const int MaxPageSize = 500;

    private readonly GapData data = new(db);

    public async Task<Result<HouseholdGaps>> ForHouseholdAsync(long householdId, CancellationToken ct)
    {
        var query = UnitScope.Apply(db.Households.AsNoTracking(), db.CurrentUser).Where(h => h.Id == householdId);
        var asOf = db.Clock.Today();
        var loaded = await data.LoadAsync(query, asOf, ct);
        if (loaded.Households.Count == 0)
        {
            return Result<HouseholdGaps>.NotFound();
        }

        var h = loaded.Households[0];
        return Result<HouseholdGaps>.Ok(GapEngine.Compute(h, loaded.Policies, await data.ListStandardAsync(h.ProvinceCode, asOf, ct), asOf, (await data.PoorCommunesAsync(asOf, ct)).Contains(h.CommuneCode)));
    }

    /// <summary>The whole worklist as an XLSX file for the agency; the export is audited.</summary>
    public async Task<Result<byte[]>> ExportWorklistAsync(WorklistQuery query, CancellationToken ct)
    {
        var scoped = Filter(query.CommuneCode, query.VillageCode);
        if (scoped is null)
        {
            return Result<byte[]>.NotFound();
        }

        var (all, _) = await MaterializedWorklistAsync(scoped, query, 0, null, ct);

        var names = await households.UnitNamesAsync(all.Select(i => i.VillageCode).OfType<string>(), ct);
        var rows = all.Select((r, i) => new Dictionary<string, object?>
        {
            ["STT"] = i + 1,
            ["Mã hộ"] = r.Code,
            ["Chủ hộ"] = r.HeadName,
            ["Thôn/bản"] = r.VillageCode is null ? string.Empty : names.GetValueOrDefault(r.VillageCode, r.VillageCode),
            ["Phân loại"] = r.Category.ToVietnamese(),
            ["Nguồn"] = r.SourceVi,
            ["Chính sách chưa nhận"] = string.Join("; ", r.Gaps.Select(g => $"{g.PolicyNameVi} ({g.AgencyVi})")),
            ["Mã chính sách"] = string.Join(";", r.Gaps.Select(g => g.PolicyCode)),
            ["Chỉ số thiếu hụt chưa được hỗ trợ"] = string.Join(";", r.UnansweredDeprivations),
            ["Chờ từ ngày"] = r.WaitingSince?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) ?? string.Empty,
            ["Số ngày chờ"] = r.WaitingDays,
            ["Lần hỗ trợ gần nhất"] = r.LastSupport?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) ?? string.Empty,
        }).ToList();
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(rows, sheetName: "Danh sach cho ho tro", cancellationToken: ct);
        db.AddAuditEvent(AuditActions.Export, "SupportWorklist", query.CommuneCode ?? db.CurrentUser.ScopeUnitCode ?? "*", null,
            new { query.CommuneCode, query.VillageCode, query.PolicyCode, rows = rows.Count, format = "xlsx" });
        await db.SaveChangesAsync(ct);
        return Result<byte[]>.Ok(stream.ToArray());
    }

    /// <summary>The rows with their village names.</summary>
    private async Task<List<WorklistRow>> WithVillageNamesAsync(IEnumerable<WorklistRow> rows, CancellationToken ct)
    {
        var list = rows as IReadOnlyCollection<WorklistRow> ?? [.. rows];
        var names = await households.UnitNamesAsync(list.Select(i => i.VillageCode).OfType<string>(), ct);
        return [.. list.Select(i => i with { VillageName = i.VillageCode is null ? null : names.GetValueOrDefault(i.VillageCode) })];
    }

    /// <summary>The rows by village then head of household, with their village names (the no-support list).</summary>
    private async Task<IReadOnlyList<WorklistRow>> ByVillageAndHeadAsync(IEnumerable<WorklistRow> rows, CancellationToken ct) =>
        await WithVillageNamesAsync(rows.OrderBy(r => r.VillageCode, StringComparer.Ordinal).ThenBy(r => r.HeadName, StringComparer.Ordinal), ct);

    /// <summary>The user's households, narrowed to a commune or village; null when the unit is outside the scope.</summary>
    private IQueryable<HouseholdEntity>? Filter(string? communeCode, string? villageCode)
    {
        var query = UnitScope.Apply(db.Households.AsNoTracking(), db.CurrentUser);
        if (!string.IsNullOrWhiteSpace(communeCode))
        {
            if (db.CurrentUser.ScopeLevel == AdminUnits.AdminLevel.Commune && db.CurrentUser.ScopeUnitCode != communeCode)
            {
                return null;
            }

            query = query.Where(h => h.CommuneCode == communeCode);
        }

        if (!string.IsNullOrWhiteSpace(villageCode))
        {
            query = query.Where(h => h.VillageCode == villageCode);
        }

        return query;
    }
}
