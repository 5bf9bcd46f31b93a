using System.CommandLine;
using GiamNgheo.Application.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace GiamNgheo.Cli.Commands;

internal static class MigrateCommand
{
    public static Command Create()
    {
        var command = new Command("migrate", "Tạo/cập nhật cơ sở dữ liệu và nạp dữ liệu tham chiếu (create or migrate the configured database and load reference data).");
        command.SetAction(async (_, ct) =>
        {
            using var host = CliHost.Build();
            var settings = host.Services.GetRequiredService<DatabaseSettings>();
            await CliHost.InitializeAsync(host, ct);
            Console.WriteLine($"Cơ sở dữ liệu đã sẵn sàng / database ready: {settings.Describe()}");
            return 0;
        });
        return command;
    }
}
