using System.CommandLine;
using GiamNgheo.Application;
using GiamNgheo.Application.Statuses;
using Microsoft.Extensions.DependencyInjection;

namespace GiamNgheo.Cli.Commands;

/// <summary>
/// <c>decisions import --file FILE</c>: loads recognised lists decided in earlier systems (CSV or XLSX,
/// docs/formats/decisions.md). Every row is validated first; on any error nothing is written and the exit code is 1.
/// </summary>
internal static class DecisionsCommand
{
    public static Command Create()
    {
        var file = new Option<FileInfo>("--file") { Description = "Tệp CSV hoặc XLSX các quyết định công nhận (recognition decisions file).", Required = true };
        var import = new Command("import", "Nhập danh sách hộ đã được công nhận từ hệ thống cũ (tất cả hoặc không).") { file };
        import.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                await Console.Error.WriteLineAsync($"Không tìm thấy tệp {path.FullName}.");
                return 2;
            }

            using var host = CliHost.Build();
            await CliHost.InitializeAsync(host, ct);
            await using var scope = host.Services.CreateAsyncScope();
            await using var stream = path.OpenRead();
            var result = await scope.ServiceProvider.GetRequiredService<DecisionImport>().ImportAsync(stream, path.Name, ct);
            if (result.Status != ResultStatus.Ok)
            {
                await Console.Error.WriteLineAsync($"{path.Name}: {result.Message}");
                return 1;
            }

            var report = result.Value!;
            if (!report.Committed)
            {
                foreach (var error in report.Errors)
                {
                    await Console.Error.WriteLineAsync(error.ToString());
                }

                await Console.Error.WriteLineAsync($"{path.Name}: {report.Errors.Count} lỗi, không ghi gì vào cơ sở dữ liệu.");
                return 1;
            }

            Console.WriteLine($"{path.Name}: đã nhập {report.Rows} dòng, {report.Decisions} quyết định, {report.Statuses} trạng thái.");
            return 0;
        });
        var command = new Command("decisions", "Quyết định công nhận hộ nghèo, hộ cận nghèo (recognition decisions).");
        command.Subcommands.Add(import);
        return command;
    }
}
