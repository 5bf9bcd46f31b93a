using System.CommandLine;
using System.Globalization;
using GiamNgheo.Application;
using GiamNgheo.Application.AdminUnits;
using GiamNgheo.Application.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace GiamNgheo.Cli.Commands;

/// <summary>
/// <c>users add|list|lock|unlock|reset-password|deactivate</c>: the accounts, from the server's command line — above all the
/// first system administrator of a real installation (no demo). Passwords are read from standard input, never from the
/// command line. Every change is audited with the CLI and the operating-system account as the actor.
/// </summary>
internal static class UsersCommand
{
    /// <param name="stdin">Where passwords are read (tests); the console by default.</param>
    /// <param name="overrides">Configuration overrides (tests).</param>
    public static Command Create(TextReader? stdin = null, IEnumerable<KeyValuePair<string, string?>>? overrides = null)
    {
        var command = new Command("users", "Quản lý tài khoản người dùng (user accounts): add, list, lock, unlock, reset-password, deactivate.");
        var userName = new Argument<string>("username") { Description = "Tên đăng nhập (user name)" };
        var role = new Option<string>("--role")
        {
            Description = "Vai trò (role): " + string.Join(", ", Roles.All),
            Required = true,
        };
        var unit = new Option<string?>("--unit") { Description = "Mã đơn vị: tỉnh cho cán bộ tỉnh/ngành/giám sát/lãnh đạo, xã cho cán bộ xã, thôn cho rà soát viên (unit code)" };
        var fullName = new Option<string?>("--full-name") { Description = "Họ và tên (full name); mặc định là tên đăng nhập" };
        var position = new Option<string?>("--position") { Description = "Chức vụ (position)" };
        var passwordStdin = new Option<bool>("--password-stdin") { Description = "Đọc mật khẩu từ đầu vào chuẩn (read the password from standard input)", Required = true };
        var mustChange = new Option<bool>("--must-change-password") { Description = "Bắt đổi mật khẩu ở lần đăng nhập đầu (require a change at first login)" };

        var add = new Command("add", "Tạo tài khoản (create a user), ví dụ: echo \"$PASSWORD\" | giamngheo users add admin --role system_admin --full-name \"Nguyễn Văn A\" --password-stdin")
        {
            userName, role, unit, fullName, position, passwordStdin, mustChange,
        };
        add.SetAction(async (parse, ct) =>
        {
            var password = await ReadPasswordAsync(stdin, ct);
            var name = parse.GetValue(userName)!;
            return await RunAsync(overrides, async admin => Report(await admin.CreateAsync(new UserInput
            {
                UserName = name,
                FullName = parse.GetValue(fullName) ?? name,
                Position = parse.GetValue(position),
                Password = password,
                Role = parse.GetValue(role),
                UnitCode = parse.GetValue(unit),
            }, parse.GetValue(mustChange), ct), "Đã tạo tài khoản"), ct);
        });
        command.Subcommands.Add(add);

        var all = new Option<bool>("--all") { Description = "Cả tài khoản đã ngừng hoạt động (include deactivated accounts)" };
        var list = new Command("list", "Liệt kê tài khoản (list users).") { all };
        list.SetAction(async (parse, ct) => await RunAsync(overrides, async admin =>
        {
            var page = await admin.ListAsync(new UserFilter(IncludeDeactivated: parse.GetValue(all), PageSize: 200), ct);
            var pageNumber = 1;
            while (true)
            {
                foreach (var u in page.Items)
                {
                    Console.WriteLine(Line(u));
                }

                if (pageNumber >= page.PageCount)
                {
                    break;
                }

                page = await admin.ListAsync(new UserFilter(IncludeDeactivated: parse.GetValue(all), Page: ++pageNumber, PageSize: 200), ct);
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{page.TotalCount} tài khoản."));
            return 0;
        }, ct));
        command.Subcommands.Add(list);

        command.Subcommands.Add(ByName("lock", "Khóa tài khoản; phiên và token đang dùng hết hiệu lực ngay (lock).", userName, overrides,
            (admin, id, ct) => admin.LockAsync(id, ct), "Đã khóa"));
        command.Subcommands.Add(ByName("unlock", "Mở khóa tài khoản (unlock).", userName, overrides,
            (admin, id, ct) => admin.UnlockAsync(id, ct), "Đã mở khóa"));
        command.Subcommands.Add(ByName("deactivate", "Ngừng hoạt động tài khoản — không xóa, nhật ký giữ tên (deactivate, never delete).", userName, overrides,
            (admin, id, ct) => admin.DeactivateAsync(id, ct), "Đã ngừng hoạt động"));

        var reset = new Command("reset-password", "Đặt lại mật khẩu; người dùng phải đổi ở lần đăng nhập sau (reset; the user must change it at next login).")
        {
            userName, passwordStdin,
        };
        reset.SetAction(async (parse, ct) =>
        {
            var password = await ReadPasswordAsync(stdin, ct);
            var name = parse.GetValue(userName)!;
            return await RunAsync(overrides, async admin => await admin.FindIdAsync(name, ct) is { } id
                ? Report(await admin.ResetPasswordAsync(id, password, ct), "Đã đặt lại mật khẩu")
                : NotFound(name), ct);
        });
        command.Subcommands.Add(reset);
        return command;
    }

    private static Command ByName(string verb, string description, Argument<string> userName, IEnumerable<KeyValuePair<string, string?>>? overrides,
        Func<UserAdministration, string, CancellationToken, Task<Result<UserSummary>>> action, string done)
    {
        var command = new Command(verb, description) { userName };
        command.SetAction(async (parse, ct) =>
        {
            var name = parse.GetValue(userName)!;
            return await RunAsync(overrides, async admin => await admin.FindIdAsync(name, ct) is { } id
                ? Report(await action(admin, id, ct), done)
                : NotFound(name), ct);
        });
        return command;
    }

    private static async Task<int> RunAsync(IEnumerable<KeyValuePair<string, string?>>? overrides, Func<UserAdministration, Task<int>> work, CancellationToken ct)
    {
        using var host = CliHost.Build(overrides, CliActor.Instance);
        await CliHost.InitializeAsync(host, ct);
        await using var scope = host.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<UserAdministration>());
    }

    private static int Report(Result<UserSummary> result, string done)
    {
        switch (result.Status)
        {
            case ResultStatus.Ok:
                Console.WriteLine($"{done}: {Line(result.Value!)}");
                return 0;
            case ResultStatus.Invalid:
                foreach (var (field, messages) in result.Errors)
                {
                    foreach (var message in messages)
                    {
                        Console.Error.WriteLine($"{FieldName(field)}: {message}");
                    }
                }

                return 2;
            default:
                Console.Error.WriteLine(result.Message ?? "Không tìm thấy.");
                return 1;
        }
    }

    private static int NotFound(string userName)
    {
        Console.Error.WriteLine($"Không có tài khoản \"{userName}\".");
        return 1;
    }

    private static string FieldName(string field) => field switch
    {
        "userName" => "Tên đăng nhập",
        "fullName" => "Họ và tên (--full-name)",
        "position" => "Chức vụ (--position)",
        "password" => "Mật khẩu",
        "role" => "Vai trò (--role)",
        "unitCode" => "Đơn vị (--unit)",
        _ => field,
    };

    private static string Line(UserSummary u) => string.Join(" · ",
        new[]
        {
            u.UserName, u.FullName, u.Position, u.RoleName, u.UnitName is null ? "Toàn quốc" : $"{u.UnitName} ({u.UnitCode})",
            u.State switch { UserState.Locked => "đang khóa", UserState.Deactivated => "ngừng hoạt động", _ => "hoạt động" },
            u.MustChangePassword ? "phải đổi mật khẩu" : null,
        }.Where(s => !string.IsNullOrEmpty(s)));

    /// <summary>The first line of standard input, without its line ending (so <c>echo "$P" | …</c> works).</summary>
    private static async Task<string> ReadPasswordAsync(TextReader? stdin, CancellationToken ct) =>
        (await (stdin ?? Console.In).ReadLineAsync(ct)) ?? string.Empty;

    /// <summary>The CLI as the audit names it: the command line and the operating-system account that ran it.</summary>
    private sealed class CliActor : ICurrentUser
    {
        public static readonly CliActor Instance = new();
        public string? UserId => null;
        public string UserName { get; } = "cli:" + Environment.UserName;
        public string? ScopeUnitCode => null;
        public AdminLevel? ScopeLevel => null;
        public bool IsInRole(string role) => role == Roles.SystemAdmin;
    }
}
