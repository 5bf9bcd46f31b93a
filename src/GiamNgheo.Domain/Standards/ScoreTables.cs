namespace GiamNgheo.Domain.Standards;

/// <summary>
/// The B1 proxy-income score tables (docs/domain.md §4.7, §12.2). A B1 score is only meaningful against thresholds
/// of the table it was taken under: the TT 17/2016 table (2016–2021 reviews) and the TT 07/2021 table (reviews from
/// 2022) have different items, points, regional constants and calibration. A standard's <c>b1_scores.table</c> names
/// its table; a survey records the table of its score. Codes are data (a later table needs no code change).
/// </summary>
public static class ScoreTables
{
    /// <summary>Phiếu B1 of Thông tư 17/2016/TT-BLĐTBXH (2016–2020 standard, QĐ 59/2015).</summary>
    public const string Tt17Of2016 = "TT17_2016";

    /// <summary>Phiếu B1 of Thông tư 07/2021/TT-BLĐTBXH (2022–2025 standard, NĐ 07/2021).</summary>
    public const string Tt07Of2021 = "TT07_2021";

    /// <summary>The tables a survey may name (entry paths accept only these).</summary>
    public static IReadOnlyList<string> Known { get; } = [Tt17Of2016, Tt07Of2021];

    /// <summary>First review year whose default table is TT 07/2021 (the first year classified under NĐ 07/2021).</summary>
    public const int FirstTt07ReviewYear = 2022;

    /// <summary>
    /// The table a B1 score is taken to be under when the entry does not say: TT 07/2021 from review year 2022 on,
    /// TT 17/2016 before. Only a default for entry paths; the survey stores the table explicitly.
    /// </summary>
    public static string DefaultFor(int reviewYear) => reviewYear >= FirstTt07ReviewYear ? Tt07Of2021 : Tt17Of2016;

    /// <summary>How the table is named to a Vietnamese user, e.g. "bảng điểm B1 của TT 07/2021/TT-BLĐTBXH".</summary>
    public static string NameVi(string code) => code switch
    {
        Tt17Of2016 => "Thông tư 17/2016/TT-BLĐTBXH",
        Tt07Of2021 => "Thông tư 07/2021/TT-BLĐTBXH",
        _ => code,
    };

    /// <summary>
    /// Reads a table from user input: the code (any case) or the circular's number (<c>17/2016</c>, <c>TT 07/2021</c>).
    /// Any other code made of letters, digits and underscores is accepted as written (a table a standard file names).
    /// </summary>
    public static bool TryParse(string? text, out string code)
    {
        code = string.Empty;
        var t = text?.Trim().ToUpperInvariant().Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        if (string.IsNullOrEmpty(t))
        {
            return false;
        }

        if (t.StartsWith("THÔNGTƯ", StringComparison.Ordinal))
        {
            t = "TT" + t["THÔNGTƯ".Length..];
        }

        t = t.Replace("/TTBLĐTBXH", string.Empty, StringComparison.Ordinal).Replace("/TTBLDTBXH", string.Empty, StringComparison.Ordinal);
        switch (t)
        {
            case "TT17_2016" or "TT17/2016" or "17/2016" or "TT172016":
                code = Tt17Of2016;
                return true;
            case "TT07_2021" or "TT07/2021" or "07/2021" or "7/2021" or "TT7/2021" or "TT072021":
                code = Tt07Of2021;
                return true;
        }

        if (t.Length <= 40 && t.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
        {
            code = t;
            return true;
        }

        return false;
    }
}
