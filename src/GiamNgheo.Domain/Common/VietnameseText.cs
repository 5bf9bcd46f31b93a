using System.Globalization;
using System.Text;

namespace GiamNgheo.Domain.Common;

/// <summary>Normalisation and diacritic folding for Vietnamese names and search.</summary>
public static class VietnameseText
{
    /// <summary>
    /// True when <see cref="NormalizeName"/> would return the text unchanged, decided without ICU: every character is
    /// below U+0300 (ASCII and the Latin blocks, none of which NFC changes) or a precomposed letter of Latin Extended
    /// Additional (U+1E00–U+1EFF, where Vietnamese letters with two marks live, all stable under NFC), and the only
    /// whitespace is single spaces between words. Anything else (combining marks, other scripts, other spaces) takes
    /// the full path. Millions of imported names go through here.
    /// </summary>
    private static bool IsNormalizedName(string value)
    {
        if (value.Length == 0 || value[0] == ' ' || value[^1] == ' ')
        {
            return value.Length == 0;
        }

        var previous = '\0';
        foreach (var ch in value)
        {
            if (ch >= '\u0300' && (ch < '\u1E00' || ch > '\u1EFF'))
            {
                return false;
            }

            if (ch < '\u0300' && char.IsWhiteSpace(ch) && (ch != ' ' || previous == ' '))
            {
                return false;
            }

            previous = ch;
        }

        return true;
    }

    /// <summary>NFC form with single spaces and no leading/trailing space: how every name is stored.</summary>
    public static string NormalizeName(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (IsNormalizedName(value))
        {
            return value;
        }

        var nfc = value.Normalize(NormalizationForm.FormC);
        var sb = new StringBuilder(nfc.Length);
        var pendingSpace = false;
        foreach (var ch in nfc)
        {
            if (char.IsWhiteSpace(ch))
            {
                pendingSpace = sb.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                sb.Append(' ');
                pendingSpace = false;
            }

            sb.Append(ch);
        }

        return sb.ToString();
    }

    /// <summary>
    /// Lower-case ASCII key for search: "Nguyễn Văn Ân" → "nguyen van an". Folds đ/Đ to d, drops all
    /// combining marks and collapses spaces, so a query typed without diacritics finds the name.
    /// </summary>
    public static string Fold(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        var decomposed = value.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        foreach (var ch in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsWhiteSpace(ch))
            {
                pendingSpace = sb.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                sb.Append(' ');
                pendingSpace = false;
            }

            sb.Append(ch switch
            {
                'đ' or 'Đ' => 'd',
                _ => char.ToLowerInvariant(ch),
            });
        }

        return sb.ToString();
    }
}
