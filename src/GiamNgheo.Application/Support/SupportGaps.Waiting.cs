using Microsoft.EntityFrameworkCore;

namespace GiamNgheo.Application.Support;

/// <summary>A policy with the number of worklist households in the user's scope still waiting for it.</summary>
public sealed record PolicyWaiting(string PolicyCode, int Households);

public sealed partial class SupportGaps
{
    /// <summary>
    /// Per policy, the households of the worklist (scoped like <see cref="WorklistAsync"/>) eligible for it and not served:
    /// the counts behind <c>/Support?policy=CODE</c>. Call after <see cref="WorklistAsync"/>, which refreshes stale rows.
    /// </summary>
    public async Task<IReadOnlyList<PolicyWaiting>> WaitingByPolicyAsync(CancellationToken ct)
    {
        var summaries = Summaries(null, null).Where(s => s.InWorklist);
        var rows = await ScopeStatuses(db.HouseholdPolicyStatuses.AsNoTracking())
            .Where(p => p.Relevant && !p.Served && summaries.Any(s => s.HouseholdId == p.HouseholdId && s.ProvinceCode == p.ProvinceCode))
            .GroupBy(p => p.PolicyCode)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToListAsync(ct);
        return [.. rows.Select(r => new PolicyWaiting(r.Key, r.Count)).OrderByDescending(r => r.Households).ThenBy(r => r.PolicyCode, StringComparer.Ordinal)];
    }
}
