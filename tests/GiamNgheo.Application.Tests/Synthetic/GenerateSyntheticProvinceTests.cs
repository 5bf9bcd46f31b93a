using GiamNgheo.Application.Interchange;
using GiamNgheo.Application.Synthetic;

namespace GiamNgheo.Application.Tests.Synthetic;

public sealed class GenerateSyntheticProvinceTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("giamngheo-generate-");

    public void Dispose() => _root.Delete(recursive: true);

    [Fact]
    public async Task Execute_SameSeed_WritesIdenticalBytes()
    {
        var first = await RunAsync("a", seed: 42);
        var second = await RunAsync("b", seed: 42);

        Assert.Null(first.Error);
        Assert.Equal(2_000, first.Households);
        Assert.Equal(File.ReadAllBytes(first.HouseholdsPath!), File.ReadAllBytes(second.HouseholdsPath!));
        Assert.Equal(File.ReadAllBytes(first.MembersPath!), File.ReadAllBytes(second.MembersPath!));
    }

    [Fact]
    public async Task Execute_DifferentSeed_WritesDifferentFiles()
    {
        var first = await RunAsync("a", seed: 1);
        var second = await RunAsync("b", seed: 2);

        Assert.NotEqual(File.ReadAllBytes(first.HouseholdsPath!), File.ReadAllBytes(second.HouseholdsPath!));
        Assert.NotEqual(File.ReadAllBytes(first.MembersPath!), File.ReadAllBytes(second.MembersPath!));
    }

    [Fact]
    public async Task Execute_WritesTheContractHeaders_AndOneMemberRowPerMember()
    {
        var result = await RunAsync("a", seed: 3);

        var households = File.ReadAllLines(result.HouseholdsPath!);
        var members = File.ReadAllLines(result.MembersPath!);
        Assert.Equal(string.Join(',', HouseholdColumns.Header(InterchangeHeader.Codes)), households[0]);
        Assert.Equal(string.Join(',', MemberColumns.Header(InterchangeHeader.Codes)), members[0]);
        Assert.Equal(result.Households + 1, households.Length);
        Assert.Equal(result.Members + 1, members.Length);
        Assert.False(File.Exists(result.HouseholdsPath + ".partial"));
    }

    [Fact]
    public async Task Execute_CreatesTheOutputDirectory()
    {
        var result = await RunAsync(Path.Combine("deep", "er"), seed: 3);

        Assert.True(File.Exists(result.HouseholdsPath));
    }

    [Fact]
    public async Task Execute_UnknownProvince_WritesNothing()
    {
        var result = await new GenerateSyntheticProvinceHandler().ExecuteAsync(new GenerateSyntheticProvinceCommand
        {
            Options = new SyntheticProvinceOptions { ProvinceCode = "00", Households = 10, Seed = 1 },
            OutputDirectory = Path.Combine(_root.FullName, "none"),
        }, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(SyntheticProvinceError.UnknownProvince, result.Error);
        Assert.False(Directory.Exists(Path.Combine(_root.FullName, "none")));
    }

    private Task<GenerateSyntheticProvinceResult> RunAsync(string directory, long seed) =>
        new GenerateSyntheticProvinceHandler().ExecuteAsync(new GenerateSyntheticProvinceCommand
        {
            Options = new SyntheticProvinceOptions { ProvinceCode = "11", Households = 2_000, Seed = seed, MaxCommunes = 5 },
            OutputDirectory = Path.Combine(_root.FullName, directory),
        }, cancellationToken: TestContext.Current.CancellationToken);
}
