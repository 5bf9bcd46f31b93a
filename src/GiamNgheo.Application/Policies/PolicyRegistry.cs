using GiamNgheo.Application.Identity;
using GiamNgheo.Application.Persistence;
using GiamNgheo.Domain.Policies;
using Microsoft.EntityFrameworkCore;

namespace GiamNgheo.Application.Policies;

public sealed record PolicySummary(string Code, string NameVi, string NameEn, string LegalBasis, string LegalBasisMark, string AgencyVi,
    string BenefitVi, long? AmountDong, decimal? RatePercent, string Per, string Period, bool OnRequest, bool IsEnabled, string? ProvinceCode,
    DateOnly ValidFrom, DateOnly? ValidTo);

/// <summary>The policies held in the database, parsed; which ones apply to a province; edits by a provincial administrator.</summary>
public sealed class PolicyRegistry(AppDbContext db)
{
    private List<(PolicyEntity Row, Policy Policy)>? cache;

    public async Task<IReadOnlyList<(PolicyEntity Row, Policy Policy)>> AllAsync(CancellationToken ct)
    {
        if (cache is null)
        {
            var rows = await db.Policies.AsNoTracking().OrderBy(p => p.Code).ToListAsync(ct);
            cache = [.. rows.Select(r => (r, PolicyJson.Deserialize(r.Json)))];
        }

        return cache;
    }

    /// <summary>Enabled policies for households of <paramref name="provinceCode"/> (national ones and the province's own).</summary>
    public async Task<IReadOnlyList<Policy>> ForProvinceAsync(string? provinceCode, CancellationToken ct) =>
        [.. (await AllAsync(ct)).Where(p => p.Row.IsEnabled && (p.Row.ProvinceCode is null || p.Row.ProvinceCode == provinceCode)).Select(p => p.Policy)];

    public async Task<Policy?> FindAsync(string code, CancellationToken ct) =>
        (await AllAsync(ct)).Where(p => string.Equals(p.Row.Code, code?.Trim(), StringComparison.OrdinalIgnoreCase)).Select(p => p.Policy).FirstOrDefault();

    public async Task<IReadOnlyList<PolicySummary>> ListAsync(CancellationToken ct) =>
        [.. (await AllAsync(ct)).Select(p => Summarize(p.Row, p.Policy))];

    public static PolicySummary Summarize(PolicyEntity row, Policy p) => new(p.Code, p.NameVi, p.NameEn, p.LegalBasis.Value,
        Domain.Standards.VerificationMarkCodes.ToCode(p.LegalBasis.Mark), p.AgencyVi, p.Benefit.DescriptionVi, p.Benefit.AmountDong?.Value,
        p.Benefit.RatePercent?.Value, p.Benefit.Per.ToVietnamese(), p.Benefit.Period.ToVietnamese(), p.OnRequest, row.IsEnabled, row.ProvinceCode,
        p.ValidFrom, p.ValidTo);

    /// <summary>
    /// Loads a corrected or new policy definition (JSON). Only a system or provincial administrator; a provincial one
    /// may change national policies' values and add policies of their own province.
    /// </summary>
    public async Task<Result<PolicySummary>> SaveAsync(string json, bool enabled, CancellationToken ct)
    {
        var user = db.CurrentUser;
        if (!UnitScope.IsAny(user, Roles.Administrators))
        {
            return Result<PolicySummary>.Forbidden("Chỉ quản trị hệ thống hoặc cán bộ cấp tỉnh được sửa danh mục chính sách.");
        }

        Policy policy;
        try
        {
            policy = PolicyJson.Deserialize(json);
        }
        catch (FormatException ex)
        {
            var errors = new ValidationErrors();
            errors.Add("json", "Định nghĩa chính sách không hợp lệ: " + ex.Message);
            return Result<PolicySummary>.Invalid(errors.ToDictionary());
        }

        var row = await db.Policies.SingleOrDefaultAsync(p => p.Code == policy.Code, ct);
        var province = user.IsInRole(Roles.SystemAdmin) ? row?.ProvinceCode : user.ScopeUnitCode;
        if (row is null)
        {
            row = new PolicyEntity { Code = policy.Code, Json = string.Empty, ProvinceCode = province };
            db.Policies.Add(row);
        }
        else if (row.ProvinceCode is not null && !user.IsInRole(Roles.SystemAdmin) && row.ProvinceCode != user.ScopeUnitCode)
        {
            return Result<PolicySummary>.NotFound();
        }

        row.Json = PolicyJson.Serialize(policy);
        row.IsEnabled = enabled;
        row.UpdatedAtUtc = db.Clock.GetUtcNow().UtcDateTime;
        row.UpdatedBy = user.UserName;
        await db.SaveChangesAsync(ct);
        cache = null;
        // The materialised gaps of the affected households are stale: recomputed by the next list of each unit, or at
        // once by `giamngheo support rebuild-gaps` (recommended after catalogue edits in a large province).
        var today = db.Clock.Today();
        await db.HouseholdGapSummaries.Where(s => row.ProvinceCode == null || s.ProvinceCode == row.ProvinceCode)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.StaleOn, today), ct);
        return Result<PolicySummary>.Ok(Summarize(row, policy));
    }

    /// <summary>Seeds the shipped policies that are not in the database yet.</summary>
    public static async Task<int> EnsureShippedAsync(AppDbContext db, CancellationToken ct)
    {
        var existing = await db.Policies.Select(p => p.Code).ToListAsync(ct);
        var added = 0;
        foreach (var policy in PolicyCatalog.All.Where(p => !existing.Contains(p.Code)))
        {
            db.Policies.Add(new PolicyEntity
            {
                Code = policy.Code,
                Json = PolicyJson.Serialize(policy),
                UpdatedAtUtc = db.Clock.GetUtcNow().UtcDateTime,
                UpdatedBy = "system",
            });
            added++;
        }

        if (added > 0)
        {
            await db.SaveChangesAsync(ct);
        }

        return added;
    }
}
