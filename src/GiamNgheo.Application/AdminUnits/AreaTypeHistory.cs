using GiamNgheo.Application.Persistence;
using GiamNgheo.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace GiamNgheo.Application.AdminUnits;

/// <summary>
/// The rural/urban area of communes by date (<c>commune_area_types</c>), which every classification uses at its survey
/// date (docs/standards.md "Khu vực theo ngày"): a commune that became a ward on 30/04/2026 is rural for a survey of
/// 31/12/2025 and urban for one of 31/12/2026. A survey before the 2025 reform (1 July 2025) takes the type of the
/// household's pre-2025 commune when the new commune had no row yet. Loaded once for a set of communes (bulk paths).
/// </summary>
public sealed class AreaTypeHistory
{
    /// <summary>First day of the two-level communes (codes of QĐ 19/2025/QĐ-TTg).</summary>
    public static readonly DateOnly ReformDate = new(2025, 7, 1);

    private readonly Dictionary<string, List<(DateOnly? From, DateOnly? To, AreaType Area)>> _rows;

    private AreaTypeHistory(Dictionary<string, List<(DateOnly? From, DateOnly? To, AreaType Area)>> rows) => _rows = rows;

    /// <summary>The history of <paramref name="communeCodes"/> (old and new codes alike).</summary>
    public static async Task<AreaTypeHistory> LoadAsync(AppDbContext db, IEnumerable<string> communeCodes, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var codes = communeCodes.Where(c => !string.IsNullOrEmpty(c)).Distinct(StringComparer.Ordinal).ToList();
        var rows = new Dictionary<string, List<(DateOnly?, DateOnly?, AreaType)>>(StringComparer.Ordinal);
        foreach (var chunk in codes.Chunk(2000))
        {
            var found = await db.CommuneAreaTypes.AsNoTracking().Where(a => chunk.Contains(a.CommuneCode))
                .Select(a => new { a.CommuneCode, a.ValidFrom, a.ValidTo, a.AreaType }).ToListAsync(ct);
            foreach (var a in found)
            {
                if (!rows.TryGetValue(a.CommuneCode, out var list))
                {
                    rows[a.CommuneCode] = list = [];
                }

                list.Add((a.ValidFrom, a.ValidTo, a.AreaType));
            }
        }

        return new AreaTypeHistory(rows);
    }

    /// <summary>The commune's area on <paramref name="date"/>, or null when no period covers it.</summary>
    public AreaType? On(string communeCode, DateOnly date)
    {
        if (!_rows.TryGetValue(communeCode, out var list))
        {
            return null;
        }

        AreaType? area = null;
        DateOnly? latestFrom = null;
        foreach (var (from, to, type) in list)
        {
            if ((from is null || from <= date) && (to is null || to >= date) && (area is null || (from ?? DateOnly.MinValue) >= (latestFrom ?? DateOnly.MinValue)))
            {
                area = type;
                latestFrom = from;
            }
        }

        return area;
    }

    /// <summary>
    /// The area a household's classification on <paramref name="date"/> uses: its commune's type on the date; before the
    /// reform, when the new commune had no type yet, its pre-2025 commune's (<paramref name="oldCommuneCode"/>); else the
    /// area recorded on the household (<paramref name="recorded"/>, households.AreaType).
    /// </summary>
    public AreaType For(string communeCode, string? oldCommuneCode, DateOnly date, AreaType recorded) =>
        On(communeCode, date)
        ?? (date < ReformDate && oldCommuneCode is not null ? On(oldCommuneCode, date) : null)
        ?? recorded;
}
