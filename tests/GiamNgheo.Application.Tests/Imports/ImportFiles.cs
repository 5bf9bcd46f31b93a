using System.Text;
using GiamNgheo.Application.Imports;
using GiamNgheo.Application.Synthetic;

namespace GiamNgheo.Application.Tests.Imports;

/// <summary>Temporary import files: a generated province or hand-written CSV text.</summary>
public sealed class ImportFiles : IDisposable
{
    public const string HouseholdHeader = "household_code,commune_code,village,address,head_name,area,review_year,income,b1_score,employment,water,causes,needs";
    public const string MemberHeader = "household_code,full_name,sex,date_of_birth,ethnicity_code,relation_to_head,personal_id,health_insurance,education,in_school,disability,employment";

    public ImportFiles()
    {
        Folder = Directory.CreateTempSubdirectory("giamngheo-import-test-").FullName;
    }

    public string Folder { get; }
    public string Households => Path.Combine(Folder, "households.csv");
    public string Members => Path.Combine(Folder, "members.csv");

    public static async Task<ImportFiles> GenerateAsync(int households = 120, int seed = 11)
    {
        var files = new ImportFiles();
        var result = await new GenerateSyntheticProvinceHandler().ExecuteAsync(new GenerateSyntheticProvinceCommand
        {
            Options = new SyntheticProvinceOptions { ProvinceCode = "11", Households = households, Seed = seed, MaxCommunes = 4, ReviewYear = 2025 },
            OutputDirectory = files.Folder,
        });
        Assert.Null(result.Error);
        return files;
    }

    public static ImportFiles FromText(string households, string members)
    {
        var files = new ImportFiles();
        File.WriteAllText(files.Households, households, new UTF8Encoding(false));
        File.WriteAllText(files.Members, members, new UTF8Encoding(false));
        return files;
    }

    public string PathOf(string name) => Path.Combine(Folder, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    public static string Lines(params string[] lines) => string.Join('\n', lines) + "\n";

    /// <summary>A valid two-member household of Xã Sín Thầu.</summary>
    public static (string Households, string Members) Valid() => (
        Lines(HouseholdHeader, "H1,03158,Bản Na Hu,Bản Na Hu,Nguyễn Văn An,rural,2025,1200000,,1,0,capital,credit"),
        Lines(MemberHeader,
            "H1,Nguyễn Văn An,male,1985-03-14,03,head,011085001234,1,lower_secondary,0,none,self_employed",
            "H1,Nguyễn Thị Bình,female,2015-09-01,03,child,,1,primary,1,none,not_in_labour_force"));

    public static ImportRequest Request(ImportFiles files) => ImportRequest.Csv(files.Households, files.Members);
}

/// <summary>
/// Fails an import at a stage, as a crash there would: throws when the importer reports that stage (progress is
/// reported synchronously, inside the import's transaction). The stage names are the importer's own progress labels.
/// </summary>
public sealed class FailAtStage(string stage) : IProgress<ImportProgress>
{
    /// <summary>After the new households are bulk-written, before the registered ones are updated.</summary>
    public const string AfterBulk = "Đang cập nhật hộ đã có";

    /// <summary>Before the commit, after everything else is written.</summary>
    public const string BeforeCommit = "Đang lưu vào cơ sở dữ liệu";

    /// <summary>After the four tables are loaded, before the deferred indexes are rebuilt (only when indexes were deferred).</summary>
    public const string BeforeIndexRebuild = "Đang dựng lại chỉ mục";

    public void Report(ImportProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Stage == stage)
        {
            throw new InvalidOperationException("killed at " + stage);
        }
    }
}
