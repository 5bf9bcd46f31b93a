using System.Text;
using GiamNgheo.Application.Imports;
using GiamNgheo.Application.Interchange;

namespace GiamNgheo.Application.Tests.Imports;

/// <summary>A CSV read in parallel parts gives exactly what one reader gives: rows, values, row numbers and problems.</summary>
public sealed class CsvPartsTests : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("giamngheo-csvparts-");

    public void Dispose() => folder.Delete(recursive: true);

    private static string Members(int rows, Func<int, string>? name = null, string newline = "\n")
    {
        var text = new StringBuilder("household_code,full_name,sex,date_of_birth,ethnicity_code,relation_to_head,personal_id" + newline);
        for (var i = 0; i < rows; i++)
        {
            var sex = i % 7 == 3 ? "nam?" : i % 2 == 0 ? "male" : "female"; // some bad values: problems must keep their rows
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"H{i / 4:00000},{name?.Invoke(i) ?? "Nguyễn Văn " + i},{sex},1990-01-{1 + (i % 28):00},01,{(i % 4 == 0 ? "head" : "child")},{newline}");
        }

        return text.ToString();
    }

    private async Task<(List<string> Rows, List<string> Problems)> ReadAsync(string content, int parts, bool bom = false)
    {
        var path = Path.Combine(folder.FullName, Guid.NewGuid().ToString("N") + ".csv");
        await File.WriteAllBytesAsync(path, [.. (bom ? Encoding.UTF8.GetPreamble() : []), .. Encoding.UTF8.GetBytes(content)]);
        var problems = new List<InterchangeProblem>();
        var today = new DateOnly(2026, 11, 20);
        var rows = await HouseholdImporter.ReadCsvInPartsAsync(path, "members.csv", MemberColumns.All, InterchangeTableReader.RequiredMemberColumns, problems,
            (raw, list) => ImportRowParser.ParseMember(raw, "members.csv", today, list), CancellationToken.None, parts, minimumBytes: 0);
        return ([.. rows.Select(r => $"{r.Row}|{r.Value.HouseholdCode}|{r.Value.FullName}|{r.Value.Sex}|{r.Value.DateOfBirth:yyyy-MM-dd}")],
            [.. problems.Select(p => $"{p.File}|{p.Row}|{p.Column}|{p.Value}|{p.Reason}")]);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    public async Task ReadCsvInParts_QuotedCommasAndLineBreaks_SameRowsAndProblemsAsOneReader(int parts)
    {
        // Quoted names with commas, escaped quotes and a line break inside the quotes (one record over two lines).
        var content = Members(500, i => i % 9 == 0 ? $"\"Lò, Văn \"\"{i}\"\"\"" : i % 50 == 1 ? $"\"Lò Thị\n{i}\"" : $"Lò Thị {i}");
        var whole = await ReadAsync(content, 1);
        var split = await ReadAsync(content, parts);
        Assert.Equal(500, whole.Rows.Count + whole.Problems.Count(p => p.Contains("|sex|", StringComparison.Ordinal)));
        Assert.Equal(whole.Rows, split.Rows);
        Assert.Equal(whole.Problems, split.Problems);
        Assert.NotEmpty(whole.Problems);
    }

    [Fact]
    public async Task ReadCsvInParts_CrLfAndBom_SameAsOneReader()
    {
        var content = Members(300, newline: "\r\n");
        Assert.Equal(await ReadAsync(content, 1, bom: true), await ReadAsync(content, 4, bom: true), new Same());
    }

    [Fact]
    public async Task CsvParts_BlankLineOrStrayQuote_ReadWhole()
    {
        var blank = Path.Combine(folder.FullName, "blank.csv");
        await File.WriteAllTextAsync(blank, Members(100).Replace("\nH00010,", "\n\nH00010,", StringComparison.Ordinal));
        Assert.Null(InterchangeTableReader.CsvParts(blank, 3, minimumBytes: 0));
        var stray = Path.Combine(folder.FullName, "stray.csv");
        await File.WriteAllTextAsync(stray, Members(100, i => i == 40 ? "Lò \"Văn\" A" : "Lò Văn " + i));
        Assert.Null(InterchangeTableReader.CsvParts(stray, 3, minimumBytes: 0));
        var fine = Path.Combine(folder.FullName, "fine.csv");
        await File.WriteAllTextAsync(fine, Members(100));
        var cuts = InterchangeTableReader.CsvParts(fine, 3, minimumBytes: 0);
        Assert.NotNull(cuts);
        Assert.Equal(3, cuts.Count);
        Assert.Equal(0, cuts[0].Start);
        Assert.Equal(new FileInfo(fine).Length, cuts[^1].End);
        Assert.All(cuts.Skip(1), c => Assert.Equal(cuts[cuts.ToList().IndexOf(c) - 1].End, c.Start));
    }

    private sealed class Same : IEqualityComparer<(List<string> Rows, List<string> Problems)>
    {
        public bool Equals((List<string> Rows, List<string> Problems) x, (List<string> Rows, List<string> Problems) y) =>
            x.Rows.SequenceEqual(y.Rows) && x.Problems.SequenceEqual(y.Problems);

        public int GetHashCode((List<string> Rows, List<string> Problems) obj) => obj.Rows.Count;
    }
}
