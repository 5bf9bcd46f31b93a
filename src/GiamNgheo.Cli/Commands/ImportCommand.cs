using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using GiamNgheo.Application.Imports;
using Microsoft.Extensions.DependencyInjection;

namespace GiamNgheo.Cli.Commands;

/// <summary>
/// <c>import --households h.csv --members m.csv</c> or <c>import --workbook f.xlsx</c>: validates the whole file, then
/// imports everything in one transaction (exit 0) or nothing, writing the error report (exit 2; 1 for an unreadable file).
/// </summary>
internal static class ImportCommand
{
    public const int ExitOk = 0;
    public const int ExitUnreadable = 1;
    public const int ExitInvalid = 2;

    public static Command Create()
    {
        var households = new Option<FileInfo?>("--households") { Description = "Tệp hộ gia đình CSV (households.csv)" };
        var members = new Option<FileInfo?>("--members") { Description = "Tệp thành viên CSV (members.csv)" };
        var workbook = new Option<FileInfo?>("--workbook") { Description = "Sổ Excel XLSX có trang \"Hộ gia đình\" và \"Thành viên\"" };
        var kobo = new Option<FileInfo?>("--kobo") { Description = "Tệp XLSX xuất từ KoboToolbox/ODK (export of the XLSForm)" };
        var errors = new Option<FileInfo?>("--errors") { Description = "Nơi ghi báo cáo lỗi CSV (default: import-errors.csv beside the input)" };
        var skipDecided = new Option<bool>("--skip-decided")
        {
            Description = "Từ chối các dòng của hộ đã có quyết định công nhận trong năm rà soát của dòng và nhập các dòng khác (mặc định: cả tệp không được nhập).",
        };
        var toYear = new Option<int?>("--to-year") { Description = "Ghi phiếu rà soát của mọi dòng vào năm rà soát này (một năm mới, chưa quyết định)." };
        var command = new Command("import", "Nhập hộ gia đình và thành viên (import the interchange format; all or nothing).")
        {
            households, members, workbook, kobo, errors, skipDecided, toYear,
        };
        command.SetAction(async (parse, ct) =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            var h = parse.GetValue(households);
            var m = parse.GetValue(members);
            var w = parse.GetValue(workbook);
            var k = parse.GetValue(kobo);
            var chosen = (h is not null && m is not null ? 1 : 0) + (w is not null ? 1 : 0) + (k is not null ? 1 : 0);
            if (chosen != 1 || (h is null != (m is null)))
            {
                await stderr.WriteLineAsync("Lỗi: cần --households và --members (hai tệp CSV), hoặc --workbook (một tệp XLSX), hoặc --kobo (tệp xuất KoboToolbox/ODK).");
                return ExitUnreadable;
            }

            w ??= k;
            var request = (k is not null ? ImportRequest.Kobo(k.FullName) : w is not null ? ImportRequest.Workbook(w.FullName) : ImportRequest.Csv(h!.FullName, m!.FullName))
                with
            { SkipDecided = parse.GetValue(skipDecided), ToYear = parse.GetValue(toYear) };
            var report = parse.GetValue(errors)?.FullName
                ?? Path.Combine(Path.GetDirectoryName((w ?? h)!.FullName)!, "import-errors.csv");
            return await RunAsync(request, report, null, stdout, stderr, ct);
        });
        return command;
    }

    public static async Task<int> RunAsync(
        ImportRequest request, string errorReport, IEnumerable<KeyValuePair<string, string?>>? overrides, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        using var host = CliHost.Build(overrides);
        await CliHost.InitializeAsync(host, ct);
        await using var scope = host.Services.CreateAsyncScope();
        var importer = scope.ServiceProvider.GetRequiredService<HouseholdImporter>();
        var clock = Stopwatch.StartNew();
        var result = await importer.ImportAsync(request, new StagePrinter(clock, stdout), ct);
        if (!result.Succeeded)
        {
            await using (var file = File.Create(errorReport))
            {
                ImportErrorReport.WriteCsv(file, result.FileError, result.Problems);
            }

            if (result.FileError is not null)
            {
                await stderr.WriteLineAsync("Lỗi: " + result.FileError);
                await stderr.WriteLineAsync("Không nhập gì. Báo cáo: " + errorReport);
                return ExitUnreadable;
            }

            await stderr.WriteLineAsync(result.Refused.Count == result.Problems.Count
                ? string.Create(CultureInfo.InvariantCulture, $"Tệp có {result.Refused.Count} dòng sửa kết quả đã được quyết định công nhận: không nhập gì. Điều chỉnh qua rà soát thường xuyên, nhập vào năm mới (--to-year) hoặc nhập các dòng khác (--skip-decided). Báo cáo: {errorReport}")
                : string.Create(CultureInfo.InvariantCulture, $"Tệp có {result.Problems.Count} lỗi: không nhập gì. Báo cáo lỗi (sửa theo từng dòng rồi nhập lại): {errorReport}"));
            foreach (var p in result.Problems.Take(20))
            {
                await stderr.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {p.File} dòng {p.Row}, cột {p.Column} = \"{p.Value}\": {p.Reason}"));
            }

            return ExitInvalid;
        }

        await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Đã nhập {result.Households} hộ, {result.Members} thành viên trong {clock.Elapsed.TotalSeconds:0.0} giây: {result.Created} hộ mới, {result.Updated} hộ cập nhật, {result.Unchanged} hộ không đổi, {result.VillagesCreated} thôn mới."));
        if (result.Refused.Count > 0)
        {
            await using (var file = File.Create(errorReport))
            {
                ImportErrorReport.WriteCsv(file, null, result.Refused);
            }

            await stderr.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{result.Refused.Count} dòng bị từ chối (hộ đã có quyết định công nhận), không được nhập. Danh sách: {errorReport}"));
            foreach (var p in result.Refused.Take(20))
            {
                await stderr.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {p.File} dòng {p.Row}, mã hộ {p.Value}: {p.Reason}"));
            }
        }

        await stdout.WriteLineAsync("SHA-256: " + result.Sha256 + (result.ImportRecordId is { } id ? string.Create(CultureInfo.InvariantCulture, $" (lần nhập #{id})") : " (không có thay đổi)"));
        return ExitOk;
    }

    /// <summary>Prints each stage of the import when it starts (synchronously), e.g. "  3.1 s  Đang ghi thành viên".</summary>
    private sealed class StagePrinter(Stopwatch clock, TextWriter output) : IProgress<ImportProgress>
    {
        private string? last;

        public void Report(ImportProgress value)
        {
            if (value.Stage != last)
            {
                last = value.Stage;
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {clock.Elapsed.TotalSeconds,6:F1} s  {value.Stage}"));
                output.Flush();
            }
        }
    }
}
