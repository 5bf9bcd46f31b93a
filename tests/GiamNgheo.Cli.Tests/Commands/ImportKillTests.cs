using System.Diagnostics;
using GiamNgheo.Application.Synthetic;
using GiamNgheo.Cli.Commands;
using Microsoft.Data.Sqlite;

namespace GiamNgheo.Cli.Tests.Commands;

/// <summary>An import killed half-way (a real process, killed while it writes) leaves the database exactly as before.</summary>
public class ImportKillTests
{
    private static async Task<(string Households, string Members)> GenerateAsync(string folder, string province, int households, int seed)
    {
        var result = await new GenerateSyntheticProvinceHandler().ExecuteAsync(new GenerateSyntheticProvinceCommand
        {
            Options = new SyntheticProvinceOptions { ProvinceCode = province, Households = households, Seed = seed },
            OutputDirectory = folder,
        }, null, CancellationToken.None);
        Assert.Null(result.Error);
        return (result.HouseholdsPath!, result.MembersPath!);
    }

    private static List<string> State(string database)
    {
        using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        connection.Open();
        var state = new List<string>();
        foreach (var sql in new[]
        {
            "SELECT 'households ' || COUNT(*) FROM households", "SELECT 'members ' || COUNT(*) FROM members",
            "SELECT 'surveys ' || COUNT(*) FROM household_surveys", "SELECT 'classifications ' || COUNT(*) FROM household_classifications",
            "SELECT 'imports ' || COUNT(*) FROM import_records", "SELECT 'units ' || COUNT(*) FROM admin_units",
            "SELECT 'integrity ' || integrity_check FROM pragma_integrity_check",
            "SELECT group_concat(type || ' ' || name || ' ' || COALESCE(sql, ''), char(10)) FROM (SELECT * FROM sqlite_master ORDER BY name)",
        })
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            state.Add(Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture)!);
        }

        return state;
    }

    [Fact]
    public async Task Import_ProcessKilledWhileWriting_DatabaseAsBeforeAndRerunSucceeds()
    {
        var folder = Directory.CreateTempSubdirectory("giamngheo-kill-").FullName;
        try
        {
            var database = Path.Combine(folder, "kill.db");
            var overrides = new Dictionary<string, string?> { ["Database:Provider"] = "Sqlite", ["Database:Path"] = database };
            var small = await GenerateAsync(Directory.CreateDirectory(Path.Combine(folder, "small")).FullName, "11", 40, seed: 7);
            var large = await GenerateAsync(Directory.CreateDirectory(Path.Combine(folder, "large")).FullName, "12", 6_000, seed: 8);
            Assert.Equal(0, await ImportCommand.RunAsync(Application.Imports.ImportRequest.Csv(small.Households, small.Members),
                Path.Combine(folder, "e.csv"), overrides, TextWriter.Null, TextWriter.Null, CancellationToken.None));
            SqliteConnection.ClearAllPools();
            var before = State(database);
            Assert.Equal("households 40", before[0]);
            Assert.Equal("integrity ok", before[6]);

            var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "giamngheo.dll"), "import", "--households", large.Households, "--members", large.Members })
            {
                start.ArgumentList.Add(arg);
            }

            start.Environment["Database__Provider"] = "Sqlite";
            start.Environment["Database__Path"] = database;
            using var process = Process.Start(start)!;
            var seen = new List<string>();
            var killed = false;
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(150));
            var errors = process.StandardError.ReadToEndAsync(timeout.Token);
            while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                seen.Add(line);
                if (line.Contains("Đang ghi thành viên", StringComparison.Ordinal))
                {
                    process.Kill(entireProcessTree: true);
                    killed = true;
                    break;
                }
            }

            await process.WaitForExitAsync(timeout.Token);
            Assert.True(killed, $"the import never reached the members stage (exit {process.ExitCode}): " + string.Join(" | ", seen) + " " + await errors);
            Assert.Contains(seen, l => l.Contains("Đang ghi hộ mới", StringComparison.Ordinal));

            Assert.Equal(before, State(database));

            var rerun = await ImportCommand.RunAsync(Application.Imports.ImportRequest.Csv(large.Households, large.Members),
                Path.Combine(folder, "e.csv"), overrides, TextWriter.Null, TextWriter.Null, CancellationToken.None);
            SqliteConnection.ClearAllPools();
            Assert.Equal(0, rerun);
            var after = State(database);
            Assert.Equal("households 6040", after[0]);
            Assert.Equal("integrity ok", after[6]);
            Assert.Equal(before[7], after[7]);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
