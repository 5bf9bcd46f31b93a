using System.CommandLine;
using System.Globalization;
using System.Numerics;
using System.Text;
using GiamNgheo.Cli.Households;
using GiamNgheo.Domain.Classification;
using GiamNgheo.Domain.Standards;

namespace GiamNgheo.Cli.Commands;

/// <summary>
/// <c>classify --standard ND07_2021,QD59_2015 --input households.csv --output result.csv</c>: one output row per
/// household per standard (<c>household_id,standard,category,deprivation_count,deprived</c>). Any bad value
/// stops the run with every error listed and no output file.
/// </summary>
internal static class ClassifyCommand
{
    public const int ExitOk = 0;
    public const int ExitBadData = 1;
    public const int ExitUsage = 2;

    public static Command Create()
    {
        var standard = new Option<string>("--standard") { Description = "Mã chuẩn nghèo, cách nhau bởi dấu phẩy (standard codes, comma-separated), e.g. ND07_2021,QD59_2015", Required = true };
        var input = new Option<string>("--input") { Description = "Tệp CSV hộ gia đình (households CSV, UTF-8)", Required = true };
        var output = new Option<string>("--output") { Description = "Tệp CSV kết quả (result CSV)", Required = true };
        var command = new Command("classify", "Phân loại hộ theo một hoặc nhiều chuẩn nghèo (classify households under one or more standards).")
        {
            standard, input, output,
        };
        command.SetAction(parse =>
        {
            var config = parse.InvocationConfiguration;
            var inputPath = parse.GetValue(input)!;
            return Run(parse.GetValue(standard)!, inputPath, parse.GetValue(output)!, config.Output, config.Error, File.Exists(inputPath) && ConsoleProgress.ShouldShow(inputPath));
        });
        return command;
    }

    public static int Run(string standardCodes, string inputPath, string outputPath, TextWriter output, TextWriter error, bool showProgress = false)
    {
        var standards = StandardArguments.Resolve(standardCodes, error);
        if (standards is null)
        {
            return ExitUsage;
        }

        if (!File.Exists(inputPath))
        {
            error.WriteLine($"Không tìm thấy tệp đầu vào {inputPath}.");
            return ExitUsage;
        }

        var errors = new CsvErrorList();
        using (var reader = HouseholdCsvReader.Open(inputPath, standards, needsIncome: true, groupColumn: null, weightColumn: null, errors))
        {
            if (reader is null)
            {
                errors.WriteTo(error, inputPath);
                return ExitUsage;
            }

            var fullOutput = Path.GetFullPath(outputPath);
            var temp = Path.Combine(Path.GetDirectoryName(fullOutput)!, $".{Path.GetFileName(fullOutput)}.{Guid.NewGuid():N}.tmp");
            try
            {
                long households;
                using (var writer = new StreamWriter(temp, append: false, new UTF8Encoding(false), 1 << 16))
                {
                    households = ConsoleProgress.Run(showProgress, "Phân loại hộ", reader.Length, report => Classify(reader, standards, writer, report));
                }

                if (errors.Any)
                {
                    errors.WriteTo(error, inputPath);
                    return ExitBadData;
                }

                File.Move(temp, fullOutput, overwrite: true);
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Đã phân loại {households} hộ theo {string.Join(", ", standards.Select(s => s.Code))}: {outputPath}"));
                return ExitOk;
            }
            finally
            {
                File.Delete(temp);
            }
        }
    }

    private static long Classify(HouseholdCsvReader reader, IReadOnlyList<PovertyStandard> standards, StreamWriter writer, Action<long> report)
    {
        var compiled = standards.Select(CompiledStandard.Compile).ToArray();
        var codes = standards.Select(s => s.Indicators.Select(i => i.Code).ToArray()).ToArray();
        writer.Write("household_id,standard,category,deprivation_count,deprived\n");
        Span<char> number = stackalloc char[4];
        while (reader.Read())
        {
            if ((reader.Rows & 0xFFFF) == 0)
            {
                report(reader.BytesRead);
            }

            if (!reader.RowIsValid || reader.Errors.Any)
            {
                continue;
            }

            var id = reader.HouseholdId;
            for (var s = 0; s < compiled.Length; s++)
            {
                var mask = reader.Mask(s);
                var category = reader.Income is { } income
                    ? compiled[s].Categorize(income, reader.Area, mask)
                    : ByScore(standards[s], reader, mask);
                WriteField(writer, id);
                writer.Write(',');
                writer.Write(standards[s].Code);
                writer.Write(',');
                writer.Write(category.ToCode());
                writer.Write(',');
                BitOperations.PopCount(mask).TryFormat(number, out var written, default, CultureInfo.InvariantCulture);
                writer.Write(number[..written]);
                writer.Write(',');
                var first = true;
                for (var bits = mask; bits != 0; bits &= bits - 1)
                {
                    if (!first)
                    {
                        writer.Write(';');
                    }

                    writer.Write(codes[s][BitOperations.TrailingZeroCount(bits)]);
                    first = false;
                }

                writer.Write('\n');
            }
        }

        return reader.Rows;
    }

    private static HouseholdCategory ByScore(PovertyStandard standard, HouseholdCsvReader reader, uint mask)
    {
        var scores = standard.ScoreLinesFor(reader.Area)!;
        return PovertyRule.Decide(standard.Shape.Value, reader.B1Score!.Value, scores.PovertyScore.Value, scores.NearPovertyScore?.Value,
            null, BitOperations.PopCount(mask), standard.DeprivationThreshold.Value).Category();
    }

    private static void WriteField(StreamWriter writer, ReadOnlySpan<char> value)
    {
        if (value.IndexOfAny(",\"\n\r") < 0)
        {
            writer.Write(value);
            return;
        }

        writer.Write('"');
        foreach (var ch in value)
        {
            if (ch == '"')
            {
                writer.Write('"');
            }

            writer.Write(ch);
        }

        writer.Write('"');
    }
}
