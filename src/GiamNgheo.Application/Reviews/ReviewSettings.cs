using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using GiamNgheo.Application.Persistence;
using GiamNgheo.Application.Reviews.Rules;
using GiamNgheo.Domain.Reviews;
using Microsoft.EntityFrameworkCore;

namespace GiamNgheo.Application.Reviews;

/// <summary>
/// The procedure's parameters as data (table review_rules: national rows seeded from Reviews/Data/review-rules.json, a
/// province's overrides on top) and the public holidays (table, seeded from Reviews/Data/holidays-vn.csv). Rules are read
/// once per request scope (memoised here), so a correction applies from the next request.
/// </summary>
public sealed class ReviewSettings(AppDbContext db)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly Dictionary<string, ReviewRules> memo = new(StringComparer.Ordinal);

    private static readonly Lazy<ShippedRuleFile> ShippedFile = new(() =>
    {
        using var stream = typeof(ReviewSettings).Assembly.GetManifestResourceStream("Reviews/review-rules.json")
            ?? throw new InvalidOperationException("Reviews/review-rules.json is not embedded.");
        using var reader = new StreamReader(stream);
        return ReviewRuleFile.Parse(reader.ReadToEnd()).File ?? throw new InvalidOperationException("Reviews/review-rules.json is invalid.");
    });

    /// <summary>The shipped national values (the seed of the table and the defaults of keys a province has not set).</summary>
    public static ReviewRules ShippedRules { get; } = Build(ShippedFile.Value.Values.ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal))!;

    /// <summary>The shipped rows: key, JSON value, mark, source.</summary>
    public static IReadOnlyList<ReviewRuleValue> ShippedValues => ShippedFile.Value.Values;

    /// <summary>The rules in force for a province (national rows, the province's overrides on top).</summary>
    public async Task<ReviewRules> RulesAsync(string? provinceCode, CancellationToken ct)
    {
        var key = provinceCode ?? string.Empty;
        if (memo.TryGetValue(key, out var rules))
        {
            return rules;
        }

        var rows = await RowsAsync(provinceCode, ct);
        var values = ShippedValues.ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);
        foreach (var row in rows.Where(r => r.ProvinceCode is null).Concat(rows.Where(r => r.ProvinceCode is not null)))
        {
            values[row.Key] = row.Value;
        }

        rules = Build(values) ?? ShippedRules;
        memo[key] = rules;
        return rules;
    }

    /// <summary>Rows of the table for the nation and (when given) the province; seeds the national rows the table lacks.</summary>
    internal async Task<List<ReviewRuleEntity>> RowsAsync(string? provinceCode, CancellationToken ct)
    {
        var rows = await db.ReviewRules.AsNoTracking().Where(r => r.ProvinceCode == null || r.ProvinceCode == provinceCode).ToListAsync(ct);
        var missing = ShippedValues.Where(v => !rows.Any(r => r.ProvinceCode is null && r.Key == v.Key)).ToList();
        if (missing.Count > 0)
        {
            var now = db.Clock.GetUtcNow().UtcDateTime;
            var added = missing.Select(v => new ReviewRuleEntity { Key = v.Key, Value = v.Value, Mark = v.Mark, Source = v.Source, UpdatedAtUtc = now, UpdatedBy = "review-rules.json" }).ToList();
            db.ReviewRules.AddRange(added);
            var suppress = db.SuppressEntityAudit;
            db.SuppressEntityAudit = true;
            db.AddAuditEvent("review.rules.seed", "ReviewRule", "shipped", null, new { keys = added.Select(a => a.Key).ToList() });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            finally
            {
                db.SuppressEntityAudit = suppress;
            }

            foreach (var a in added)
            {
                db.Entry(a).State = EntityState.Detached;
            }

            rows.AddRange(added);
        }

        return rows;
    }

    /// <summary>Forgets the rules read in this scope (after a correction).</summary>
    internal void Forget() => memo.Clear();

    /// <summary>Builds the rules from key → JSON value; null when a value has the wrong type.</summary>
    internal static ReviewRules? Build(IReadOnlyDictionary<string, string> values)
    {
        var obj = new JsonObject();
        foreach (var (key, value) in values)
        {
            obj[key] = JsonNode.Parse(value);
        }

        try
        {
            return obj.Deserialize<ReviewRules>(Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The shipped national holidays: (date, name, mark).</summary>
    public static IReadOnlyList<(DateOnly Date, string NameVi, string Mark)> ShippedHolidays()
    {
        using var stream = typeof(ReviewSettings).Assembly.GetManifestResourceStream("Reviews/holidays-vn.csv")
            ?? throw new InvalidOperationException("Reviews/holidays-vn.csv is not embedded.");
        using var reader = new StreamReader(stream);
        var rows = new List<(DateOnly, string, string)>();
        reader.ReadLine();
        while (reader.ReadLine() is { } line)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var parts = line.Split(',');
            rows.Add((DateOnly.ParseExact(parts[0], "yyyy-MM-dd", CultureInfo.InvariantCulture), parts[1], parts[2]));
        }

        return rows;
    }

    /// <summary>Loads the shipped national holidays once (when the table is empty).</summary>
    public async Task EnsureHolidaysAsync(CancellationToken ct)
    {
        if (await db.PublicHolidays.AnyAsync(ct))
        {
            return;
        }

        var rows = ShippedHolidays();
        db.PublicHolidays.AddRange(rows.Select(r => new PublicHolidayEntity { Date = r.Date, NameVi = r.NameVi, Mark = r.Mark }));
        var suppress = db.SuppressEntityAudit;
        db.SuppressEntityAudit = true;
        db.AddAuditEvent("holidays.seed", "PublicHoliday", "shipped", null, new { count = rows.Count });
        await db.SaveChangesAsync(ct);
        db.SuppressEntityAudit = suppress;
    }

    public async Task<WorkingCalendar> CalendarAsync(string provinceCode, CancellationToken ct)
    {
        await EnsureHolidaysAsync(ct);
        var days = await db.PublicHolidays.AsNoTracking().Where(h => h.ProvinceCode == null || h.ProvinceCode == provinceCode).Select(h => h.Date).ToListAsync(ct);
        return new WorkingCalendar(days);
    }

    /// <summary>The end of a posting starting on <paramref name="start"/> in the province (its holidays and rules).</summary>
    public async Task<DateOnly> PostingEndAsync(string provinceCode, DateOnly start, CancellationToken ct) =>
        (await RulesAsync(provinceCode, ct)).PostingEnd(await CalendarAsync(provinceCode, ct), start);
}
