using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using GiamNgheo.Application.AdminUnits;
using GiamNgheo.Application.Identity;
using GiamNgheo.Application.Persistence;
using GiamNgheo.Domain.Reviews;
using Microsoft.EntityFrameworkCore;

namespace GiamNgheo.Application.Reviews.Rules;

/// <summary>One rule value with its verification mark and source.</summary>
public sealed record ReviewRuleValue(string Key, string Value, string Mark, string Source);

/// <summary>A rule as the page shows it: the national value and the province's override (when any).</summary>
public sealed record ReviewRuleRow(string Key, string NameVi, ReviewRuleValue National, ReviewRuleValue? Province, DateTime UpdatedAtUtc, string UpdatedBy);

public sealed record ReviewRuleInput(string Key, string Value, string Mark, string Source);

/// <summary>The parsed rule file (flat JSON as review-rules.json: "key": value, "_key": "[MARK] source").</summary>
internal sealed record ShippedRuleFile(IReadOnlyList<ReviewRuleValue> Values);

/// <summary>The flat JSON format of review-rules.json, shared by the seed, the export and the import.</summary>
public static partial class ReviewRuleFile
{
    private static readonly string[] Marks = ["V", "V3", "M", "K", "D"];

    [GeneratedRegex(@"^\s*\[(V3|V|M|K|D)\]\s*(.*)$", RegexOptions.Singleline)]
    private static partial Regex MarkPrefix();

    internal static (ShippedRuleFile? File, List<string> Errors) Parse(string text)
    {
        var errors = new List<string>();
        JsonObject? obj;
        try
        {
            obj = JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException e)
        {
            return (null, [$"Tệp không phải JSON hợp lệ: {e.Message}"]);
        }

        if (obj is null)
        {
            return (null, ["Tệp phải là một đối tượng JSON: { \"postingWorkingDays\": 3, \"_postingWorkingDays\": \"[M] nguồn\" … }."]);
        }

        var values = new List<ReviewRuleValue>();
        foreach (var (key, node) in obj)
        {
            if (key.StartsWith('_'))
            {
                continue;
            }

            if (node is not JsonValue)
            {
                errors.Add($"\"{key}\": giá trị phải là số, true/false hoặc ngày \"yyyy-MM-dd\".");
                continue;
            }

            var comment = obj["_" + key]?.GetValue<string>() ?? string.Empty;
            var match = MarkPrefix().Match(comment);
            values.Add(new ReviewRuleValue(key, node.ToJsonString(), match.Success ? match.Groups[1].Value : "M", (match.Success ? match.Groups[2].Value : comment).Trim()));
        }

        return (errors.Count == 0 ? new ShippedRuleFile(values) : null, errors);
    }

    public static string Format(IEnumerable<ReviewRuleValue> values, string? provinceCode)
    {
        var obj = new JsonObject
        {
            ["_source"] = provinceCode is null
                ? "Quy tắc rà soát quốc gia (review_rules). Markers: [V] verified, [V3] secondary source, [M] unverified, [K] expert knowledge."
                : $"Quy tắc rà soát riêng của tỉnh {provinceCode} (ghi đè quy tắc quốc gia).",
        };
        foreach (var v in values)
        {
            obj[v.Key] = JsonNode.Parse(v.Value);
            obj["_" + v.Key] = $"[{v.Mark}] {v.Source}".TrimEnd();
        }

        return obj.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    internal static bool IsMark(string mark) => Marks.Contains(mark, StringComparer.Ordinal);
}

/// <summary>
/// Reading and correcting the review rules: a system administrator edits the national rows (or any province's); a provincial
/// officer edits the overrides of their province. Every change is validated as a whole (the merged rules must make sense)
/// and audited; an import applies every value or none.
/// </summary>
public sealed class ReviewRuleCommands(AppDbContext db, ReviewSettings settings)
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        ["postingWorkingDays"] = "Số ngày làm việc niêm yết công khai",
        ["postingCountsFirstDay"] = "Tính ngày bắt đầu niêm yết là ngày thứ nhất",
        ["meetingAgreementPercent"] = "Tỷ lệ người dự họp đồng ý tối thiểu (%)",
        ["districtConsultationUntil"] = "Xin ý kiến Chủ tịch UBND huyện với đợt bắt đầu đến ngày",
        ["recentlyEscapedYears"] = "Số năm theo dõi hộ mới thoát nghèo",
        ["periodicStartMonth"] = "Rà soát định kỳ: tháng bắt đầu",
        ["periodicStartDay"] = "Rà soát định kỳ: ngày bắt đầu",
        ["periodicEndMonth"] = "Rà soát định kỳ: tháng kết thúc",
        ["periodicEndDay"] = "Rà soát định kỳ: ngày kết thúc",
        ["periodicReportMonth"] = "Hạn báo cáo định kỳ của xã: tháng",
        ["periodicReportDay"] = "Hạn báo cáo định kỳ của xã: ngày",
        ["regularReportDayOfNextMonth"] = "Hạn báo cáo rà soát thường xuyên: ngày của tháng sau",
        ["periodicPolicyFromNextYear"] = "Danh sách rà soát định kỳ năm Y áp dụng chính sách từ 01/01 năm Y+1",
    };

    public static string NameVi(string key) => Names.GetValueOrDefault(key, key);

    /// <summary>The rules with the national value and the province's override; null when the user may not see them.</summary>
    public async Task<IReadOnlyList<ReviewRuleRow>> ListAsync(string? provinceCode, CancellationToken ct)
    {
        var rows = await settings.RowsAsync(provinceCode, ct);
        return [.. rows.Where(r => r.ProvinceCode is null).OrderBy(r => Order(r.Key)).Select(n =>
        {
            var p = provinceCode is null ? null : rows.FirstOrDefault(r => r.ProvinceCode == provinceCode && r.Key == n.Key);
            var last = p ?? n;
            return new ReviewRuleRow(n.Key, NameVi(n.Key), new ReviewRuleValue(n.Key, n.Value, n.Mark, n.Source),
                p is null ? null : new ReviewRuleValue(p.Key, p.Value, p.Mark, p.Source), last.UpdatedAtUtc, last.UpdatedBy);
        })];
    }

    private static int Order(string key)
    {
        var i = ReviewSettings.ShippedValues.Select(v => v.Key).ToList().IndexOf(key);
        return i < 0 ? int.MaxValue : i;
    }

    /// <summary>Sets one value (national when <paramref name="provinceCode"/> is null, else the province's override).</summary>
    public Task<Result<IReadOnlyList<ReviewRuleRow>>> SaveAsync(string? provinceCode, ReviewRuleInput input, CancellationToken ct) =>
        ApplyAsync(provinceCode, [input], "review.rules.update", ct);

    /// <summary>Imports a rule file (the export's format): every value is validated and applied, or none.</summary>
    public async Task<Result<IReadOnlyList<ReviewRuleRow>>> ImportAsync(string? provinceCode, string json, CancellationToken ct)
    {
        var (file, errors) = ReviewRuleFile.Parse(json);
        if (file is null)
        {
            return Result<IReadOnlyList<ReviewRuleRow>>.Invalid(new Dictionary<string, string[]> { ["file"] = [.. errors] });
        }

        return await ApplyAsync(provinceCode, [.. file.Values.Select(v => new ReviewRuleInput(v.Key, v.Value, v.Mark, v.Source))], "review.rules.import", ct);
    }

    /// <summary>The rules of the nation (or the rules in force in a province) in the flat JSON format.</summary>
    public async Task<Result<string>> ExportAsync(string? provinceCode, CancellationToken ct)
    {
        if (!MayRead(provinceCode))
        {
            return Result<string>.Forbidden("Vai trò của bạn không được xem quy tắc rà soát của tỉnh này.");
        }

        var rows = await ListAsync(provinceCode, ct);
        return Result<string>.Ok(ReviewRuleFile.Format(rows.Select(r => r.Province ?? r.National), provinceCode));
    }

    private bool MayRead(string? provinceCode)
    {
        var user = db.CurrentUser;
        return user.IsInRole(Roles.SystemAdmin) || provinceCode is null || UnitScope.Contains(user, provinceCode, string.Empty, null);
    }

    private bool MayEdit(string? provinceCode)
    {
        var user = db.CurrentUser;
        if (user.IsInRole(Roles.SystemAdmin))
        {
            return true;
        }

        return provinceCode is not null && user.IsInRole(Roles.ProvincialOfficer) && user.ScopeLevel == AdminLevel.Province && user.ScopeUnitCode == provinceCode;
    }

    private async Task<Result<IReadOnlyList<ReviewRuleRow>>> ApplyAsync(string? provinceCode, IReadOnlyList<ReviewRuleInput> inputs, string action, CancellationToken ct)
    {
        if (!MayEdit(provinceCode))
        {
            return Result<IReadOnlyList<ReviewRuleRow>>.Forbidden(provinceCode is null
                ? "Chỉ quản trị hệ thống được sửa quy tắc rà soát quốc gia; cán bộ tỉnh sửa quy tắc riêng của tỉnh mình."
                : "Chỉ quản trị hệ thống hoặc cán bộ của tỉnh này được sửa quy tắc rà soát của tỉnh.");
        }

        var rows = await settings.RowsAsync(provinceCode, ct);
        var known = ReviewSettings.ShippedValues.Select(v => v.Key).Concat(rows.Select(r => r.Key)).ToHashSet(StringComparer.Ordinal);
        var errors = new ValidationErrors();
        var values = ReviewSettings.ShippedValues.ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);
        foreach (var r in rows.Where(r => r.ProvinceCode is null).Concat(rows.Where(r => r.ProvinceCode is not null)))
        {
            values[r.Key] = r.Value;
        }

        var normalised = new List<ReviewRuleInput>();
        foreach (var input in inputs)
        {
            var key = input.Key?.Trim() ?? string.Empty;
            if (!known.Contains(key))
            {
                errors.Add(key.Length == 0 ? "key" : key, $"Không có quy tắc \"{key}\".");
                continue;
            }

            var mark = (input.Mark ?? string.Empty).Trim().ToUpperInvariant();
            if (!ReviewRuleFile.IsMark(mark))
            {
                errors.Add(key, $"\"{key}\": mức xác minh phải là V, V3, M, K hoặc D.");
            }

            if (string.IsNullOrWhiteSpace(input.Source))
            {
                errors.Add(key, $"\"{key}\": ghi nguồn của giá trị (văn bản, trang tham khảo hoặc giả định làm việc).");
            }

            var value = Normalise(ReviewSettings.ShippedValues.FirstOrDefault(v => v.Key == key)?.Value ?? values[key], input.Value);
            if (value is null)
            {
                errors.Add(key, $"\"{key}\": giá trị \"{input.Value}\" không đúng kiểu (số nguyên, true/false hoặc ngày yyyy-MM-dd).");
                continue;
            }

            values[key] = value;
            normalised.Add(input with { Key = key, Value = value, Mark = mark, Source = Domain.Common.VietnameseText.NormalizeName(input.Source ?? string.Empty) });
        }

        var rules = errors.Any ? null : ReviewSettings.Build(values);
        if (!errors.Any)
        {
            foreach (var (field, message) in Check(rules))
            {
                errors.Add(field, message);
            }
        }

        if (errors.Any)
        {
            return Result<IReadOnlyList<ReviewRuleRow>>.Invalid(errors.ToDictionary());
        }

        var now = db.Clock.GetUtcNow().UtcDateTime;
        var tracked = await db.ReviewRules.Where(r => r.ProvinceCode == provinceCode).ToListAsync(ct);
        var changes = new List<object>();
        foreach (var input in normalised)
        {
            var row = tracked.FirstOrDefault(r => r.Key == input.Key);
            if (row is not null && row.Value == input.Value && row.Mark == input.Mark && row.Source == input.Source)
            {
                continue;
            }

            changes.Add(new { key = input.Key, from = row?.Value, to = input.Value, input.Mark, input.Source });
            if (row is null)
            {
                row = new ReviewRuleEntity { ProvinceCode = provinceCode, Key = input.Key, Value = input.Value, UpdatedBy = db.CurrentUser.UserName };
                db.ReviewRules.Add(row);
                tracked.Add(row);
            }

            row.Value = input.Value;
            row.Mark = input.Mark;
            row.Source = input.Source;
            row.UpdatedAtUtc = now;
            row.UpdatedBy = db.CurrentUser.UserName;
        }

        if (changes.Count > 0)
        {
            db.AddAuditEvent(action, "ReviewRule", provinceCode ?? "national", null, new { province = provinceCode, changes });
            await db.SaveChangesAsync(ct);
        }

        settings.Forget();
        return Result<IReadOnlyList<ReviewRuleRow>>.Ok(await ListAsync(provinceCode, ct));
    }

    /// <summary>The value as JSON of the same kind as <paramref name="shipped"/> (number, boolean or date string); null when it is not one.</summary>
    private static string? Normalise(string shipped, string? input)
    {
        var text = (input ?? string.Empty).Trim();
        var kind = JsonNode.Parse(shipped)!.GetValueKind();
        switch (kind)
        {
            case JsonValueKind.Number:
                return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n.ToString(CultureInfo.InvariantCulture) : null;
            case JsonValueKind.True or JsonValueKind.False:
                return text.ToLowerInvariant() switch { "true" or "có" or "1" => "true", "false" or "không" or "0" => "false", _ => null };
            case JsonValueKind.String:
                text = text.Trim('"');
                if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                    || DateOnly.TryParseExact(text, "dd/MM/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out d))
                {
                    return JsonValue.Create(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).ToJsonString();
                }

                return null;
            default:
                return null;
        }
    }

    /// <summary>Whether the merged rules make sense (ranges, real calendar days).</summary>
    private static IEnumerable<(string Field, string Message)> Check(ReviewRules? rules)
    {
        if (rules is null)
        {
            yield return ("file", "Các giá trị không tạo thành bộ quy tắc hợp lệ.");
            yield break;
        }

        if (rules.PostingWorkingDays is < 1 or > 30)
        {
            yield return ("postingWorkingDays", "Số ngày làm việc niêm yết phải từ 1 đến 30.");
        }

        if (rules.MeetingAgreementPercent is < 1 or > 100)
        {
            yield return ("meetingAgreementPercent", "Tỷ lệ đồng ý phải từ 1 đến 100%.");
        }

        if (rules.RecentlyEscapedYears is < 0 or > 10)
        {
            yield return ("recentlyEscapedYears", "Số năm theo dõi hộ mới thoát nghèo phải từ 0 đến 10.");
        }

        if (rules.RegularReportDayOfNextMonth is < 1 or > 28)
        {
            yield return ("regularReportDayOfNextMonth", "Hạn báo cáo rà soát thường xuyên phải từ ngày 1 đến ngày 28 của tháng sau.");
        }

        foreach (var (field, month, day) in new[]
        {
            ("periodicStartDay", rules.PeriodicStartMonth, rules.PeriodicStartDay),
            ("periodicEndDay", rules.PeriodicEndMonth, rules.PeriodicEndDay),
            ("periodicReportDay", rules.PeriodicReportMonth, rules.PeriodicReportDay),
        })
        {
            if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(2001, Math.Clamp(month, 1, 12)))
            {
                yield return (field, $"Ngày {day}/{month} không có thật.");
            }
        }

        if ((rules.PeriodicEndMonth, rules.PeriodicEndDay).CompareTo((rules.PeriodicStartMonth, rules.PeriodicStartDay)) < 0)
        {
            yield return ("periodicEndDay", "Ngày kết thúc rà soát định kỳ phải sau ngày bắt đầu.");
        }
    }
}
