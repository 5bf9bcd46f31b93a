using GiamNgheo.Application.AdminUnits;
using GiamNgheo.Application.Audit;
using GiamNgheo.Application.Households;
using GiamNgheo.Application.Identity;
using GiamNgheo.Application.Interchange;
using GiamNgheo.Application.Persistence;
using GiamNgheo.Application.Surveys;
using GiamNgheo.Domain.Classification;
using Microsoft.EntityFrameworkCore;

namespace GiamNgheo.Application.Exports;

/// <summary>
/// Which households to export: a unit (province, commune or village code), optionally only those of a category
/// under a standard, for a review year (default: the latest year with surveys).
/// </summary>
public sealed record ExportRequest
{
    public required string UnitCode { get; init; }
    public HouseholdCategory? Category { get; init; }
    public string? StandardCode { get; init; }
    public int? Year { get; init; }
}

public sealed record ExportSummary(long Households, long Members, int Year);

/// <summary>
/// Writes households and members of a unit in the interchange format (CSV pair or XLSX workbook), so that an export
/// imports again. Streams: the database is read in keyset batches of <see cref="Batch"/> households, never the whole
/// list at once. Respects the user's scope (a unit outside it is "not found") and is audited.
/// </summary>
public sealed class HouseholdExporter(AppDbContext db)
{
    public const int Batch = 2_000;
    public const string DefaultStandard = "ND07_2021";

    public async Task<Result<ExportSummary>> ExportCsvAsync(ExportRequest request, Stream households, Stream? members, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(households);
        var query = await QueryAsync(request, ct);
        if (query is null)
        {
            return Result<ExportSummary>.NotFound();
        }

        long h = 0, m = 0;
        await using (var hw = new HouseholdCsvWriter(households, leaveOpen: true))
        await using (var mw = members is null ? null : new MemberCsvWriter(members, leaveOpen: true))
        {
            await foreach (var (row, memberRows) in RowsAsync(query.Value, ct))
            {
                await hw.WriteAsync(row, ct);
                h++;
                if (mw is not null)
                {
                    foreach (var member in memberRows)
                    {
                        await mw.WriteAsync(member, ct);
                        m++;
                    }
                }
            }
        }

        await AuditAsync(request, query.Value.Year, h, m, "csv", ct);
        return Result<ExportSummary>.Ok(new ExportSummary(h, m, query.Value.Year));
    }

    /// <summary>
    /// One workbook with the sheets "Hộ gia đình" and "Thành viên" (continued in "Thành viên (2)"… past an Excel
    /// sheet), written in one pass over the data by <see cref="InterchangeWorkbookWriter"/>.
    /// </summary>
    public async Task<Result<ExportSummary>> ExportXlsxAsync(ExportRequest request, Stream workbook, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(workbook);
        var query = await QueryAsync(request, ct);
        if (query is null)
        {
            return Result<ExportSummary>.NotFound();
        }

        long h, m;
        using (var writer = new InterchangeWorkbookWriter(workbook, InterchangeHeader.Codes, leaveOpen: true, SheetRows))
        {
            await foreach (var (row, memberRows) in RowsAsync(query.Value, ct))
            {
                writer.Write(row);
                foreach (var member in memberRows)
                {
                    writer.Write(member);
                }
            }

            writer.Complete();
            (h, m) = (writer.Households, writer.Members);
        }

        await AuditAsync(request, query.Value.Year, h, m, "xlsx", ct);
        return Result<ExportSummary>.Ok(new ExportSummary(h, m, query.Value.Year));
    }

    /// <summary>The Vietnamese column headers of the household list export (<see cref="ExportListAsync"/>).</summary>
    public static readonly IReadOnlyList<string> ListHeaders =
        ["STT", "Mã hộ", "Chủ hộ", "Số định danh chủ hộ", "Xã/phường", "Thôn/tổ dân phố", "Địa chỉ", "Số nhân khẩu", "Tình trạng", "Nguồn phân loại"];

    /// <summary>
    /// The household list as filtered on the page (<see cref="HouseholdListQuery"/>: unit, search, status of the year under
    /// the standard), every page of it, as an XLSX sheet or a CSV (UTF-8 with BOM) with Vietnamese headers: code, head,
    /// the head's ID number masked, unit, address, members, the status and its source. Read in batches of
    /// <see cref="Batch"/> households in the list's order; audited as an export with the filter and the row count.
    /// </summary>
    public async Task<Result<long>> ExportListAsync(HouseholdListQuery query, string format, Stream output, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(output);
        var csv = string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase);
        if (!csv && !string.Equals(format, "xlsx", StringComparison.OrdinalIgnoreCase))
        {
            return Result<long>.Invalid(new Dictionary<string, string[]> { ["format"] = ["Chọn định dạng XLSX hoặc CSV."] });
        }

        var households = new HouseholdQueries(db);
        var filtered = await households.FilteredAsync(query, ct);
        var ids = await HouseholdQueries.Ordered(filtered).Select(h => h.Id).ToListAsync(ct);
        var statusTitle = query.Year is { } y ? $"Tình trạng năm {y.ToString(System.Globalization.CultureInfo.InvariantCulture)}" : ListHeaders[8];
        string[] headers = [.. ListHeaders.Take(8), statusTitle, ListHeaders[9]];
        long count = 0;
        using (var xlsx = csv ? null : new XlsxStreamWriter(output, leaveOpen: true))
        using (var sheet = xlsx?.BeginSheet("Danh sách hộ"))
        using (var text = csv ? new StreamWriter(output, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 65_536, leaveOpen: true) : null)
        {
            void Row(IReadOnlyList<object?> cells)
            {
                if (sheet is not null)
                {
                    sheet.BeginRow();
                    foreach (var cell in cells)
                    {
                        if (cell is long or int)
                        {
                            sheet.Number(System.Convert.ToInt64(cell, System.Globalization.CultureInfo.InvariantCulture));
                        }
                        else
                        {
                            sheet.Text(cell as string);
                        }
                    }

                    sheet.EndRow();
                }
                else
                {
                    text!.Write(string.Join(",", cells.Select(c => Csv(System.Convert.ToString(c, System.Globalization.CultureInfo.InvariantCulture)))));
                    text.Write("\r\n");
                }
            }

            Row(headers);
            foreach (var chunk in ids.Chunk(Batch))
            {
                var items = await households.ItemsAsync(db.Households.AsNoTracking().Where(h => chunk.Contains(h.Id)), query, ct);
                var byId = items.ToDictionary(i => i.Id);
                foreach (var id in chunk)
                {
                    if (!byId.TryGetValue(id, out var i))
                    {
                        continue;
                    }

                    count++;
                    Row([count, i.Code, i.HeadName, i.HeadPersonalIdMasked, i.CommuneName, i.VillageName, i.Address, i.MemberCount,
                        i.Status?.CategoryVi, i.Status?.SourceDetailVi]);
                }
            }

            sheet?.Dispose();
            xlsx?.Complete();
        }

        db.AddAuditEvent(AuditActions.Export, "Households", query.VillageCode ?? query.CommuneCode ?? db.CurrentUser.ScopeUnitCode ?? "*", null, new
        {
            list = true, commune = query.CommuneCode, village = query.VillageCode, search = query.Search, standard = query.Standard, year = query.Year,
            status = query.Category, former = query.IncludeFormer, format = csv ? "csv" : "xlsx", households = count,
        });
        await db.SaveChangesAsync(ct);
        return Result<long>.Ok(count);
    }

    private static string Csv(string? value)
    {
        var v = value ?? string.Empty;
        return v.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + v.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : v;
    }

    /// <summary>Data rows per worksheet before a continuation sheet (Excel's limit; tests set a small one).</summary>
    internal int SheetRows { get; set; } = XlsxStreamWriter.MaxRows - 1;

    private async Task AuditAsync(ExportRequest request, int year, long households, long members, string format, CancellationToken ct)
    {
        db.AddAuditEvent(AuditActions.Export, "Households", request.UnitCode, null, new
        {
            unit = request.UnitCode, category = request.Category?.ToCode(), standard = request.StandardCode, year, format, households, members,
        });
        await db.SaveChangesAsync(ct);
    }

    internal readonly record struct ExportQuery(IQueryable<HouseholdEntity> Households, int Year, string? Standard, HouseholdCategory? Category);

    private async Task<ExportQuery?> QueryAsync(ExportRequest request, CancellationToken ct)
    {
        var code = request.UnitCode.Trim();
        var unit = await db.AdminUnits.AsNoTracking().Where(u => u.Code == code && u.ValidTo == null).FirstOrDefaultAsync(ct);
        if (unit is null || unit.Level == AdminLevel.District)
        {
            return null;
        }

        var query = UnitScope.Apply(db.Households.AsNoTracking(), db.CurrentUser);
        query = unit.Level switch
        {
            AdminLevel.Province => query.Where(h => h.ProvinceCode == code),
            AdminLevel.Commune => query.Where(h => h.CommuneCode == code),
            AdminLevel.Village => query.Where(h => h.VillageCode == code),
            AdminLevel.District => query.Where(_ => false),
        };
        if (!await query.AnyAsync(ct) && !InScope(unit))
        {
            return null;
        }

        var year = request.Year ?? await db.HouseholdSurveys.Select(s => (int?)s.Year).MaxAsync(ct) ?? db.Clock.Today().Year;
        var standard = request.StandardCode ?? (request.Category is null ? null : DefaultStandard);
        if (request.Category is { } category)
        {
            var classified = db.HouseholdClassifications.Where(c => c.Year == year && c.StandardCode == standard && c.Category == category);
            query = query.Where(h => classified.Any(c => c.HouseholdId == h.Id && c.ProvinceCode == h.ProvinceCode));
        }

        return new ExportQuery(query, year, standard, request.Category);
    }

    private bool InScope(AdminUnit unit)
    {
        var user = db.CurrentUser;
        if (user.ScopeUnitCode is null)
        {
            return user.IsInRole(Roles.SystemAdmin);
        }

        return unit.Code == user.ScopeUnitCode || (unit.Level == AdminLevel.Commune && unit.ParentCode == user.ScopeUnitCode);
    }

    /// <summary>
    /// The ids of the exported households, in order (8 bytes each: 8 MB for a million). Selecting them once and then
    /// fetching each batch by primary key keeps the export linear: a keyset page "Id &gt; last ORDER BY Id LIMIT n"
    /// filtered by unit lets the engine pick the unit index and sort every matching row again for every page.
    /// </summary>
    private static Task<long[]> IdsAsync(ExportQuery query, CancellationToken ct) =>
        query.Households.OrderBy(h => h.Id).Select(h => h.Id).ToArrayAsync(ct);

    /// <summary>
    /// The rows in household id order, one batch of households (with their members and survey) at a time. Only the
    /// exported columns are read. A batch whose ids are dense (a province or a commune imported in one go) is read as an
    /// id range (<c>BETWEEN</c> on the primary key and on the members' household index) and filtered here; a sparse one
    /// by its list of ids.
    /// </summary>
    internal async IAsyncEnumerable<(HouseholdRow Household, List<MemberRow> Members)> RowsAsync(
        ExportQuery query, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var villages = new Dictionary<string, string>(StringComparer.Ordinal);
        var all = await IdsAsync(query, ct);
        var year = query.Year;
        foreach (var ids in all.Chunk(Batch))
        {
            long lo = ids[0], hi = ids[^1];
            var dense = hi - lo < 2L * ids.Length;
            var households = dense ? db.Households.Where(h => h.Id >= lo && h.Id <= hi) : db.Households.Where(h => ids.Contains(h.Id));
            var members = dense ? db.Members.Where(m => m.HouseholdId >= lo && m.HouseholdId <= hi) : db.Members.Where(m => ids.Contains(m.HouseholdId));
            var surveys = dense
                ? db.HouseholdSurveys.Where(s => s.HouseholdId >= lo && s.HouseholdId <= hi && s.Year == year)
                : db.HouseholdSurveys.Where(s => ids.Contains(s.HouseholdId) && s.Year == year);

            var batch = await households.AsNoTracking().OrderBy(h => h.Id)
                .Select(h => new HouseholdSlice(h.Id, h.Code, h.CommuneCode, h.VillageCode, h.Address, h.HeadName, h.AreaType, h.Groups))
                .ToListAsync(ct);
            var memberRows = await members.AsNoTracking().OrderBy(m => m.HouseholdId).ThenBy(m => m.Order).ThenBy(m => m.Id)
                .Select(m => new MemberSlice(m.HouseholdId, m.FullName, m.Sex, m.DateOfBirth, m.EthnicityCode, m.RelationToHead, m.PersonalId,
                    m.HasHealthInsurance, m.Education, m.Schooling, m.Disability, m.Employment))
                .ToListAsync(ct);
            var surveyRows = await surveys.AsNoTracking()
                .Select(s => new SurveySlice(s.HouseholdId, s.IncomePerCapita, s.B1Score, s.B1ScoreTable, s.Answers, s.Causes, s.Needs))
                .ToDictionaryAsync(s => s.HouseholdId, ct);
            await VillagesAsync(batch, villages, ct);

            var next = 0;
            foreach (var h in batch)
            {
                while (next < memberRows.Count && memberRows[next].HouseholdId < h.Id)
                {
                    next++;
                }

                if (dense && Array.BinarySearch(ids, h.Id) < 0)
                {
                    continue;
                }

                var own = new List<MemberRow>();
                for (; next < memberRows.Count && memberRows[next].HouseholdId == h.Id; next++)
                {
                    own.Add(Member(h.Code, memberRows[next]));
                }

                yield return (Household(h, surveyRows.GetValueOrDefault(h.Id), villages, year), own);
            }
        }
    }

    private sealed record HouseholdSlice(long Id, string Code, string CommuneCode, string? VillageCode, string Address, string HeadName,
        Domain.Common.AreaType AreaType, Domain.Households.SpecialGroups Groups);

    private sealed record MemberSlice(long HouseholdId, string FullName, Domain.Households.Sex Sex, DateOnly DateOfBirth, string EthnicityCode,
        Domain.Households.RelationToHead RelationToHead, string? PersonalId, bool HasHealthInsurance, Domain.Households.EducationLevel Education,
        Domain.Households.Schooling Schooling, Domain.Households.Disability Disability, Domain.Households.Employment Employment);

    private sealed record SurveySlice(long HouseholdId, long? Income, int? B1Score, string? B1ScoreTable, string Answers, PovertyCauses Causes, SupportNeeds Needs);

    private async Task VillagesAsync(List<HouseholdSlice> batch, Dictionary<string, string> villages, CancellationToken ct)
    {
        var missing = batch.Select(h => h.VillageCode).OfType<string>().Where(v => !villages.ContainsKey(v)).Distinct().ToArray();
        if (missing.Length > 0)
        {
            foreach (var v in await db.AdminUnits.AsNoTracking().Where(u => u.Level == AdminLevel.Village && missing.Contains(u.Code)).ToListAsync(ct))
            {
                villages[v.Code] = v.Name;
            }
        }
    }

    private static HouseholdRow Household(HouseholdSlice h, SurveySlice? survey, Dictionary<string, string> villages, int year)
    {
        var answers = IndicatorAnswers.None;
        if (survey is not null)
        {
            foreach (var (code, value) in SurveyAnswers.Parse(survey.Answers))
            {
                var index = HouseholdColumns.IndicatorIndex(code);
                if (index >= 0)
                {
                    answers = answers.With(index, value);
                }
            }
        }

        return new HouseholdRow
        {
            HouseholdCode = h.Code,
            CommuneCode = h.CommuneCode,
            Village = h.VillageCode is null ? string.Empty : villages.GetValueOrDefault(h.VillageCode, h.VillageCode),
            Address = h.Address,
            HeadName = h.HeadName,
            Area = h.AreaType,
            ReviewYear = year,
            Income = survey?.Income,
            B1Score = survey?.B1Score,
            B1ScoreTable = survey?.B1Score is null ? null : survey.B1ScoreTable ?? Domain.Standards.ScoreTables.DefaultFor(year),
            Indicators = answers,
            Causes = survey?.Causes ?? PovertyCauses.None,
            Needs = survey?.Needs ?? SupportNeeds.None,
            Flags = h.Groups,
        };
    }

    private static MemberRow Member(string householdCode, MemberSlice m) => new()
    {
        HouseholdCode = householdCode,
        FullName = m.FullName,
        Sex = m.Sex,
        DateOfBirth = m.DateOfBirth,
        EthnicityCode = m.EthnicityCode,
        RelationToHead = m.RelationToHead,
        PersonalId = m.PersonalId ?? string.Empty,
        HealthInsurance = m.HasHealthInsurance,
        Education = m.Education,
        Schooling = m.Schooling,
        Disability = m.Disability,
        Employment = m.Employment,
    };
}
