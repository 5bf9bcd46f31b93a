using System.Globalization;
using System.Text;

namespace GiamNgheo.Domain.Common;

/// <summary>Normalisation and diacritic folding for Vietnamese names and search.</summary>
public static class VietnameseText
{
    /// <summary>NFC form with single spaces and no leading/trailing space: how every name is stored.</summary>
    public static string NormalizeName(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
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
