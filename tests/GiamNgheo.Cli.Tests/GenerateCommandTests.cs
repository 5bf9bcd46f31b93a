using System.CommandLine;
using GiamNgheo.Cli.Commands;

namespace GiamNgheo.Cli.Tests;

public sealed class GenerateCommandTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("giamngheo-cli-generate-");

    public void Dispose() => _root.Delete(recursive: true);

    [Fact]
    public async Task Generate_WritesHouseholdsAndMembers_AndReportsTheRates()
    {
        var output = Path.Combine(_root.FullName, "out");

        var (exit, stdout, stderr) = await RunAsync("generate", "--province", "11", "--households", "500", "--seed", "7",
            "--communes", "3", "--output", output);

        Assert.Equal(0, exit);
        Assert.Equal("", stderr);
        Assert.Contains("Tỉnh Điện Biên (mã 11)", stdout, StringComparison.Ordinal);
        Assert.Contains("Đã ghi 500 hộ", stdout, StringComparison.Ordinal);
        Assert.Contains("mục tiêu 14.23%", stdout, StringComparison.Ordinal);
        Assert.StartsWith("household_code,commune_code,", File.ReadLines(Path.Combine(output, "households.csv")).First(), StringComparison.Ordinal);
        Assert.StartsWith("household_code,full_name,", File.ReadLines(Path.Combine(output, "members.csv")).First(), StringComparison.Ordinal);
        Assert.Equal(501, File.ReadLines(Path.Combine(output, "households.csv")).Count());
    }

    [Fact]
    public async Task Generate_SameSeedTwice_WritesIdenticalFiles()
    {
        var a = Path.Combine(_root.FullName, "a");
        var b = Path.Combine(_root.FullName, "b");

        await RunAsync("generate", "--province", "79", "--households", "300", "--seed", "5", "--output", a);
        await RunAsync("generate", "--province", "79", "--households", "300", "--seed", "5", "--output", b);

        Assert.Equal(File.ReadAllBytes(Path.Combine(a, "members.csv")), File.ReadAllBytes(Path.Combine(b, "members.csv")));
        Assert.Equal(File.ReadAllBytes(Path.Combine(a, "households.csv")), File.ReadAllBytes(Path.Combine(b, "households.csv")));
    }

    [Fact]
    public async Task Generate_VietnameseHeader_WritesVietnameseColumnNames()
    {
        var output = Path.Combine(_root.FullName, "vi");

        await RunAsync("generate", "--province", "33", "--households", "10", "--seed", "1", "--output", output, "--vietnamese-header");

        Assert.StartsWith("Mã hộ,Họ và tên,Giới tính,Ngày sinh,", File.ReadLines(Path.Combine(output, "members.csv")).First(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Generate_UnknownProvince_FailsWithAVietnameseMessage_AndWritesNothing()
    {
        var output = Path.Combine(_root.FullName, "none");

        var (exit, _, stderr) = await RunAsync("generate", "--province", "63", "--households", "10", "--seed", "1", "--output", output);

        Assert.NotEqual(0, exit);
        Assert.Contains("Lỗi: Không có tỉnh/thành phố mã \"63\"", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public async Task Generate_MissingRequiredOption_Fails()
    {
        var (exit, _, _) = await RunAsync("generate", "--province", "11", "--households", "10");

        Assert.NotEqual(0, exit);
    }

    private static async Task<(int Exit, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        var root = new RootCommand { GenerateCommand.Create() };
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr },
            TestContext.Current.CancellationToken);
        return (exit, stdout.ToString(), stderr.ToString());
    }
}
