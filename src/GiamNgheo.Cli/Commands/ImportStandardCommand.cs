using System.CommandLine;
using GiamNgheo.Application;
using GiamNgheo.Application.Standards;
using Microsoft.Extensions.DependencyInjection;

namespace GiamNgheo.Cli.Commands;

/// <summary>
/// <c>import-standard --file standard.json [--parallel true|false]</c>: loads a corrected national standard or a local
/// (provincial) standard into the configured database, in the JSON format of GiamNgheo.Domain/Standards/Data.
/// </summary>
internal static class ImportStandardCommand
{
    public static Command Create()
    {
        var file = new Option<FileInfo>("--file") { Description = "Tệp JSON của chuẩn nghèo (standard definition file).", Required = true };
        var parallel = new Option<bool?>("--parallel") { Description = "Phân loại song song ngoài thời kỳ hiệu lực (classify in parallel)." };
        var command = new Command("import-standard", "Nạp một chuẩn nghèo (quốc gia đã sửa hoặc chuẩn riêng của tỉnh) vào cơ sở dữ liệu.") { file, parallel };
        command.SetAction(async (parse, ct) =>
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
            var result = await scope.ServiceProvider.GetRequiredService<ImportStandardHandler>()
                .ExecuteAsync(new GiamNgheo.Application.Standards.ImportStandardCommand(await File.ReadAllTextAsync(path.FullName, ct), parse.GetValue(parallel)), ct);
            if (result.Status != ResultStatus.Ok)
            {
                await Console.Error.WriteLineAsync($"{path.Name}: {result.Message} {string.Join(" ", result.Errors.SelectMany(e => e.Value))}");
                return 1;
            }

            Console.WriteLine($"Đã nạp chuẩn {result.Value!.Code} ({result.Value.NameVi}).");
            return 0;
        });
        return command;
    }
}
