using System.Collections.Concurrent;
using System.CommandLine;
using System.Globalization;
using System.Numerics;
using GiamNgheo.Cli.Households;
using GiamNgheo.Domain.Classification;
using GiamNgheo.Domain.Common;
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
                using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.SequentialScan))
                using (var writer = new ClassificationCsvWriter(file, standards))
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

    /// <summary>
    /// Two threads: this one reads and validates rows into chunks; a second classifies them and writes the
    /// output, so formatting and writing overlap the reading. After the first error nothing more is written.
    /// </summary>
    private static long Classify(HouseholdCsvReader reader, IReadOnlyList<PovertyStandard> standards, ClassificationCsvWriter writer, Action<long> report)
    {
        const int ChunkRows = 8192;
        using var full = new BlockingCollection<HouseholdChunk>(boundedCapacity: 4);
        using var free = new BlockingCollection<HouseholdChunk>();
        for (var i = 0; i < 6; i++)
        {
            free.Add(new HouseholdChunk(ChunkRows, standards.Count));
        }

        using var failed = new CancellationTokenSource();
        var consumer = Task.Run(() =>
        {
            try
            {
                WriteChunks(full, free, standards, writer);
            }
            catch (Exception)
            {
                // Unblocks the reading thread; the exception itself is rethrown by the await below.
                failed.Cancel();
                throw;
            }
        });
        try
        {
            var chunk = free.Take(failed.Token);
            while (reader.Read())
            {
                if ((reader.Rows & 0xFFFF) == 0)
                {
                    report(reader.BytesRead);
                }

                if (reader.Errors.Any)
                {
                    continue;
                }

                chunk.Add(reader);
                if (chunk.IsFull)
                {
                    full.Add(chunk, failed.Token);
                    chunk = free.Take(failed.Token);
                }
            }

            if (chunk.Count > 0 && !reader.Errors.Any)
            {
                full.Add(chunk, failed.Token);
            }
        }
        finally
        {
            full.CompleteAdding();
            consumer.GetAwaiter().GetResult();
        }

        return reader.Rows;
    }

    private static void WriteChunks(BlockingCollection<HouseholdChunk> full, BlockingCollection<HouseholdChunk> free, IReadOnlyList<PovertyStandard> standards, ClassificationCsvWriter writer)
    {
        var compiled = standards.Select(CompiledStandard.Compile).ToArray();
        foreach (var chunk in full.GetConsumingEnumerable())
        {
            for (var i = 0; i < chunk.Count; i++)
            {
                var id = chunk.Id(i);
                for (var s = 0; s < compiled.Length; s++)
                {
                    var mask = chunk.Masks[(i * compiled.Length) + s];
                    var category = chunk.IsScore[i]
                        ? ByScore(standards[s], (AreaType)chunk.Areas[i], (int)chunk.Values[i], mask)
                        : compiled[s].Categorize(chunk.Values[i], (AreaType)chunk.Areas[i], mask);
                    writer.Write(id, s, category, mask);
                }
            }

            chunk.Clear();
            free.Add(chunk);
        }
    }

    private static HouseholdCategory ByScore(PovertyStandard standard, AreaType area, int score, uint mask)
    {
        var scores = standard.ScoreLinesFor(area)!;
        return PovertyRule.Decide(standard.Shape.Value, score, scores.PovertyScore.Value, scores.NearPovertyScore?.Value,
            null, BitOperations.PopCount(mask), standard.DeprivationThreshold.Value).Category();
    }
}
