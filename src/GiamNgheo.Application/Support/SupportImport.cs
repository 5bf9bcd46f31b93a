using System.Globalization;
using System.Text;
using GiamNgheo.Application.Identity;
using GiamNgheo.Application.Persistence;
using GiamNgheo.Domain.Common;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace GiamNgheo.Application.Support;

public sealed record ImportError(int Row, string Column, string Message);

public sealed record SupportImportReport(string FileName, bool Committed, int Rows, int Imported, int Duplicates, IReadOnlyList<ImportError> Errors);

/// <summary>
/// Loads an agency's list of support delivered (CSV or XLSX, one row per delivery) matched by household code or
/// personal ID number. All or nothing: one refused row and nothing is committed; the report names every row and why.
/// Columns (Vietnamese or English header, any case, diacritics ignored): ma_ho | household_code, so_dinh_danh |
/// personal_id, ma_chinh_sach | policy_code, co_quan | agency, ngay | date, so_luong | quantity, so_tien | amount_dong,
/// nguon_kinh_phi | funding, so_hieu | reference, ghi_chu | note.
/// </summary>
public sealed class SupportImport(AppDbContext db, SupportCommands commands)
{
    public const int MaxRows = 100_000;

    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal)
    {
        ["ma_ho"] = "household_code", ["household_code"] = "household_code", ["ma_ho_gia_dinh"] = "household_code",
        ["so_dinh_danh"] = "personal_id", ["so_cccd"] = "personal_id", ["cccd"] = "personal_id", ["personal_id"] = "personal_id",
        ["ma_chinh_sach"] = "policy_code", ["policy_code"] = "policy_code", ["chinh_sach"] = "policy_code",
        ["co_quan"] = "agency", ["agency"] = "agency", ["don_vi"] = "agency",
        ["ngay"] = "date", ["date"] = "date", ["ngay_ho_tro"] = "date",
        ["so_luong"] = "quantity", ["quantity"] = "quantity",
        ["so_tien"] = "amount_dong", ["amount_dong"] = "amount_dong", ["amount"] = "amount_dong",
        ["nguon_kinh_phi"] = "funding", ["funding"] = "funding", ["nguon_von"] = "funding",
        ["so_hieu"] = "reference", ["reference"] = "reference", ["so_the"] = "reference", ["so_quyet_dinh"] = "reference",
        ["ghi_chu"] = "note", ["note"] = "note",
    };

    public async Task<Result<SupportImportReport>> ImportAsync(Stream content, string fileName, CancellationToken ct)
    {
        if (!UnitScope.IsAny(db.CurrentUser, SupportCommands.Recorders))
        {
            return Result<SupportImportReport>.Forbidden("Vai trò của bạn không được nhập danh sách hỗ trợ.");
        }

        List<Dictionary<string, string>> rows;
        var errors = new List<ImportError>();
        try
        {
            rows = fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) ? ReadXlsx(content) : await ReadCsvAsync(content, ct);
        }
        catch (Exception ex) when (ex is FormatException or InvalidDataException or IOException or InvalidOperationException)
        {
            return Result<SupportImportReport>.Ok(new SupportImportReport(fileName, false, 0, 0, 0, [new ImportError(0, "file", "Không đọc được tệp: " + ex.Message)]));
        }

        if (rows.Count > MaxRows)
        {
            return Result<SupportImportReport>.Ok(new SupportImportReport(fileName, false, rows.Count, 0, 0,
                [new ImportError(0, "file", string.Create(CultureInfo.InvariantCulture, $"Tệp có {rows.Count} dòng, tối đa {MaxRows} dòng một lần."))]));
        }

        if (rows.Count > 0 && !rows[0].ContainsKey("policy_code"))
        {
            errors.Add(new ImportError(1, "policy_code", "Thiếu cột ma_chinh_sach (mã chính sách)."));
        }

        if (rows.Count > 0 && !rows[0].ContainsKey("household_code") && !rows[0].ContainsKey("personal_id"))
        {
            errors.Add(new ImportError(1, "household_code", "Thiếu cột ma_ho (mã hộ) hoặc so_dinh_danh (số định danh cá nhân)."));
        }

        if (errors.Count > 0)
        {
            return Result<SupportImportReport>.Ok(new SupportImportReport(fileName, false, rows.Count, 0, 0, errors));
        }

        var scoped = UnitScope.Apply(db.Households.AsNoTracking(), db.CurrentUser);
        var codes = rows.Select(r => r.GetValueOrDefault("household_code")).Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c!.Trim()).Distinct().ToList();
        var ids = rows.Select(r => r.GetValueOrDefault("personal_id")).Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c!.Trim()).Distinct().ToList();
        var byCode = new Dictionary<string, SupportCommands.HouseholdRef>(StringComparer.OrdinalIgnoreCase);
        foreach (var chunk in codes.Chunk(1000))
        {
            foreach (var h in await scoped.Where(h => chunk.Contains(h.Code))
                .Select(h => new { h.Code, Ref = new SupportCommands.HouseholdRef(h.Id, h.ProvinceCode, h.CommuneCode, h.VillageCode, h.Members.Select(m => m.Id).ToList()) })
                .ToListAsync(ct))
            {
                byCode[h.Code] = h.Ref;
            }
        }

        var byPersonalId = new Dictionary<string, (SupportCommands.HouseholdRef Household, long MemberId)>(StringComparer.Ordinal);
        foreach (var chunk in ids.Chunk(1000))
        {
            var members = await db.Members.AsNoTracking().Where(m => m.PersonalId != null && chunk.Contains(m.PersonalId))
                .Join(scoped, m => new { Id = m.HouseholdId, m.ProvinceCode }, h => new { h.Id, h.ProvinceCode }, (m, h) => new { m.Id, m.PersonalId, m.HouseholdId }).ToListAsync(ct);
            var householdIds = members.Select(m => m.HouseholdId).Distinct().ToList();
            var households = await scoped.Where(h => householdIds.Contains(h.Id))
                .Select(h => new SupportCommands.HouseholdRef(h.Id, h.ProvinceCode, h.CommuneCode, h.VillageCode, h.Members.Select(m => m.Id).ToList())).ToListAsync(ct);
            foreach (var m in members)
            {
                byPersonalId[m.PersonalId!] = (households.Single(h => h.Id == m.HouseholdId), m.Id);
            }
        }

        var records = new List<SupportRecordEntity>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var rowNumber = i + 2;
            var row = rows[i];
            var rowErrors = new ValidationErrors();
            var code = row.GetValueOrDefault("household_code")?.Trim();
            var personalId = row.GetValueOrDefault("personal_id")?.Trim();
            SupportCommands.HouseholdRef? household = null;
            long? memberId = null;
            if (!string.IsNullOrEmpty(personalId))
            {
                if (byPersonalId.TryGetValue(personalId, out var found))
                {
                    (household, memberId) = (found.Household, found.MemberId);
                    if (!string.IsNullOrEmpty(code) && byCode.TryGetValue(code, out var other) && other.Id != household.Id)
                    {
                        errors.Add(new ImportError(rowNumber, "personal_id", $"Số định danh {Domain.Households.PersonalId.Mask(personalId)} không thuộc hộ {code}."));
                        continue;
                    }
                }
                else
                {
                    errors.Add(new ImportError(rowNumber, "personal_id", $"Số định danh {Domain.Households.PersonalId.Mask(personalId)} không có trong phạm vi quản lý của bạn."));
                    continue;
                }
            }
            else if (!string.IsNullOrEmpty(code))
            {
                if (!byCode.TryGetValue(code, out household))
                {
                    errors.Add(new ImportError(rowNumber, "household_code", $"Mã hộ {code} không có trong phạm vi quản lý của bạn."));
                    continue;
                }
            }
            else
            {
                errors.Add(new ImportError(rowNumber, "household_code", "Dòng không có mã hộ hoặc số định danh."));
                continue;
            }

            var input = new SupportInput
            {
                HouseholdId = household.Id,
                MemberId = memberId,
                PolicyCode = row.GetValueOrDefault("policy_code")?.Trim() ?? string.Empty,
                Agency = row.GetValueOrDefault("agency"),
                Funding = string.IsNullOrWhiteSpace(row.GetValueOrDefault("funding")) ? "central_budget" : row["funding"],
                Reference = row.GetValueOrDefault("reference"),
                Note = row.GetValueOrDefault("note"),
            };
            if (!TryDate(row.GetValueOrDefault("date"), out var date))
            {
                errors.Add(new ImportError(rowNumber, "date", $"Ngày \"{row.GetValueOrDefault("date")}\" không hợp lệ (dd/MM/yyyy)."));
                continue;
            }

            if (!TryMoney(row.GetValueOrDefault("amount_dong"), out var amount))
            {
                errors.Add(new ImportError(rowNumber, "amount_dong", $"Số tiền \"{row.GetValueOrDefault("amount_dong")}\" không phải số nguyên đồng."));
                continue;
            }

            decimal? quantity = null;
            if (!string.IsNullOrWhiteSpace(row.GetValueOrDefault("quantity")))
            {
                if (!decimal.TryParse(row["quantity"].Trim().Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var q))
                {
                    errors.Add(new ImportError(rowNumber, "quantity", $"Số lượng \"{row["quantity"]}\" không hợp lệ."));
                    continue;
                }

                quantity = q;
            }

            var record = await commands.BuildAsync(input with { Date = date, AmountDong = amount, Quantity = quantity }, household, rowErrors, ct);
            if (record is null)
            {
                foreach (var (field, messages) in rowErrors.ToDictionary())
                {
                    errors.AddRange(messages.Select(m => new ImportError(rowNumber, Column(field), m)));
                }

                continue;
            }

            record.Source = "import:" + Path.GetFileName(fileName);
            records.Add(record);
        }

        if (errors.Count > 0)
        {
            return Result<SupportImportReport>.Ok(new SupportImportReport(fileName, false, rows.Count, 0, 0, errors));
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var record in records)
        {
            await commands.FlagDuplicateAsync(record, ct);
        }

        db.SupportRecords.AddRange(records);
        await db.SaveChangesAsync(ct);
        var seen = new Dictionary<(long, string, DateOnly, long?), long>();
        foreach (var record in records.Where(r => r.DuplicateOfId is null))
        {
            var key = (record.HouseholdId, record.PolicyCode, record.PeriodStart, record.MemberId);
            if (seen.TryGetValue(key, out var first) || (record.MemberId is not null && seen.TryGetValue((record.HouseholdId, record.PolicyCode, record.PeriodStart, null), out first)))
            {
                record.DuplicateOfId = first;
            }
            else
            {
                seen[key] = record.Id;
            }
        }

        db.AddAuditEvent("import", "SupportRecord", Path.GetFileName(fileName), null, new { rows = rows.Count, imported = records.Count });
        await db.SaveChangesAsync(ct);
        await new GapMaterializer(db).RefreshForHouseholdsAsync(records.Select(r => r.HouseholdId), ct);
        await tx.CommitAsync(ct);
        return Result<SupportImportReport>.Ok(new SupportImportReport(fileName, true, rows.Count, records.Count, records.Count(r => r.DuplicateOfId is not null), []));
    }

    private static string Column(string field) => field switch
    {
        "policyCode" => "policy_code",
        "amountDong" => "amount_dong",
        "memberId" => "personal_id",
        _ => field,
    };

    private static bool TryDate(string? text, out DateOnly date)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        text = text.Trim();
        if (text.Length > 10 && DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var dt))
        {
            date = DateOnly.FromDateTime(dt);
            return true;
        }

        return DateOnly.TryParseExact(text, ["dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    private static bool TryMoney(string? text, out long amount)
    {
        amount = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        var cleaned = text.Trim().Replace(".", string.Empty, StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal);
        if (cleaned.EndsWith(",00", StringComparison.Ordinal) || cleaned.EndsWith(",0", StringComparison.Ordinal))
        {
            cleaned = cleaned[..cleaned.IndexOf(',', StringComparison.Ordinal)];
        }

        return long.TryParse(cleaned, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out amount);
    }

    private static string Key(string header)
    {
        var folded = VietnameseText.Fold(header).Trim().Replace(' ', '_').Replace('-', '_');
        return Aliases.GetValueOrDefault(folded, folded);
    }

    private static List<Dictionary<string, string>> ReadXlsx(Stream content)
    {
        using var buffer = new MemoryStream();
        content.CopyTo(buffer);
        buffer.Position = 0;
        var result = new List<Dictionary<string, string>>();
        foreach (IDictionary<string, object?> row in buffer.Query(useHeaderRow: true))
        {
            var values = row.ToDictionary(kv => Key(kv.Key), kv => kv.Value switch
            {
                null => string.Empty,
                DateTime d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                double n => n.ToString("0.##", CultureInfo.InvariantCulture),
                var v => Convert.ToString(v, CultureInfo.InvariantCulture) ?? string.Empty,
            }, StringComparer.Ordinal);
            if (values.Values.Any(v => v.Length > 0))
            {
                result.Add(values);
            }
        }

        return result;
    }

    private static async Task<List<Dictionary<string, string>>> ReadCsvAsync(Stream content, CancellationToken ct)
    {
        using var reader = new StreamReader(content, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var text = await reader.ReadToEndAsync(ct);
        var lines = ParseCsv(text);
        if (lines.Count == 0)
        {
            return [];
        }

        var header = lines[0].Select(Key).ToArray();
        var result = new List<Dictionary<string, string>>(lines.Count - 1);
        foreach (var line in lines.Skip(1))
        {
            if (line.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            var row = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < header.Length; i++)
            {
                row[header[i]] = i < line.Count ? line[i] : string.Empty;
            }

            result.Add(row);
        }

        return result;
    }

    /// <summary>RFC 4180: comma or semicolon separated (from the header line), double-quoted fields with "" escapes.</summary>
    internal static List<List<string>> ParseCsv(string text)
    {
        var firstLine = text.AsSpan(0, Math.Max(0, text.IndexOf('\n', StringComparison.Ordinal) is var n && n >= 0 ? n : text.Length));
        var separator = firstLine.Count(';') > firstLine.Count(',') ? ';' : ',';
        var lines = new List<List<string>>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i++;
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == separator)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n' || c == '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                fields.Add(field.ToString());
                field.Clear();
                lines.Add(fields);
                fields = [];
            }
            else
            {
                field.Append(c);
            }
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            lines.Add(fields);
        }

        return lines;
    }
}
