using System.Globalization;
using GiamNgheo.Application.Interchange;

namespace GiamNgheo.Application.Imports;

/// <summary>
/// The error report of a rejected import: one line per problem (file or sheet, row, column, value, reason), UTF-8
/// with a BOM so that Excel shows the Vietnamese text; rows in file order, so the user can fix from top to bottom.
/// </summary>
public static class ImportErrorReport
{
    public static readonly string[] Header = ["Tệp / trang tính", "Dòng", "Cột", "Giá trị", "Lý do"];

    public static void WriteCsv(Stream stream, string? fileError, IEnumerable<InterchangeProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(problems);
        stream.Write([0xEF, 0xBB, 0xBF]);
        using var csv = new CsvRowWriter(stream, leaveOpen: true);
        csv.Row(Header);
        if (fileError is not null)
        {
            csv.Row([string.Empty, "0", string.Empty, string.Empty, fileError]);
        }

        foreach (var p in problems)
        {
            csv.Row([p.File, p.Row.ToString(CultureInfo.InvariantCulture), p.Column, p.Value, p.Reason]);
        }
    }
}
