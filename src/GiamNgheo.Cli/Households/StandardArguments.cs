using GiamNgheo.Domain.Standards;

namespace GiamNgheo.Cli.Households;

/// <summary>Resolves <c>--standard</c>: shipped codes separated by commas, or paths to standard JSON files (a local standard).</summary>
internal static class StandardArguments
{
    public static IReadOnlyList<PovertyStandard>? Resolve(string? value, TextWriter error)
    {
        var standards = new List<PovertyStandard>();
        foreach (var item in (value ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (item.EndsWith(".json", StringComparison.OrdinalIgnoreCase) && File.Exists(item))
            {
                try
                {
                    using var stream = File.OpenRead(item);
                    standards.Add(StandardJson.Deserialize(stream));
                }
                catch (FormatException ex)
                {
                    error.WriteLine($"Tệp chuẩn nghèo {item} không hợp lệ: {ex.Message}");
                    return null;
                }

                continue;
            }

            var standard = StandardCatalog.Find(item);
            if (standard is null)
            {
                error.WriteLine($"Không có chuẩn nghèo '{item}'. Các chuẩn có sẵn: {string.Join(", ", StandardCatalog.All.Select(s => s.Code))}.");
                return null;
            }

            standards.Add(standard);
        }

        if (standards.Count == 0)
        {
            error.WriteLine("Cần ít nhất một chuẩn nghèo (--standard).");
            return null;
        }

        if (standards.Select(s => s.Code).Distinct(StringComparer.Ordinal).Count() != standards.Count)
        {
            error.WriteLine("Một chuẩn nghèo được nêu hai lần trong --standard.");
            return null;
        }

        return standards;
    }
}
