using System.Diagnostics;
using GiamNgheo.Application;
using GiamNgheo.Application.Households;
using GiamNgheo.Application.Imports;
using GiamNgheo.Application.Interchange;
using GiamNgheo.Application.Persistence;
using GiamNgheo.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace GiamNgheo.Bench;

/// <summary>The raw rate of the engine: the same household and member rows bulk-inserted into bare tables.</summary>
internal sealed record RawRate(long Households, long Members, TimeSpan Elapsed);

/// <summary>
/// For <c>giamngheo-bench import</c>: the files are read and parsed first (not timed), then the household and member rows are
/// written with the engine's bulk path (prepared INSERT on SQLite, binary COPY on PostgreSQL) into bare copies of the
/// households and members tables (same columns, no index, no key), in one transaction (committed, timed), then dropped.
/// </summary>
internal static class RawImportRate
{
    public static async Task<RawRate> MeasureAsync(AppDbContext db, string householdsPath, string membersPath, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        // Generated files hold no problem; the list only satisfies the reader.
        var problems = new List<InterchangeProblem>();
        var today = db.Clock.Today();
        List<HouseholdRow> households;
        List<MemberRow> members;
        await using (var stream = File.OpenRead(householdsPath))
        {
            households = [.. InterchangeTableReader.ReadCsv(stream, HouseholdColumns.All, InterchangeTableReader.RequiredHouseholdColumns, "h", problems)
                .Select(r => ImportRowParser.ParseHousehold(r, "h", today, problems)).OfType<ParsedHousehold>().Select(p => p.Value)];
        }

        await using (var stream = File.OpenRead(membersPath))
        {
            members = [.. InterchangeTableReader.ReadCsv(stream, MemberColumns.All, InterchangeTableReader.RequiredMemberColumns, "m", problems)
                .Select(r => ImportRowParser.ParseMember(r, "m", today, problems)).OfType<ParsedMember>().Select(p => p.Value)];
        }

        var ids = new Dictionary<string, long>(households.Count, StringComparer.Ordinal);
        for (var i = 0; i < households.Count; i++)
        {
            ids[households[i].HouseholdCode] = i + 1;
        }

        var householdTable = db.Model.FindEntityType(typeof(HouseholdEntity))!.GetTableName()!;
        var memberTable = db.Model.FindEntityType(typeof(MemberEntity))!.GetTableName()!;
        var postgres = db.Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var suffix = postgres ? " WITH NO DATA" : " WHERE 1 = 0";
        // Table names come from the EF model, not from input.
        var createHouseholds = "CREATE TABLE bench_raw_households AS SELECT * FROM \"" + householdTable + "\"" + suffix;
        var createMembers = "CREATE TABLE bench_raw_members AS SELECT * FROM \"" + memberTable + "\"" + suffix;
        await db.Database.ExecuteSqlRawAsync(createHouseholds, ct);
        await db.Database.ExecuteSqlRawAsync(createMembers, ct);
        var bulk = BulkInserter.For(db.Database.GetDbConnection(), transaction.GetDbTransaction());
        var now = db.Clock.GetUtcNow().UtcDateTime;
        var clock = Stopwatch.StartNew();
        await bulk.InsertAsync("bench_raw_households", HouseholdImporter.HouseholdBulk, households.Select((h, i) => new object?[]
        {
            i + 1L, "00", h.CommuneCode, h.CommuneCode + "-001", h.HouseholdCode, h.Address, h.HeadName, VietnameseText.Fold(h.HeadName),
            (int)h.Area, (int)h.Flags, null, 0, now, now,
        }), ct);
        long memberId = 0;
        var order = 0;
        string? last = null;
        await bulk.InsertAsync("bench_raw_members", HouseholdImporter.MemberBulk, members.Select(m =>
        {
            order = m.HouseholdCode == last ? order + 1 : 1;
            last = m.HouseholdCode;
            return new object?[]
            {
                ++memberId, ids.GetValueOrDefault(m.HouseholdCode), "00", order, m.FullName, VietnameseText.Fold(m.FullName), (int)m.Sex,
                m.DateOfBirth, m.EthnicityCode, (int)m.RelationToHead, m.PersonalId.Length == 0 ? null : m.PersonalId, m.HealthInsurance,
                (int)m.Education, (int)m.Schooling, (int)m.Disability, (int)m.Employment,
            };
        }), ct);
        await transaction.CommitAsync(ct);
        var elapsed = clock.Elapsed;
        await db.Database.ExecuteSqlRawAsync("DROP TABLE bench_raw_members", ct);
        await db.Database.ExecuteSqlRawAsync("DROP TABLE bench_raw_households", ct);
        return new RawRate(households.Count, members.Count, elapsed);
    }
}
