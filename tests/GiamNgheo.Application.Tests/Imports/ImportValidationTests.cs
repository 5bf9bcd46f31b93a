using System.Text;
using GiamNgheo.Application.Imports;
using GiamNgheo.Application.Persistence;
using GiamNgheo.Application.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GiamNgheo.Application.Tests.Imports;

public class ImportValidationTests
{
    private static async Task<ImportResult> Import(TestDatabase db, string households, string members)
    {
        using var files = ImportFiles.FromText(households, members);
        return await db.RunAsync(sp => sp.GetRequiredService<HouseholdImporter>().ImportAsync(ImportFiles.Request(files), null, default));
    }

    public static TheoryData<string, string, string, string, string> Rules => new()
    {
        // provider is added by the test; (what to replace in the valid files, replacement, column, reason fragment)
        { "h", ",03158,", ",99999,", "commune_code", "Mã xã không có trong danh mục" },
        { "m", "011085001234", "0110850012", "personal_id", "12 chữ số" },
        { "m", "1985-03-14", "2027-03-14", "date_of_birth", "tương lai" },
        { "m", "H1,Nguyễn Thị Bình", "H2,Nguyễn Thị Bình", "household_code", "Không có hộ mã \"H2\"" },
        { "h", "self_employed", "self_employed", "employment", "phải là 0, 1" },
        { "h", "rural,2025", "village,2025", "area", "rural" },
        { "h", "rural,2025", "rural,2030", "review_year", "tương lai" },
        { "m", ",03,head,", ",77,head,", "ethnicity_code", "Mã dân tộc" },
        { "m", ",head,", ",boss,", "relation_to_head", "Quan hệ với chủ hộ" },
        { "h", "capital,credit", "capital;money,credit", "causes", "money" },
        { "m", ",child,,", ",head,,", "household_code", "2 thành viên là chủ hộ" },
        { "h", "1200000,,", ",,", "income", "thu nhập bình quân hoặc điểm B1" },
    };

    [Theory]
    [MemberData(nameof(Rules))]
    public async Task Import_BadValue_ReportedWithColumnAndVietnameseReason(string table, string find, string replace, string column, string reason)
    {
        foreach (var provider in new[] { "sqlite", "postgres" })
        {
            if (provider == "postgres" && TestDatabase.PostgresConnectionString is null)
            {
                continue;
            }

            await using var db = await TestDatabase.CreateAsync(provider);
            var (h, m) = ImportFiles.Valid();
            if (column == "employment")
            {
                h = h.Replace("1200000,,1,0", "1200000,,2,0", StringComparison.Ordinal);
            }
            else if (table == "h")
            {
                h = h.Replace(find, replace, StringComparison.Ordinal);
            }
            else
            {
                m = m.Replace(find, replace, StringComparison.Ordinal);
            }

            var result = await Import(db, h, m);

            Assert.False(result.Succeeded);
            Assert.Contains(result.Problems, p => p.Column == column && p.Reason.Contains(reason, StringComparison.Ordinal) && p.Row >= 2);
            Assert.Equal(0, await db.RunAsync(sp => sp.GetRequiredService<AppDbContext>().Households.CountAsync()));
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_DuplicatesAcrossRows_EachReportedWithTheFirstRow(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var (h, m) = ImportFiles.Valid();
        var h2 = h + "H1,03158,Bản Na Hu,,Lò Văn Hai,rural,2025,800000,,,,,\nH3,03158,Bản Na Hu,,Lò Văn Ba,rural,2025,800000,,,,,\n";
        var m2 = m + "H3,Lò Văn Ba,male,1985-05-05,03,head,011085001234,1,none,0,none,self_employed\n";

        var result = await Import(db, h2, m2);

        Assert.Contains(result.Problems, p => p.Row == 3 && p.Column == "household_code" && p.Reason == "Mã hộ trùng với dòng 2.");
        Assert.Contains(result.Problems, p => p.Column == "personal_id" && p.Reason.Contains("đã có ở hộ \"H1\"", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_IdOfAMemberRegisteredInAnotherHousehold_Refused(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var (h, m) = ImportFiles.Valid();
        Assert.True((await Import(db, h, m)).Succeeded);

        var result = await Import(db, h.Replace("H1,", "H7,", StringComparison.Ordinal), m.Replace("H1,", "H7,", StringComparison.Ordinal));

        Assert.Contains(result.Problems, p => p.Column == "personal_id" && p.Reason.Contains("trong hệ thống", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Import_FileProblems_ClearMessageAndNothingImported()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        var (h, m) = ImportFiles.Valid();

        var empty = await Import(db, string.Empty, m);
        Assert.Contains("tệp trống", empty.FileError, StringComparison.Ordinal);

        using var files = ImportFiles.FromText(h, m);
        await File.WriteAllBytesAsync(files.Households, Encoding.Latin1.GetBytes(h.Replace("Nguyễn Văn An", "Hà Van An", StringComparison.Ordinal)));
        var encoding = await db.RunAsync(sp => sp.GetRequiredService<HouseholdImporter>().ImportAsync(ImportFiles.Request(files), null, default));
        Assert.Contains("UTF-8", encoding.FileError, StringComparison.Ordinal);

        var headerOnly = await Import(db, ImportFiles.Lines(ImportFiles.HouseholdHeader), ImportFiles.Lines(ImportFiles.MemberHeader));
        Assert.Contains("không có dòng hộ gia đình nào", headerOnly.FileError, StringComparison.Ordinal);

        var missingColumn = await Import(db, "household_code,village\nH1,x\n", m);
        Assert.Contains(missingColumn.Problems, p => p.Row == 1 && p.Column == "commune_code");

        var workbook = await db.RunAsync(sp => sp.GetRequiredService<HouseholdImporter>().ImportAsync(ImportRequest.Workbook(files.Members), null, default));
        Assert.Contains("không đọc được", workbook.FileError, StringComparison.Ordinal);
        Assert.Equal(0, await db.RunAsync(sp => sp.GetRequiredService<AppDbContext>().Households.CountAsync()));
    }

    [Fact]
    public async Task ErrorReport_HasOneLinePerProblemWithBom()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        var (h, m) = ImportFiles.Valid();
        var result = await Import(db, h.Replace(",03158,", ",99999,", StringComparison.Ordinal), m.Replace("1985-03-14", "2027-03-14", StringComparison.Ordinal));
        using var stream = new MemoryStream();

        ImportErrorReport.WriteCsv(stream, result.FileError, result.Problems);

        var bytes = stream.ToArray();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).TrimEnd('\n').Split('\n');
        Assert.Equal("Tệp / trang tính,Dòng,Cột,Giá trị,Lý do", lines[0]);
        Assert.Equal(result.Problems.Count + 1, lines.Length);
        Assert.Contains(lines, l => l.StartsWith("households.csv,2,commune_code,99999,", StringComparison.Ordinal));
    }
}
