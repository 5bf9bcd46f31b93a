using System.CommandLine;
using GiamNgheo.Cli.Commands;

namespace GiamNgheo.Cli.Tests.Commands;

public sealed class ClassifyCommandTests : IDisposable
{
    private readonly CsvFiles _files = new();
    private readonly StringWriter _out = new();
    private readonly StringWriter _err = new();

    [Fact]
    public void Run_TwoStandards_WritesOneRowPerHouseholdPerStandard()
    {
        var input = _files.Write("households.csv",
            CsvFiles.Nd07Header + CsvFiles.Qd59Extra,
            "HH1,00001,rural,650000,0,0,0,0,0,0,0,0,1,0,0,0,0,0,0,0,0",
            "HH2,00001,urban,1900000,1,1,1,0,0,0,0,0,0,0,0,0,0,0,0,0,0",
            "HH3,00002,rural,700001,0,0,0,0,0,0,0,0,1,1,0,0,0,0,1,0,0");
        var output = _files.PathOf("result.csv");

        var exit = ClassifyCommand.Run("ND07_2021,QD59_2015", input, output, _out, _err);

        Assert.Equal(0, exit);
        Assert.Equal(
            [
                "household_id,standard,category,deprivation_count,deprived",
                "HH1,ND07_2021,near_poor,1,water",
                "HH1,QD59_2015,poor,1,water",
                "HH2,ND07_2021,poor,3,employment;dependants;nutrition",
                "HH2,QD59_2015,medium,0,",
                "HH3,ND07_2021,near_poor,2,water;sanitation",
                "HH3,QD59_2015,poor,3,health_access;water;sanitation",
            ],
            File.ReadAllLines(output));
        Assert.Empty(_err.ToString());
    }

    [Fact]
    public void Run_ManyRowsAcrossChunks_KeepsOrderAndQuotesIds()
    {
        var rows = Enumerable.Range(0, 20_000).Select(i => i % 1000 == 0
            ? $"\"Hộ {i}, \"\"thôn\"\"\",00001,rural,{1_000_000 + i},1,1,1,0,0,0,0,0,0,0,0,0"
            : $"HH{i},00001,rural,{1_000_000 + i},0,0,0,0,0,0,0,0,0,0,0,0");
        var input = _files.Write("households.csv", [CsvFiles.Nd07Header, .. rows]);
        var output = _files.PathOf("result.csv");

        Assert.Equal(0, ClassifyCommand.Run("ND07_2021", input, output, _out, _err));

        var lines = File.ReadAllLines(output);
        Assert.Equal(20_001, lines.Length);
        Assert.Equal("\"Hộ 0, \"\"thôn\"\"\",ND07_2021,poor,3,employment;dependants;nutrition", lines[1]);
        Assert.Equal("HH19999,ND07_2021,near_poor,0,", lines[^1]);
        Assert.Equal("HH12345,ND07_2021,near_poor,0,", lines[12_346]);
    }

    [Fact]
    public void Run_ThreeStandards_PacksEveryStandardsMask()
    {
        var input = _files.Write("households.csv",
            CsvFiles.Nd07Header + CsvFiles.Qd59Extra + ",digital_services,waste_treatment",
            "HH1,00001,rural,2100000,0,0,0,0,0,0,0,0,1,1,0,0,0,0,1,0,0,1,1");
        var output = _files.PathOf("result.csv");

        Assert.Equal(0, ClassifyCommand.Run("ND07_2021,QD59_2015,ND351_2025", input, output, _out, _err));
        Assert.Equal(
            [
                "HH1,ND07_2021,medium,2,water;sanitation",
                "HH1,QD59_2015,not_poor,3,health_access;water;sanitation",
                "HH1,ND351_2025,poor,4,digital_services;water;sanitation;waste_treatment",
            ],
            File.ReadAllLines(output).Skip(1));
    }

    [Fact]
    public void Invoke_ThroughTheParser_UsesTheContractOptions()
    {
        var input = _files.Write("households.csv", CsvFiles.Nd07Header, "HH1,00001,urban,2000000,1,1,1,0,0,0,0,0,0,0,0,0");
        var output = _files.PathOf("result.csv");
        var root = new RootCommand { ClassifyCommand.Create() };

        var exit = root.Parse(["classify", "--standard", "ND07_2021", "--input", input, "--output", output])
            .Invoke(new InvocationConfiguration { Output = _out, Error = _err });

        Assert.Equal(0, exit);
        Assert.Equal("HH1,ND07_2021,poor,3,employment;dependants;nutrition", File.ReadAllLines(output)[1]);
    }

    [Fact]
    public void Run_B1ScoreInsteadOfIncome_UsesScoreThresholds()
    {
        var input = _files.Write("households.csv",
            "household_id,area,b1_score,employment,dependants,nutrition,health_insurance,adult_education,child_schooling,housing_quality,housing_area,water,sanitation,telecom,information_devices",
            "HH1,rural,140,1,1,1,0,0,0,0,0,0,0,0,0",
            "HH2,rural,141,1,1,1,0,0,0,0,0,0,0,0,0");
        var output = _files.PathOf("result.csv");

        Assert.Equal(0, ClassifyCommand.Run("ND07_2021", input, output, _out, _err));
        Assert.Equal(["poor", "not_poor"], File.ReadAllLines(output).Skip(1).Select(l => l.Split(',')[2]));
    }

    /// <summary>
    /// docs/standards.md §1.1: a B1 score is compared only with thresholds of its own score table. The same score 130
    /// under QĐ 59 is near-poor when taken under TT 17/2016, and a line error (no output) when taken under TT 07/2021 —
    /// by the column, or by default (review year 2025, or no year at all). (The block readers once lost the table and year
    /// columns of the header, so every score was taken as TT 07/2021: the TT 17/2016 cases guard that.)
    /// </summary>
    [Theory]
    [InlineData(",TT17_2016", true)]
    [InlineData("2015,", true)]
    [InlineData("2025,TT17_2016", true)]
    [InlineData(",TT07_2021", false)]
    [InlineData("2025,", false)]
    [InlineData(",", false)]
    public void Run_B1ScoreUnderQd59_OnlyTheTt17TableIsCompared(string yearAndTable, bool compared)
    {
        var input = _files.Write("households.csv",
            "household_id,area,b1_score,review_year,b1_score_table,adult_education_2016,child_schooling_2016,health_access,health_insurance,housing_quality,housing_area,water,sanitation,telecom_2016,information_assets",
            $"HH1,rural,130,{yearAndTable},0,0,0,0,0,0,1,0,0,0");
        var output = _files.PathOf("result.csv");

        var exit = ClassifyCommand.Run("QD59_2015", input, output, _out, _err);

        if (compared)
        {
            Assert.Equal(0, exit);
            Assert.Equal(["near_poor"], File.ReadAllLines(output).Skip(1).Select(l => l.Split(',')[2]));
        }
        else
        {
            Assert.NotEqual(0, exit);
            Assert.Contains("line 2, column b1_score:", _err.ToString(), StringComparison.Ordinal);
            Assert.Contains("TT07_2021", _err.ToString(), StringComparison.Ordinal);
            Assert.False(File.Exists(output));
        }
    }

    [Theory]
    [InlineData("HH2,00001,rural,abc,0,0,0,0,0,0,0,0,0,0,0,0", "column income")]
    [InlineData("HH2,00001,rural,1000000,2,0,0,0,0,0,0,0,0,0,0,0", "column employment")]
    [InlineData("HH2,00001,mars,1000000,0,0,0,0,0,0,0,0,0,0,0,0", "column area")]
    [InlineData("HH2,00001,rural,-5,0,0,0,0,0,0,0,0,0,0,0,0", "column income")]
    [InlineData("HH2,00001,rural,,0,0,0,0,0,0,0,0,0,0,0,0", "column income")]
    public void Run_BadValueOnLine3_FailsNamingLineAndColumnWithoutOutput(string badRow, string column)
    {
        var input = _files.Write("households.csv", CsvFiles.Nd07Header, "HH1,00001,rural,650000,0,0,0,0,0,0,0,0,1,0,0,0", badRow);
        var output = _files.PathOf("result.csv");

        var exit = ClassifyCommand.Run("ND07_2021", input, output, _out, _err);

        Assert.NotEqual(0, exit);
        Assert.Contains($"line 3, {column}:", _err.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(output));
        Assert.Equal(["households.csv"], _files.Files);
    }

    [Fact]
    public void Run_SeveralBadValues_ListsEveryError()
    {
        var input = _files.Write("households.csv",
            CsvFiles.Nd07Header,
            "HH1,00001,rural,650000,0,0,0,0,0,0,0,0,1,0,0,0",
            "HH2,00001,rural,abc,2,0,0,0,0,0,0,0,0,0,0,0",
            "HH3,00001,mars,100,0,0,0,0,0,0,0,0,0,0,0,x");
        var output = _files.PathOf("result.csv");

        Assert.Equal(1, ClassifyCommand.Run("ND07_2021", input, output, _out, _err));
        var err = _err.ToString();
        Assert.Contains("line 3, column income:", err, StringComparison.Ordinal);
        Assert.Contains("line 3, column employment:", err, StringComparison.Ordinal);
        Assert.Contains("line 4, column area:", err, StringComparison.Ordinal);
        Assert.Contains("line 4, column information_devices:", err, StringComparison.Ordinal);
        Assert.Contains("4 lỗi", err, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void Run_MoreErrorsThanTheLimit_ListsTheFirstHundredAndCountsAll()
    {
        var rows = Enumerable.Range(0, 150).Select(i => $"HH{i},00001,rural,abc,0,0,0,0,0,0,0,0,0,0,0,0");
        var input = _files.Write("households.csv", [CsvFiles.Nd07Header, .. rows]);

        Assert.Equal(1, ClassifyCommand.Run("ND07_2021", input, _files.PathOf("result.csv"), _out, _err));
        var lines = _err.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(100, lines.Count(l => l.StartsWith("line ", StringComparison.Ordinal)));
        Assert.Contains("150 lỗi", lines[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Run_MissingIndicatorColumn_FailsOnTheHeader()
    {
        var input = _files.Write("households.csv", "household_id,area,income,water", "HH1,rural,1,0");

        Assert.NotEqual(0, ClassifyCommand.Run("ND07_2021", input, _files.PathOf("result.csv"), _out, _err));
        Assert.Contains("line 1, column employment:", _err.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_UnknownStandard_FailsWithTheKnownCodes()
    {
        var input = _files.Write("households.csv", CsvFiles.Nd07Header);

        Assert.Equal(2, ClassifyCommand.Run("ND99_2099", input, _files.PathOf("result.csv"), _out, _err));
        Assert.Contains("ND07_2021", _err.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_ExistingOutputAndBadInput_KeepsTheOldOutput()
    {
        var input = _files.Write("households.csv", CsvFiles.Nd07Header, "HH2,00001,rural,abc,0,0,0,0,0,0,0,0,0,0,0,0");
        var output = _files.Write("result.csv", "old");

        Assert.Equal(1, ClassifyCommand.Run("ND07_2021", input, output, _out, _err));
        Assert.Equal("old\n", File.ReadAllText(output));
    }

    [Theory]
    [InlineData(64)]
    [InlineData(97)]
    [InlineData(4096)]
    public void Run_SmallBlocks_WritesTheSameFileAsOneBlock(int blockBytes)
    {
        var random = new Random(7);
        var rows = Enumerable.Range(0, 3000).Select(i =>
            (i % 311 == 0 ? $"\"Hộ {i}, \"\"x\"\"\"" : $"HH{i}") + $",00001,{(random.Next(2) == 0 ? "rural" : "urban")},{random.Next(300, 3000) * 1000}" +
            string.Concat(Enumerable.Range(0, 17).Select(_ => random.Next(5) == 0 ? ",1" : ",0")));
        var input = _files.Write("households.csv", [CsvFiles.Nd07Header + CsvFiles.Qd59Extra, .. rows]);
        var whole = _files.PathOf("whole.csv");
        var blocks = _files.PathOf("blocks.csv");

        Assert.Equal(0, ClassifyCommand.Run("ND07_2021,QD59_2015", input, whole, _out, _err, blockBytes: 1 << 30));
        Assert.Equal(0, ClassifyCommand.Run("ND07_2021,QD59_2015", input, blocks, _out, _err, blockBytes: blockBytes));

        Assert.Equal(6001, File.ReadAllLines(blocks).Length);
        Assert.Equal(File.ReadAllBytes(whole), File.ReadAllBytes(blocks));
        Assert.Contains("3000 hộ", _out.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_ErrorsInManyBlocks_ListsThemInFileOrderWithTheirLines()
    {
        var rows = Enumerable.Range(0, 2000).Select(i => i is 10 or 998 or 1999
            ? $"HH{i},00001,rural,abc,0,0,0,0,0,0,0,0,0,0,0,0"
            : $"HH{i},00001,rural,{1_000_000 + i},0,0,0,0,0,0,0,0,0,0,0,0");
        var input = _files.Write("households.csv", [CsvFiles.Nd07Header, .. rows]);

        Assert.Equal(1, ClassifyCommand.Run("ND07_2021", input, _files.PathOf("result.csv"), _out, _err, blockBytes: 100));

        var lines = _err.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith("line ", StringComparison.Ordinal)).ToArray();
        Assert.Equal(["line 12, column income", "line 1000, column income", "line 2001, column income"], lines.Select(l => l[..l.IndexOf(':', StringComparison.Ordinal)]));
        Assert.Equal(["households.csv"], _files.Files);
    }

    [Fact]
    public void Run_BomCrLfLongLineAndNoFinalLineBreak_ReadsEveryRow()
    {
        var longId = new string('H', 300);
        var path = _files.PathOf("households.csv");
        File.WriteAllBytes(path, [.. System.Text.Encoding.UTF8.GetPreamble(), .. System.Text.Encoding.UTF8.GetBytes(
            CsvFiles.Nd07Header + "\r\n" +
            "HH1,00001,rural,650000,0,0,0,0,0,0,0,0,1,0,0,0\r\n" +
            longId + ",00001,urban,1900000,1,1,1,0,0,0,0,0,0,0,0,0\r\n" +
            "HH3,00002,rural,700001,0,0,0,0,0,0,0,0,1,1,0,0")]);
        var output = _files.PathOf("result.csv");

        Assert.Equal(0, ClassifyCommand.Run("ND07_2021", path, output, _out, _err, blockBytes: 64));

        Assert.Equal(
            [
                "household_id,standard,category,deprivation_count,deprived",
                "HH1,ND07_2021,near_poor,1,water",
                longId + ",ND07_2021,poor,3,employment;dependants;nutrition",
                "HH3,ND07_2021,near_poor,2,water;sanitation",
            ],
            File.ReadAllLines(output));
    }

    [Fact]
    public void Run_HeaderOnly_WritesTheHeaderOnly()
    {
        var input = _files.Write("households.csv", CsvFiles.Nd07Header);
        var output = _files.PathOf("result.csv");

        Assert.Equal(0, ClassifyCommand.Run("ND07_2021", input, output, _out, _err));

        Assert.Equal(["household_id,standard,category,deprivation_count,deprived"], File.ReadAllLines(output));
        Assert.Contains("0 hộ", _out.ToString(), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _files.Dispose();
        _out.Dispose();
        _err.Dispose();
    }
}
