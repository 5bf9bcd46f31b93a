using System.Globalization;
using Sylvan.Data.Csv;

namespace GiamNgheo.Application.ReferenceData;

/// <summary>
/// The official reference files shipped inside this assembly (copied from shared/data with their licence notices):
/// administrative units before and after the 2025 reform, the old→new mapping, the 2026 type changes and the 54
/// ethnic groups. Codes are strings: they carry leading zeros.
/// </summary>
public static class ReferenceDataFiles
{
    public const string AdminUnits2025 = "admin-units-2025.csv";
    public const string AdminUnits2024 = "admin-units-2024.csv";
    public const string CommuneMapping2025 = "admin-units-2025-mapping.csv";
    public const string ProvinceMapping2025 = "admin-units-2025-province-mapping.csv";
    public const string Changes2026 = "admin-units-2026-changes.csv";
    public const string EthnicGroups = "ethnic-groups.csv";

    public static Stream Open(string fileName) =>
        typeof(ReferenceDataFiles).Assembly.GetManifestResourceStream("ReferenceData/" + fileName)
        ?? throw new FileNotFoundException($"Embedded reference file {fileName} is missing.", fileName);

    /// <summary>Reads a shipped CSV as rows of column name → value (all strings, codes keep their zeros).</summary>
    public static IEnumerable<IReadOnlyDictionary<string, string>> ReadRows(string fileName)
    {
        using var reader = new StreamReader(Open(fileName));
        using var csv = CsvDataReader.Create(reader, new CsvDataReaderOptions { HasHeaders = true });
        var names = Enumerable.Range(0, csv.FieldCount).Select(csv.GetName).ToArray();
        while (csv.Read())
        {
            var row = new Dictionary<string, string>(names.Length, StringComparer.Ordinal);
            for (var i = 0; i < names.Length; i++)
            {
                row[names[i]] = csv.GetString(i);
            }

            yield return row;
        }
    }

    public static IReadOnlyList<EthnicGroupRecord> ReadEthnicGroups() =>
        [.. ReadRows(EthnicGroups).Select(r => new EthnicGroupRecord(
            r["code"], r["name"], r["name_ascii"], bool.Parse(r["is_ethnic_minority"])))];

    /// <summary>Units valid from 2025-07-01 (level 1 province, level 2 commune).</summary>
    public static IReadOnlyList<AdminUnitRecord> ReadUnits2025() =>
        [.. ReadRows(AdminUnits2025).Select(r => new AdminUnitRecord(
            r["code"], r["name"], r["full_name"], r["name_en"], r["full_name_en"],
            int.Parse(r["level"], CultureInfo.InvariantCulture), r["type"], r["type_en"],
            NullIfEmpty(r["parent_code"]), null))];

    /// <summary>Units of the last pre-reform state (level 1 province, 2 district, 3 commune).</summary>
    public static IReadOnlyList<AdminUnitRecord> ReadUnits2024() =>
        [.. ReadRows(AdminUnits2024).Select(r => new AdminUnitRecord(
            r["code"], r["name"], r["full_name"], r["name_en"], r["full_name_en"],
            int.Parse(r["level"], CultureInfo.InvariantCulture), r["type"], r["type_en"],
            NullIfEmpty(r["parent_code"]), NullIfEmpty(r["region_name"])))];

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}

public sealed record EthnicGroupRecord(string Code, string Name, string NameAscii, bool IsEthnicMinority);

/// <summary>One row of an official unit list. <see cref="Level"/> is as in the file (see ReferenceData/README.md).</summary>
public sealed record AdminUnitRecord(
    string Code,
    string Name,
    string FullName,
    string NameEn,
    string FullNameEn,
    int Level,
    string Type,
    string TypeEn,
    string? ParentCode,
    string? RegionName);
