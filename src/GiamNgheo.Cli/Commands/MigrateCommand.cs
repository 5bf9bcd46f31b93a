using System.CommandLine;

namespace GiamNgheo.Cli.Commands;

internal static class MigrateCommand
{
    public static Command Create()
    {
        var command = new Command("migrate", "Tạo/cập nhật cơ sở dữ liệu và nạp dữ liệu tham chiếu (create or migrate the database and load reference data).");
        command.SetAction((_, _) => Task.FromResult(0));
        return command;
    }
}
