namespace GiamNgheo.Cli.Tests.Commands;

/// <summary>A temp folder per test with the CSV files it writes.</summary>
public sealed class CsvFiles : IDisposable
{
    public const string Nd07Header = "household_id,commune,area,income,employment,dependants,nutrition,health_insurance,adult_education,child_schooling,housing_quality,housing_area,water,sanitation,telecom,information_devices";
    public const string Qd59Extra = ",adult_education_2016,child_schooling_2016,health_access,telecom_2016,information_assets";

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("giamngheo-cli-tests-");

    public string Write(string name, params string[] lines)
    {
        var path = Path.Combine(_folder.FullName, name);
        File.WriteAllText(path, string.Join('\n', lines) + "\n");
        return path;
    }

    public string PathOf(string name) => Path.Combine(_folder.FullName, name);

    public IEnumerable<string> Files => _folder.EnumerateFiles().Select(f => f.Name);

    public void Dispose() => _folder.Delete(recursive: true);
}
