using System.Globalization;
using GiamNgheo.Application.Documents;
using GiamNgheo.Domain.Reports;
using MiniExcelLibs;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Drawing.Layout;
using PdfSharp.Pdf;

namespace GiamNgheo.Application.Reports;

/// <summary>
/// XLSX and PDF of a form laid out like the official templates: national motto, issuing unit, form number and
/// title, year and standard, the table (households and persons rows), and the signature block.
/// </summary>
public static class ReportExport
{
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    public static string FileName(ReportTable table, string extension) =>
        string.Create(CultureInfo.InvariantCulture, $"bieu-{table.Number:00}-{table.UnitCode}-{table.Year}-{table.StandardCode}.{extension}");

    /// <summary>The standard's name and legal document from the shipped standards data, never its code.</summary>
    public static string StandardName(string code) => Domain.Standards.StandardCatalog.Find(code)?.LabelVi ?? code;

    public static string KindLabel(ReportRowKind kind) => kind switch
    {
        ReportRowKind.Households => "Hộ",
        ReportRowKind.Persons => "Nhân khẩu",
        ReportRowKind.Line => string.Empty,
    };

    public static string FormatValue(ReportColumn column, decimal value) =>
        column.IsRate ? value.ToString("0.00", Vi) : value.ToString("#,0", Vi);

    /// <summary>The header lines of the official layout.</summary>
    public static IReadOnlyList<string> Heading(ReportTable table, DateOnly today) =>
    [
        "ỦY BAN NHÂN DÂN " + table.UnitName.ToUpper(Vi),
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM — Độc lập - Tự do - Hạnh phúc",
        string.Create(CultureInfo.InvariantCulture, $"Biểu số {table.Number:00}: {table.TitleVi.ToUpper(Vi)}"),
        string.Create(CultureInfo.InvariantCulture, $"Năm {table.Year} — {StandardName(table.StandardCode)}"),
        "Đơn vị báo cáo: " + table.UnitName,
        .. (table.BaseVi.Length > 0 ? [table.BaseVi] : Array.Empty<string>()),
        string.Create(CultureInfo.InvariantCulture, $"(Số liệu lập ngày {today:dd/MM/yyyy} từ cơ sở dữ liệu hộ nghèo, hộ cận nghèo)"),
    ];

    public static IReadOnlyList<string> Signature(DateOnly today) =>
    [
        string.Create(CultureInfo.InvariantCulture, $"…, ngày {today.Day:00} tháng {today.Month:00} năm {today.Year}"),
        "NGƯỜI LẬP BIỂU                                    TM. ỦY BAN NHÂN DÂN",
        "(Ký, ghi rõ họ tên)                                        CHỦ TỊCH",
        "                                              (Ký, ghi rõ họ tên, đóng dấu)",
    ];

    private static List<string> HeaderCells(ReportTable table) =>
        table.Rows.Any(r => r.Kind == ReportRowKind.Line)
            ? [.. table.Columns.Select(c => c.HeaderVi)]
            : ["STT", "Đơn vị", "Chỉ tiêu", .. table.Columns.Select(c => c.HeaderVi)];

    private static List<List<string>> BodyCells(ReportTable table)
    {
        var body = new List<List<string>>();
        if (table.Rows.Any(r => r.Kind == ReportRowKind.Line))
        {
            body.AddRange(table.Rows.Select(r => r.Texts.ToList()));
            return body;
        }

        var unitNo = 0;
        string? lastUnit = null;
        foreach (var row in table.Rows)
        {
            if (row.UnitCode != lastUnit && !row.IsTotal)
            {
                unitNo++;
            }

            var showUnit = row.UnitCode != lastUnit;
            lastUnit = row.UnitCode;
            body.Add([
                row.IsTotal ? string.Empty : showUnit ? unitNo.ToString(CultureInfo.InvariantCulture) : string.Empty,
                showUnit ? row.Label : string.Empty,
                KindLabel(row.Kind),
                .. row.Values.Select((v, i) => FormatValue(table.Columns[i], v)),
            ]);
        }

        return body;
    }

    public static byte[] ToXlsx(ReportTable table, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(table);
        var header = HeaderCells(table);
        var width = Math.Max(header.Count, 2);
        var keys = Enumerable.Range(0, width).Select(ColumnName).ToArray();
        var sheet = new List<Dictionary<string, object?>>();
        void Line(IReadOnlyList<string> cells)
        {
            var row = keys.ToDictionary(k => k, _ => (object?)null);
            for (var i = 0; i < cells.Count && i < width; i++)
            {
                row[keys[i]] = cells[i];
            }

            sheet.Add(row);
        }

        foreach (var line in Heading(table, today))
        {
            Line([line]);
        }

        Line([]);
        Line(header);
        foreach (var body in BodyCells(table))
        {
            Line(body);
        }

        Line([]);
        foreach (var line in Signature(today))
        {
            Line([line]);
        }

        using var stream = new MemoryStream();
        MiniExcel.SaveAs(stream, sheet, printHeader: false, sheetName: string.Create(CultureInfo.InvariantCulture, $"Bieu{table.Number:00}"));
        return stream.ToArray();
    }

    private static string ColumnName(int index)
    {
        var name = string.Empty;
        index++;
        while (index > 0)
        {
            var r = (index - 1) % 26;
            name = (char)('A' + r) + name;
            index = (index - 1) / 26;
        }

        return name;
    }

    public static byte[] ToPdf(ReportTable table, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(table);
        PdfFonts.EnsureRegistered();
        var header = HeaderCells(table);
        var body = BodyCells(table);
        using var document = new PdfDocument();
        document.Info.Title = table.TitleVi;
        var fontSize = header.Count > 24 ? 5.5 : header.Count > 14 ? 6.5 : 7.5;
        var font = new XFont(PdfFonts.Family, fontSize);
        var bold = new XFont(PdfFonts.Family, fontSize, XFontStyleEx.Bold);
        var titleFont = new XFont(PdfFonts.Family, 11, XFontStyleEx.Bold);
        var smallFont = new XFont(PdfFonts.Family, 9);
        const double margin = 28;
        var labelWidths = table.Rows.Any(r => r.Kind == ReportRowKind.Line) ? 0 : 1;

        PdfPage NewPage(out XGraphics gfx)
        {
            var page = document.AddPage();
            page.Size = PageSize.A4;
            page.Orientation = PageOrientation.Landscape;
            gfx = XGraphics.FromPdfPage(page);
            return page;
        }

        var page = NewPage(out var g);
        var pageWidth = page.Width.Point;
        var pageHeight = page.Height.Point;
        var usable = pageWidth - 2 * margin;
        var widths = new double[header.Count];
        if (labelWidths == 1)
        {
            widths[0] = 22;
            widths[1] = 110;
            widths[2] = 44;
            var rest = (usable - 176) / Math.Max(1, header.Count - 3);
            for (var i = 3; i < widths.Length; i++)
            {
                widths[i] = rest;
            }
        }
        else
        {
            for (var i = 0; i < widths.Length; i++)
            {
                widths[i] = usable / widths.Length;
            }

            widths[3] = widths[3] * 2.5; // name
            var scale = usable / widths.Sum();
            for (var i = 0; i < widths.Length; i++)
            {
                widths[i] *= scale;
            }
        }

        var y = margin;
        var heading = Heading(table, today);
        g.DrawString(heading[0], smallFont, XBrushes.Black, new XRect(margin, y, usable / 2, 14), XStringFormats.TopLeft);
        g.DrawString("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", new XFont(PdfFonts.Family, 9, XFontStyleEx.Bold), XBrushes.Black, new XRect(margin + usable / 2, y, usable / 2, 14), XStringFormats.TopCenter);
        y += 13;
        g.DrawString("Độc lập - Tự do - Hạnh phúc", smallFont, XBrushes.Black, new XRect(margin + usable / 2, y, usable / 2, 14), XStringFormats.TopCenter);
        y += 22;
        g.DrawString(heading[2], titleFont, XBrushes.Black, new XRect(margin, y, usable, 16), XStringFormats.TopCenter);
        y += 18;
        foreach (var line in heading.Skip(3))
        {
            g.DrawString(line, smallFont, XBrushes.Black, new XRect(margin, y, usable, 12), XStringFormats.TopCenter);
            y += 12;
        }

        y += 6;
        var headerHeight = fontSize * 1.25 * 5 + 4;
        void DrawHeader(XGraphics gfx)
        {
            var x = margin;
            var tf = new XTextFormatter(gfx) { Alignment = XParagraphAlignment.Center };
            for (var i = 0; i < header.Count; i++)
            {
                gfx.DrawRectangle(XPens.Black, XBrushes.WhiteSmoke, x, y, widths[i], headerHeight);
                tf.DrawString(header[i], bold, XBrushes.Black, new XRect(x + 1, y + 2, widths[i] - 2, headerHeight - 2), XStringFormats.TopLeft);
                x += widths[i];
            }

            y += headerHeight;
        }

        DrawHeader(g);
        var rowHeight = fontSize * 1.6 + 2;
        foreach (var cells in body)
        {
            if (y + rowHeight > pageHeight - margin)
            {
                g.Dispose();
                NewPage(out g);
                y = margin;
                DrawHeader(g);
            }

            var x = margin;
            for (var i = 0; i < header.Count; i++)
            {
                g.DrawRectangle(XPens.Black, x, y, widths[i], rowHeight);
                var text = i < cells.Count ? cells[i] : string.Empty;
                var numeric = labelWidths == 1 && i >= 3;
                g.DrawString(Fit(g, text, font, widths[i] - 3), font, XBrushes.Black,
                    new XRect(x + 1.5, y, widths[i] - 3, rowHeight), numeric ? XStringFormats.CenterRight : XStringFormats.CenterLeft);
                x += widths[i];
            }

            y += rowHeight;
        }

        var signature = Signature(today);
        if (y + 70 > pageHeight - margin)
        {
            g.Dispose();
            NewPage(out g);
            y = margin;
        }

        y += 14;
        g.DrawString(signature[0], smallFont, XBrushes.Black, new XRect(margin + usable / 2, y, usable / 2, 12), XStringFormats.TopCenter);
        y += 14;
        g.DrawString("NGƯỜI LẬP BIỂU", new XFont(PdfFonts.Family, 9, XFontStyleEx.Bold), XBrushes.Black, new XRect(margin, y, usable / 2, 12), XStringFormats.TopCenter);
        g.DrawString("TM. ỦY BAN NHÂN DÂN — CHỦ TỊCH", new XFont(PdfFonts.Family, 9, XFontStyleEx.Bold), XBrushes.Black, new XRect(margin + usable / 2, y, usable / 2, 12), XStringFormats.TopCenter);
        y += 12;
        g.DrawString("(Ký, ghi rõ họ tên)", smallFont, XBrushes.Black, new XRect(margin, y, usable / 2, 12), XStringFormats.TopCenter);
        g.DrawString("(Ký, ghi rõ họ tên, đóng dấu)", smallFont, XBrushes.Black, new XRect(margin + usable / 2, y, usable / 2, 12), XStringFormats.TopCenter);
        g.Dispose();

        using var stream = new MemoryStream();
        document.Save(stream, false);
        return stream.ToArray();
    }

    private static string Fit(XGraphics g, string text, XFont font, double width)
    {
        if (text.Length == 0 || g.MeasureString(text, font).Width <= width)
        {
            return text;
        }

        var cut = text;
        while (cut.Length > 1 && g.MeasureString(cut + "…", font).Width > width)
        {
            cut = cut[..^1];
        }

        return cut + "…";
    }
}
