using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using GiamNgheo.Application.Interchange;
using GiamNgheo.Application.Synthetic;
using Spectre.Console;

namespace GiamNgheo.Cli.Commands;

/// <summary><c>generate --province 11 --households 20000 --seed 1 --output out/</c>: a synthetic province as interchange CSV.</summary>
internal static class GenerateCommand
{
    public static Command Create()
    {
        var province = new Option<string>("--province")
        {
            Description = "Mã tỉnh/thành phố 2025, 2 chữ số (province code, e.g. 11, 79)",
            Required = true,
        };
        var households = new Option<int>("--households")
        {
            Description = "Số hộ cần tạo (number of households)",
            Required = true,
        };
        var seed = new Option<long>("--seed")
        {
            Description = "Hạt giống ngẫu nhiên: cùng hạt giống → cùng tệp, từng byte (seed: same seed, same bytes)",
            Required = true,
        };
        var output = new Option<string>("--output")
        {
            Description = "Thư mục ghi households.csv và members.csv, tạo nếu chưa có (output directory)",
            Required = true,
        };
        var communes = new Option<int?>("--communes")
        {
            Description = "Chỉ dùng N xã đầu tiên theo mã (only the first N communes)",
        };
        var year = new Option<int>("--year")
        {
            Description = "Năm rà soát (review year)",
            DefaultValueFactory = _ => 2025,
        };
        var vietnameseHeader = new Option<bool>("--vietnamese-header")
        {
            Description = "Dòng tiêu đề tiếng Việt thay cho mã cột tiếng Anh (Vietnamese header row)",
        };

        var command = new Command("generate", "Tạo dữ liệu hộ gia đình giả lập cho một tỉnh (synthetic province in the interchange format).")
        {
            province, households, seed, output, communes, year, vietnameseHeader,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var request = new GenerateSyntheticProvinceCommand
            {
                Options = new SyntheticProvinceOptions
                {
                    ProvinceCode = parseResult.GetValue(province)!,
                    Households = parseResult.GetValue(households),
                    Seed = parseResult.GetValue(seed),
                    MaxCommunes = parseResult.GetValue(communes),
                    ReviewYear = parseResult.GetValue(year),
                },
                OutputDirectory = Path.GetFullPath(parseResult.GetValue(output)!),
                Header = parseResult.GetValue(vietnameseHeader) ? InterchangeHeader.Vietnamese : InterchangeHeader.Codes,
            };
            var stdout = parseResult.InvocationConfiguration.Output;
            var stderr = parseResult.InvocationConfiguration.Error;
            var stopwatch = Stopwatch.StartNew();
            var result = await RunAsync(request, ReferenceEquals(stdout, Console.Out), cancellationToken);
            stopwatch.Stop();
            if (result.Error is not null)
            {
                await stderr.WriteLineAsync($"Lỗi: {result.Message}");
                return 1;
            }

            await stdout.WriteLineAsync(Summary(result, stopwatch.Elapsed));
            return 0;
        });
        return command;
    }

    private static async Task<GenerateSyntheticProvinceResult> RunAsync(GenerateSyntheticProvinceCommand request, bool console, CancellationToken cancellationToken)
    {
        var handler = new GenerateSyntheticProvinceHandler();
        var interactive = console && !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;
        if (!interactive || request.Options.Households <= 0)
        {
            return await handler.ExecuteAsync(request, null, cancellationToken);
        }

        return await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("Đang tạo hộ", maxValue: request.Options.Households);
                return await handler.ExecuteAsync(request, new DirectProgress(v => task.Value = v), cancellationToken);
            });
    }

    private static string Summary(GenerateSyntheticProvinceResult result, TimeSpan elapsed)
    {
        var plan = result.Plan!;
        var n = Math.Max(result.Households, 1);
        return string.Create(CultureInfo.InvariantCulture,
            $"""
            {plan.ProvinceName} (mã {plan.ProvinceCode}), vùng {plan.Region.ToVietnamese()}: {plan.Communes.Count} xã, hạt giống {plan.Seed}.
            Đã ghi {result.Households} hộ và {result.Members} thành viên vào {result.HouseholdsPath} và {result.MembersPath} trong {elapsed.TotalSeconds:0.0} giây.
            Hộ nghèo (NĐ 07/2021): {100.0 * result.PoorHouseholds / n:0.00}% (mục tiêu {100 * plan.ExpectedPoorRate:0.00}%); hộ cận nghèo: {100.0 * result.NearPoorHouseholds / n:0.00}% (mục tiêu {100 * plan.ExpectedNearPoorRate:0.00}%).
            """);
    }

    /// <summary>Reports on the calling thread (Progress&lt;T&gt; would post to the thread pool and lag behind).</summary>
    private sealed class DirectProgress(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }
}
