using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using GiamNgheo.Cli.Households;
using GiamNgheo.Domain.Standards;

namespace GiamNgheo.Cli.Commands;

/// <summary>
/// <c>bench classify [--rows 5000000]</c>: writes a synthetic households CSV to a temp folder, then times merely
/// reading it (every field touched) against classifying it end to end, in the same run. It stays in the command line
/// because it measures the user's own <c>classify</c> command on the user's machine (how long a province file will
/// take) and touches no database. The benchmarks that create and drop databases (<c>import</c>, <c>reports</c>,
/// <c>support</c>) are the separate program <c>giamngheo-bench</c> (bench/GiamNgheo.Bench).
/// </summary>
internal static class BenchCommand
{
    private const int Rounds = 5;

    public static Command Create()
    {
        var rows = new Option<int>("--rows") { Description = "Số hộ (rows to generate)", DefaultValueFactory = _ => 5_000_000 };
        var standard = new Option<string>("--standard") { Description = "Chuẩn nghèo (standards)", DefaultValueFactory = _ => "ND07_2021,QD59_2015" };
        var classify = new Command("classify", "Đo tốc độ lệnh classify so với chỉ đọc tệp (time classify against merely reading the CSV).")
        {
            rows, standard,
        };
        classify.SetAction(parse => RunClassify(parse.GetValue(rows), parse.GetValue(standard)!, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error));
        return new Command("bench", "Đo hiệu năng (benchmarks; import, reports, support: chương trình giamngheo-bench).") { classify };
    }

    public static int RunClassify(int rows, string standardCodes, TextWriter output, TextWriter error)
    {
        var standards = StandardArguments.Resolve(standardCodes, error);
        if (standards is null || rows <= 0)
        {
            return ClassifyCommand.ExitUsage;
        }

        var folder = Directory.CreateTempSubdirectory("giamngheo-bench-");
        try
        {
            var input = Path.Combine(folder.FullName, "households.csv");
            var result = Path.Combine(folder.FullName, "result.csv");
            var clock = Stopwatch.StartNew();
            Generate(input, rows, standards);
            output.WriteLine(Invariant($"Generated {rows:N0} rows ({new FileInfo(input).Length / (1 << 20):N0} MiB) in {clock.Elapsed.TotalSeconds:F1} s: {input}"));

            // Warm-up, untimed: the file into the page cache, and one classification so that the JIT has tiered up.
            HouseholdCsvReader.ReadOnly(input);
            if (ClassifyCommand.Run(standardCodes, input, result, TextWriter.Null, error) != ClassifyCommand.ExitOk)
            {
                return ClassifyCommand.ExitBadData;
            }

            var reads = new List<(double Wall, double Cpu)>();
            var runs = new List<(double Wall, double Cpu)>();
            long written = 0;
            for (var round = 0; round < Rounds; round++)
            {
                reads.Add(Measure(() => HouseholdCsvReader.ReadOnly(input)));

                // Removing the previous round's output is not part of classifying (untimed; a real run writes one output).
                File.Delete(result);
                var exit = ClassifyCommand.ExitOk;
                runs.Add(Measure(() => exit = ClassifyCommand.Run(standardCodes, input, result, TextWriter.Null, error)));
                if (exit != ClassifyCommand.ExitOk)
                {
                    return exit;
                }

                written = new FileInfo(result).Length;
            }

            var read = (Wall: reads.Min(r => r.Wall), Cpu: reads.Min(r => r.Cpu));
            var classify = (Wall: runs.Min(r => r.Wall), Cpu: runs.Min(r => r.Cpu));
            var readMedian = Median(reads.Select(r => r.Wall));
            var classifyMedian = Median(runs.Select(r => r.Wall));
            output.WriteLine(Invariant($"rounds (s)     : read {string.Join(" ", reads.Select(r => r.Wall.ToString("F2", CultureInfo.InvariantCulture)))} | classify {string.Join(" ", runs.Select(r => r.Wall.ToString("F2", CultureInfo.InvariantCulture)))}"));
            output.WriteLine(Invariant($"read only      : {read.Wall:F2} s wall (median {readMedian:F2})  {rows / read.Wall:N0} rows/s  ({read.Cpu:F2} s CPU; one thread, the same CSV reader, every field touched)"));
            output.WriteLine(Invariant($"classify (e2e) : {classify.Wall:F2} s wall (median {classifyMedian:F2})  {rows / classify.Wall:N0} rows/s  ({classify.Cpu:F2} s CPU on {Environment.ProcessorCount} cores; {standards.Count} standards, {written / (1 << 20):N0} MiB written)"));
            output.WriteLine(Invariant($"overhead       : {(classify.Wall - read.Wall) / read.Wall * 100:F1} % wall (best of {Rounds} rounds each; medians: {(classifyMedian - readMedian) / readMedian * 100:F1} %), {(classify.Cpu - read.Cpu) / read.Cpu * 100:F1} % CPU over reading"));
            return ClassifyCommand.ExitOk;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>Deterministic synthetic households: incomes 300,000–3,500,000 đồng, each indicator deprived with p ≈ 0.15.</summary>
    private static void Generate(string path, int rows, IReadOnlyList<PovertyStandard> standards)
    {
        var codes = standards.SelectMany(s => s.Indicators.Select(i => i.Code)).Distinct(StringComparer.Ordinal).ToArray();
        var random = new Random(20251001);
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        writer.Write("household_id,commune,area,income");
        foreach (var code in codes)
        {
            writer.Write(',');
            writer.Write(code);
        }

        writer.Write('\n');
        Span<char> buffer = stackalloc char[32];
        for (var i = 0; i < rows; i++)
        {
            writer.Write("HH");
            i.TryFormat(buffer, out var n, "D10", CultureInfo.InvariantCulture);
            writer.Write(buffer[..n]);
            writer.Write(',');
            random.Next(0, 3000).TryFormat(buffer, out n, "D5", CultureInfo.InvariantCulture);
            writer.Write(buffer[..n]);
            writer.Write(random.Next(4) == 0 ? ",urban," : ",rural,");
            (random.Next(300, 3500) * 1000L).TryFormat(buffer, out n, default, CultureInfo.InvariantCulture);
            writer.Write(buffer[..n]);
            foreach (var _ in codes)
            {
                writer.Write(random.Next(100) < 15 ? ",1" : ",0");
            }

            writer.Write('\n');
        }
    }

    private static (double Wall, double Cpu) Measure(Action action)
    {
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        action();
        var wall = clock.Elapsed.TotalSeconds;
        process.Refresh();
        return (wall, (process.TotalProcessorTime - cpu).TotalSeconds);
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
