using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using GiamNgheo.Application.Reports.Aggregates;
using Microsoft.Extensions.DependencyInjection;

namespace GiamNgheo.Cli.Commands;

/// <summary>
/// <c>reports rebuild-aggregates [--unit 11|03158] [--year 2025]</c>: recomputes the report aggregate rows
/// (report_aggregates) of every commune of the unit (all communes when omitted), for one year or every year.
/// Not needed in normal operation (saves mark communes dirty and the app refreshes them); for repairs and after
/// loading data behind the application's back.
/// </summary>
internal static class ReportsCommand
{
    public static Command Create()
    {
        var unit = new Option<string?>("--unit") { Description = "Mã tỉnh hoặc xã (province or commune code; default: all)" };
        var year = new Option<int?>("--year") { Description = "Năm rà soát (review year; default: all)" };
        var rebuild = new Command("rebuild-aggregates", "Tính lại bảng tổng hợp báo cáo (recompute the report aggregate tables).") { unit, year };
        rebuild.SetAction(async (parse, ct) =>
        {
            using var host = CliHost.Build();
            await CliHost.InitializeAsync(host, ct);
            var clock = Stopwatch.StartNew();
            await using var scope = host.Services.CreateAsyncScope();
            var (communes, rows) = await scope.ServiceProvider.GetRequiredService<ReportAggregates>().RebuildAsync(parse.GetValue(unit), parse.GetValue(year), ct);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Đã tính lại {communes} xã, {rows} dòng tổng hợp / rebuilt {communes} communes, {rows} aggregate rows in {clock.Elapsed.TotalSeconds:F1} s"));
            return 0;
        });
        return new Command("reports", "Báo cáo (reports).") { rebuild };
    }
}
