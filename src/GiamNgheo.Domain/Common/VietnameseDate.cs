using System.Globalization;

namespace GiamNgheo.Domain.Common;

/// <summary>Dates as Vietnamese offices write them: dd/MM/yyyy (16/02/2026). Reading also accepts d/M/yyyy, dots or dashes
/// (16.02.2026, 16-02-2026) and the ISO form 2026-02-16 that browsers and scripts send.</summary>
public static class VietnameseDate
{
    public const string Pattern = "dd/MM/yyyy";

    private static readonly string[] Accepted =
    [
        "dd/MM/yyyy", "d/M/yyyy", "dd.MM.yyyy", "d.M.yyyy", "dd-MM-yyyy", "d-M-yyyy", "yyyy-MM-dd", "yyyy-M-d",
    ];

    public static string Format(DateOnly date) => date.ToString(Pattern, CultureInfo.InvariantCulture);

    public static bool TryParse(string? text, out DateOnly value) =>
        DateOnly.TryParseExact((text ?? string.Empty).Trim(), Accepted, CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
}
