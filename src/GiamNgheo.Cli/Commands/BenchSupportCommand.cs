using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using GiamNgheo.Application.Households;
using GiamNgheo.Application.Interchange;
using GiamNgheo.Application.Persistence;
using GiamNgheo.Application.Support;
using GiamNgheo.Application.Surveys;
using GiamNgheo.Domain.Classification;
using GiamNgheo.Domain.Households;
using Microsoft.Extensions.DependencyInjection;

namespace GiamNgheo.Cli.Commands;

/// <summary>
/// <c>bench support [--communes 1] [--households 10000] [--records 50000]</c>: fills a fresh SQLite file (temp folder)
/// with synthetic households of province 11 (each with 3 members, a 2025 classification under ND07_2021 and a survey)
/// and support records, then times the first page of one commune's gap worklist and the province coverage.
/// </summary>
internal static class BenchSupportCommand
{
    private static readonly string[] Policies = ["HI_POOR", "HI_NEAR_POOR", "ELECTRICITY", "STUDY_COST", "VBSP_POOR", "VOCATIONAL", "INFORMATION"];

    public static Command Create()
    {
        var communes = new Option<int>("--communes") { Description = "Số xã (communes)", DefaultValueFactory = _ => 1 };
        var households = new Option<int>("--households") { Description = "Số hộ mỗi xã (households per commune)", DefaultValueFactory = _ => 10_000 };
        var records = new Option<int>("--records") { Description = "Số bản ghi hỗ trợ mỗi xã (support records per commune)", DefaultValueFactory = _ => 50_000 };
        var command = new Command("support", "Đo hiệu năng danh sách chờ hỗ trợ và độ bao phủ (time the gap worklist and coverage).") { communes, households, records };
        command.SetAction(async (parse, ct) => await RunAsync(parse.GetValue(communes), parse.GetValue(households), parse.GetValue(records), ct));
        return command;
    }

    private static async Task<int> RunAsync(int communes, int perCommune, int recordsPerCommune, CancellationToken ct)
    {
        var folder = Directory.CreateTempSubdirectory("giamngheo-bench-support-");
        try
        {
            using var host = CliHost.Build([new("Database:Provider", "Sqlite"), new("Database:Path", Path.Combine(folder.FullName, "bench.db"))]);
            await CliHost.InitializeAsync(host, ct);
            var clock = Stopwatch.StartNew();
            var random = new Random(20261128);
            var codes = Enumerable.Range(0, communes).Select(i => (90001 + i).ToString(CultureInfo.InvariantCulture)).ToArray();
            foreach (var commune in codes)
            {
                await FillCommuneAsync(host.Services, commune, perCommune, recordsPerCommune, random, ct);
            }

            Console.WriteLine(Invariant($"Filled {communes} commune(s) × {perCommune:N0} households, {recordsPerCommune:N0} support records each, in {clock.Elapsed.TotalSeconds:F1} s"));
            var worklist = await BestAsync(host.Services, async sp =>
            {
                var page = await sp.GetRequiredService<SupportGaps>().WorklistAsync(new WorklistQuery(codes[0], PageSize: 50), ct);
                return page.Value!.TotalCount;
            });
            Console.WriteLine(Invariant($"worklist first page (commune {codes[0]}, {worklist.Result:N0} households with open gaps): best {worklist.Best:F0} ms, median {worklist.Median:F0} ms of 5"));
            var coverage = await BestAsync(host.Services, async sp =>
            {
                var report = await sp.GetRequiredService<SupportGaps>().CoverageAsync(null, ct);
                return report.Value!.Households;
            });
            Console.WriteLine(Invariant($"coverage (province, {coverage.Result:N0} households): best {coverage.Best:F0} ms, median {coverage.Median:F0} ms of 5"));
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
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

    private static async Task FillCommuneAsync(IServiceProvider services, string commune, int count, int records, Random random, CancellationToken ct)
    {
        const int batch = 2_000;
        var ids = new List<long>(count);
        var now = DateTime.UtcNow;
        for (var start = 0; start < count; start += batch)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.SuppressEntityAudit = true;
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var households = new List<HouseholdEntity>();
            for (var i = start; i < Math.Min(count, start + batch); i++)
            {
                var h = new HouseholdEntity
                {
                    ProvinceCode = "11", CommuneCode = commune, VillageCode = commune + "-" + (i % 20).ToString("00", CultureInfo.InvariantCulture),
                    Code = Invariant($"{commune}-{i + 1:000000}"), HeadName = Invariant($"Hộ thử {i + 1}"), HeadNameFolded = Invariant($"ho thu {i + 1}"),
                    Groups = random.NextDouble() < 0.7 ? SpecialGroups.EthnicMinority : SpecialGroups.None, CreatedAtUtc = now, UpdatedAtUtc = now,
                };
                for (var m = 0; m < 3; m++)
                {
                    h.Members.Add(new MemberEntity
                    {
                        ProvinceCode = "11", Order = m + 1, FullName = Invariant($"Thành viên {m + 1}"), EthnicityCode = "03",
                        DateOfBirth = new DateOnly(1980 + (m * 10), 1, 1), RelationToHead = m == 0 ? RelationToHead.Head : RelationToHead.Child,
                    });
                }

                households.Add(h);
            }

            db.Households.AddRange(households);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            foreach (var h in households)
            {
                ids.Add(h.Id);
                var roll = random.NextDouble();
                var category = roll < 0.25 ? HouseholdCategory.Poor : roll < 0.45 ? HouseholdCategory.NearPoor : roll < 0.7 ? HouseholdCategory.Medium : HouseholdCategory.NotPoor;
                db.HouseholdClassifications.Add(new HouseholdClassificationEntity
                {
                    HouseholdId = h.Id, ProvinceCode = "11", CommuneCode = commune, VillageCode = h.VillageCode, Year = 2025, StandardCode = "ND07_2021",
                    Category = category, Deprived = random.NextDouble() < 0.5 ? "health_insurance;housing_quality;water" : "telecom;sanitation",
                    DeprivationCount = 3, MemberCount = 3, ComputedAtUtc = now.AddDays(-random.Next(1, 700)),
                });
                db.HouseholdSurveys.Add(new HouseholdSurveyEntity
                {
                    HouseholdId = h.Id, ProvinceCode = "11", Year = 2025, Needs = random.NextDouble() < 0.4 ? SupportNeeds.Credit | SupportNeeds.Health : SupportNeeds.Health,
                });
            }

            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync(ct);
        }

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        for (var start = 0; start < records; start += 10_000)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.SuppressEntityAudit = true;
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = start; i < Math.Min(records, start + 10_000); i++)
            {
                var date = today.AddDays(-random.Next(0, 900));
                db.SupportRecords.Add(new SupportRecordEntity
                {
                    HouseholdId = ids[random.Next(ids.Count)], ProvinceCode = "11", CommuneCode = commune, PolicyCode = Policies[random.Next(Policies.Length)],
                    Agency = "Bench", Date = date, PeriodStart = date, AmountDong = 100_000, CreatedAtUtc = now, CreatedBy = "bench",
                });
            }

            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync(ct);
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
