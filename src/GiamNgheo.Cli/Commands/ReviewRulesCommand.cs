using System.CommandLine;
using GiamNgheo.Application;
using GiamNgheo.Application.Reviews.Rules;
using Microsoft.Extensions.DependencyInjection;

namespace GiamNgheo.Cli.Commands;

/// <summary>
/// <c>review-rules export --file F [--province P]</c> / <c>review-rules import --file F [--province P]</c>: the review
/// procedure's rules (review_rules table) in the flat JSON format of Reviews/Data/review-rules.json ("key": value,
/// "_key": "[MARK] source"). An import validates every value and applies all or none; it is audited.
/// </summary>
internal static class ReviewRulesCommand
{
    public static Command Create()
    {
        var command = new Command("review-rules", "Xuất hoặc nạp quy tắc rà soát (số ngày niêm yết, tỷ lệ họp dân, thời hạn…).");
        command.Subcommands.Add(Export());
        command.Subcommands.Add(Import());
        return command;
    }

    private static Option<string?> Province() => new("--province") { Description = "Mã tỉnh: quy tắc riêng của tỉnh (mặc định: quốc gia)." };

    private static Command Export()
    {
        var file = new Option<FileInfo>("--file") { Description = "Tệp JSON ghi ra.", Required = true };
        var province = Province();
        var command = new Command("export", "Xuất quy tắc rà soát ra tệp JSON.") { file, province };
        command.SetAction(async (parse, ct) =>
        {
            using var host = CliHost.Build();
            await CliHost.InitializeAsync(host, ct);
            await using var scope = host.Services.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<ReviewRuleCommands>().ExportAsync(parse.GetValue(province), ct);
            if (result.Status != ResultStatus.Ok)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync("Lỗi: " + result.Message);
                return 1;
            }

            var path = parse.GetValue(file)!;
            await File.WriteAllTextAsync(path.FullName, result.Value, ct);
            await parse.InvocationConfiguration.Output.WriteLineAsync($"Đã xuất quy tắc rà soát ra {path.FullName}.");
            return 0;
        });
        return command;
    }

    private static Command Import()
    {
        var file = new Option<FileInfo>("--file") { Description = "Tệp JSON quy tắc rà soát.", Required = true };
        var province = Province();
        var command = new Command("import", "Nạp quy tắc rà soát từ tệp JSON (tất cả hoặc không).") { file, province };
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            var stderr = parse.InvocationConfiguration.Error;
            if (!path.Exists)
            {
                await stderr.WriteLineAsync($"Không tìm thấy tệp {path.FullName}.");
                return 2;
            }

            using var host = CliHost.Build();
            await CliHost.InitializeAsync(host, ct);
            await using var scope = host.Services.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<ReviewRuleCommands>()
                .ImportAsync(parse.GetValue(province), await File.ReadAllTextAsync(path.FullName, ct), ct);
            if (result.Status != ResultStatus.Ok)
            {
                await stderr.WriteLineAsync($"{path.Name}: không nạp gì. {result.Message}");
                foreach (var (field, messages) in result.Errors)
                {
                    foreach (var message in messages)
                    {
                        await stderr.WriteLineAsync($"  {field}: {message}");
                    }
                }

                return 1;
            }

            await parse.InvocationConfiguration.Output.WriteLineAsync($"Đã nạp {result.Value!.Count} quy tắc rà soát từ {path.Name}.");
            return 0;
        });
        return command;
    }
}
