using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using GiamNgheo.Application.Imports;
using GiamNgheo.Application.Interchange;
using GiamNgheo.Application.Persistence;
using GiamNgheo.Application.Support;
using GiamNgheo.Domain.Classification;
using GiamNgheo.Domain.Common;
using GiamNgheo.Domain.Households;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace GiamNgheo.Bench;

/// <summary>
/// <c>giamngheo-bench support [--communes 1] [--households 10000] [--records 50000] [--provider sqlite|postgres]</c>: fills a fresh
/// database (SQLite file in a temp folder, or its own database on the server of <c>ConnectionStrings__Postgres</c>) with
/// synthetic households of province 11 (3 members, a 2025 survey and classification under ND07_2021) and support
/// records, by bulk insert (prepared INSERT / binary COPY, one transaction per commune), computes the materialised gap
/// tables (<c>support rebuild-gaps</c>), then times the first page of one commune's gap worklist and the province coverage.
/// </summary>
internal static class SupportBench
{
    private static readonly string[] TableKeys = ["households", "members", "household_surveys", "household_classifications", "support_records"];

    private static readonly string[] Policies = ["HI_POOR", "HI_NEAR_POOR", "ELECTRICITY", "STUDY_COST", "VBSP_POOR", "VOCATIONAL", "INFORMATION"];

    private static readonly BulkColumn[] HouseholdColumns =
    [
        new("Id", BulkType.BigInt), new("ProvinceCode", BulkType.Text), new("CommuneCode", BulkType.Text), new("VillageCode", BulkType.Text),
        new("Code", BulkType.Text), new("Address", BulkType.Text), new("HeadName", BulkType.Text), new("HeadNameFolded", BulkType.Text), new("AreaType", BulkType.Int4),
        new("Groups", BulkType.Int4), new("Version", BulkType.Int4), new("CreatedAtUtc", BulkType.TimestampUtc), new("UpdatedAtUtc", BulkType.TimestampUtc),
    ];

    private static readonly BulkColumn[] MemberColumns =
    [
        new("Id", BulkType.BigInt), new("HouseholdId", BulkType.BigInt), new("ProvinceCode", BulkType.Text), new("Order", BulkType.Int4),
        new("FullName", BulkType.Text), new("FullNameFolded", BulkType.Text), new("Sex", BulkType.Int4), new("DateOfBirth", BulkType.Date),
        new("EthnicityCode", BulkType.Text), new("RelationToHead", BulkType.Int4), new("HasHealthInsurance", BulkType.Bool), new("Education", BulkType.Int4),
        new("Schooling", BulkType.Int4), new("Disability", BulkType.Int4), new("Employment", BulkType.Int4),
    ];

    private static readonly BulkColumn[] SurveyColumns =
    [
        new("Id", BulkType.BigInt), new("HouseholdId", BulkType.BigInt), new("ProvinceCode", BulkType.Text), new("Year", BulkType.Int4),
        new("ScreenedOut", BulkType.Bool), new("Answers", BulkType.Text), new("Causes", BulkType.Int4), new("Needs", BulkType.Int4),
        new("Source", BulkType.Text), new("Version", BulkType.Int4), new("UpdatedAtUtc", BulkType.TimestampUtc),
    ];

    private static readonly BulkColumn[] RecordColumns =
    [
        new("Id", BulkType.BigInt), new("HouseholdId", BulkType.BigInt), new("ProvinceCode", BulkType.Text), new("CommuneCode", BulkType.Text),
        new("VillageCode", BulkType.Text), new("PolicyCode", BulkType.Text), new("Agency", BulkType.Text), new("Date", BulkType.Date),
        new("PeriodStart", BulkType.Date), new("AmountDong", BulkType.BigInt), new("Funding", BulkType.Int4), new("Source", BulkType.Text),
        new("CreatedAtUtc", BulkType.TimestampUtc), new("CreatedBy", BulkType.Text),
    ];

    public static Command Create()
    {
        var communes = new Option<int>("--communes") { Description = "Số xã (communes)", DefaultValueFactory = _ => 1 };
        var households = new Option<int>("--households") { Description = "Số hộ mỗi xã (households per commune)", DefaultValueFactory = _ => 10_000 };
        var records = new Option<int>("--records") { Description = "Số bản ghi hỗ trợ mỗi xã (support records per commune)", DefaultValueFactory = _ => 50_000 };
        var provider = new Option<string>("--provider") { Description = "sqlite | postgres", DefaultValueFactory = _ => "sqlite" };
        var command = new Command("support", "Đo hiệu năng danh sách chờ hỗ trợ và độ bao phủ (time the gap worklist and coverage).") { communes, households, records, provider };
        command.SetAction(async (parse, ct) => await RunAsync(parse.GetValue(communes), parse.GetValue(households), parse.GetValue(records),
            parse.GetValue(provider)!, ct));
        return command;
    }

    private static async Task<int> RunAsync(int communes, int perCommune, int recordsPerCommune, string provider, CancellationToken ct)
    {
        if (communes <= 0 || perCommune <= 0 || recordsPerCommune < 0 || provider is not ("sqlite" or "postgres"))
        {
            await Console.Error.WriteLineAsync("Lỗi: --communes, --households > 0, --records ≥ 0, --provider sqlite|postgres.");
            return 1;
        }

        var folder = Directory.CreateTempSubdirectory("giamngheo-bench-support-");
        try
        {
            await using var database = await BenchDatabase.CreateAsync(provider, Path.Combine(folder.FullName, "bench.db"), Console.Error, ct);
            if (database is null)
            {
                return 1;
            }

            using var host = BenchHost.Build(database.Overrides);
            await BenchHost.InitializeAsync(host, ct);
            var clock = Stopwatch.StartNew();
            var random = new Random(20261128);
            var codes = Enumerable.Range(0, communes).Select(i => (90001 + i).ToString(CultureInfo.InvariantCulture)).ToArray();
            var lap = Stopwatch.StartNew();
            for (var c = 0; c < codes.Length; c++)
            {
                await FillCommuneAsync(host.Services, codes[c], perCommune, recordsPerCommune, random, ct);
                if ((c + 1) % 10 == 0 && c + 1 < codes.Length)
                {
                    Console.WriteLine(Invariant($"  filled {c + 1} communes, last 10 in {lap.Elapsed.TotalSeconds:F1} s"));
                    lap.Restart();
                }
            }

            await using (var scope = host.Services.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.ExecuteSqlRawAsync("ANALYZE", ct);
            }

            Console.WriteLine(Invariant($"engine: {provider}"));
            Console.WriteLine(Invariant($"filled {communes} commune(s) × {perCommune:N0} households (3 members, survey, classification), {recordsPerCommune:N0} support records each, bulk insert: {clock.Elapsed.TotalSeconds:F1} s"));
            clock.Restart();
            await using (var scope = host.Services.CreateAsyncScope())
            {
                var done = 0;
                var lapRebuild = Stopwatch.StartNew();
                var progress = new InlineProgress(_ =>
                {
                    if (++done % 10 == 0 && done < codes.Length)
                    {
                        Console.WriteLine(Invariant($"  rebuilt {done} communes, last 10 in {lapRebuild.Elapsed.TotalSeconds:F1} s"));
                        lapRebuild.Restart();
                    }
                });
                var count = await scope.ServiceProvider.GetRequiredService<GapMaterializer>().RebuildAsync(null, progress, ct);
                await scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.ExecuteSqlRawAsync("ANALYZE", ct);
                Console.WriteLine(Invariant($"rebuild-gaps (GapEngine → household_gap_summary, household_policy_status): {count:N0} households in {clock.Elapsed.TotalSeconds:F1} s ({count / clock.Elapsed.TotalSeconds:N0} households/s)"));
            }

            var worklist = await BestAsync(host.Services, async sp =>
            {
                var page = await sp.GetRequiredService<SupportGaps>().WorklistAsync(new WorklistQuery(codes[0], PageSize: 50), ct);
                return page.Value!.TotalCount;
            });
            Console.WriteLine(Invariant($"worklist first page (commune {codes[0]}: {perCommune:N0} households, {recordsPerCommune:N0} records; {worklist.Result:N0} with open gaps): best {worklist.Best:F0} ms, median {worklist.Median:F0} ms of 5"));
            var coverage = await BestAsync(host.Services, async sp =>
            {
                var report = await sp.GetRequiredService<SupportGaps>().CoverageAsync(null, ct);
                return report.Value!.Households;
            });
            Console.WriteLine(Invariant($"coverage (province, {coverage.Result:N0} households, by commune × policy): best {coverage.Best:F0} ms, median {coverage.Median:F0} ms of 5"));
            return 0;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task<(double Best, double Median, int Result)> BestAsync(IServiceProvider services, Func<IServiceProvider, Task<int>> action)
    {
        var times = new List<double>();
        var result = 0;
        for (var i = 0; i < 6; i++)
        {
            await using var scope = services.CreateAsyncScope();
            var watch = Stopwatch.StartNew();
            result = await action(scope.ServiceProvider);
            if (i > 0)
            {
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        times.Sort();
        return (times[0], times[times.Count / 2], result);
    }

    /// <summary>One commune in one transaction: households, members, surveys, classifications and support records by bulk insert.</summary>
    private static async Task FillCommuneAsync(IServiceProvider services, string commune, int count, int records, Random random, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.Database.OpenConnectionAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var bulk = BulkInserter.For(db.Database.GetDbConnection(), transaction.GetDbTransaction());
        var tables = TableKeys.Select(t => TableName(db, t)).ToArray();
        var firstHousehold = await bulk.NextIdAsync(tables[0], ct);
        var firstMember = await bulk.NextIdAsync(tables[1], ct);
        var firstSurvey = await bulk.NextIdAsync(tables[2], ct);
        var firstClassification = await bulk.NextIdAsync(tables[3], ct);
        var firstRecord = await bulk.NextIdAsync(tables[4], ct);
        var now = DateTime.UtcNow;
        string Village(int i) => commune + "-" + (i % 20).ToString("00", CultureInfo.InvariantCulture);

        await bulk.InsertAsync(tables[0], HouseholdColumns, Enumerable.Range(0, count).Select(i => new object?[]
        {
            firstHousehold + i, "11", commune, Village(i), Invariant($"{commune}-{i + 1:000000}"), string.Empty, Invariant($"Hộ thử {i + 1}"), Invariant($"ho thu {i + 1}"),
            (int)AreaType.Rural, (int)(random.NextDouble() < 0.7 ? SpecialGroups.EthnicMinority : SpecialGroups.None), 0, now, now,
        }), ct);
        await bulk.InsertAsync(tables[1], MemberColumns, Enumerable.Range(0, count * 3).Select(j => new object?[]
        {
            firstMember + j, firstHousehold + (j / 3), "11", (j % 3) + 1, Invariant($"Thành viên {(j % 3) + 1}"), Invariant($"thanh vien {(j % 3) + 1}"),
            (int)Sex.Male, new DateOnly(1980 + ((j % 3) * 10), 1, 1), "03", (int)(j % 3 == 0 ? RelationToHead.Head : RelationToHead.Child), false, 0, 0, 0, 0,
        }), ct);
        await bulk.InsertAsync(tables[2], SurveyColumns, Enumerable.Range(0, count).Select(i => new object?[]
        {
            firstSurvey + i, firstHousehold + i, "11", 2025, false, string.Empty, 0,
            (int)(random.NextDouble() < 0.4 ? SupportNeeds.Credit | SupportNeeds.Health : SupportNeeds.Health), "bench", 0, now,
        }), ct);
        await bulk.InsertAsync(tables[3], HouseholdImporter.ClassificationBulk, Enumerable.Range(0, count).Select(i =>
        {
            var roll = random.NextDouble();
            var category = roll < 0.25 ? HouseholdCategory.Poor : roll < 0.45 ? HouseholdCategory.NearPoor : roll < 0.7 ? HouseholdCategory.Medium : HouseholdCategory.NotPoor;
            return new object?[]
            {
                firstClassification + i, firstHousehold + i, "11", commune, Village(i), 2025, "ND07_2021", (short)category, 3,
                random.NextDouble() < 0.5 ? "health_insurance;housing_quality;water" : "telecom;sanitation", 3, now.AddDays(-random.Next(1, 700)), null, null, false, (short)category,
            };
        }), ct);
        var today = DateOnly.FromDateTime(now);
        await bulk.InsertAsync(tables[4], RecordColumns, Enumerable.Range(0, records).Select(i =>
        {
            var household = random.Next(count);
            var date = today.AddDays(-random.Next(0, 900));
            return new object?[]
            {
                firstRecord + i, firstHousehold + household, "11", commune, Village(household), Policies[random.Next(Policies.Length)], "Bench", date, date,
                100_000L, 0, "bench", now, "bench",
            };
        }), ct);
        foreach (var table in tables)
        {
            await bulk.FinishIdsAsync(table, ct);
        }

        await transaction.CommitAsync(ct);
    }

    private static string TableName(AppDbContext db, string fallback) => fallback switch
    {
        "households" => db.Model.FindEntityType(typeof(Application.Households.HouseholdEntity))!.GetTableName()!,
        "members" => db.Model.FindEntityType(typeof(Application.Households.MemberEntity))!.GetTableName()!,
        "household_surveys" => db.Model.FindEntityType(typeof(Application.Surveys.HouseholdSurveyEntity))!.GetTableName()!,
        "household_classifications" => db.Model.FindEntityType(typeof(Application.Surveys.HouseholdClassificationEntity))!.GetTableName()!,
        _ => db.Model.FindEntityType(typeof(SupportRecordEntity))!.GetTableName()!,
    };

    /// <summary>Reports synchronously, in order (Progress&lt;T&gt; posts to the thread pool).</summary>
    private sealed class InlineProgress(Action<(string Commune, int Households)> report) : IProgress<(string Commune, int Households)>
    {
        public void Report((string Commune, int Households) value) => report(value);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
