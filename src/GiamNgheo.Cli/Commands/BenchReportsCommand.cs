using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using GiamNgheo.Application.AdminUnits;
using GiamNgheo.Application.Dashboards;
using GiamNgheo.Application.Households;
using GiamNgheo.Application.Interchange;
using GiamNgheo.Application.Persistence;
using GiamNgheo.Application.Reports;
using GiamNgheo.Application.Surveys;
using GiamNgheo.Domain.Classification;
using GiamNgheo.Domain.Households;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GiamNgheo.Cli.Commands;

/// <summary>
/// <c>bench reports [--households 100000] [--database file]</c>: fills a fresh database (SQLite temp file unless
/// <c>Database__Provider=Postgres</c>) with a generated province (households, members, surveys, classifications under
/// ND07_2021 for two years and QD59_2015), then times the province dashboard, all 15 forms for the province and one
/// commune's 15 forms (best of 3, after one warm-up).
/// </summary>
internal static class BenchReportsCommand
{
    private const string Province = "11";
    private const int Rounds = 3;

    public static Command Create()
    {
        var households = new Option<int>("--households") { Description = "Số hộ (households to generate)", DefaultValueFactory = _ => 100_000 };
        var database = new Option<string?>("--database") { Description = "Tệp SQLite (SQLite file; default: a temp file)" };
        var command = new Command("reports", "Đo tốc độ bảng điều hành và biểu mẫu báo cáo (time dashboards and report forms).") { households, database };
        command.SetAction((parse, ct) => RunAsync(parse.GetValue(households), parse.GetValue(database), parse.InvocationConfiguration.Output, ct));
        return command;
    }

    public static async Task<int> RunAsync(int count, string? databasePath, TextWriter output, CancellationToken ct)
    {
        var temp = databasePath is null ? Directory.CreateTempSubdirectory("giamngheo-bench-reports-") : null;
        try
        {
            var path = databasePath ?? Path.Combine(temp!.FullName, "bench.db");
            using var host = CliHost.Build([new("Database:Path", path)]);
            await CliHost.InitializeAsync(host, ct);
            var clock = Stopwatch.StartNew();
            string commune;
            await using (var scope = host.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                output.WriteLine(Invariant($"Database: {db.Database.ProviderName}"));
                commune = await GenerateAsync(host.Services, count, ct);
            }

            output.WriteLine(Invariant($"Generated {count:N0} households of province {Province} in {clock.Elapsed.TotalSeconds:F1} s"));
            var dashboard = await TimeAsync(host.Services, (sp, c) => sp.GetRequiredService<DashboardService>().GetAsync(Province, 2025, c), ct);
            var provinceForms = await TimeAsync(host.Services, (sp, c) => sp.GetRequiredService<ReportService>().GetAsync(Province, 2025, "ND07_2021", [], true, c), ct);
            var communeForms = await TimeAsync(host.Services, (sp, c) => sp.GetRequiredService<ReportService>().GetAsync(commune, 2025, "ND07_2021", [], true, c), ct);
            var load = await TimeAsync(host.Services, (sp, c) => sp.GetRequiredService<ReportDataLoader>().LoadAsync(Province, 2025, "ND07_2021", true, c), ct);
            output.WriteLine(Invariant($"province rows (load only): {load,8:F0} ms"));
            output.WriteLine(Invariant($"province dashboard:        {dashboard,8:F0} ms"));
            output.WriteLine(Invariant($"15 forms, province:        {provinceForms,8:F0} ms"));
            output.WriteLine(Invariant($"15 forms, commune {commune}: {communeForms,8:F0} ms"));
            return 0;
        }
        finally
        {
            temp?.Delete(recursive: true);
        }
    }

    private static async Task<double> TimeAsync<T>(IServiceProvider services, Func<IServiceProvider, CancellationToken, Task<T>> action, CancellationToken ct)
    {
        var best = double.MaxValue;
        for (var round = 0; round <= Rounds; round++)
        {
            await using var scope = services.CreateAsyncScope();
            var clock = Stopwatch.StartNew();
            await action(scope.ServiceProvider, ct);
            if (round > 0)
            {
                best = Math.Min(best, clock.Elapsed.TotalMilliseconds);
            }
        }

        return best;
    }

    /// <summary>Deterministic households spread over the province's communes; returns the largest commune's code.</summary>
    private static async Task<string> GenerateAsync(IServiceProvider services, int count, CancellationToken ct)
    {
        List<string> communes;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var today = new DateOnly(2025, 12, 31);
            communes = [.. (await db.AdminUnits.AsNoTracking().Where(u => u.ParentCode == Province && u.Level == AdminLevel.Commune).ToListAsync(ct))
                .Where(u => u.IsValidOn(today)).Select(u => u.Code).Distinct().Order(StringComparer.Ordinal)];
        }

        var random = new Random(20251);
        const int batch = 5_000;
        HouseholdCategory Pick(double poor, double near)
        {
            var x = random.NextDouble();
            return x < poor ? HouseholdCategory.Poor : x < poor + near ? HouseholdCategory.NearPoor : x < 0.35 ? HouseholdCategory.Medium : HouseholdCategory.NotPoor;
        }

        for (var start = 0; start < count; start += batch)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.SuppressEntityAudit = true;
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var made = new List<(HouseholdEntity H, int Members)>();
            for (var i = start; i < Math.Min(count, start + batch); i++)
            {
                // Skewed: the first communes are poorer and larger.
                var commune = communes[(int)(communes.Count * Math.Pow(random.NextDouble(), 1.3))];
                var minority = random.NextDouble() < 0.7;
                var size = 1 + random.Next(6);
                var h = new HouseholdEntity
                {
                    ProvinceCode = Province,
                    CommuneCode = commune,
                    Code = "B" + i.ToString("0000000", CultureInfo.InvariantCulture),
                    HeadName = "Hộ " + i.ToString(CultureInfo.InvariantCulture),
                    Groups = (minority ? SpecialGroups.EthnicMinority : SpecialGroups.None) | (random.NextDouble() < 0.05 ? SpecialGroups.NoLabourCapacity : SpecialGroups.None),
                };
                for (var m = 0; m < size; m++)
                {
                    h.Members.Add(new MemberEntity
                    {
                        ProvinceCode = Province,
                        Order = m + 1,
                        FullName = "Thành viên " + m.ToString(CultureInfo.InvariantCulture),
                        Sex = m % 2 == 0 ? Sex.Male : Sex.Female,
                        DateOfBirth = m < 2 ? new DateOnly(1975 + random.Next(25), 1, 1) : new DateOnly(2010 + random.Next(15), 6, 1),
                        EthnicityCode = minority ? (random.Next(3) switch { 0 => "03", 1 => "04", _ => "17" }) : "01",
                        RelationToHead = m == 0 ? RelationToHead.Head : m == 1 ? RelationToHead.Spouse : RelationToHead.Child,
                        HasHealthInsurance = random.NextDouble() < 0.9,
                        Schooling = random.NextDouble() < 0.9 ? Schooling.InSchool : Schooling.NotInSchool,
                    });
                }

                db.Households.Add(h);
                made.Add((h, size));
            }

            await db.SaveChangesAsync(ct);
            foreach (var (h, size) in made)
            {
                var before = Pick(0.16, 0.09);
                var now = before == HouseholdCategory.Poor && random.NextDouble() < 0.3 ? HouseholdCategory.NearPoor : random.NextDouble() < 0.85 ? before : Pick(0.12, 0.08);
                var qd59 = now == HouseholdCategory.Poor && random.NextDouble() < 0.45 ? HouseholdCategory.Poor : Pick(0.02, 0.03);
                db.HouseholdClassifications.Add(Row(h, 2024, "ND07_2021", before, size, random));
                db.HouseholdClassifications.Add(Row(h, 2025, "ND07_2021", now, size, random));
                db.HouseholdClassifications.Add(Row(h, 2025, "QD59_2015", qd59, size, random));
                db.HouseholdSurveys.Add(new HouseholdSurveyEntity
                {
                    HouseholdId = h.Id,
                    ProvinceCode = Province,
                    Year = 2025,
                    Causes = (PovertyCauses)(1 << random.Next(8)),
                    Needs = (SupportNeeds)(1 << random.Next(6)),
                    Source = "bench",
                });
            }

            await db.SaveChangesAsync(ct);
        }

        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            return await db.Households.GroupBy(h => h.CommuneCode).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync(ct);
        }
    }

    private static readonly string[] Codes = ["employment", "dependants", "nutrition", "health_insurance", "adult_education", "child_schooling", "housing_quality", "housing_area", "water", "latrine", "telecom", "information_devices"];

    private static HouseholdClassificationEntity Row(HouseholdEntity h, int year, string standard, HouseholdCategory category, int members, Random random)
    {
        var deprived = Codes.Where(_ => random.NextDouble() < (category == HouseholdCategory.Poor ? 0.35 : 0.1)).ToArray();
        return new HouseholdClassificationEntity
        {
            HouseholdId = h.Id,
            ProvinceCode = h.ProvinceCode,
            CommuneCode = h.CommuneCode,
            VillageCode = h.VillageCode,
            Year = year,
            StandardCode = standard,
            Category = category,
            DeprivationCount = deprived.Length,
            Deprived = string.Join(';', deprived),
            MemberCount = members,
            Reason = "bench",
        };
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
