using System.Text;
using GiamNgheo.Domain.Common;

namespace GiamNgheo.Application.Interchange;

/// <summary>
/// Code ↔ value mappings of the household table: causes (§5.4) and needs (§5.5), written as codes joined by
/// <c>;</c>. Parsing accepts the English code or the Vietnamese label, with or without diacritics, any case.
/// </summary>
public static class HouseholdCodes
{
    /// <summary>Code of one cause (a single flag; use <see cref="FormatCauses"/> for a combination).</summary>
    public static string ToCode(this PovertyCauses cause) => cause switch
    {
        PovertyCauses.None => "",
        PovertyCauses.Land => "land",
        PovertyCauses.Capital => "capital",
        PovertyCauses.Labour => "labour",
        PovertyCauses.Tools => "tools",
        PovertyCauses.Knowhow => "knowhow",
        PovertyCauses.Skills => "skills",
        PovertyCauses.Illness => "illness",
        PovertyCauses.Other => "other",
    };

    public static string ToVietnamese(this PovertyCauses cause) => cause switch
    {
        PovertyCauses.None => "",
        PovertyCauses.Land => "Thiếu đất sản xuất",
        PovertyCauses.Capital => "Thiếu vốn",
        PovertyCauses.Labour => "Thiếu lao động",
        PovertyCauses.Tools => "Thiếu công cụ, phương tiện sản xuất",
        PovertyCauses.Knowhow => "Thiếu kiến thức sản xuất",
        PovertyCauses.Skills => "Thiếu kỹ năng lao động",
        PovertyCauses.Illness => "Có người ốm đau, bệnh nặng, tai nạn",
        PovertyCauses.Other => "Khác",
    };

    /// <summary>Code of one need (a single flag; use <see cref="FormatNeeds"/> for a combination).</summary>
    public static string ToCode(this SupportNeeds need) => need switch
    {
        SupportNeeds.None => "",
        SupportNeeds.Health => "health",
        SupportNeeds.Education => "education",
        SupportNeeds.Production => "production",
        SupportNeeds.Credit => "credit",
        SupportNeeds.Housing => "housing",
        SupportNeeds.Other => "other",
    };

    public static string ToVietnamese(this SupportNeeds need) => need switch
    {
        SupportNeeds.None => "",
        SupportNeeds.Health => "Y tế",
        SupportNeeds.Education => "Giáo dục",
        SupportNeeds.Production => "Sản xuất",
        SupportNeeds.Credit => "Vay vốn tín dụng",
        SupportNeeds.Housing => "Nhà ở",
        SupportNeeds.Other => "Khác",
    };

    /// <summary>The single (non-zero) causes, in column order.</summary>
    public static IReadOnlyList<PovertyCauses> AllCauses { get; } =
        [.. Enum.GetValues<PovertyCauses>().Where(c => c != PovertyCauses.None)];

    /// <summary>The single (non-zero) needs, in column order.</summary>
    public static IReadOnlyList<SupportNeeds> AllNeeds { get; } =
        [.. Enum.GetValues<SupportNeeds>().Where(n => n != SupportNeeds.None)];

    /// <summary>"land;capital" for Land | Capital; empty for None.</summary>
    public static string FormatCauses(PovertyCauses causes) => Join(AllCauses, c => causes.HasFlag(c), c => c.ToCode());

    public static string FormatNeeds(SupportNeeds needs) => Join(AllNeeds, n => needs.HasFlag(n), n => n.ToCode());

    /// <summary>Parses a <c>;</c>-separated list. Returns the unknown item, or null when every item is known.</summary>
    public static string? TryParseCauses(string? text, out PovertyCauses causes)
    {
        causes = PovertyCauses.None;
        foreach (var item in Split(text))
        {
            var match = AllCauses.FirstOrDefault(c => Matches(item, c.ToCode(), c.ToVietnamese()));
            if (match == PovertyCauses.None)
            {
                return item;
            }

            causes |= match;
        }

        return null;
    }

    /// <summary>Parses a <c>;</c>-separated list. Returns the unknown item, or null when every item is known.</summary>
    public static string? TryParseNeeds(string? text, out SupportNeeds needs)
    {
        needs = SupportNeeds.None;
        foreach (var item in Split(text))
        {
            var match = AllNeeds.FirstOrDefault(n => Matches(item, n.ToCode(), n.ToVietnamese()));
            if (match == SupportNeeds.None)
            {
                return item;
            }

            needs |= match;
        }

        return null;
    }

    internal static bool Matches(string item, string code, string vietnamese) =>
        string.Equals(item, code, StringComparison.OrdinalIgnoreCase)
        || string.Equals(VietnameseText.Fold(item), VietnameseText.Fold(vietnamese), StringComparison.Ordinal);

    private static string[] Split(string? text) =>
        (text ?? "").Split(HouseholdColumns.ListSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string Join<T>(IReadOnlyList<T> all, Func<T, bool> isSet, Func<T, string> code)
    {
        var sb = new StringBuilder();
        foreach (var item in all)
        {
            if (!isSet(item))
            {
                continue;
            }

            if (sb.Length > 0)
            {
                sb.Append(HouseholdColumns.ListSeparator);
            }

            sb.Append(code(item));
        }

        return sb.ToString();
    }
}
