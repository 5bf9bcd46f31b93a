using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using GiamNgheo.Cli.Households;
using GiamNgheo.Domain.Standards;

namespace GiamNgheo.Cli.Commands;

/// <summary>
/// <c>bench classify [--rows 5000000]</c>: writes a synthetic households CSV to a temp folder, then times merely
/// reading it (every field touched) against classifying it end to end, in the same run.
/// </summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var rows = new Option<int>("--rows") { Description = "Số hộ (rows to generate)", DefaultValueFactory = _ => 5_000_000 };
        var standard = new Option<string>("--standard") { Description = "Chuẩn nghèo (standards)", DefaultValueFactory = _ => "ND07_2021,QD59_2015" };
        var classify = new Command("classify", "Đo tốc độ lệnh classify so với chỉ đọc tệp (time classify against merely reading the CSV).")
        {
            rows, standard,
        };
        classify.SetAction(parse => RunClassify(parse.GetValue(rows), parse.GetValue(standard)!, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error));
        return new Command("bench", "Đo hiệu năng (benchmarks).") { classify };
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

            HouseholdCsvReader.ReadOnly(input);
            var read = double.MaxValue;
            var classify = double.MaxValue;
            for (var round = 0; round < 2; round++)
            {
                clock.Restart();
                HouseholdCsvReader.ReadOnly(input);
                read = Math.Min(read, clock.Elapsed.TotalSeconds);
                clock.Restart();
                var exit = ClassifyCommand.Run(standardCodes, input, result, TextWriter.Null, error);
                classify = Math.Min(classify, clock.Elapsed.TotalSeconds);
                if (exit != ClassifyCommand.ExitOk)
                {
                    return exit;
                }
            }

            output.WriteLine(Invariant($"read only      : {read:F2} s  {rows / read:N0} rows/s"));
            output.WriteLine(Invariant($"classify (e2e) : {classify:F2} s  {rows / classify:N0} rows/s  ({standards.Count} standards, {new FileInfo(result).Length / (1 << 20):N0} MiB written)"));
            output.WriteLine(Invariant($"overhead       : {(classify - read) / read * 100:F1} % over reading (best of 2 rounds each)"));
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

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
