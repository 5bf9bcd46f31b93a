using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using GiamNgheo.Application.Imports;
using GiamNgheo.Application.Persistence;
using GiamNgheo.Application.Synthetic;
using Microsoft.Extensions.DependencyInjection;

namespace GiamNgheo.Bench;

/// <summary>
/// <c>giamngheo-bench import --households N [--provider sqlite|postgres]</c>: generates a synthetic province, imports it into a
/// fresh database (validation, villages, surveys, classification, indexes), and compares the rate with the raw bulk
/// rate of the same engine on bare tables in the same run. The last line is <c>ratio: &lt;import ÷ raw&gt;</c>.
/// PostgreSQL uses the server of <c>ConnectionStrings__Postgres</c> and creates (and drops) its own database.
/// </summary>
internal static class ImportBench
{
    public static Command Create()
    {
        var households = new Option<int>("--households") { Description = "Số hộ (households to generate)", DefaultValueFactory = _ => 1_000_000 };
        var provider = new Option<string>("--provider") { Description = "sqlite | postgres", DefaultValueFactory = _ => "sqlite" };
        var province = new Option<string>("--province") { Description = "Mã tỉnh (province code)", DefaultValueFactory = _ => "11" };
        var command = new Command("import", "Đo tốc độ nhập so với tốc độ ghi thô của cùng CSDL (import rate against the raw bulk rate).")
        {
            households, provider, province,
        };
        command.SetAction((parse, ct) => RunAsync(parse.GetValue(households), parse.GetValue(provider)!, parse.GetValue(province)!,
            parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, ct));
        return command;
    }

    public static async Task<int> RunAsync(int count, string provider, string province, TextWriter output, TextWriter error, CancellationToken ct)
    {
        if (count <= 0 || provider is not ("sqlite" or "postgres"))
        {
            await error.WriteLineAsync("Lỗi: --households > 0 và --provider sqlite|postgres.");
            return 1;
        }

        var folder = Directory.CreateTempSubdirectory("giamngheo-bench-import-");
        try
        {
            var clock = Stopwatch.StartNew();
            var generated = await new GenerateSyntheticProvinceHandler().ExecuteAsync(new GenerateSyntheticProvinceCommand
            {
                Options = new SyntheticProvinceOptions { ProvinceCode = province, Households = count, Seed = 2026 },
                OutputDirectory = folder.FullName,
            }, null, ct);
            if (generated.Error is not null)
            {
                await error.WriteLineAsync("Lỗi: " + generated.Message);
                return 1;
            }

            await output.WriteLineAsync(Invariant($"generated      : {generated.Households:N0} households, {generated.Members:N0} members in {clock.Elapsed.TotalSeconds:F1} s ({generated.Plan!.Communes.Count} communes)"));

            await using var database = await BenchDatabase.CreateAsync(provider, Path.Combine(folder.FullName, "bench.db"), error, ct);
            if (database is null)
            {
                return 1;
            }

            using var host = BenchHost.Build(database.Overrides);
            await BenchHost.InitializeAsync(host, ct);

            ImportResult result;
            TimeSpan importTime;
            await using (var scope = host.Services.CreateAsyncScope())
            {
                var importer = scope.ServiceProvider.GetRequiredService<HouseholdImporter>();
                clock.Restart();
                var stages = new StageTimer(clock, output);
                result = await importer.ImportAsync(ImportRequest.Csv(generated.HouseholdsPath!, generated.MembersPath!), stages, ct);
                importTime = clock.Elapsed;
            }

            if (!result.Succeeded)
            {
                await error.WriteLineAsync("Lỗi: " + (result.FileError ?? string.Join("; ", result.Problems.Take(5).Select(p => $"{p.File} {p.Row} {p.Column}: {p.Reason}"))));
                return 1;
            }

            RawRate raw;
            var rawCpu = Process.GetCurrentProcess().TotalProcessorTime;
            await using (var scope = host.Services.CreateAsyncScope())
            {
                raw = await RawImportRate.MeasureAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), generated.HouseholdsPath!, generated.MembersPath!, ct);
            }

            rawCpu = Process.GetCurrentProcess().TotalProcessorTime - rawCpu;
            await output.WriteLineAsync(Invariant($"raw (process cpu incl. its read + parse, not timed): {rawCpu.TotalSeconds:F2} s"));
            var importRate = result.Households / importTime.TotalSeconds;
            var rawRate = raw.Households / raw.Elapsed.TotalSeconds;
            await output.WriteLineAsync(Invariant($"engine         : {provider}"));
            await output.WriteLineAsync(Invariant($"import (full)  : {importTime.TotalSeconds:F2} s  {importRate:N0} households/s  {result.Members / importTime.TotalSeconds:N0} members/s  (read, validate, villages, classify, surveys, classifications, indexes, commit)"));
            await output.WriteLineAsync(Invariant($"raw bulk       : {raw.Elapsed.TotalSeconds:F2} s  {rawRate:N0} households/s  {raw.Members / raw.Elapsed.TotalSeconds:N0} members/s  (same rows, bare tables, {(provider == "sqlite" ? "prepared INSERT" : "binary COPY")})"));
            await output.WriteLineAsync(Invariant($"ratio: {importRate / rawRate:F2}"));
            return 0;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>Prints when each stage of the import starts (synchronously, so the times are exact), with CPU and garbage-collector pauses so far.</summary>
    private sealed class StageTimer(Stopwatch clock, TextWriter output) : IProgress<ImportProgress>
    {
        private readonly TimeSpan start = Process.GetCurrentProcess().TotalProcessorTime;
        private readonly TimeSpan pauses = GC.GetTotalPauseDuration();
        private readonly int gen2 = GC.CollectionCount(2);
        private string? last;

        public void Report(ImportProgress value)
        {
            if (value.Stage != last)
            {
                last = value.Stage;
                var cpu = Process.GetCurrentProcess().TotalProcessorTime - start;
                var gc = GC.GetTotalPauseDuration() - pauses;
                output.WriteLine(Invariant($"  {clock.Elapsed.TotalSeconds,7:F2} s  (cpu {cpu.TotalSeconds,6:F2} s, gc pauses {gc.TotalSeconds,5:F2} s, gen2 {GC.CollectionCount(2) - gen2,3})  {value.Stage}"));
            }
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
