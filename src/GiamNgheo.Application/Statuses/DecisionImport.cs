using System.Globalization;
using System.Text;
using GiamNgheo.Application.Identity;
using GiamNgheo.Application.Persistence;
using GiamNgheo.Application.Reviews;
using GiamNgheo.Application.Surveys;
using GiamNgheo.Domain.Classification;
using GiamNgheo.Domain.Common;
using GiamNgheo.Domain.Reviews;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace GiamNgheo.Application.Statuses;

/// <summary>One refused row of a decisions file: the file, row (1 = header), column, the value read and why.</summary>
public sealed record DecisionImportError(string File, int Row, string Column, string Value, string Message)
{
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{File}, dòng {Row}, cột {Column}{(Value.Length > 0 ? $" (\"{Value}\")" : string.Empty)}: {Message}");
}

public sealed record DecisionImportReport(string FileName, bool Committed, int Rows, int Decisions, int Statuses, IReadOnlyList<DecisionImportError> Errors);

/// <summary>
/// Imports recognised lists decided in earlier systems (docs/formats/decisions.md): one row per household, review year
/// and standard with the category and the decision (number, signing day, signer, kind). Every row is validated first;
/// then, in one transaction, each commune's decision becomes a <see cref="RecognitionDecisionEntity"/> on an imported
/// campaign and commune review (<c>OpenedBy = "import:&lt;file&gt;"</c>, state Decided), the classification rows get the
/// decision (created with the file's category when missing; the file's category wins, it is the official record), and
/// the statuses are frozen by <see cref="HouseholdStatusWriter"/> as in <c>ReviewCommands.DecideAsync</c>. A household
/// year already decided is refused, so importing the same file twice is refused (not idempotent).
/// </summary>
public sealed class DecisionImport(AppDbContext db)
{
    public const int MaxRows = 200_000;

    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal)
    {
        ["ma_ho"] = "household_code", ["household_code"] = "household_code",
        ["nam_ra_soat"] = "review_year", ["nam"] = "review_year", ["review_year"] = "review_year",
        ["ma_chuan"] = "standard_code", ["chuan"] = "standard_code", ["standard_code"] = "standard_code",
        ["phan_loai"] = "category", ["category"] = "category",
        ["so_quyet_dinh"] = "decision_number", ["decision_number"] = "decision_number",
        ["ngay_ky"] = "signed_on", ["signed_on"] = "signed_on",
        ["nguoi_ky"] = "signer", ["signer"] = "signer",
        ["loai_ra_soat"] = "kind", ["kind"] = "kind",
        ["ma_xa"] = "commune_code", ["commune_code"] = "commune_code",
    };

    private static readonly string[] Required = ["household_code", "review_year", "standard_code", "category", "decision_number", "signed_on", "signer", "kind"];

    private static readonly Dictionary<string, string> Headers = new(StringComparer.Ordinal)
    {
        ["household_code"] = "ma_ho", ["review_year"] = "nam_ra_soat", ["standard_code"] = "ma_chuan", ["category"] = "phan_loai",
        ["decision_number"] = "so_quyet_dinh", ["signed_on"] = "ngay_ky", ["signer"] = "nguoi_ky", ["kind"] = "loai_ra_soat", ["commune_code"] = "ma_xa",
    };

    private sealed record Row(int Number, long HouseholdId, string ProvinceCode, string CommuneCode, string? VillageCode, string HouseholdCode, int Year,
        string Standard, HouseholdCategory Category, string DecisionNumber, DateOnly SignedOn, string Signer, CampaignKind Kind);

    public async Task<Result<DecisionImportReport>> ImportAsync(Stream content, string fileName, CancellationToken ct)
    {
        if (!db.CurrentUser.IsInRole(Roles.SystemAdmin) && !UnitScope.IsAny(db.CurrentUser, [Roles.ProvincialOfficer, Roles.CommuneOfficer]))
        {
            return Result<DecisionImportReport>.Forbidden("Vai trò của bạn không được nhập quyết định công nhận.");
        }

        var errors = new List<DecisionImportError>();
        void Error(int row, string column, string? value, string message) =>
            errors.Add(new DecisionImportError(fileName, row, Headers.GetValueOrDefault(column, column), value?.Trim() ?? string.Empty, message));

        List<Dictionary<string, string>> raw;
        try
        {
            raw = fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) ? ReadXlsx(content) : await ReadCsvAsync(content, ct);
        }
        catch (Exception ex) when (ex is FormatException or InvalidDataException or IOException or InvalidOperationException)
        {
            Error(0, "file", null, "Không đọc được tệp: " + ex.Message);
            return Refused(fileName, 0, errors);
        }

        if (raw.Count == 0)
        {
            Error(1, "file", null, "Tệp không có dòng dữ liệu nào.");
            return Refused(fileName, 0, errors);
        }

        if (raw.Count > MaxRows)
        {
            Error(0, "file", null, string.Create(CultureInfo.InvariantCulture, $"Tệp có {raw.Count} dòng, tối đa {MaxRows} dòng một lần."));
            return Refused(fileName, raw.Count, errors);
        }

        foreach (var column in Required.Where(c => !raw[0].ContainsKey(c)))
        {
            Error(1, column, null, $"Thiếu cột {Headers[column]} ({column}).");
        }

        if (errors.Count > 0)
        {
            return Refused(fileName, raw.Count, errors);
        }

        // Look-ups, in bulk: households (in the user's scope), standards, decisions already recorded, years already decided.
        var scoped = UnitScope.Apply(db.Households.AsNoTracking(), db.CurrentUser);
        var codes = raw.Select(r => r["household_code"].Trim()).Where(c => c.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var households = new Dictionary<string, (long Id, string ProvinceCode, string CommuneCode, string? VillageCode, int Members)>(StringComparer.Ordinal);
        foreach (var chunk in codes.Chunk(1_000))
        {
            foreach (var h in await scoped.Where(h => chunk.Contains(h.Code))
                .Select(h => new { h.Code, h.Id, h.ProvinceCode, h.CommuneCode, h.VillageCode, Members = h.Members.Count }).ToListAsync(ct))
            {
                households[h.Code] = (h.Id, h.ProvinceCode, h.CommuneCode, h.VillageCode, h.Members);
            }
        }

        var standards = (await db.PovertyStandards.AsNoTracking().Select(s => s.Code).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var today = db.Clock.Today();
        var rows = new List<Row>(raw.Count);
        for (var i = 0; i < raw.Count; i++)
        {
            var n = i + 2;
            var r = raw[i];
            var before = errors.Count;
            var code = r["household_code"].Trim();
            (long Id, string ProvinceCode, string CommuneCode, string? VillageCode, int Members) household = default;
            if (code.Length == 0)
            {
                Error(n, "household_code", code, "Thiếu mã hộ.");
            }
            else if (!households.TryGetValue(code, out household))
            {
                Error(n, "household_code", code, "Không tìm thấy hộ có mã này (hoặc hộ ngoài địa bàn của bạn).");
            }
            else if (r.GetValueOrDefault("commune_code")?.Trim() is { Length: > 0 } commune && commune != household.CommuneCode)
            {
                Error(n, "commune_code", commune, $"Hộ {code} thuộc xã {household.CommuneCode}, không thuộc xã {commune} ghi trong tệp.");
            }

            var yearText = r["review_year"].Trim();
            if (!int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year < 2000 || year > today.Year)
            {
                Error(n, "review_year", yearText, string.Create(CultureInfo.InvariantCulture, $"Năm rà soát phải là số từ 2000 đến {today.Year}."));
            }

            var standard = r["standard_code"].Trim();
            if (!standards.Contains(standard))
            {
                Error(n, "standard_code", standard, "Mã chuẩn nghèo không có trong hệ thống (ví dụ ND07_2021).");
            }

            var categoryText = r["category"];
            if (!TryCategory(categoryText, out var category))
            {
                Error(n, "category", categoryText, "Phân loại không hợp lệ: dùng poor/near_poor/medium/not_poor hoặc nghèo/cận nghèo/trung bình/không nghèo.");
            }

            var number = VietnameseText.NormalizeName(r["decision_number"]);
            if (number.Length == 0)
            {
                Error(n, "decision_number", number, "Thiếu số quyết định.");
            }

            var signedText = r["signed_on"].Trim();
            if (!TryDate(signedText, out var signedOn))
            {
                Error(n, "signed_on", signedText, "Ngày ký phải theo dạng dd/MM/yyyy hoặc yyyy-MM-dd.");
            }
            else if (signedOn > today)
            {
                Error(n, "signed_on", signedText, "Ngày ký không được sau hôm nay.");
            }
            else if (year > 0 && signedOn.Year < year)
            {
                Error(n, "signed_on", signedText, string.Create(CultureInfo.InvariantCulture, $"Quyết định của năm rà soát {year} không thể ký trước năm {year}."));
            }

            var signer = VietnameseText.NormalizeName(r["signer"]);
            if (signer.Length == 0)
            {
                Error(n, "signer", signer, "Thiếu người ký quyết định.");
            }

            var kindText = r["kind"];
            if (!TryKind(kindText, out var kind))
            {
                Error(n, "kind", kindText, "Loại rà soát phải là \"định kỳ\" hoặc \"thường xuyên\" (periodic/regular).");
            }

            if (errors.Count == before)
            {
                rows.Add(new Row(n, household.Id, household.ProvinceCode!, household.CommuneCode!, household.VillageCode, code, year, standard, category,
                    number, signedOn, signer, kind));
            }
        }

        // Across rows: one household-year-standard once; a decision number of a commune means one decision (same day, signer, kind, year, standard).
        foreach (var dup in rows.GroupBy(r => (r.HouseholdId, r.Year, r.Standard)).Where(g => g.Count() > 1))
        {
            foreach (var r in dup.Skip(1))
            {
                Error(r.Number, "household_code", r.HouseholdCode,
                    string.Create(CultureInfo.InvariantCulture, $"Hộ {r.HouseholdCode}, năm {r.Year}, chuẩn {r.Standard} đã có ở dòng {dup.First().Number}."));
            }
        }

        var groups = rows.GroupBy(r => (r.CommuneCode, r.DecisionNumber)).ToList();
        foreach (var g in groups)
        {
            var first = g.First();
            foreach (var r in g.Skip(1))
            {
                if (r.SignedOn != first.SignedOn)
                {
                    Error(r.Number, "signed_on", r.SignedOn.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
                        $"Quyết định số {r.DecisionNumber} của xã {r.CommuneCode} đã ghi ngày ký {first.SignedOn:dd/MM/yyyy} ở dòng {first.Number}.");
                }
                else if (r.Year != first.Year || r.Standard != first.Standard || r.Kind != first.Kind || r.Signer != first.Signer)
                {
                    Error(r.Number, "decision_number", r.DecisionNumber,
                        $"Quyết định số {r.DecisionNumber} của xã {r.CommuneCode} ở dòng {first.Number} có năm, chuẩn, loại rà soát hoặc người ký khác.");
                }
            }
        }

        // Against the database: a number already used by the commune with another day; a household year already decided.
        var communes = groups.Select(g => g.Key.CommuneCode).Distinct(StringComparer.Ordinal).ToList();
        var existing = await db.RecognitionDecisions.AsNoTracking().Where(d => communes.Contains(d.CommuneCode))
            .Select(d => new { d.CommuneCode, d.Number, d.SignedOn }).ToListAsync(ct);
        foreach (var g in groups)
        {
            var first = g.First();
            if (existing.FirstOrDefault(d => d.CommuneCode == g.Key.CommuneCode && d.Number == g.Key.DecisionNumber && d.SignedOn != first.SignedOn) is { } other)
            {
                Error(first.Number, "decision_number", first.DecisionNumber,
                    $"Xã {first.CommuneCode} đã có quyết định số {other.Number} ký ngày {other.SignedOn:dd/MM/yyyy}; một số quyết định không thể có hai ngày ký.");
            }
        }

        var ids = rows.Select(r => r.HouseholdId).Distinct().ToList();
        var decided = new List<(long HouseholdId, int Year, string Standard, string Number, DateOnly SignedOn)>();
        foreach (var chunk in ids.Chunk(1_000))
        {
            decided.AddRange((await (from s in db.HouseholdStatuses.AsNoTracking()
                                     join d in db.RecognitionDecisions on s.DecisionId equals d.Id
                                     where chunk.Contains(s.HouseholdId) && s.Recognised
                                     select new { s.HouseholdId, s.ReviewYear, s.StandardCode, d.Number, d.SignedOn }).ToListAsync(ct))
                .Select(x => (x.HouseholdId, x.ReviewYear, x.StandardCode, x.Number, x.SignedOn)));
            decided.AddRange((await (from c in db.HouseholdClassifications.AsNoTracking()
                                     join d in db.RecognitionDecisions on c.DecisionId equals d.Id
                                     where chunk.Contains(c.HouseholdId)
                                     select new { c.HouseholdId, c.Year, c.StandardCode, d.Number, d.SignedOn }).ToListAsync(ct))
                .Select(x => (x.HouseholdId, x.Year, x.StandardCode, x.Number, x.SignedOn)));
        }

        var decidedKeys = decided.GroupBy(d => (d.HouseholdId, d.Year, d.Standard)).ToDictionary(g => g.Key, g => g.First());
        foreach (var r in rows)
        {
            if (decidedKeys.TryGetValue((r.HouseholdId, r.Year, r.Standard), out var d))
            {
                Error(r.Number, "review_year", r.Year.ToString(CultureInfo.InvariantCulture),
                    $"Hộ {r.HouseholdCode} năm {r.Year} (chuẩn {r.Standard}) đã được công nhận theo quyết định số {d.Number} ngày {d.SignedOn:dd/MM/yyyy}; "
                    + "điều chỉnh kết quả đã quyết định phải qua một đợt rà soát thường xuyên với quyết định mới.");
            }
        }

        if (errors.Count > 0)
        {
            return Refused(fileName, raw.Count, [.. errors.OrderBy(e => e.Row)]);
        }

        // All rows valid: commit everything in one transaction.
        var now = db.Clock.GetUtcNow().UtcDateTime;
        var statusCount = 0;
        var source = "import:" + Path.GetFileName(fileName);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var created = new List<(RecognitionDecisionEntity Decision, CampaignKind Kind, List<long> Households)>();
        foreach (var g in groups)
        {
            var first = g.First();
            var rules = await new ReviewSettings(db).RulesAsync(first.ProvinceCode, ct);
            var month = first.Kind == CampaignKind.Periodic ? rules.PeriodicStartMonth : first.SignedOn.Month;
            var campaign = new ReviewCampaignEntity
            {
                ProvinceCode = first.ProvinceCode, Year = first.Year, Month = month, Kind = first.Kind, StartDate = first.SignedOn, EndDate = first.SignedOn,
                StandardCode = first.Standard, OpenedBy = source, OpenedAtUtc = now,
            };
            db.ReviewCampaigns.Add(campaign);
            await db.SaveChangesAsync(ct);
            var review = new CommuneReviewEntity
            {
                CampaignId = campaign.Id, ProvinceCode = first.ProvinceCode, CommuneCode = first.CommuneCode, State = CommuneReviewState.Decided,
                ReportDeadline = rules.ReportDeadline(first.Kind, first.Year, month),
            };
            db.CommuneReviews.Add(review);
            await db.SaveChangesAsync(ct);
            var decision = new RecognitionDecisionEntity
            {
                CommuneReviewId = review.Id, CommuneCode = first.CommuneCode, Year = first.Year, StandardCode = first.Standard, Number = first.DecisionNumber,
                SignedOn = first.SignedOn, Signer = first.Signer,
            };
            db.RecognitionDecisions.Add(decision);
            await db.SaveChangesAsync(ct);
            review.DecisionId = decision.Id;

            var householdIds = g.Select(r => r.HouseholdId).ToList();
            var classifications = await db.HouseholdClassifications
                .Where(c => householdIds.Contains(c.HouseholdId) && c.Year == first.Year && c.StandardCode == first.Standard).ToListAsync(ct);
            foreach (var r in g)
            {
                var row = classifications.Find(c => c.HouseholdId == r.HouseholdId);
                if (row is null)
                {
                    row = new HouseholdClassificationEntity
                    {
                        HouseholdId = r.HouseholdId, ProvinceCode = r.ProvinceCode, CommuneCode = r.CommuneCode, VillageCode = r.VillageCode, Year = r.Year,
                        StandardCode = r.Standard, MemberCount = households[r.HouseholdCode].Members, ComputedAtUtc = now,
                    };
                    db.HouseholdClassifications.Add(row);
                }

                row.Category = r.Category;
                row.DecisionId = decision.Id;
            }

            await db.SaveChangesAsync(ct);
            created.Add((decision, first.Kind, householdIds));
        }

        var writer = new HouseholdStatusWriter(db);
        foreach (var (decision, kind, householdIds) in created)
        {
            statusCount += await writer.StageAsync(decision, kind, householdIds, ct, source);
        }

        db.AddAuditEvent("decisions.import", "RecognitionDecision", Path.GetFileName(fileName), null, new
        {
            file = Path.GetFileName(fileName), rows = rows.Count, decisions = created.Select(c => new { c.Decision.Id, c.Decision.CommuneCode, c.Decision.Number, c.Decision.SignedOn, households = c.Households.Count }),
            statuses = statusCount,
        });
        await db.SaveChangesAsync(ct);
        await Reports.Aggregates.ReportAggregates.MarkDirtyAsync(db, rows.Select(r => (r.ProvinceCode, r.CommuneCode)).Distinct(), ct);
        await Support.GapRefresh.RefreshGapsAsync(db, ids, ct);
        await transaction.CommitAsync(ct);
        return Result<DecisionImportReport>.Ok(new DecisionImportReport(fileName, true, rows.Count, created.Count, statusCount, []));
    }

    private static Result<DecisionImportReport> Refused(string fileName, int rows, IReadOnlyList<DecisionImportError> errors) =>
        Result<DecisionImportReport>.Ok(new DecisionImportReport(fileName, false, rows, 0, 0, errors));

    private static bool TryCategory(string? text, out HouseholdCategory category)
    {
        if (HouseholdCategoryCodes.TryParse(text, out category))
        {
            return true;
        }

        var folded = VietnameseText.Fold(text ?? string.Empty).Trim();
        folded = folded.StartsWith("ho ", StringComparison.Ordinal) ? folded[3..] : folded;
        (var ok, category) = folded switch
        {
            "ngheo" => (true, HouseholdCategory.Poor),
            "can ngheo" => (true, HouseholdCategory.NearPoor),
            "trung binh" or "co muc song trung binh" => (true, HouseholdCategory.Medium),
            "khong ngheo" => (true, HouseholdCategory.NotPoor),
            _ => (false, HouseholdCategory.NotPoor),
        };
        return ok;
    }

    private static bool TryKind(string? text, out CampaignKind kind)
    {
        (var ok, kind) = VietnameseText.Fold(text ?? string.Empty).Trim() switch
        {
            "dinh ky" or "periodic" => (true, CampaignKind.Periodic),
            "thuong xuyen" or "regular" => (true, CampaignKind.Regular),
            _ => (false, CampaignKind.Periodic),
        };
        return ok;
    }

    private static bool TryDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, ["dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

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
        var lines = Support.SupportImport.ParseCsv(await reader.ReadToEndAsync(ct));
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
}
