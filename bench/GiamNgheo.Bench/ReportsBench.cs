using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using GiamNgheo.Application.AdminUnits;
using GiamNgheo.Application.Dashboards;
using GiamNgheo.Application.Imports;
using GiamNgheo.Application.Persistence;
using GiamNgheo.Application.Reports;
using GiamNgheo.Application.Reports.Aggregates;
using GiamNgheo.Domain.Classification;
using GiamNgheo.Domain.Common;
using GiamNgheo.Domain.Households;
using GiamNgheo.Domain.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace GiamNgheo.Bench;

/// <summary>
/// <c>giamngheo-bench reports [--households 100000] [--provider sqlite|postgres] [--database file]</c>: fills a fresh database
/// (SQLite temp file, or a new database on the server of <c>ConnectionStrings__Postgres</c>) with a generated province
/// by bulk inserts (prepared INSERT / binary COPY: households in villages, members, surveys, classifications under
/// ND07_2021 for 2024 and 2025 and QD59_2015 for 2025), rebuilds the report aggregates, then times the province
/// dashboard, forms 1–13 and the lists 14–15 for the province, and one commune's 15 forms: median and best of 5 timed runs after 5 warm-up runs, and the first (cold) call.
/// </summary>
internal static class ReportsBench
{
    private const string Province = "11";
    /// <summary>Runs before the timed ones: the code is then compiled at its final tier (the JIT recompiles hot methods
    /// after about 30 calls), as in a web server that has been up for a while.</summary>
    private const int WarmUps = 5;
    private const int Rounds = 5;

    public static Command Create()
    {
        var households = new Option<int>("--households") { Description = "Số hộ (households to generate)", DefaultValueFactory = _ => 100_000 };
        var provider = new Option<string>("--provider") { Description = "sqlite | postgres (default: Database__Provider or sqlite)" };
        var database = new Option<string?>("--database") { Description = "Tệp SQLite hoặc tên CSDL PostgreSQL được giữ lại (SQLite file, or a PostgreSQL database name kept afterwards; default: a temp file / a fresh database dropped afterwards)" };
        var reuse = new Option<bool>("--reuse") { Description = "Dùng lại --database đã có dữ liệu, bỏ qua bước nạp (reuse an existing --database, skip fill and rebuild)" };
        var quick = new Option<bool>("--quick") { Description = "Bỏ qua danh sách toàn tỉnh và làm mới xã (skip the province lists and the commune refresh: to iterate)" };
        var gc = new Option<string>("--gc")
        {
            Description = "server | workstation: bộ thu gom rác khi đo (garbage collector to measure with; default server, as the web app)",
            DefaultValueFactory = _ => "server",
        };
        var command = new Command("reports", "Đo tốc độ bảng điều hành và biểu mẫu báo cáo (time dashboards and report forms).") { households, provider, database, reuse, quick, gc };
        command.SetAction(async (parse, ct) => parse.GetValue(gc) switch
        {
            "server" when !GCSettings.IsServerGC => await RerunWithServerGcAsync(ct),
            "server" or "workstation" => await RunAsync(parse.GetValue(households), parse.GetValue(provider), parse.GetValue(database), parse.GetValue(reuse),
                parse.GetValue(quick), parse.InvocationConfiguration.Output, ct),
            var other => Fail(parse.InvocationConfiguration.Output, other),
        });
        return command;
    }

    private static int Fail(TextWriter output, string? gc)
    {
        output.WriteLine($"Lỗi: --gc server|workstation (không phải \"{gc}\").");
        return 1;
    }

    /// <summary>
    /// The report figures are server times, and the web app runs with the server garbage collector (the ASP.NET Core
    /// default); a console program such as this one runs with the workstation one. The collector is chosen when a process starts, so the command
    /// starts itself again with <c>DOTNET_gcServer=1</c> (same arguments, same output) unless <c>--gc workstation</c>.
    /// A commune's forms allocate ≈ 80 MB that mostly live until the forms are built: with the workstation collector they
    /// took 360–500 ms instead of 255–315 ms (SQLite, 1 M households).
    /// </summary>
    private static async Task<int> RerunWithServerGcAsync(CancellationToken ct)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath ?? "dotnet") { UseShellExecute = false };
        var args = Environment.GetCommandLineArgs();
        if (Path.GetFileNameWithoutExtension(start.FileName) == "dotnet")
        {
            start.ArgumentList.Add(typeof(ReportsBench).Assembly.Location); // started as "dotnet giamngheo-bench.dll …"
        }

        foreach (var arg in args.Skip(1))
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_gcServer"] = "1";
        using var child = Process.Start(start) ?? throw new InvalidOperationException("Cannot start " + start.FileName);
        await child.WaitForExitAsync(ct);
        return child.ExitCode;
    }

    public static async Task<int> RunAsync(int count, string? provider, string? databasePath, bool reuse, bool quick, TextWriter output, CancellationToken ct)
    {
        provider ??= string.Equals(Environment.GetEnvironmentVariable("Database__Provider"), "Postgres", StringComparison.OrdinalIgnoreCase) ? "postgres" : "sqlite";
        if (count <= 0 || provider is not ("sqlite" or "postgres"))
        {
            output.WriteLine("Lỗi: --households > 0 và --provider sqlite|postgres.");
            return 1;
        }

        var temp = databasePath is null && provider == "sqlite" ? Directory.CreateTempSubdirectory("giamngheo-bench-reports-") : null;
        try
        {
            await using var bench = await BenchDatabase.CreateAsync(provider, provider == "sqlite" ? databasePath ?? Path.Combine(temp!.FullName, "bench.db") : string.Empty, output, ct,
                provider == "postgres" ? databasePath : null);
            if (bench is null)
            {
                return 1;
            }

            var reusing = reuse && databasePath is not null && (provider == "postgres" || File.Exists(databasePath));
            using var host = BenchHost.Build(bench.Overrides);
            await BenchHost.InitializeAsync(host, ct);
            var clock = Stopwatch.StartNew();
            string? commune = null;
            await using (var scope = host.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                output.WriteLine(Invariant($"Database: {db.Database.ProviderName}"));
                if (reusing)
                {
                    // The largest commune of the existing data (the one the fill would have returned).
                    commune = await db.Households.AsNoTracking().Where(h => h.ProvinceCode == Province)
                        .GroupBy(h => h.CommuneCode).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefaultAsync(ct);
                }

                if (commune is null)
                {
                    reusing = false;
                    commune = await FillAsync(db, count, ct);
                }
            }

            if (reusing)
            {
                output.WriteLine(Invariant($"reusing {databasePath} (no fill, no rebuild)"));
            }
            else
            {
                output.WriteLine(Invariant($"fill (bulk insert):        {clock.Elapsed.TotalSeconds,8:F1} s  ({count:N0} households of province {Province})"));
                await using var scope = host.Services.CreateAsyncScope();
                if (provider == "postgres")
                {
                    // What autovacuum does shortly after a bulk load; without statistics the planner guesses.
                    clock.Restart();
                    await scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.ExecuteSqlRawAsync("ANALYZE", ct);
                    output.WriteLine(Invariant($"analyze (PostgreSQL):      {clock.Elapsed.TotalSeconds,8:F1} s"));
                }

                clock.Restart();
                var (communes, rows) = await scope.ServiceProvider.GetRequiredService<ReportAggregates>().RebuildAsync(Province, null, ct);
                output.WriteLine(Invariant($"rebuild aggregates:        {clock.Elapsed.TotalSeconds,8:F1} s  ({communes} communes, {rows:N0} rows)"));
                if (provider == "postgres")
                {
                    await scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.ExecuteSqlRawAsync("ANALYZE report_aggregates", ct);
                }
            }

            var dashboard = await TimeAsync(host.Services, (sp, c) => sp.GetRequiredService<DashboardService>().GetAsync(Province, 2025, c), ct);
            var provinceForms = await TimeAsync(host.Services, (sp, c) => sp.GetRequiredService<ReportService>().GetAsync(Province, 2025, "ND07_2021", [.. Enumerable.Range(1, 13)], true, c), ct);
            var provinceLists = quick ? Timing.None : await TimeAsync(host.Services, (sp, c) => sp.GetRequiredService<ReportService>().GetAsync(Province, 2025, "ND07_2021", [14, 15], true, c), ct, warmUps: 2, rounds: 3);
            var listRows = quick ? Timing.None : await TimeAsync(host.Services, (sp, c) => ListRowsAsync(sp, Province, c), ct);
            var communeForms = await TimeAsync(host.Services, (sp, c) => sp.GetRequiredService<ReportService>().GetAsync(commune, 2025, "ND07_2021", [], true, c), ct);
            var communeCounts = await TimeAsync(host.Services, (sp, c) => sp.GetRequiredService<ReportService>().GetAsync(commune, 2025, "ND07_2021", [.. Enumerable.Range(1, 13)], true, c), ct);
            var communeAggregates = await TimeAsync(host.Services, async (sp, c) =>
            {
                var loader = sp.GetRequiredService<ReportDataLoader>();
                var unit = await loader.ResolveUnitAsync(commune, 2025, c);
                return await sp.GetRequiredService<ReportAggregates>().ReadAsync(unit!, 2025, "ND07_2021", null, c);
            }, ct);
            var communeLists = await TimeAsync(host.Services, (sp, c) => sp.GetRequiredService<ReportService>().GetAsync(commune, 2025, "ND07_2021", [14, 15], true, c), ct);
            var communeListRows = await TimeAsync(host.Services, (sp, c) => ListRowsAsync(sp, commune, c), ct);
            var communeRefresh = quick ? Timing.None : await TimeAsync(host.Services, (sp, c) => sp.GetRequiredService<ReportAggregates>().RefreshCommunesAsync([commune], [2025], c), ct, warmUps: 1, rounds: 3);
            output.WriteLine(Invariant($"GC: {(GCSettings.IsServerGC ? "server (as the web app)" : "workstation (a console program's default; the web app runs with server GC)")}"));
            output.WriteLine("(milliseconds: median of the timed runs, then best, first call, and process CPU of the median run)");
            output.WriteLine(Invariant($"province dashboard:        {dashboard}"));
            output.WriteLine(Invariant($"forms 1–13, province:      {provinceForms}"));
            output.WriteLine(Invariant($"lists 14–15, province:     {provinceLists}"));
            output.WriteLine(Invariant($"  of which reading rows:   {listRows}  (ReportListLoader, province)"));
            output.WriteLine(Invariant($"15 forms, commune {commune}: {communeForms}"));
            output.WriteLine(Invariant($"  of which forms 1–13:     {communeCounts}"));
            output.WriteLine(Invariant($"    reading aggregate rows:{communeAggregates}"));
            output.WriteLine(Invariant($"  of which lists 14–15:    {communeLists}"));
            output.WriteLine(Invariant($"    reading list rows:     {communeListRows}"));
            output.WriteLine(Invariant($"refresh commune {commune}:   {communeRefresh}  (2025, every standard: what one edit costs)"));
            return 0;
        }
        finally
        {
            temp?.Delete(recursive: true);
        }
    }

    /// <summary>The rows of the detailed lists 14–15 of a unit for 2025 under ND07_2021 (<see cref="ReportListLoader"/> alone).</summary>
    private static async Task<List<ReportHousehold>> ListRowsAsync(IServiceProvider services, string unitCode, CancellationToken ct)
    {
        var loader = services.GetRequiredService<ReportDataLoader>();
        var unit = await loader.ResolveUnitAsync(unitCode, 2025, ct);
        var standard = await loader.StandardAsync("ND07_2021", ct);
        return await services.GetRequiredService<ReportListLoader>().LoadAsync(unit!, 2025, standard!, ct);
    }

    /// <summary>
    /// Times <paramref name="action"/>, each run in a new scope: one first call, <paramref name="warmUps"/> more untimed
    /// runs, then <paramref name="rounds"/> timed runs (median, best, and the process CPU time of the median run: a
    /// steadier figure than wall time on a loaded machine).
    /// </summary>
    private static async Task<Timing> TimeAsync<T>(
        IServiceProvider services, Func<IServiceProvider, CancellationToken, Task<T>> action, CancellationToken ct, int warmUps = WarmUps, int rounds = Rounds)
    {
        var runs = new List<(double Wall, double Cpu)>();
        double first = 0;
        using var process = Process.GetCurrentProcess();
        for (var round = 0; round <= warmUps + rounds; round++)
        {
            await using var scope = services.CreateAsyncScope();
            // Each run starts from a collected heap, as BenchmarkDotNet does between iterations: one run's garbage is
            // not collected during the next one.
            GC.Collect();
            GC.WaitForPendingFinalizers();
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            await action(scope.ServiceProvider, ct);
            var elapsed = clock.Elapsed.TotalMilliseconds;
            process.Refresh();
            if (round == 0)
            {
                first = elapsed;
            }
            else if (round > warmUps)
            {
                runs.Add((elapsed, (process.TotalProcessorTime - cpuBefore).TotalMilliseconds));
            }
        }

        var sorted = runs.OrderBy(r => r.Wall).ToList();
        var median = sorted[sorted.Count / 2];
        return new Timing(median.Wall, sorted[0].Wall, first, median.Cpu);
    }

    private sealed record Timing(double Median, double Best, double First, double Cpu)
    {
        public static readonly Timing None = new(double.NaN, double.NaN, double.NaN, double.NaN);

        public override string ToString() => double.IsNaN(Median)
            ? "       – (skipped)"
            : string.Create(CultureInfo.InvariantCulture, $"{Median,8:F0} ms  (best {Best:F0}, first call {First:F0}, CPU {Cpu:F0})");
    }

    private sealed record Planned(int Commune, int Village, int Size, bool Minority, int Ethnicity, bool NoLabour,
        HouseholdCategory Before, HouseholdCategory Now, HouseholdCategory Qd59, string DeprivedBefore, string DeprivedNow, string DeprivedQd59, int Causes, int Needs);

    private static readonly string[] Ethnicities = ["03", "04", "17"];

    /// <summary>
    /// Deterministic households spread over the province's communes (skewed: the first communes are poorer and
    /// larger), about 150 per village, written with <see cref="BulkInserter"/>; returns the largest commune's code.
    /// </summary>
    private static async Task<string> FillAsync(AppDbContext db, int count, CancellationToken ct)
    {
        var today = new DateOnly(2025, 12, 31);
        List<string> communes = [.. (await db.AdminUnits.AsNoTracking().Where(u => u.ParentCode == Province && u.Level == AdminLevel.Commune).ToListAsync(ct))
            .Where(u => u.IsValidOn(today)).Select(u => u.Code).Distinct().Order(StringComparer.Ordinal)];
        var random = new Random(20251);
        HouseholdCategory Pick(double poor, double near)
        {
            var x = random.NextDouble();
            return x < poor ? HouseholdCategory.Poor : x < poor + near ? HouseholdCategory.NearPoor : x < 0.35 ? HouseholdCategory.Medium : HouseholdCategory.NotPoor;
        }

        string Deprived(HouseholdCategory category) => string.Join(';', Codes.Where(_ => random.NextDouble() < (category == HouseholdCategory.Poor ? 0.35 : 0.1)));

        var plan = new Planned[count];
        var perCommune = new int[communes.Count];
        for (var i = 0; i < count; i++)
        {
            var c = (int)(communes.Count * Math.Pow(random.NextDouble(), 1.3));
            var before = Pick(0.16, 0.09);
            var now = before == HouseholdCategory.Poor && random.NextDouble() < 0.3 ? HouseholdCategory.NearPoor : random.NextDouble() < 0.85 ? before : Pick(0.12, 0.08);
            var qd59 = now == HouseholdCategory.Poor && random.NextDouble() < 0.45 ? HouseholdCategory.Poor : Pick(0.02, 0.03);
            plan[i] = new Planned(c, perCommune[c]++ / 150, 1 + random.Next(6), random.NextDouble() < 0.7, random.Next(3), random.NextDouble() < 0.05,
                before, now, qd59, Deprived(before), Deprived(now), Deprived(qd59), 1 << random.Next(8), 1 << random.Next(6));
        }

        var stamp = new DateTime(2025, 12, 1, 0, 0, 0, DateTimeKind.Utc);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var bulk = BulkInserter.For(db.Database.GetDbConnection(), transaction.GetDbTransaction());
        var firstHousehold = await bulk.NextIdAsync("households", ct);
        var firstMember = await bulk.NextIdAsync("members", ct);
        var firstSurvey = await bulk.NextIdAsync("household_surveys", ct);
        var firstClassification = await bulk.NextIdAsync("household_classifications", ct);
        string VillageOf(Planned p) => communes[p.Commune] + "-" + (p.Village + 1).ToString("000", CultureInfo.InvariantCulture);

        await bulk.InsertAsync("households", HouseholdImporter.HouseholdBulk, plan.Select((p, i) =>
        {
            var name = "Hộ " + i.ToString(CultureInfo.InvariantCulture);
            var groups = (p.Minority ? SpecialGroups.EthnicMinority : SpecialGroups.None) | (p.NoLabour ? SpecialGroups.NoLabourCapacity : SpecialGroups.None);
            return new object?[]
            {
                firstHousehold + i, Province, communes[p.Commune], VillageOf(p), "B" + i.ToString("0000000", CultureInfo.InvariantCulture), string.Empty,
                name, VietnameseText.Fold(name), (int)AreaType.Rural, (int)groups, null, 0, stamp, stamp,
            };
        }), ct);

        var memberId = firstMember;
        var births = new Random(7);
        await bulk.InsertAsync("members", HouseholdImporter.MemberBulk, plan.SelectMany((p, i) => Enumerable.Range(0, p.Size).Select(m =>
        {
            var name = "Thành viên " + m.ToString(CultureInfo.InvariantCulture);
            return new object?[]
            {
                memberId++, firstHousehold + i, Province, m + 1, name, VietnameseText.Fold(name), (int)(m % 2 == 0 ? Sex.Male : Sex.Female),
                m < 2 ? new DateOnly(1975 + births.Next(25), 1, 1) : new DateOnly(2010 + births.Next(15), 6, 1),
                p.Minority ? Ethnicities[p.Ethnicity] : "01", (int)(m == 0 ? RelationToHead.Head : m == 1 ? RelationToHead.Spouse : RelationToHead.Child),
                null, births.NextDouble() < 0.9, (int)EducationLevel.None, (int)(births.NextDouble() < 0.9 ? Schooling.InSchool : Schooling.NotInSchool),
                (int)Disability.None, (int)Employment.NotInLabourForce,
            };
        })), ct);

        await bulk.InsertAsync("household_surveys", HouseholdImporter.SurveyBulk, plan.Select((p, i) => new object?[]
        {
            firstSurvey + i, firstHousehold + i, Province, 2025, null, false, null, null, "{}", p.Causes, null, p.Needs, "bench", 0, stamp, null,
        }), ct);

        var classificationId = firstClassification;
        await bulk.InsertAsync("household_classifications", HouseholdImporter.ClassificationBulk, plan.SelectMany((p, i) => new[]
        {
            Classification(classificationId++, firstHousehold + i, communes[p.Commune], VillageOf(p), 2024, "ND07_2021", p.Before, p.DeprivedBefore, p.Size, stamp),
            Classification(classificationId++, firstHousehold + i, communes[p.Commune], VillageOf(p), 2025, "ND07_2021", p.Now, p.DeprivedNow, p.Size, stamp),
            Classification(classificationId++, firstHousehold + i, communes[p.Commune], VillageOf(p), 2025, "QD59_2015", p.Qd59, p.DeprivedQd59, p.Size, stamp),
        }), ct);

        foreach (var table in new[] { "households", "members", "household_surveys", "household_classifications" })
        {
            await bulk.FinishIdsAsync(table, ct);
        }

        await transaction.CommitAsync(ct);
        var largest = Enumerable.Range(0, communes.Count).MaxBy(c => perCommune[c]);
        return communes[largest];
    }

    private static readonly string[] Codes = ["employment", "dependants", "nutrition", "health_insurance", "adult_education", "child_schooling", "housing_quality", "housing_area", "water", "latrine", "telecom", "information_devices"];

    /// <summary>A row of <see cref="HouseholdImporter.ClassificationBulk"/> (no decision, no old commune code).</summary>
    private static object?[] Classification(long id, long household, string commune, string village, int year, string standard, HouseholdCategory category, string deprived, int members, DateTime stamp) =>
    [
        id, household, Province, commune, village, year, standard, (short)category,
        deprived.Length == 0 ? 0 : deprived.Count(ch => ch == ';') + 1, deprived, members, stamp, null, null, false, (short)category,
    ];

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
