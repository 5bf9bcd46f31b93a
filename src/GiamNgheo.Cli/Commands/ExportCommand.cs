using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using GiamNgheo.Application;
using GiamNgheo.Application.Exports;
using GiamNgheo.Domain.Classification;
using Microsoft.Extensions.DependencyInjection;

namespace GiamNgheo.Cli.Commands;

/// <summary>
/// <c>export --unit &lt;code&gt; --output x.csv|x.xlsx [--members m.csv] [--category poor] [--standard ND07_2021] [--year 2025]</c>:
/// streams the unit's households (and members) in the interchange format.
/// </summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var unit = new Option<string>("--unit") { Description = "Mã tỉnh, xã hoặc thôn (province, commune or village code)", Required = true };
        var output = new Option<FileInfo>("--output") { Description = "Tệp ra: .csv (hộ) hoặc .xlsx (hai trang)", Required = true };
        var members = new Option<FileInfo?>("--members") { Description = "Tệp thành viên CSV (with a .csv output)" };
        var category = new Option<string?>("--category") { Description = "poor | near_poor | medium | not_poor" };
        var standard = new Option<string?>("--standard") { Description = "Chuẩn nghèo của --category (default ND07_2021)" };
        var year = new Option<int?>("--year") { Description = "Năm rà soát (default: the latest)" };
        var command = new Command("export", "Xuất hộ gia đình theo định dạng trao đổi (export the interchange format, streamed).")
        {
            unit, output, members, category, standard, year,
        };
        command.SetAction(async (parse, ct) =>
        {
            var stderr = parse.InvocationConfiguration.Error;
            HouseholdCategory? parsedCategory = null;
            if (parse.GetValue(category) is { } text)
            {
                if (!HouseholdCategoryCodes.TryParse(text, out var c))
                {
                    await stderr.WriteLineAsync("Lỗi: --category phải là poor, near_poor, medium hoặc not_poor.");
                    return 1;
                }

                parsedCategory = c;
            }

            var request = new ExportRequest
            {
                UnitCode = parse.GetValue(unit)!,
                Category = parsedCategory,
                StandardCode = parse.GetValue(standard),
                Year = parse.GetValue(year),
            };
            return await RunAsync(request, parse.GetValue(output)!.FullName, parse.GetValue(members)?.FullName, null, parse.InvocationConfiguration.Output, stderr, ct);
        });
        return command;
    }

    public static async Task<int> RunAsync(
        ExportRequest request, string output, string? members, IEnumerable<KeyValuePair<string, string?>>? overrides, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        using var host = CliHost.Build(overrides);
        await CliHost.InitializeAsync(host, ct);
        await using var scope = host.Services.CreateAsyncScope();
        var exporter = scope.ServiceProvider.GetRequiredService<HouseholdExporter>();
        var clock = Stopwatch.StartNew();
        var xlsx = output.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase);
        Result<ExportSummary> result;
        var temp = output + ".partial";
        var membersTemp = members is null ? null : members + ".partial";
        await using (var file = File.Create(temp))
        {
            if (xlsx)
            {
                result = await exporter.ExportXlsxAsync(request, file, ct);
            }
            else
            {
                await using var memberFile = membersTemp is null ? null : File.Create(membersTemp);
                result = await exporter.ExportCsvAsync(request, file, memberFile, ct);
            }
        }

        if (result.Status != ResultStatus.Ok)
        {
            File.Delete(temp);
            if (membersTemp is not null)
            {
                File.Delete(membersTemp);
            }

            await stderr.WriteLineAsync($"Lỗi: không có đơn vị mã \"{request.UnitCode}\" trong phạm vi.");
            return 1;
        }

        File.Move(temp, output, overwrite: true);
        if (membersTemp is not null)
        {
            File.Move(membersTemp, members!, overwrite: true);
        }

        var summary = result.Value!;
        await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Đã xuất {summary.Households} hộ{(xlsx || members is not null ? $", {summary.Members} thành viên" : string.Empty)} (năm {summary.Year}) vào {output} trong {clock.Elapsed.TotalSeconds:0.0} giây."));
        return 0;
    }
}
