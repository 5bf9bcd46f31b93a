using System.Text.Json;
using GiamNgheo.Cli.Commands;

namespace GiamNgheo.Cli.Tests.Commands;

public sealed class MpiCommandTests : IDisposable
{
    private readonly CsvFiles _files = new();
    private readonly StringWriter _out = new();
    private readonly StringWriter _err = new();

    /// <summary>Deprivations 0, 2, 3, 6 under ND07 (weights 1/12), k = 0.25: H = 0.5, A = 0.375, M0 = 0.1875.</summary>
    [Fact]
    public void Run_DefaultCutoff_PrintsHAM0AndIndicators()
    {
        var input = HandExample();

        Assert.Equal(0, MpiCommand.Run("ND07_2021", input, null, null, null, _out, _err));

        using var json = JsonDocument.Parse(_out.ToString());
        var root = json.RootElement;
        Assert.Equal("ND07_2021", root.GetProperty("standard").GetString());
        Assert.Equal(0.25, root.GetProperty("k").GetDouble());
        Assert.Equal(0.5, root.GetProperty("H").GetDouble(), 12);
        Assert.Equal(0.375, root.GetProperty("A").GetDouble(), 12);
        Assert.Equal(0.1875, root.GetProperty("M0").GetDouble(), 12);
        var employment = root.GetProperty("indicators").GetProperty("employment");
        Assert.Equal(0.75, employment.GetProperty("uncensored_headcount").GetDouble(), 12);
        Assert.Equal(0.5, employment.GetProperty("censored_headcount").GetDouble(), 12);
        Assert.True(employment.TryGetProperty("contribution", out _));
        Assert.Equal(12, root.GetProperty("indicators").EnumerateObject().Count());
        Assert.False(root.TryGetProperty("groups", out _));
    }

    [Fact]
    public void Run_ByCommuneAndHigherCutoff_PrintsGroups()
    {
        var input = HandExample();

        Assert.Equal(0, MpiCommand.Run("ND07_2021", input, 0.5, "commune", null, _out, _err));

        using var json = JsonDocument.Parse(_out.ToString());
        var root = json.RootElement;
        Assert.Equal(0.25, root.GetProperty("H").GetDouble(), 12);
        var groups = root.GetProperty("groups");
        Assert.Equal(["00001", "00002"], groups.EnumerateObject().Select(g => g.Name));
        Assert.Equal(0, groups.GetProperty("00001").GetProperty("M0").GetDouble());
        Assert.Equal(0.5, groups.GetProperty("00002").GetProperty("H").GetDouble(), 12);
        Assert.True(groups.GetProperty("00002").TryGetProperty("indicators", out _));
    }

    [Fact]
    public void Run_BadIndicatorOnLine3_FailsNamingTheLine()
    {
        var input = _files.Write("households.csv", CsvFiles.Nd07Header,
            "HH1,00001,rural,650000,0,0,0,0,0,0,0,0,1,0,0,0",
            "HH2,00001,rural,650000,0,0,0,0,0,0,0,0,2,0,0,0");

        Assert.Equal(1, MpiCommand.Run("ND07_2021", input, null, null, null, _out, _err));
        Assert.Contains("line 3, column water:", _err.ToString(), StringComparison.Ordinal);
        Assert.Empty(_out.ToString());
    }

    [Fact]
    public void Run_CutoffAboveOne_IsAUsageError() =>
        Assert.Equal(2, MpiCommand.Run("ND07_2021", HandExample(), 1.5, null, null, _out, _err));

    private string HandExample() => _files.Write("households.csv", CsvFiles.Nd07Header,
        "HH1,00001,rural,1,0,0,0,0,0,0,0,0,0,0,0,0",
        "HH2,00001,rural,1,1,1,0,0,0,0,0,0,0,0,0,0",
        "HH3,00002,rural,1,1,1,1,0,0,0,0,0,0,0,0,0",
        "HH4,00002,rural,1,1,1,1,1,1,1,0,0,0,0,0,0");

    public void Dispose()
    {
        _files.Dispose();
        _out.Dispose();
        _err.Dispose();
    }
}
