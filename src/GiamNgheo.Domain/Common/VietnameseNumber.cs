using System.Globalization;

namespace GiamNgheo.Domain.Common;

/// <summary>
/// Numbers as Vietnamese documents write them: 1.500.000 (dot thousands separator, comma decimal separator).
/// Reading accepts what an office worker types: 1.600.000, 1600000, 1 600 000 (also 1,600,000 for whole numbers).
/// </summary>
public static class VietnameseNumber
{
    public static string Format(long value) =>
        value.ToString("#,0", CultureInfo.InvariantCulture).Replace(',', '.');

    /// <summary>A whole number, with or without thousands separators (dot, comma, space) between groups of three digits.</summary>
    public static bool TryParse(string? text, out long value)
    {
        value = 0;
        if (!TryNormalize(text, decimalComma: null, out var normal) || normal.Contains('.', StringComparison.Ordinal))
        {
            return false;
        }

        return long.TryParse(normal, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>
    /// A decimal number. With <paramref name="decimalComma"/> (Vietnamese) the comma is the decimal separator and dots group
    /// thousands (1.234,5); a lone dot that does not group thousands is read as a decimal point (2.5). Without it (English),
    /// the dot is the decimal separator and commas group thousands (1,234.5).
    /// </summary>
    public static bool TryParseDecimal(string? text, bool decimalComma, out decimal value)
    {
        value = 0;
        return TryNormalize(text, decimalComma, out var normal)
            && decimal.TryParse(normal, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>Removes valid thousands separators; returns digits with an optional sign and an optional '.' decimal point.</summary>
    private static bool TryNormalize(string? text, bool? decimalComma, out string normal)
    {
        normal = string.Empty;
        var s = (text ?? string.Empty).Trim().Replace('\u00A0', ' ').Replace('\u202F', ' ');
        if (s.Length == 0)
        {
            return false;
        }

        var sign = string.Empty;
        if (s[0] is '-' or '+')
        {
            sign = s[0] == '-' ? "-" : string.Empty;
            s = s[1..].TrimStart();
        }

        string integer = s, fraction = string.Empty;
        if (decimalComma is { } comma)
        {
            var point = comma ? ',' : '.';
            // Two or more of the decimal separator can only be thousands separators (1,600,000 in Vietnamese mode).
            var at = s.Count(c => c == point) == 1 ? s.IndexOf(point, StringComparison.Ordinal) : -1;
            if (at >= 0)
            {
                integer = s[..at];
                fraction = s[(at + 1)..];
            }
            else if (comma && s.Count(c => c == '.') == 1 && !IsGrouped(s))
            {
                // 2.5 typed with a decimal point in Vietnamese mode: not a thousands grouping, so a decimal point.
                at = s.IndexOf('.', StringComparison.Ordinal);
                integer = s[..at];
                fraction = s[(at + 1)..];
            }

            if ((at >= 0 && fraction.Length == 0) || !fraction.All(char.IsAsciiDigit))
            {
                return false;
            }
        }

        if (integer.Length == 0 || !IsGrouped(integer))
        {
            return false;
        }

        var digits = new string([.. integer.Where(char.IsAsciiDigit)]);
        normal = sign + digits + (fraction.Length > 0 ? "." + fraction : string.Empty);
        return true;
    }

    /// <summary>Plain digits, or groups of three digits after a first group of one to three, all separated by the same separator.</summary>
    private static bool IsGrouped(string s)
    {
        if (s.All(char.IsAsciiDigit))
        {
            return s.Length > 0;
        }

        var separator = s.FirstOrDefault(c => !char.IsAsciiDigit(c));
        if (separator is not ('.' or ',' or ' '))
        {
            return false;
        }

        var groups = s.Split(separator);
        return groups[0].Length is >= 1 and <= 3 && groups[0].All(char.IsAsciiDigit)
            && groups.Skip(1).All(g => g.Length == 3 && g.All(char.IsAsciiDigit));
    }
}
