using System.Globalization;
using GiamNgheo.Application.Audit;
using GiamNgheo.Application.Persistence;
using GiamNgheo.Application.ReferenceData;
using GiamNgheo.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace GiamNgheo.Application.AdminUnits;

/// <summary>
/// Loads the shipped official lists into an empty database: units before the reform (valid until 2025-06-30),
/// units after it (from 2025-07-01), the 2026 type changes (from 2026-04-30), the old→new mapping, the area type of
/// every commune per period and the 54 ethnic groups. One summary audit event is written instead of one per row.
/// </summary>
public sealed class ReferenceDataLoader(AppDbContext db, IConfiguration configuration)
{
    public static readonly DateOnly ReformDate = new(2025, 7, 1);

    public async Task<int> EnsureLoadedAsync(CancellationToken ct)
    {
        if (await db.AdminUnits.AnyAsync(ct))
        {
            return 0;
        }

        // Đặc khu: urban or rural is an open question (docs/domain.md §11.4); configurable, rural by default [M].
        var specialZoneArea = AreaTypeCodes.TryParse(configuration["AdminUnits:SpecialZoneArea"], out var configured)
            ? configured
            : AreaType.Rural;

        var units = new List<AdminUnit>(15_000);
        var areas = new List<CommuneAreaType>(14_000);
        var dayBeforeReform = ReformDate.AddDays(-1);
        foreach (var r in ReferenceDataFiles.ReadUnits2024())
        {
            var level = r.Level switch
            {
                1 => AdminLevel.Province,
                2 => AdminLevel.District,
                _ => AdminLevel.Commune,
            };
            units.Add(ToUnit(r, level, null, dayBeforeReform));
            if (level == AdminLevel.Commune)
            {
                areas.Add(new CommuneAreaType
                {
                    CommuneCode = r.Code,
                    ValidTo = dayBeforeReform,
                    AreaType = r.Type is "Xã" ? AreaType.Rural : AreaType.Urban,
                    Source = "Loại đơn vị: " + r.Type,
                });
            }
        }

        var changes = ReferenceDataFiles.ReadRows(ReferenceDataFiles.Changes2026)
            .ToDictionary(r => r["code"], r => r, StringComparer.Ordinal);
        foreach (var r in ReferenceDataFiles.ReadUnits2025())
        {
            var level = r.Level == 1 ? AdminLevel.Province : AdminLevel.Commune;
            if (changes.TryGetValue(r.Code, out var change))
            {
                var from = DateOnly.ParseExact(change["effective_date"], "yyyy-MM-dd", CultureInfo.InvariantCulture);
                units.Add(ToUnit(r, level, ReformDate, from.AddDays(-1)));
                var changed = ToUnit(r, level, from, null);
                changed.FullName = change["full_name_2026"];
                changed.Type = change["type_2026"];
                units.Add(changed);
                if (level == AdminLevel.Commune)
                {
                    areas.Add(AreaOf(r.Code, r.Type, ReformDate, from.AddDays(-1), specialZoneArea));
                    areas.Add(AreaOf(r.Code, change["type_2026"], from, null, specialZoneArea));
                }
            }
            else
            {
                units.Add(ToUnit(r, level, ReformDate, null));
                if (level == AdminLevel.Commune)
                {
                    areas.Add(AreaOf(r.Code, r.Type, ReformDate, null, specialZoneArea));
                }
            }
        }

        var mappings = ReferenceDataFiles.ReadRows(ReferenceDataFiles.CommuneMapping2025).Select(r => new CommuneMapping
        {
            OldCommuneCode = r["old_commune_code"].Length == 0 ? null : r["old_commune_code"],
            OldCommuneName = r["old_commune_name"],
            OldDistrictCode = r["old_district_code"],
            OldProvinceCode = r["old_province_code"],
            NewCommuneCode = r["new_commune_code"],
            NewCommuneName = r["new_commune_name"],
            NewProvinceCode = r["new_province_code"],
            MergeType = r["merge_type"],
        }).ToList();
        var ethnic = ReferenceDataFiles.ReadEthnicGroups().Select(e => new EthnicGroup
        {
            Code = e.Code,
            Name = e.Name,
            NameAscii = e.NameAscii,
            IsEthnicMinority = e.IsEthnicMinority,
        }).ToList();

        var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            db.AdminUnits.AddRange(units);
            db.CommuneAreaTypes.AddRange(areas);
            db.CommuneMappings.AddRange(mappings);
            db.EthnicGroups.AddRange(ethnic);
            db.SuppressEntityAudit = true;
            await db.SaveChangesAsync(ct);
            db.SuppressEntityAudit = false;
            db.AddAuditEvent(AuditActions.Create, "ReferenceData", "official-lists", null, new
            {
                units = units.Count,
                areaTypes = areas.Count,
                mappings = mappings.Count,
                ethnicGroups = ethnic.Count,
            });
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            db.ChangeTracker.Clear();
        }
        finally
        {
            db.SuppressEntityAudit = false;
            db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }

        return units.Count + areas.Count + mappings.Count + ethnic.Count;
    }

    private static CommuneAreaType AreaOf(string code, string type, DateOnly? from, DateOnly? to, AreaType specialZone) => new()
    {
        CommuneCode = code,
        ValidFrom = from,
        ValidTo = to,
        AreaType = type switch
        {
            "Phường" => AreaType.Urban,
            "Xã" => AreaType.Rural,
            _ => specialZone,
        },
        Source = "Loại đơn vị: " + type,
    };

    private static AdminUnit ToUnit(AdminUnitRecord r, AdminLevel level, DateOnly? from, DateOnly? to) => new()
    {
        Code = r.Code,
        Level = level,
        Name = r.Name,
        FullName = r.FullName,
        NameEn = r.NameEn,
        Type = r.Type,
        TypeEn = r.TypeEn,
        ParentCode = r.ParentCode,
        RegionName = r.RegionName,
        ValidFrom = from,
        ValidTo = to,
    };
}
