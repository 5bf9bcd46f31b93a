using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using GiamNgheo.Application.Support;
using Microsoft.Extensions.DependencyInjection;

namespace GiamNgheo.Cli.Commands;

/// <summary>
/// <c>support rebuild-gaps [--unit CODE]</c>: recomputes the materialised gap tables (after a policy catalogue edit);
/// <c>support poor-communes list|import FILE|import --sample</c>: the list of poor / extremely difficult communes.
/// </summary>
internal static class SupportCommand
{
    public static Command Create()
    {
        var command = new Command("support", "Chính sách hỗ trợ: tính lại danh sách chờ, danh sách xã nghèo (support: rebuild gaps, poor communes).");
        var unit = new Option<string?>("--unit") { Description = "Mã tỉnh, xã hoặc thôn; bỏ trống = tất cả (province, commune or village code; empty = all)" };
        var rebuild = new Command("rebuild-gaps", "Tính lại bảng hộ × chính sách từ bộ máy tính khoảng trống (recompute the materialised gaps).") { unit };
        rebuild.SetAction(async (parse, ct) =>
        {
            using var host = CliHost.Build();
            await CliHost.InitializeAsync(host, ct);
            await using var scope = host.Services.CreateAsyncScope();
            var watch = Stopwatch.StartNew();
            var count = await scope.ServiceProvider.GetRequiredService<GapMaterializer>().RebuildAsync(parse.GetValue(unit), null, ct);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Đã tính lại {count:N0} hộ / recomputed {count:N0} households in {watch.Elapsed.TotalSeconds:F1} s"));
            return 0;
        });
        command.Subcommands.Add(rebuild);

        var poor = new Command("poor-communes", "Danh sách xã nghèo, xã đặc biệt khó khăn (poor / extremely difficult communes).");
        var province = new Option<string?>("--province") { Description = "Mã tỉnh (province code)" };
        var list = new Command("list", "Liệt kê (list).") { province };
        list.SetAction(async (parse, ct) =>
        {
            using var host = CliHost.Build();
            await CliHost.InitializeAsync(host, ct);
            await using var scope = host.Services.CreateAsyncScope();
            foreach (var r in await scope.ServiceProvider.GetRequiredService<PoorCommuneList>().ListAsync(parse.GetValue(province), ct))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{r.ProvinceCode},{r.CommuneCode},{r.CommuneName},{r.Kind},{r.ValidFrom:yyyy-MM-dd},{r.ValidTo:yyyy-MM-dd},{r.Decision},[{r.Mark}]"));
            }

            return 0;
        });
        var file = new Argument<string?>("file") { Description = "Tệp CSV ma_tinh,ma_xa,loai,tu_ngay,den_ngay,quyet_dinh,dau", Arity = ArgumentArity.ZeroOrOne };
        var sample = new Option<bool>("--sample") { Description = "Nạp danh sách mẫu của tỉnh demo 11 [M] (load the shipped sample, not legal truth)" };
        var import = new Command("import", "Thay danh sách của tỉnh trong tệp (replace the province's list, all or nothing).") { file, sample };
        import.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file);
            if (!parse.GetValue(sample) && (path is null || !File.Exists(path)))
            {
                await Console.Error.WriteLineAsync("Cần một tệp CSV hoặc --sample.");
                return 2;
            }

            var csv = parse.GetValue(sample) ? PoorCommuneList.SampleCsv() : await File.ReadAllTextAsync(path!, ct);
            using var host = CliHost.Build();
            await CliHost.InitializeAsync(host, ct);
            await using var scope = host.Services.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<PoorCommuneList>().ImportAsync(csv, ct);
            var report = result.Value!;
            foreach (var error in report.Errors)
            {
                await Console.Error.WriteLineAsync(error);
            }

            Console.WriteLine(report.Committed
                ? string.Create(CultureInfo.InvariantCulture, $"Đã nạp {report.Rows} xã; tính lại {report.HouseholdsRecomputed:N0} hộ.")
                : "Không nạp gì (có dòng bị từ chối).");
            return report.Committed ? 0 : 1;
        });
        poor.Subcommands.Add(list);
        poor.Subcommands.Add(import);
        command.Subcommands.Add(poor);
        return command;
    }
}
