using System.Globalization;
using GiamNgheo.Application.Identity;
using GiamNgheo.Application.Persistence;
using GiamNgheo.Application.Surveys;
using GiamNgheo.Domain.Classification;
using GiamNgheo.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace GiamNgheo.Application.Standards;

public sealed record WhatIfCommand(int Year, string FromStandard, string ToStandard);

/// <summary>
/// What-if on the live registry: classify the year's surveyed households in the user's scope under two standards and
/// count, per commune, how many would enter or leave each category. Nothing is saved.
/// </summary>
public sealed class WhatIfQuery(AppDbContext db, StandardRegistry standards)
{
    public async Task<Result<WhatIfReport>> ExecuteAsync(WhatIfCommand command, CancellationToken ct)
    {
        var all = await standards.AllAsync(ct);
        var from = all.FirstOrDefault(s => s.Standard.Code == command.FromStandard).Standard;
        var to = all.FirstOrDefault(s => s.Standard.Code == command.ToStandard).Standard;
        var errors = new ValidationErrors();
        if (from is null)
        {
            errors.Add("fromStandard", $"Không có chuẩn nghèo mã {command.FromStandard}.");
        }

        if (to is null)
        {
            errors.Add("toStandard", $"Không có chuẩn nghèo mã {command.ToStandard}.");
        }

        if (errors.Any)
        {
            return Result<WhatIfReport>.Invalid(errors.ToDictionary());
        }

        // Only the households resident on the date (31/12 of the year, or today when earlier) are compared; the others
        // of the year's resident set were not surveyed and keep their status (stated with the result).
        var today = db.Clock.Today();
        var asOf = new DateOnly(command.Year, 12, 31) < today ? new DateOnly(command.Year, 12, 31) : today;
        var households = UnitScope.Apply(db.Households.AsNoTracking(), db.CurrentUser)
            .Where(h => (h.ResidentFrom == null || h.ResidentFrom <= asOf) && (h.ResidentUntil == null || h.ResidentUntil > asOf));
        var resident = await households.LongCountAsync(ct);
        var rows = await households
            .Join(db.HouseholdSurveys.AsNoTracking().Where(s => s.Year == command.Year && !s.ScreenedOut), h => h.Id, s => s.HouseholdId, (h, s) => new { h, s })
            .ToListAsync(ct);
        var ids = rows.Select(r => r.h.Id).ToList();
        var members = (await db.Members.AsNoTracking().Where(m => ids.Contains(m.HouseholdId)).ToListAsync(ct)).ToLookup(m => m.HouseholdId);
        var facts = new List<(string, HouseholdFacts)>(rows.Count);
        // Area by date: the commune's type at each survey date (before the 2025 reform, the pre-2025 commune's).
        var oldCommunes = command.Year <= Reports.LegacyDistricts.LastDistrictYear
            ? await Reports.LegacyDistricts.SingleOldCommunesAsync(db, [.. rows.Select(r => r.h.CommuneCode).Distinct()], ct)
            : [];
        var areas = await AdminUnits.AreaTypeHistory.LoadAsync(db,
            rows.Select(r => r.h.CommuneCode).Concat(oldCommunes.Values).Concat(rows.Select(r => r.h.LegacyCommuneCode ?? string.Empty)), ct);
        foreach (var r in rows)
        {
            r.h.Members = [.. members[r.h.Id]];
            var area = areas.For(r.h.CommuneCode, r.h.LegacyCommuneCode ?? oldCommunes.GetValueOrDefault(r.h.CommuneCode),
                HouseholdClassificationService.AsOf(r.s), r.h.AreaType);
            var f = HouseholdClassificationService.Facts(r.h, r.s, area);
            if (f.IncomePerPersonPerMonth is not null || f.B1Score is not null)
            {
                facts.Add((r.h.CommuneCode, f));
            }
        }

        try
        {
            var report = WhatIfAnalysis.Compare(facts, from!, to!, new DateOnly(command.Year, 12, 31));
            var compared = report.Total.Households + report.NotComparable;
            var notComparable = report.NotComparable > 0
                ? $"; {VietnameseNumber.Format(report.NotComparable)} hộ có phiếu nhưng một trong hai chuẩn không phân loại được (chỉ có điểm B1 theo bảng điểm khác, chưa có thu nhập đo được), không so sánh."
                : ".";
            return Result<WhatIfReport>.Ok(report with
            {
                ResidentHouseholds = resident,
                BaseVi = string.Create(CultureInfo.InvariantCulture,
                    $"Tính đến ngày {asOf:dd/MM/yyyy}. Tổng số hộ dân cư: {VietnameseNumber.Format(resident)}; xét {VietnameseNumber.Format(compared)} hộ có phiếu khảo sát năm {command.Year}; {VietnameseNumber.Format(resident - compared)} hộ còn lại chưa rà soát năm {command.Year}, giữ nguyên phân loại (không tính vào chuyển dịch){notComparable}"),
            });
        }
        catch (ArgumentException ex)
        {
            return Result<WhatIfReport>.Invalid(new Dictionary<string, string[]> { ["toStandard"] = ["Không so sánh được: " + ex.Message] });
        }
    }
}
