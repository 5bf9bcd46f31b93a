using System.Security.Cryptography;
using GiamNgheo.Application.AdminUnits;
using GiamNgheo.Application.Households;
using GiamNgheo.Application.Interchange;
using GiamNgheo.Application.Persistence;
using GiamNgheo.Application.Standards;
using GiamNgheo.Application.Surveys;
using GiamNgheo.Domain.Classification;
using GiamNgheo.Domain.Common;
using GiamNgheo.Domain.Households;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace GiamNgheo.Application.Imports;

/// <summary>
/// What to import: the two CSV files of the interchange format, or one XLSX workbook with the sheets "Hộ gia đình"
/// and "Thành viên". <see cref="SourceName"/> is the name recorded (the uploaded file's name).
/// </summary>
public sealed record ImportRequest
{
    public string? HouseholdsPath { get; init; }
    public string? MembersPath { get; init; }
    public string? WorkbookPath { get; init; }

    /// <summary>An XLSX export of the KoboToolbox/ODK form of <see cref="KoboForm"/>.</summary>
    public string? KoboPath { get; init; }
    public string? SourceName { get; init; }

    /// <summary>
    /// Rows that would change a decided household-year (<see cref="Surveys.DecidedYears"/>) are refused. False (default):
    /// the whole file fails, listing them. True (<c>--skip-decided</c>, the form's box): they are reported as refused and
    /// every other row is imported.
    /// </summary>
    public bool SkipDecided { get; init; }

    /// <summary>Applies every row's survey to this review year instead of the file's (<c>--to-year</c>): e.g. a new, undecided year.</summary>
    public int? ToYear { get; init; }

    public static ImportRequest Csv(string households, string members, string? name = null) =>
        new() { HouseholdsPath = households, MembersPath = members, SourceName = name };

    public static ImportRequest Workbook(string path, string? name = null) => new() { WorkbookPath = path, SourceName = name };

    public static ImportRequest Kobo(string path, string? name = null) => new() { KoboPath = path, SourceName = name };
}

/// <summary>Where an import is: a stage in Vietnamese and a count of rows done in it.</summary>
public sealed record ImportProgress(string Stage, long Done, long Total);

/// <summary>
/// The outcome. <see cref="FileError"/> (unreadable file) or <see cref="Problems"/> (row-level) → nothing was written.
/// </summary>
public sealed record ImportResult
{
    public string? FileError { get; init; }
    public IReadOnlyList<InterchangeProblem> Problems { get; init; } = [];
    public bool Succeeded => FileError is null && Problems.Count == 0;

    /// <summary>Rows refused because they would change a decided household-year; imported around only with <see cref="ImportRequest.SkipDecided"/>.</summary>
    public IReadOnlyList<InterchangeProblem> Refused { get; init; } = [];
    public int Households { get; init; }
    public int Members { get; init; }
    public int Created { get; init; }
    public int Updated { get; init; }
    public int Unchanged { get; init; }
    public int VillagesCreated { get; init; }
    public long? ImportRecordId { get; init; }
    public string Sha256 { get; init; } = string.Empty;
}

/// <summary>
/// Imports households, members and their survey of the review year, classified under the active standards: whole
/// file validated first (every problem reported, nothing written when there is one), then everything in one
/// transaction. New households go through the bulk path (<see cref="BulkInserter"/>); a household whose code is
/// already registered is compared and, when it changed, updated through EF (audited field by field); an unchanged
/// one is left alone, so importing the same file twice changes nothing.
/// </summary>
public sealed class HouseholdImporter(AppDbContext db, StandardRegistry standards, HouseholdClassificationService classifier)
{
    /// <summary>Problems kept at most (the count goes on).</summary>
    public const int MaxProblems = 100_000;
    private const int Chunk = 500;

    /// <summary>
    /// New households from which the secondary indexes of the four tables are dropped and rebuilt after the load (when
    /// the tables do not already hold more households than the file brings).
    /// </summary>
    internal int DeferIndexesFrom { get; set; } = 5_000;

    private bool skipDecided;
    private string householdsFile = string.Empty;
    private readonly List<InterchangeProblem> refused = [];
    private Dictionary<string, ParsedHousehold> parsedByCode = new(StringComparer.Ordinal);

    /// <summary>
    /// Imports the files. <c>progress</c> is told of each stage as it starts, on the importing thread, in order; the
    /// writing stages run inside the transaction, so an exception thrown by it rolls back everything written so far (as a
    /// crash would).
    /// </summary>
    public async Task<ImportResult> ImportAsync(ImportRequest request, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.KoboPath is { } kobo)
        {
            var folder = Directory.CreateTempSubdirectory("giamngheo-kobo-");
            try
            {
                var (h, m) = KoboForm.ConvertExport(kobo, folder.FullName);
                return await ImportAsync(request with { KoboPath = null, HouseholdsPath = h, MembersPath = m, SourceName = request.SourceName ?? Path.GetFileName(kobo) }, progress, ct);
            }
            catch (InterchangeFileException e)
            {
                return new ImportResult { FileError = e.Message };
            }
            finally
            {
                folder.Delete(recursive: true);
            }
        }

        refused.Clear();
        var today = db.Clock.Today();
        var problems = new ProblemList(MaxProblems);
        var hProblems = new ProblemList(MaxProblems);
        var mProblems = new ProblemList(MaxProblems);
        List<ParsedHousehold> households = [];
        List<ParsedMember> members = [];
        string sha;
        string format;
        string hFile, mFile;
        try
        {
            progress?.Report(new ImportProgress("Đang đọc tệp", 0, 0));
            if (request.WorkbookPath is { } workbook)
            {
                format = "xlsx";
                hFile = InterchangeTableReader.HouseholdSheet;
                mFile = InterchangeTableReader.MemberSheet;
                sha = await HashAsync([workbook], ct);
                await ReadBothAsync(
                    () => ReadHouseholds(OpenRead(workbook), stream => InterchangeTableReader.ReadXlsx(stream, hFile, HouseholdColumns.All, InterchangeTableReader.RequiredHouseholdColumns, hProblems)),
                    () => ReadMembers(OpenRead(workbook), stream => InterchangeTableReader.ReadXlsx(stream, mFile, MemberColumns.All, InterchangeTableReader.RequiredMemberColumns, mProblems)));
            }
            else
            {
                var hPath = request.HouseholdsPath ?? throw new InterchangeFileException("Cần tệp hộ gia đình (households.csv).");
                var mPath = request.MembersPath ?? throw new InterchangeFileException("Cần tệp thành viên (members.csv).");
                format = "csv";
                hFile = Path.GetFileName(hPath);
                mFile = Path.GetFileName(mPath);
                var hashing = Task.Run(() => HashAsync([hPath, mPath], ct), ct); // while the files are parsed
                // Each file is cut into as many parts as there are cores, all parts parsed in parallel (file order kept).
                var hTask = ReadCsvInPartsAsync(hPath, hFile, HouseholdColumns.All, InterchangeTableReader.RequiredHouseholdColumns, hProblems,
                    (raw, list) => ImportRowParser.ParseHousehold(raw, hFile, today, list), ct);
                var mTask = ReadCsvInPartsAsync(mPath, mFile, MemberColumns.All, InterchangeTableReader.RequiredMemberColumns, mProblems,
                    (raw, list) => ImportRowParser.ParseMember(raw, mFile, today, list), ct);
                await Task.WhenAll(hTask, mTask, hashing);
                sha = await hashing;
                households.AddRange(await hTask);
                members.AddRange(await mTask);
                MergeProblems();
            }
        }
        catch (InterchangeFileException e)
        {
            return new ImportResult { FileError = e.Message };
        }
        catch (IOException e)
        {
            return new ImportResult { FileError = "Không mở được tệp: " + e.Message };
        }

        if (request.ToYear is { } toYear)
        {
            if (toYear < 2016 || toYear > today.Year + 1)
            {
                return new ImportResult { FileError = $"Năm rà soát đích (--to-year) phải từ 2016 đến {today.Year + 1}." };
            }

            households = [.. households.Select(h => h with { Value = h.Value with { ReviewYear = toYear } })];
        }

        skipDecided = request.SkipDecided;
        householdsFile = hFile;
        if (households.Count == 0 && problems.Count == 0)
        {
            return new ImportResult { FileError = $"{hFile}: không có dòng hộ gia đình nào (chỉ có dòng tiêu đề hoặc tệp trống)." };
        }

        progress?.Report(new ImportProgress("Đang kiểm tra", households.Count, households.Count));
        var reference = await ReferenceAsync(today, ct);
        var sourceName = Path.GetFileName(request.SourceName ?? request.WorkbookPath ?? request.HouseholdsPath!);
        if (problems.Count == 0 && !await db.Households.AnyAsync(ct))
        {
            // Nothing registered yet (a province's first load): no row can collide with the database, so the whole-file
            // checks run on a second thread while the rows are written, and the transaction commits only if they pass.
            var found = new ProblemList(MaxProblems);
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var validation = Task.Run(() =>
            {
                ImportValidator.Validate(households, members, reference, hFile, mFile, found);
                if (found.Count > 0)
                {
                    stop.Cancel(); // stop writing: it is all rolled back
                }

                return found.Count == 0;
            }, ct);
            try
            {
                return await WriteAsync(households, members, sourceName, sha, format, progress, validation, stop.Token);
            }
            catch (Exception) when (!ct.IsCancellationRequested)
            {
                // A file with problems can also make the writing fail (an unknown commune, a household without members):
                // the problems are the answer, as when validating first.
                if (!await validation)
                {
                    return Rejected(found);
                }

                throw;
            }
        }

        ImportValidator.Validate(households, members, reference, hFile, mFile, problems);
        if (problems.Count == 0)
        {
            await ValidateAgainstDatabaseAsync(households, members, reference.CommuneProvince, hFile, mFile, problems, ct);
        }

        if (problems.Count > 0)
        {
            return Rejected(problems);
        }

        return await WriteAsync(households, members, sourceName, sha, format, progress, null, ct);

        ImportResult Rejected(ProblemList found) =>
            new() { Problems = found.Sorted(), Households = households.Count, Members = members.Count, Sha256 = sha };

        // The two tables are read and parsed on two threads (each with its own problem list, merged after).
        async Task ReadBothAsync(Action readHouseholds, Action readMembers)
        {
            await Task.WhenAll(Task.Run(readHouseholds, ct), Task.Run(readMembers, ct));
            MergeProblems();
        }

        void MergeProblems()
        {
            foreach (var p in hProblems)
            {
                problems.Add(p);
            }

            foreach (var p in mProblems)
            {
                problems.Add(p);
            }
        }

        void ReadHouseholds(FileStream stream, Func<Stream, IEnumerable<InterchangeRawRow>> read)
        {
            using (stream)
            {
                foreach (var raw in read(stream))
                {
                    if (ImportRowParser.ParseHousehold(raw, hFile, today, hProblems) is { } h)
                    {
                        households.Add(h);
                    }
                }
            }
        }

        void ReadMembers(FileStream stream, Func<Stream, IEnumerable<InterchangeRawRow>> read)
        {
            using (stream)
            {
                foreach (var raw in read(stream))
                {
                    if (ImportRowParser.ParseMember(raw, mFile, today, mProblems) is { } m)
                    {
                        members.Add(m);
                    }
                }
            }
        }
    }

    /// <summary>
    /// Reads and parses a CSV table in parts (<see cref="InterchangeTableReader.CsvParts"/>) on the thread pool, or whole
    /// when it cannot be cut; rows and problems come back in file order, as a single reader would give them.
    /// </summary>
    internal static async Task<List<T>> ReadCsvInPartsAsync<T>(
        string path, string label, IReadOnlyList<InterchangeColumn> columns, IReadOnlySet<string> required, ICollection<InterchangeProblem> problems,
        Func<InterchangeRawRow, ICollection<InterchangeProblem>, T?> parse, CancellationToken ct, int? parts = null, long minimumBytes = 1 << 20)
        where T : class
    {
        var cuts = InterchangeTableReader.CsvParts(path, parts ?? Environment.ProcessorCount, minimumBytes)
            ?? [new CsvPart(0, new FileInfo(path).Length, 1)];
        var map = cuts.Count > 1 ? InterchangeTableReader.CsvHeaderMap(path, columns, required, label) : null;
        var rows = new List<T>[cuts.Count];
        var lists = new ProblemList[cuts.Count];
        await Task.WhenAll(cuts.Select((cut, k) => Task.Run(() =>
        {
            var found = lists[k] = new ProblemList(MaxProblems);
            var list = rows[k] = [];
            using var stream = cut.Open(path);
            foreach (var raw in InterchangeTableReader.ReadCsvPart(stream, columns, required, label, found, k == 0 ? null : map, cut.FirstRow))
            {
                if (parse(raw, found) is { } value)
                {
                    list.Add(value);
                }
            }
        }, ct)));
        foreach (var list in lists)
        {
            foreach (var problem in list)
            {
                problems.Add(problem);
            }
        }

        if (rows.Length == 1)
        {
            return rows[0];
        }

        var all = new List<T>(rows.Sum(r => r.Count));
        foreach (var list in rows)
        {
            all.AddRange(list);
        }

        return all;
    }

    private async Task<ImportReference> ReferenceAsync(DateOnly today, CancellationToken ct)
    {
        var communes = await db.AdminUnits.AsNoTracking().Where(u => u.Level == AdminLevel.Commune).ToListAsync(ct);
        var communeProvince = communes.Where(c => c.IsValidOn(today) && c.ParentCode != null)
            .GroupBy(c => c.Code).ToDictionary(g => g.Key, g => g.First().ParentCode!, StringComparer.Ordinal);
        var ethnic = (await db.EthnicGroups.AsNoTracking().Select(e => e.Code).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        return new ImportReference(communeProvince, ethnic, db.CurrentUser);
    }

    /// <summary>Registered households the file would touch must be in the user's scope; ID numbers must not belong to another registered household.</summary>
    private async Task ValidateAgainstDatabaseAsync(
        List<ParsedHousehold> households, List<ParsedMember> members, IReadOnlyDictionary<string, string> communeProvince,
        string hFile, string mFile, ProblemList problems, CancellationToken ct)
    {
        if (!await db.Households.AnyAsync(ct))
        {
            return;
        }

        var fileRows = households.ToDictionary(h => h.Value.HouseholdCode, StringComparer.Ordinal);
        foreach (var chunk in households.Select(h => h.Value.HouseholdCode).Chunk(Chunk))
        {
            var found = await db.Households.AsNoTracking().Where(h => chunk.Contains(h.Code))
                .Select(h => new { h.Code, h.ProvinceCode, h.CommuneCode, h.VillageCode }).ToListAsync(ct);
            foreach (var h in found.Where(h => !Identity.UnitScope.Contains(db.CurrentUser, h.ProvinceCode, h.CommuneCode, h.VillageCode)))
            {
                problems.Add(new(fileRows[h.Code].Sheet ?? hFile, fileRows[h.Code].Row, HouseholdColumns.HouseholdCode, h.Code,
                    "Mã hộ này đã thuộc một hộ ngoài phạm vi quản lý của bạn."));
            }

            // A household never changes province in place (the province is its distribution key, docs/scaling.md).
            foreach (var h in found.Where(h => communeProvince.TryGetValue(fileRows[h.Code].Value.CommuneCode, out var p) && p != h.ProvinceCode))
            {
                problems.Add(new(fileRows[h.Code].Sheet ?? hFile, fileRows[h.Code].Row, HouseholdColumns.CommuneCode, fileRows[h.Code].Value.CommuneCode,
                    Households.HouseholdProvince.ChangeRefused));
            }
        }

        var withId = members.Where(m => m.Value.PersonalId.Length > 0).ToList();
        foreach (var chunk in withId.Chunk(Chunk))
        {
            var ids = chunk.Select(m => m.Value.PersonalId).ToArray();
            var found = await db.Members.AsNoTracking().Where(m => ids.Contains(m.PersonalId))
                .Select(m => new { m.PersonalId, m.Household!.Code }).ToListAsync(ct);
            var byId = found.GroupBy(f => f.PersonalId!).ToDictionary(g => g.Key, g => g.Select(x => x.Code).ToList(), StringComparer.Ordinal);
            foreach (var m in chunk)
            {
                if (byId.TryGetValue(m.Value.PersonalId, out var codes) && codes.Any(c => c != m.Value.HouseholdCode && !fileRows.ContainsKey(c)))
                {
                    problems.Add(new(m.Sheet ?? mFile, m.Row, MemberColumns.PersonalId, m.Value.PersonalId,
                        $"Số định danh này đã thuộc một thành viên của hộ \"{codes.First(c => c != m.Value.HouseholdCode)}\" trong hệ thống."));
                }
            }
        }
    }

    /// <summary>
    /// Writes the validated rows in one transaction. <paramref name="validation"/>, when given, is the whole-file checks
    /// still running (true = no problem): awaited before the commit, which a false vetoes (rollback).
    /// </summary>
    private async Task<ImportResult> WriteAsync(
        List<ParsedHousehold> households, List<ParsedMember> members, string sourceName, string sha, string format,
        IProgress<ImportProgress>? progress, Task<bool>? validation, CancellationToken ct)
    {
        var byHousehold = ByHousehold(members, households.Count);
        var minority = (await db.EthnicGroups.AsNoTracking().Where(e => e.IsEthnicMinority).Select(e => e.Code).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var now = db.Clock.GetUtcNow().UtcDateTime;
        var source = ("import:" + sourceName) is var s && s.Length > 300 ? s[..300] : s;

        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            try
            {
                progress?.Report(new ImportProgress("Đang tạo thôn", 0, 0));
                // Villages named in the file, created under their commune when missing.
                var villageCodes = new Dictionary<(string, string), string>();
                var villagesCreated = 0;
                foreach (var group in households.Select(h => (h.Value.CommuneCode, h.Value.Village)).Distinct().GroupBy(v => v.CommuneCode))
                {
                    var existing = await db.AdminUnits.Where(u => u.ParentCode == group.Key && u.Level == AdminLevel.Village).ToListAsync(ct);
                    var today = db.Clock.Today();
                    foreach (var (commune, name) in group)
                    {
                        var folded = VietnameseText.Fold(name);
                        var match = existing.FirstOrDefault(v => v.IsValidOn(today) && VietnameseText.Fold(v.Name) == folded);
                        if (match is null)
                        {
                            match = new AdminUnit
                            {
                                Code = VillageCodes.Next(commune, existing.Select(v => v.Code)),
                                Level = AdminLevel.Village,
                                Name = name,
                                FullName = name,
                                Type = "Thôn",
                                TypeEn = "Village",
                                ParentCode = commune,
                                ValidFrom = today,
                            };
                            db.AdminUnits.Add(match);
                            existing.Add(match);
                            villagesCreated++;
                        }

                        villageCodes[(commune, name)] = match.Code;
                    }
                }

                if (villagesCreated > 0)
                {
                    await db.SaveChangesAsync(ct);
                    db.ChangeTracker.Clear();
                }

                var communeProvince = (await ReferenceAsync(db.Clock.Today(), ct)).CommuneProvince;

                // Which codes are registered already.
                var registered = new Dictionary<string, long>(StringComparer.Ordinal);
                var registeredCount = await db.Households.LongCountAsync(ct);
                if (registeredCount > 0)
                {
                    foreach (var chunk in households.Select(h => h.Value.HouseholdCode).Chunk(Chunk))
                    {
                        foreach (var h in await db.Households.AsNoTracking().Where(h => chunk.Contains(h.Code)).Select(h => new { h.Code, h.Id }).ToListAsync(ct))
                        {
                            registered[h.Code] = h.Id;
                        }
                    }
                }

                progress?.Report(new ImportProgress("Đang tìm hộ đã có", 0, 0));
                var fresh = households.Where(h => !registered.ContainsKey(h.Value.HouseholdCode)).Select(h => h.Value).ToList();
                var existingRows = households.Where(h => registered.ContainsKey(h.Value.HouseholdCode)).Select(h => h.Value).ToList();
                parsedByCode = households.Where(h => registered.ContainsKey(h.Value.HouseholdCode)).ToDictionary(h => h.Value.HouseholdCode, StringComparer.Ordinal);
                if (fresh.Count > 0)
                {
                    await BulkInsertAsync(fresh, byHousehold, villageCodes, communeProvince, minority, source, now, registeredCount, validation, progress, ct);
                    await Reports.Aggregates.ReportAggregates.MarkDirtyAsync(db, fresh.Select(r => (communeProvince[r.CommuneCode], r.CommuneCode)), ct); // report aggregates (docs/reports.md)
                }

                progress?.Report(new ImportProgress("Đang cập nhật hộ đã có", 0, existingRows.Count));
                var updated = 0;
                foreach (var chunk in existingRows.Chunk(Chunk))
                {
                    updated += await UpdateChunkAsync(chunk, byHousehold, villageCodes, communeProvince, minority, source, ct);
                    db.ChangeTracker.Clear();
                }

                if (refused.Count > 0 && !skipDecided)
                {
                    // A decided result is never overwritten: by default the whole file fails, listing the refused rows.
                    await transaction.RollbackAsync(CancellationToken.None);
                    db.ChangeTracker.Clear();
                    return new ImportResult { Problems = [.. refused.OrderBy(p => p.Row)], Refused = [.. refused.OrderBy(p => p.Row)], Households = households.Count, Members = members.Count, Sha256 = sha };
                }

                progress?.Report(new ImportProgress("Đang ghi nhật ký và hoàn tất", 0, 0));
                var changed = fresh.Count + updated + villagesCreated;
                long? recordId = null;
                if (changed > 0)
                {
                    var record = new ImportRecord
                    {
                        FileName = sourceName.Length > 300 ? sourceName[..300] : sourceName,
                        Sha256 = sha,
                        UserName = db.CurrentUser.UserName,
                        AtUtc = now,
                        Format = format,
                        Households = households.Count,
                        Members = members.Count,
                        Created = fresh.Count,
                        Updated = updated,
                        Unchanged = existingRows.Count - updated - refused.Count,
                        VillagesCreated = villagesCreated,
                    };
                    db.ImportRecords.Add(record);
                    await db.SaveChangesAsync(ct);
                    recordId = record.Id;
                    db.AddAuditEvent("import", "ImportRecord", record.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), null, new
                    {
                        file = record.FileName, sha256 = sha, households = households.Count, members = members.Count,
                        created = fresh.Count, updated, unchanged = record.Unchanged, villages = villagesCreated,
                        refused = refused.Select(p => new { p.Row, code = p.Value, p.Reason }).ToList(),
                    });
                    await db.SaveChangesAsync(ct);
                }

                progress?.Report(new ImportProgress("Đang cập nhật danh sách chờ hỗ trợ", 0, 0));
                await new Support.GapMaterializer(db).RefreshForImportAsync([.. households.Select(h => (h.Value.HouseholdCode, h.Value.CommuneCode))], ct); // materialised gaps (docs/policies.md)
                if (validation is not null && !await validation)
                {
                    throw new OperationCanceledException("The whole-file checks found problems: nothing is committed.");
                }

                progress?.Report(new ImportProgress("Đang lưu vào cơ sở dữ liệu", 0, 0));
                await transaction.CommitAsync(ct);
                progress?.Report(new ImportProgress("Xong", households.Count, households.Count));
                return new ImportResult
                {
                    Households = households.Count,
                    Members = members.Count,
                    Created = fresh.Count,
                    Updated = updated,
                    Unchanged = existingRows.Count - updated - refused.Count,
                    VillagesCreated = villagesCreated,
                    ImportRecordId = recordId,
                    Sha256 = sha,
                    Refused = [.. refused.OrderBy(p => p.Row)],
                };
            }
            catch
            {
                await transaction.RollbackAsync(CancellationToken.None);
                db.ChangeTracker.Clear();
                throw;
            }
        });
    }

    /// <summary>Members by household code, in file order: one dictionary operation per run of rows of the same household.</summary>
    private static Dictionary<string, List<MemberRow>> ByHousehold(List<ParsedMember> members, int households)
    {
        var byHousehold = new Dictionary<string, List<MemberRow>>(households, StringComparer.Ordinal);
        string? code = null;
        List<MemberRow>? list = null;
        foreach (var member in members)
        {
            var row = member.Value;
            if (list is null || !string.Equals(row.HouseholdCode, code, StringComparison.Ordinal))
            {
                code = row.HouseholdCode;
                if (!byHousehold.TryGetValue(code, out list))
                {
                    list = new List<MemberRow>(6);
                    byHousehold[code] = list;
                }
            }

            list.Add(row);
        }

        return byHousehold;
    }

    /// <summary>The row's declared groups with those that follow the head member (<see cref="SpecialGroupRules.FollowHead"/>).</summary>
    private static SpecialGroups Groups(HouseholdRow row, List<MemberRow> members, HashSet<string> minority)
    {
        var head = members.FirstOrDefault(m => m.RelationToHead == RelationToHead.Head);
        return SpecialGroupRules.FollowHead(row.Flags, head is null ? null : new HeadFacts(head.Sex, minority.Contains(head.EthnicityCode)));
    }

    private static Dictionary<string, bool> Answers(HouseholdRow row)
    {
        var answers = new Dictionary<string, bool>(StringComparer.Ordinal);
        for (var i = 0; i < HouseholdColumns.Indicators.Count; i++)
        {
            if (row.Indicators.Get(i) is { } value)
            {
                answers[HouseholdColumns.Indicators[i].Code] = value;
            }
        }

        return answers;
    }

    /// <summary>The facts of a row; <paramref name="area"/> is the commune's area on the review date (AreaTypeHistory).</summary>
    private static HouseholdFacts Facts(HouseholdRow row, List<MemberRow> members, Dictionary<string, bool> answers, AreaType area) => new()
    {
        Area = area,
        IncomePerPersonPerMonth = row.Income,
        B1Score = row.B1Score,
        B1ScoreTable = row.B1ScoreTable,
        Answers = answers,
        Members = [.. members.Select(m => new MemberFacts
        {
            DateOfBirth = m.DateOfBirth,
            Sex = m.Sex,
            HasHealthInsurance = m.HealthInsurance,
            Education = m.Education,
            Schooling = m.Schooling,
            Employment = m.Employment,
            Disability = m.Disability,
        })],
    };

    /// <summary>The registry tables' columns as the bulk path writes them (shared with the benchmarks that fill by bulk insert).</summary>
    public static readonly BulkColumn[] HouseholdBulk =
    [
        new("Id", BulkType.BigInt), new("ProvinceCode", BulkType.Text), new("CommuneCode", BulkType.Text), new("VillageCode", BulkType.Text),
        new("Code", BulkType.Text), new("Address", BulkType.Text), new("HeadName", BulkType.Text), new("HeadNameFolded", BulkType.Text),
        new("AreaType", BulkType.Int4), new("Groups", BulkType.Int4), new("LegacyCommuneCode", BulkType.Text), new("Version", BulkType.Int4),
        new("CreatedAtUtc", BulkType.TimestampUtc), new("UpdatedAtUtc", BulkType.TimestampUtc),
    ];

    public static readonly BulkColumn[] MemberBulk =
    [
        new("Id", BulkType.BigInt), new("HouseholdId", BulkType.BigInt), new("ProvinceCode", BulkType.Text), new("Order", BulkType.Int4),
        new("FullName", BulkType.Text), new("FullNameFolded", BulkType.Text), new("Sex", BulkType.Int4), new("DateOfBirth", BulkType.Date),
        new("EthnicityCode", BulkType.Text), new("RelationToHead", BulkType.Int4), new("PersonalId", BulkType.Text),
        new("HasHealthInsurance", BulkType.Bool), new("Education", BulkType.Int4), new("Schooling", BulkType.Int4),
        new("Disability", BulkType.Int4), new("Employment", BulkType.Int4),
    ];

    public static readonly BulkColumn[] SurveyBulk =
    [
        new("Id", BulkType.BigInt), new("HouseholdId", BulkType.BigInt), new("ProvinceCode", BulkType.Text), new("Year", BulkType.Int4),
        new("SurveyDate", BulkType.Date), new("ScreenedOut", BulkType.Bool), new("IncomePerCapita", BulkType.BigInt), new("B1Score", BulkType.Int4),
        new("Answers", BulkType.Text), new("Causes", BulkType.Int4), new("OtherCause", BulkType.Text), new("Needs", BulkType.Int4),
        new("Source", BulkType.Text), new("Version", BulkType.Int4), new("UpdatedAtUtc", BulkType.TimestampUtc), new("B1ScoreTable", BulkType.Text),
    ];

    public static readonly BulkColumn[] ClassificationBulk =
    [
        new("Id", BulkType.BigInt), new("HouseholdId", BulkType.BigInt), new("ProvinceCode", BulkType.Text), new("CommuneCode", BulkType.Text),
        new("VillageCode", BulkType.Text), new("Year", BulkType.Int4), new("StandardCode", BulkType.Text), new("Category", BulkType.SmallInt),
        new("DeprivationCount", BulkType.Int4), new("Deprived", BulkType.Text), new("MemberCount", BulkType.Int4),
        new("ComputedAtUtc", BulkType.TimestampUtc), new("DecisionId", BulkType.BigInt), new("LegacyCommuneCode", BulkType.Text),
        new("Incomplete", BulkType.Bool), new("PessimisticCategory", BulkType.SmallInt),
    ];

    /// <summary>A classification computed ahead of writing (on a second thread while households and members are written).</summary>
    private readonly record struct ClassificationRow(int Household, string StandardCode, short Category, int DeprivationCount, string Deprived,
        bool Incomplete, short PessimisticCategory);

    private async Task BulkInsertAsync(
        List<HouseholdRow> fresh, Dictionary<string, List<MemberRow>> byHousehold, Dictionary<(string, string), string> villageCodes,
        IReadOnlyDictionary<string, string> communeProvince, HashSet<string> minority, string source, DateTime now, long registeredCount,
        Task<bool>? validation, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        var bulk = BulkInserter.For(connection, transaction);
        var householdTable = TableName<HouseholdEntity>();
        var memberTable = TableName<MemberEntity>();
        var surveyTable = TableName<HouseholdSurveyEntity>();
        var classificationTable = TableName<HouseholdClassificationEntity>();
        object stamp = now; // boxed once for every row

        // Names recur (a province has far fewer distinct names than people): fold each once. Used on this thread only.
        var folds = new Dictionary<string, string>(StringComparer.Ordinal);
        string Folded(string name)
        {
            if (!folds.TryGetValue(name, out var folded))
            {
                folded = VietnameseText.Fold(name);
                if (folds.Count < 1 << 20)
                {
                    folds[name] = folded;
                }
            }

            return folded;
        }

        var firstHousehold = await bulk.NextIdAsync(householdTable, ct);
        var firstMember = await bulk.NextIdAsync(memberTable, ct);
        var firstSurvey = await bulk.NextIdAsync(surveyTable, ct);
        var firstClassification = await bulk.NextIdAsync(classificationTable, ct);
        // Review years ≤ 2024: the pre-2025 commune when the new commune comes from exactly one (Reports/LegacyDistricts).
        var legacyCommunes = await Reports.LegacyDistricts.SingleOldCommunesAsync(db,
            fresh.Where(r => r.ReviewYear <= Reports.LegacyDistricts.LastDistrictYear).Select(r => r.CommuneCode).Distinct().ToList(), ct);

        // Area by date: each row is classified with its commune's area on 31 December of its review year (the file's area
        // column is only the household's recorded area, the fallback when the commune has no area-type row on that date).
        var areaHistory = await AreaTypeHistory.LoadAsync(db, fresh.Select(r => r.CommuneCode).Concat(legacyCommunes.Values), ct);

        var active = new Dictionary<(int, string), IReadOnlyList<ActiveStandard>>();
        foreach (var key in fresh.Select(r => (r.ReviewYear, communeProvince[r.CommuneCode])).Distinct())
        {
            active[key] = await standards.ActiveAsync(key.ReviewYear, key.Item2, ct);
        }

        // Survey answers and classifications are computed on a second thread while the households and members are written,
        // after the whole-file checks when those run beside the writing: one helper thread at a time, so that on two
        // cores the writing (the longest path) keeps one to itself.
        var storedAnswers = new string[fresh.Count];
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var derive = Task.Run(async () =>
        {
            if (validation is not null)
            {
                await validation.WaitAsync(stop.Token);
            }

            var results = new List<ClassificationRow>(fresh.Count * 2);
            // The same answers and deprivation lists recur across households: keep one copy of each text.
            var texts = new Dictionary<string, string>(StringComparer.Ordinal);
            var deprivedTexts = new Dictionary<(string, uint), string>();
            string Shared(string text) => texts.TryAdd(text, text) ? text : texts[text];
            for (var i = 0; i < fresh.Count; i++)
            {
                stop.Token.ThrowIfCancellationRequested();
                var row = fresh[i];
                var answers = Answers(row);
                storedAnswers[i] = Shared(SurveyAnswers.Format(row.Indicators));
                var memberRows = byHousehold[row.HouseholdCode];
                var asOf = new DateOnly(row.ReviewYear, 12, 31);
                var facts = Facts(row, memberRows, answers, areaHistory.For(row.CommuneCode, legacyCommunes.GetValueOrDefault(row.CommuneCode), asOf, row.Area));
                foreach (var standard in active[(row.ReviewYear, communeProvince[row.CommuneCode])])
                {
                    ClassificationOutcome result;
                    try
                    {
                        // Category, deprivations and completeness only: the reasons are sentences the household page rebuilds.
                        result = HouseholdClassifier.DecideFully(facts, standard.Standard, asOf);
                    }
                    catch (ArgumentException)
                    {
                        continue;
                    }

                    if (!deprivedTexts.TryGetValue((standard.Standard.Code, result.DeprivationMask), out var deprived))
                    {
                        deprived = Truncate(string.Join(';', HouseholdClassifier.DeprivedCodes(standard.Standard, result.DeprivationMask)), 1000);
                        deprivedTexts[(standard.Standard.Code, result.DeprivationMask)] = deprived;
                    }

                    results.Add(new ClassificationRow(i, standard.Standard.Code, (short)result.Category, System.Numerics.BitOperations.PopCount(result.DeprivationMask), deprived,
                        !result.IsComplete, (short)result.PessimisticCategory));
                }
            }

            return results;
        }, stop.Token);

        try
        {
            // A load as large as what the tables hold: build their secondary indexes once at the end.
            IReadOnlyList<string> deferred = [];
            if (fresh.Count >= DeferIndexesFrom && fresh.Count >= registeredCount)
            {
                progress?.Report(new ImportProgress("Đang tạm bỏ chỉ mục", 0, 0));
                deferred = await bulk.DeferIndexesAsync([householdTable, memberTable, surveyTable, classificationTable], ct);
            }

            progress?.Report(new ImportProgress("Đang ghi hộ mới", 0, fresh.Count));
            await bulk.InsertAsync(householdTable, HouseholdBulk, fresh.Select((row, i) => new object?[]
            {
                firstHousehold + i, communeProvince[row.CommuneCode], row.CommuneCode, villageCodes[(row.CommuneCode, row.Village)], row.HouseholdCode,
                row.Address, row.HeadName, Folded(row.HeadName), Boxed.Of((int)row.Area), Boxed.Of((int)Groups(row, byHousehold[row.HouseholdCode], minority)),
                null, Boxed.Of(0), stamp, stamp,
            }), ct);

            progress?.Report(new ImportProgress("Đang ghi thành viên", 0, fresh.Count));
            var memberId = firstMember;
            await bulk.InsertAsync(memberTable, MemberBulk, fresh.SelectMany((row, i) => byHousehold[row.HouseholdCode].Select((m, order) => new object?[]
            {
                memberId++, firstHousehold + i, communeProvince[row.CommuneCode], Boxed.Of(order + 1), m.FullName, Folded(m.FullName),
                Boxed.Of((int)m.Sex), m.DateOfBirth, m.EthnicityCode, Boxed.Of((int)m.RelationToHead), m.PersonalId.Length == 0 ? null : m.PersonalId,
                Boxed.Of(m.HealthInsurance), Boxed.Of((int)m.Education), Boxed.Of((int)m.Schooling), Boxed.Of((int)m.Disability), Boxed.Of((int)m.Employment),
            })), ct);

            progress?.Report(new ImportProgress("Đang phân loại", 0, fresh.Count));
            var classifications = await derive;

            progress?.Report(new ImportProgress("Đang ghi phiếu rà soát", 0, fresh.Count));
            await bulk.InsertAsync(surveyTable, SurveyBulk, fresh.Select((row, i) => new object?[]
            {
                firstSurvey + i, firstHousehold + i, communeProvince[row.CommuneCode], Boxed.Of(row.ReviewYear), null, Boxed.Of(false), row.Income, row.B1Score,
                storedAnswers[i], Boxed.Of((int)row.Causes), null, Boxed.Of((int)row.Needs), source, Boxed.Of(0), stamp, row.B1ScoreTable,
            }), ct);

            progress?.Report(new ImportProgress("Đang ghi kết quả phân loại", 0, fresh.Count));
            await bulk.InsertAsync(classificationTable, ClassificationBulk, classifications.Select((c, n) =>
            {
                var row = fresh[c.Household];
                return new object?[]
                {
                    firstClassification + n, firstHousehold + c.Household, communeProvince[row.CommuneCode], row.CommuneCode,
                    villageCodes[(row.CommuneCode, row.Village)], Boxed.Of(row.ReviewYear), c.StandardCode, Boxed.Of(c.Category), Boxed.Of(c.DeprivationCount), c.Deprived,
                    Boxed.Of(byHousehold[row.HouseholdCode].Count), stamp, null,
                    row.ReviewYear <= Reports.LegacyDistricts.LastDistrictYear ? legacyCommunes.GetValueOrDefault(row.CommuneCode) : null,
                    Boxed.Of(c.Incomplete), Boxed.Of(c.PessimisticCategory),
                };
            }), ct);

            if (deferred.Count > 0)
            {
                progress?.Report(new ImportProgress("Đang dựng lại chỉ mục", 0, 0));
                await bulk.RestoreAsync(deferred, ct);
            }
        }
        finally
        {
            // Never leave the second thread running past the transaction (its exception, if any, is the one already thrown).
            await stop.CancelAsync();
            try
            {
                await derive;
            }
            catch (Exception) when (stop.IsCancellationRequested || derive.IsFaulted)
            {
            }
        }

        foreach (var table in new[] { householdTable, memberTable, surveyTable, classificationTable })
        {
            await bulk.FinishIdsAsync(table, ct);
        }
    }

    private static string Truncate(string text, int max) => text.Length > max ? text[..max] : text;

    private string TableName<T>() => db.Model.FindEntityType(typeof(T))!.GetTableName()!;

    /// <summary>Compares each registered household with its row and updates the changed ones (audited). Returns how many changed.</summary>
    private async Task<int> UpdateChunkAsync(
        HouseholdRow[] rows, Dictionary<string, List<MemberRow>> byHousehold, Dictionary<(string, string), string> villageCodes,
        IReadOnlyDictionary<string, string> communeProvince, HashSet<string> minority, string source, CancellationToken ct)
    {
        var codes = rows.Select(r => r.HouseholdCode).ToArray();
        var entities = await db.Households.Include(h => h.Members).Where(h => codes.Contains(h.Code)).ToDictionaryAsync(h => h.Code, StringComparer.Ordinal, ct);
        var ids = entities.Values.Select(h => h.Id).ToArray();
        var years = rows.Select(r => r.ReviewYear).Distinct().ToArray();
        var surveys = await db.HouseholdSurveys.Where(s => ids.Contains(s.HouseholdId) && years.Contains(s.Year)).ToListAsync(ct);
        var decided = await DecidedYears.FindAsync(db, ids, years, ct);
        var changed = 0;
        foreach (var row in rows)
        {
            var household = entities[row.HouseholdCode];
            var memberRows = byHousehold[row.HouseholdCode];
            var survey = surveys.FirstOrDefault(s => s.HouseholdId == household.Id && s.Year == row.ReviewYear);
            var answers = SurveyAnswers.Format(row.Indicators);
            if (decided.TryGetValue((household.Id, row.ReviewYear), out var lockedYear))
            {
                // The same rule as the survey form: a decided household-year is never overwritten by a direct edit.
                if (Apply(household, survey, row, memberRows, answers, villageCodes, communeProvince, minority, dryRun: true))
                {
                    var parsed = parsedByCode[row.HouseholdCode];
                    refused.Add(new InterchangeProblem(parsed.Sheet ?? householdsFile, parsed.Row, HouseholdColumns.HouseholdCode, row.HouseholdCode,
                        lockedYear.Reason + " Dòng này không được nhập (hoặc nhập vào một năm rà soát mới chưa quyết định bằng --to-year)."));
                }

                continue;
            }

            if (!Apply(household, survey, row, memberRows, answers, villageCodes, communeProvince, minority))
            {
                continue;
            }

            if (survey is null)
            {
                survey = new HouseholdSurveyEntity { HouseholdId = household.Id, ProvinceCode = household.ProvinceCode, Year = row.ReviewYear };
                db.HouseholdSurveys.Add(survey);
            }

            survey.IncomePerCapita = row.Income;
            survey.B1Score = row.B1Score;
            survey.B1ScoreTable = row.B1ScoreTable;
            survey.Answers = answers;
            survey.Causes = row.Causes;
            survey.Needs = row.Needs;
            survey.Source = source;
            survey.UpdatedAtUtc = db.Clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(ct);
            await classifier.ClassifyAndStoreAsync(household, survey, ct);
            changed++;
        }

        await db.SaveChangesAsync(ct);
        return changed;
    }

    /// <summary>Sets the row's values on the tracked household; returns whether anything differs.</summary>
    private static bool Apply(
        HouseholdEntity household, HouseholdSurveyEntity? survey, HouseholdRow row, List<MemberRow> members, string answers,
        Dictionary<(string, string), string> villageCodes, IReadOnlyDictionary<string, string> communeProvince, HashSet<string> minority, bool dryRun = false)
    {
        var village = villageCodes[(row.CommuneCode, row.Village)];
        var groups = Groups(row, members, minority);
        var same = household.CommuneCode == row.CommuneCode && household.VillageCode == village && household.Address == row.Address
            && household.HeadName == row.HeadName && household.AreaType == row.Area && household.Groups == groups
            && survey is not null && survey.IncomePerCapita == row.Income && survey.B1Score == row.B1Score
            && survey.B1ScoreTable == row.B1ScoreTable
            && (survey.Answers == answers || SurveyAnswers.Format(SurveyAnswers.Parse(survey.Answers)) == answers) // stored in the earlier JSON form
            && survey.Causes == row.Causes && survey.Needs == row.Needs && household.Members.Count == members.Count;
        var ordered = household.Members.OrderBy(m => m.Order).ToList();
        for (var i = 0; same && i < members.Count; i++)
        {
            same = SameMember(ordered[i], members[i]);
        }

        if (same || dryRun)
        {
            return !same;
        }

        household.ProvinceCode = communeProvince[row.CommuneCode];
        household.CommuneCode = row.CommuneCode;
        household.VillageCode = village;
        household.Address = row.Address;
        household.HeadName = row.HeadName;
        household.HeadNameFolded = VietnameseText.Fold(row.HeadName);
        household.AreaType = row.Area;
        household.Groups = groups;
        for (var i = 0; i < members.Count; i++)
        {
            MemberEntity member;
            if (i < ordered.Count)
            {
                member = ordered[i];
            }
            else
            {
                member = new MemberEntity { ProvinceCode = household.ProvinceCode, FullName = string.Empty, EthnicityCode = string.Empty };
                household.Members.Add(member);
            }

            var m = members[i];
            member.ProvinceCode = household.ProvinceCode;
            member.Order = i + 1;
            member.FullName = m.FullName;
            member.FullNameFolded = VietnameseText.Fold(m.FullName);
            member.Sex = m.Sex;
            member.DateOfBirth = m.DateOfBirth;
            member.EthnicityCode = m.EthnicityCode;
            member.RelationToHead = m.RelationToHead;
            member.PersonalId = m.PersonalId.Length == 0 ? null : m.PersonalId;
            member.HasHealthInsurance = m.HealthInsurance;
            member.Education = m.Education;
            member.Schooling = m.Schooling;
            member.Disability = m.Disability;
            member.Employment = m.Employment;
        }

        foreach (var extra in ordered.Skip(members.Count))
        {
            household.Members.Remove(extra);
        }

        return true;
    }

    private static bool SameMember(MemberEntity e, MemberRow m) =>
        e.FullName == m.FullName && e.Sex == m.Sex && e.DateOfBirth == m.DateOfBirth && e.EthnicityCode == m.EthnicityCode
        && e.RelationToHead == m.RelationToHead && (e.PersonalId ?? string.Empty) == m.PersonalId && e.HasHealthInsurance == m.HealthInsurance
        && e.Education == m.Education && e.Schooling == m.Schooling && e.Disability == m.Disability && e.Employment == m.Employment;

    private static FileStream OpenRead(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);

    private static async Task<string> HashAsync(IEnumerable<string> paths, CancellationToken ct)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[1 << 16];
        foreach (var path in paths)
        {
            await using var stream = OpenRead(path);
            int read;
            while ((read = await stream.ReadAsync(buffer, ct)) > 0)
            {
                sha.AppendData(buffer, 0, read);
            }
        }

        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}

/// <summary>A problem list that stops keeping problems after a limit but keeps counting.</summary>
internal sealed class ProblemList(int max) : ICollection<InterchangeProblem>
{
    private readonly List<InterchangeProblem> items = [];

    public int Count { get; private set; }
    public bool IsReadOnly => false;

    public void Add(InterchangeProblem item)
    {
        Count++;
        if (items.Count < max)
        {
            items.Add(item);
        }
    }

    public IReadOnlyList<InterchangeProblem> Sorted() =>
        [.. items.OrderBy(p => p.File, StringComparer.Ordinal).ThenBy(p => p.Row)];

    public void Clear()
    {
        items.Clear();
        Count = 0;
    }

    public bool Contains(InterchangeProblem item) => items.Contains(item);
    public void CopyTo(InterchangeProblem[] array, int arrayIndex) => items.CopyTo(array, arrayIndex);
    public bool Remove(InterchangeProblem item) => items.Remove(item);
    public IEnumerator<InterchangeProblem> GetEnumerator() => items.GetEnumerator();
    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
