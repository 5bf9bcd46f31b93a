using System.Globalization;
using System.Text.Json;
using GiamNgheo.Application.Persistence;
using GiamNgheo.Domain.Reviews;
using Microsoft.EntityFrameworkCore;

namespace GiamNgheo.Application.Reviews;

/// <summary>The procedure's parameters (Reviews/Data/review-rules.json) and the public holidays (table, seeded from Reviews/Data/holidays-vn.csv).</summary>
public sealed class ReviewSettings(AppDbContext db)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly Lazy<ReviewRules> Shipped = new(() =>
    {
        using var stream = typeof(ReviewSettings).Assembly.GetManifestResourceStream("Reviews/review-rules.json")
            ?? throw new InvalidOperationException("Reviews/review-rules.json is not embedded.");
        return JsonSerializer.Deserialize<ReviewRules>(stream, Json)
            ?? throw new InvalidOperationException("Reviews/review-rules.json is empty.");
    });

    public static ReviewRules Rules => Shipped.Value;

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
}
