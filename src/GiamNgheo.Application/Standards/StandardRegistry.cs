using GiamNgheo.Application.Persistence;
using GiamNgheo.Domain.Standards;
using Microsoft.EntityFrameworkCore;

namespace GiamNgheo.Application.Standards;

public sealed record ActiveStandard(PovertyStandard Standard, bool InParallel);

/// <summary>The standards held in the database, parsed. Which ones apply to a household in a review year.</summary>
public sealed class StandardRegistry(AppDbContext db)
{
    private List<(PovertyStandardEntity Row, PovertyStandard Standard)>? cache;

    public async Task<IReadOnlyList<(PovertyStandardEntity Row, PovertyStandard Standard)>> AllAsync(CancellationToken ct)
    {
        if (cache is null)
        {
            var rows = await db.PovertyStandards.AsNoTracking().OrderBy(s => s.Code).ToListAsync(ct);
            cache = [.. rows.Select(r => (r, StandardJson.Deserialize(r.Json)))];
        }

        return cache;
    }

    /// <summary>
    /// Standards a household of <paramref name="provinceCode"/> is classified under for review year
    /// <paramref name="year"/>: every enabled standard whose validity covers the year, plus those classified in
    /// parallel; a local standard only in its own province. The legal one comes first.
    /// </summary>
    public async Task<IReadOnlyList<ActiveStandard>> ActiveAsync(int year, string provinceCode, CancellationToken ct)
    {
        var all = await AllAsync(ct);
        return [.. all
            .Where(s => s.Row.IsEnabled && (s.Row.ProvinceCode is null || s.Row.ProvinceCode == provinceCode))
            .Select(s => (s, covers: s.Standard.ValidFrom.Year <= year && year <= s.Standard.ValidTo.Year))
            .Where(x => x.covers || x.s.Row.ClassifyInParallel)
            .OrderBy(x => x.covers ? 0 : 1).ThenBy(x => x.s.Standard.ProvinceCode is null ? 1 : 0).ThenBy(x => x.s.Standard.Code, StringComparer.Ordinal)
            .Select(x => new ActiveStandard(x.s.Standard, !x.covers))];
    }

    /// <summary>
    /// The legal standard of review year <paramref name="year"/> in the province: the first of <see cref="ActiveAsync"/>
    /// that is not only classified in parallel (the one a campaign decides under); null when none covers the year.
    /// </summary>
    public async Task<PovertyStandard?> LegalAsync(int year, string provinceCode, CancellationToken ct) =>
        (await ActiveAsync(year, provinceCode, ct)).FirstOrDefault(a => !a.InParallel)?.Standard;

    /// <summary>Seeds the shipped standards that are not in the database yet.</summary>
    internal static async Task<int> EnsureShippedAsync(AppDbContext db, IEnumerable<string> parallelCodes, CancellationToken ct)
    {
        var existing = await db.PovertyStandards.Select(s => s.Code).ToListAsync(ct);
        var parallel = parallelCodes.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var added = 0;
        foreach (var standard in StandardCatalog.All.Where(s => !existing.Contains(s.Code)))
        {
            db.PovertyStandards.Add(new PovertyStandardEntity
            {
                Code = standard.Code,
                ProvinceCode = standard.ProvinceCode,
                Json = StandardJson.Serialize(standard),
                ClassifyInParallel = parallel.Contains(standard.Code),
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
