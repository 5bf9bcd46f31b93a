using System.Globalization;
using System.Text;
using GiamNgheo.Application.Identity;
using GiamNgheo.Application.Persistence;
using Microsoft.EntityFrameworkCore;

namespace GiamNgheo.Application.Support;

public sealed record PoorCommuneRow(string ProvinceCode, string CommuneCode, string CommuneName, string Kind, DateOnly ValidFrom, DateOnly? ValidTo,
    string? Decision, string Mark);

public sealed record PoorCommuneImportReport(bool Committed, int Rows, IReadOnlyList<string> Errors, int HouseholdsRecomputed);

/// <summary>
/// The list of poor / extremely difficult communes (table <c>poor_communes</c>): data a provincial administrator loads
/// from a CSV (<c>ma_tinh,ma_xa,loai,tu_ngay,den_ngay,quyet_dinh,dau</c>), replacing the province's list, all or nothing.
/// The gaps of the communes that enter or leave the list are recomputed.
/// </summary>
public sealed class PoorCommuneList(AppDbContext db)
{
    public static readonly IReadOnlyList<string> Kinds = ["poor", "extremely_difficult"];

    /// <summary>The shipped sample list of the demo province ([M], not legal truth).</summary>
    public static string SampleCsv()
    {
        using var stream = typeof(PoorCommuneList).Assembly.GetManifestResourceStream("Support/poor-communes-sample-11.csv")
            ?? throw new InvalidOperationException("Missing embedded sample Support/poor-communes-sample-11.csv.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    /// <summary>Demo data: the sample list of province 11 when the province has none (no checks, no gap refresh).</summary>
    public static async Task SeedSampleAsync(AppDbContext db, CancellationToken ct)
    {
        if (await db.PoorCommunes.AnyAsync(p => p.ProvinceCode == "11", ct))
        {
            return;
        }

        foreach (var line in SampleCsv().Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#') && !l.StartsWith("ma_tinh", StringComparison.Ordinal)))
        {
            var f = Split(line);
            db.PoorCommunes.Add(new PoorCommuneEntity
            {
                ProvinceCode = f[0], CommuneCode = f[1], Kind = f[2], ValidFrom = DateOnly.Parse(f[3], CultureInfo.InvariantCulture),
                ValidTo = f[4].Length == 0 ? null : DateOnly.Parse(f[4], CultureInfo.InvariantCulture), Decision = f[5], Mark = f[6],
            });
        }
    }

    public async Task<IReadOnlyList<PoorCommuneRow>> ListAsync(string? provinceCode, CancellationToken ct)
    {
        var query = db.PoorCommunes.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(provinceCode))
        {
            query = query.Where(p => p.ProvinceCode == provinceCode);
        }

        var rows = await query.OrderBy(p => p.ProvinceCode).ThenBy(p => p.CommuneCode).ThenBy(p => p.ValidFrom).ToListAsync(ct);
        var codes = rows.Select(r => r.CommuneCode).Distinct().ToList();
        var names = await db.AdminUnits.AsNoTracking().Where(u => codes.Contains(u.Code) && u.ValidTo == null).Select(u => new { u.Code, u.FullName })
            .ToDictionaryAsync(u => u.Code, u => u.FullName, ct);
        return [.. rows.Select(r => new PoorCommuneRow(r.ProvinceCode, r.CommuneCode, names.GetValueOrDefault(r.CommuneCode, r.CommuneCode), r.Kind, r.ValidFrom,
            r.ValidTo, r.Decision, r.Mark))];
    }

    /// <summary>Replaces the lists of the provinces named in the file; nothing is written when a row is refused.</summary>
    public async Task<Result<PoorCommuneImportReport>> ImportAsync(string csv, CancellationToken ct)
    {
        var user = db.CurrentUser;
        if (!UnitScope.IsAny(user, Roles.Administrators))
        {
            return Result<PoorCommuneImportReport>.Forbidden("Chỉ quản trị hệ thống hoặc cán bộ cấp tỉnh được sửa danh sách xã nghèo.");
        }

        var errors = new List<string>();
        var entities = new List<PoorCommuneEntity>();
        var lines = csv.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var header = true;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var row = i + 1;
            var f = Split(line);
            if (header)
            {
                header = false;
                if (Domain.Common.VietnameseText.Fold(f[0]).Replace(' ', '_') is "ma_tinh" or "province_code")
                {
                    continue;
                }
            }

            if (f.Count < 3)
            {
                errors.Add(Invariant($"Dòng {row}: cần ít nhất mã tỉnh, mã xã, loại."));
                continue;
            }

            string Field(int index) => index < f.Count ? f[index].Trim() : string.Empty;
            var (province, commune, kind) = (Field(0), Field(1), Field(2));
            if (!Kinds.Contains(kind))
            {
                errors.Add(Invariant($"Dòng {row}: loại \"{kind}\" không hợp lệ (poor hoặc extremely_difficult)."));
            }

            if (user.ScopeUnitCode is not null && province != user.ScopeUnitCode)
            {
                errors.Add(Invariant($"Dòng {row}: tỉnh {province} không có trong phạm vi quản lý của bạn."));
                continue;
            }

            if (!await db.AdminUnits.AnyAsync(u => u.Code == commune && u.Level == AdminUnits.AdminLevel.Commune && u.ParentCode == province, ct))
            {
                errors.Add(Invariant($"Dòng {row}: mã xã {commune} không thuộc tỉnh {province}."));
                continue;
            }

            DateOnly? Date(string text, string name)
            {
                if (text.Length == 0)
                {
                    return null;
                }

                if (DateOnly.TryParseExact(text, ["yyyy-MM-dd", "dd/MM/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                {
                    return d;
                }

                errors.Add(Invariant($"Dòng {row}: {name} \"{text}\" không phải ngày (dd/MM/yyyy)."));
                return null;
            }

            var from = Date(Field(3), "từ ngày") ?? new DateOnly(2022, 1, 1);
            var to = Date(Field(4), "đến ngày");
            if (to is { } t && t < from)
            {
                errors.Add(Invariant($"Dòng {row}: đến ngày trước từ ngày."));
            }

            var mark = Field(6).Length == 0 ? "M" : Field(6).Trim('[', ']');
            entities.Add(new PoorCommuneEntity
            {
                ProvinceCode = province, CommuneCode = commune, Kind = kind, ValidFrom = from, ValidTo = to,
                Decision = Field(5).Length == 0 ? null : Field(5), Mark = mark,
            });
        }

        foreach (var dup in entities.GroupBy(e => (e.CommuneCode, e.ValidFrom)).Where(g => g.Count() > 1))
        {
            errors.Add(Invariant($"Xã {dup.Key.CommuneCode} có hai dòng cùng từ ngày {dup.Key.ValidFrom:dd/MM/yyyy}."));
        }

        if (errors.Count > 0)
        {
            return Result<PoorCommuneImportReport>.Ok(new PoorCommuneImportReport(false, entities.Count, errors, 0));
        }

        var provinces = entities.Select(e => e.ProvinceCode).Distinct().ToList();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var old = await db.PoorCommunes.Where(p => provinces.Contains(p.ProvinceCode)).ToListAsync(ct);
        db.PoorCommunes.RemoveRange(old);
        await db.SaveChangesAsync(ct);
        db.PoorCommunes.AddRange(entities);
        db.AddAuditEvent("import", "PoorCommune", string.Join(",", provinces), null, new { rows = entities.Count, replaced = old.Count });
        await db.SaveChangesAsync(ct);
        var communes = old.Select(o => o.CommuneCode).Concat(entities.Select(e => e.CommuneCode)).Distinct().ToList();
        var materializer = new GapMaterializer(db);
        var recomputed = 0;
        foreach (var commune in communes)
        {
            recomputed += await materializer.RebuildAsync(commune, null, ct);
        }

        await tx.CommitAsync(ct);
        return Result<PoorCommuneImportReport>.Ok(new PoorCommuneImportReport(true, entities.Count, [], recomputed));
    }

    private static List<string> Split(string line)
    {
        var fields = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    current.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c is ',' or ';')
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        fields.Add(current.ToString());
        return fields;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
