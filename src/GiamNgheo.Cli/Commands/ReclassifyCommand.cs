using System.CommandLine;
using System.Globalization;
using GiamNgheo.Application.Surveys;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace GiamNgheo.Cli.Commands;

/// <summary>
/// <c>reclassify [--commune CODE] [--from dd/MM/yyyy]</c>: classifies the stored surveys again with today's standards, score
/// tables and commune area history (after an official corrects a standard's file or a commune's area by hand in the
/// database). Results recognised by a decision stay as signed. Shows a progress bar on a terminal.
/// </summary>
internal static class ReclassifyCommand
{
    public static Command Create()
    {
        var commune = new Option<string?>("--commune") { Description = "Chỉ các hộ của xã này (mã xã mới hoặc mã xã trước 2025) / only this commune." };
        var from = new Option<string?>("--from") { Description = "Chỉ các phiếu khảo sát từ ngày này (dd/MM/yyyy) / only surveys dated from this day." };
        var command = new Command("reclassify", "Phân loại lại các phiếu khảo sát đã lưu theo chuẩn và khu vực hiện hành; kết quả đã có quyết định công nhận giữ nguyên (classify stored surveys again).")
        {
            commune, from,
        };
        command.SetAction(async (parse, ct) =>
        {
            DateOnly? fromDate = null;
            if (parse.GetValue(from) is { } text)
            {
                if (!DateOnly.TryParseExact(text, ["dd/MM/yyyy", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
                {
                    await Console.Error.WriteLineAsync($"--from: ngày phải có dạng dd/MM/yyyy, nhận được \"{text}\".");
                    return 2;
                }

                fromDate = parsed;
            }

            using var host = CliHost.Build();
            await CliHost.InitializeAsync(host, ct);
            await using var scope = host.Services.CreateAsyncScope();
            var service = scope.ServiceProvider.GetRequiredService<Reclassification>();
            var request = new ReclassifyScope(parse.GetValue(commune), fromDate);
            ReclassifyOutcome outcome;
            if (!Console.IsErrorRedirected && !Console.IsOutputRedirected)
            {
                var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
                outcome = await console.Progress()
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
                    .StartAsync(async context =>
                    {
                        var task = context.AddTask("Phân loại lại", maxValue: 1);
                        return await service.RunAsync(request, (done, total) =>
                        {
                            task.MaxValue = Math.Max(total, 1);
                            task.Value = done;
                        }, ct);
                    });
            }
            else
            {
                outcome = await service.RunAsync(request, null, ct);
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Đã phân loại lại {outcome.Surveys} phiếu khảo sát; {outcome.ChangedRows} kết quả phân loại thay đổi (kết quả đã có quyết định công nhận giữ nguyên)."));
            return 0;
        });
        return command;
    }
}
