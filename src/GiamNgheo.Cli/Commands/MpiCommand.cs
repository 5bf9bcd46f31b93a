using System.CommandLine;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using GiamNgheo.Cli.Households;
using GiamNgheo.Domain.Measures;

namespace GiamNgheo.Cli.Commands;

/// <summary>
/// <c>mpi --standard ND07_2021 --input households.csv [--k 0.25] [--by column] [--weight column]</c>: prints the
/// Alkire–Foster measures as JSON. Nested equal weights; each household weighs 1 unless <c>--weight</c> names a
/// column (e.g. its number of members), in which case the measures are over people.
/// </summary>
internal static class MpiCommand
{
    public static Command Create()
    {
        var standard = new Option<string>("--standard") { Description = "Mã chuẩn nghèo (standard code), e.g. ND07_2021", Required = true };
        var input = new Option<string>("--input") { Description = "Tệp CSV hộ gia đình (households CSV, UTF-8)", Required = true };
        var k = new Option<double?>("--k") { Description = "Ngưỡng nghèo k, tỷ lệ trọng số chỉ số (poverty cut-off as a fraction of weighted indicators); default: the standard's deprivation count / number of indicators" };
        var by = new Option<string?>("--by") { Description = "Cột để chia nhóm (group by this column), e.g. commune" };
        var weight = new Option<string?>("--weight") { Description = "Cột trọng số dân số, ví dụ số nhân khẩu (population weight column, e.g. members); default 1 per household" };
        var command = new Command("mpi", "Tính chỉ số nghèo đa chiều Alkire–Foster: H, A, M0 (Alkire–Foster measures).")
        {
            standard, input, k, by, weight,
        };
        command.SetAction(parse =>
        {
            var config = parse.InvocationConfiguration;
            var inputPath = parse.GetValue(input)!;
            return Run(parse.GetValue(standard)!, inputPath, parse.GetValue(k), parse.GetValue(by), parse.GetValue(weight), config.Output, config.Error,
                File.Exists(inputPath) && ConsoleProgress.ShouldShow(inputPath));
        });
        return command;
    }

    public static int Run(string standardCode, string inputPath, double? k, string? byColumn, string? weightColumn, TextWriter output, TextWriter error, bool showProgress = false)
    {
        var standards = StandardArguments.Resolve(standardCode, error);
        if (standards is null)
        {
            return ClassifyCommand.ExitUsage;
        }

        if (standards.Count != 1)
        {
            error.WriteLine("Lệnh mpi tính cho đúng một chuẩn nghèo (--standard).");
            return ClassifyCommand.ExitUsage;
        }

        var standard = standards[0];
        var cutoff = k ?? AlkireFoster.DefaultCutoff(standard);
        if (!(cutoff > 0 && cutoff <= 1))
        {
            error.WriteLine("Ngưỡng --k phải lớn hơn 0 và không quá 1.");
            return ClassifyCommand.ExitUsage;
        }

        if (!File.Exists(inputPath))
        {
            error.WriteLine($"Không tìm thấy tệp đầu vào {inputPath}.");
            return ClassifyCommand.ExitUsage;
        }

        var errors = new CsvErrorList();
        using var reader = HouseholdCsvReader.Open(inputPath, standards, needsIncome: false, byColumn, weightColumn, errors);
        if (reader is null)
        {
            errors.WriteTo(error, inputPath);
            return ClassifyCommand.ExitUsage;
        }

        var measures = new GroupedAlkireFoster(IndicatorWeights.NestedEqual(standard), cutoff);
        var groupKeys = new Dictionary<string, string>(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        ConsoleProgress.Run(showProgress, "Tính MPI", reader.Length, report =>
        {
            while (reader.Read())
            {
                if ((reader.Rows & 0xFFFF) == 0)
                {
                    report(reader.BytesRead);
                }

                if (!reader.RowIsValid)
                {
                    continue;
                }

                var group = reader.Group;
                if (!groupKeys.TryGetValue(group, out var key))
                {
                    key = group.ToString();
                    groupKeys[group] = key;
                }

                measures.Add(key, reader.Mask(0), reader.Weight);
            }

            return 0;
        });

        if (errors.Any)
        {
            errors.WriteTo(error, inputPath);
            return ClassifyCommand.ExitBadData;
        }

        output.WriteLine(ToJson(standard.Code, measures, byColumn is not null));
        return ClassifyCommand.ExitOk;
    }

    private static string ToJson(string standardCode, GroupedAlkireFoster measures, bool grouped)
    {
        var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("standard", standardCode);
            WriteMeasures(json, measures.Total());
            if (grouped)
            {
                json.WriteStartObject("groups");
                foreach (var (key, result) in measures.Groups())
                {
                    json.WriteStartObject(key);
                    WriteMeasures(json, result);
                    json.WriteEndObject();
                }

                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteMeasures(Utf8JsonWriter json, AlkireFosterResult result)
    {
        json.WriteNumber("k", result.K);
        json.WriteNumber("households", result.Households);
        json.WriteNumber("population", result.Population);
        json.WriteNumber("H", result.H);
        json.WriteNumber("A", result.A);
        json.WriteNumber("M0", result.M0);
        json.WriteStartObject("indicators");
        foreach (var (code, measure) in result.Indicators)
        {
            json.WriteStartObject(code);
            json.WriteNumber("uncensored_headcount", measure.UncensoredHeadcount);
            json.WriteNumber("censored_headcount", measure.CensoredHeadcount);
            json.WriteNumber("contribution", measure.Contribution);
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }
}
