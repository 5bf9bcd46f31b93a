using System.Buffers;
using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace GiamNgheo.Application.Interchange;

/// <summary>
/// A streaming XLSX (SpreadsheetML) writer: each worksheet is written row by row straight into its deflated part of
/// the package, so memory stays flat whatever the number of rows. Text cells are inline strings
/// (<c>t="inlineStr"</c>, no shared-string table to keep), numbers are numbers, empty values are left out. Only one
/// sheet can be written directly at a time (a ZIP is sequential); a sheet begun with
/// <see cref="BeginSpooledSheet"/> is written at the same time into a deflated temporary file and copied into the
/// package when the workbook is completed. The workbook lists the sheets by group, then in the order they were begun.
/// </summary>
public sealed class XlsxStreamWriter : IDisposable
{
    /// <summary>Rows of an Excel worksheet (header included).</summary>
    public const int MaxRows = 1_048_576;

    private const string MainNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string RelNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string PackageRelNs = "http://schemas.openxmlformats.org/package/2006/relationships";

    private static readonly SearchValues<char> SheetNameForbidden = SearchValues.Create("[]:*?/\\");

    private readonly ZipArchive _zip;
    private readonly CompressionLevel _level;
    private readonly List<SheetPart> _sheets = [];
    private XlsxSheetWriter? _direct;
    private bool _completed;

    public XlsxStreamWriter(Stream output, bool leaveOpen = false, CompressionLevel level = CompressionLevel.Fastest)
    {
        ArgumentNullException.ThrowIfNull(output);
        _zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen, Encoding.UTF8);
        _level = level;
    }

    /// <summary>Begins a sheet written straight into the package; the previous direct sheet must be disposed first.</summary>
    public XlsxSheetWriter BeginSheet(string name, int group = 0)
    {
        var part = Add(name, group);
        if (_direct is { IsOpen: true })
        {
            throw new InvalidOperationException("Only one sheet can be written into the package at a time: dispose the previous one first.");
        }

        _direct = new XlsxSheetWriter(_zip.CreateEntry(part.Path, _level).Open());
        return _direct;
    }

    /// <summary>Begins a sheet spooled (deflated) into a temporary file, copied into the package on <see cref="Complete"/>.</summary>
    public XlsxSheetWriter BeginSpooledSheet(string name, int group = 0)
    {
        var part = Add(name, group);
        var temp = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
        part.Spool = temp;
        part.Writer = new XlsxSheetWriter(new DeflateStream(temp, CompressionLevel.Fastest, leaveOpen: true));
        return part.Writer;
    }

    /// <summary>Ends every sheet, copies the spooled ones and writes the workbook parts.</summary>
    public void Complete()
    {
        if (_completed)
        {
            return;
        }

        _completed = true;
        _direct?.Dispose();
        foreach (var part in _sheets.Where(p => p.Spool is not null))
        {
            part.Writer!.Dispose();
            part.Spool!.Position = 0;
            using var inflate = new DeflateStream(part.Spool, CompressionMode.Decompress, leaveOpen: true);
            using var entry = _zip.CreateEntry(part.Path, _level).Open();
            inflate.CopyTo(entry, 1 << 16);
        }

        WritePart("xl/workbook.xml", Workbook());
        WritePart("xl/_rels/workbook.xml.rels", WorkbookRels());
        WritePart("xl/styles.xml",
            $"<styleSheet xmlns=\"{MainNs}\"><fonts count=\"1\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font></fonts>"
            + "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>"
            + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
            + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
            + "<cellXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/></cellXfs>"
            + "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles></styleSheet>");
        WritePart("_rels/.rels",
            $"<Relationships xmlns=\"{PackageRelNs}\"><Relationship Id=\"rId1\" Type=\"{RelNs}/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
        WritePart("[Content_Types].xml", ContentTypes());
    }

    /// <summary>Closes the package; without <see cref="Complete"/> first (an error, a cancellation) it is left incomplete.</summary>
    public void Dispose()
    {
        try
        {
            _direct?.Dispose();
        }
        finally
        {
            foreach (var part in _sheets)
            {
                part.Writer?.Dispose();
                part.Spool?.Dispose();
            }

            _zip.Dispose();
        }
    }

    private SheetPart Add(string name, int group)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (_completed)
        {
            throw new InvalidOperationException("The workbook is already completed.");
        }

        if (name.Length > 31 || name.AsSpan().IndexOfAny(SheetNameForbidden) >= 0)
        {
            throw new ArgumentException($"Invalid sheet name \"{name}\" (at most 31 characters, none of []:*?/\\).", nameof(name));
        }

        if (_sheets.Any(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase)))
        {
            throw new ArgumentException($"Duplicate sheet name \"{name}\".", nameof(name));
        }

        var part = new SheetPart(name, _sheets.Count + 1, group);
        _sheets.Add(part);
        return part;
    }

    private string Workbook()
    {
        var xml = new StringBuilder($"<workbook xmlns=\"{MainNs}\" xmlns:r=\"{RelNs}\"><bookViews><workbookView/></bookViews><sheets>");
        foreach (var part in _sheets.OrderBy(p => p.Group).ThenBy(p => p.Number))
        {
            xml.Append(CultureInfo.InvariantCulture, $"<sheet name=\"{Attribute(part.Name)}\" sheetId=\"{part.Number}\" r:id=\"rId{part.Number}\"/>");
        }

        return xml.Append("</sheets></workbook>").ToString();
    }

    private string WorkbookRels()
    {
        var xml = new StringBuilder($"<Relationships xmlns=\"{PackageRelNs}\">");
        for (var i = 0; i < _sheets.Count; i++)
        {
            xml.Append(CultureInfo.InvariantCulture, $"<Relationship Id=\"rId{i + 1}\" Type=\"{RelNs}/worksheet\" Target=\"worksheets/sheet{i + 1}.xml\"/>");
        }

        xml.Append(CultureInfo.InvariantCulture, $"<Relationship Id=\"rId{_sheets.Count + 1}\" Type=\"{RelNs}/styles\" Target=\"styles.xml\"/>");
        return xml.Append("</Relationships>").ToString();
    }

    private string ContentTypes()
    {
        const string Office = "application/vnd.openxmlformats-officedocument.spreadsheetml";
        var xml = new StringBuilder("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">")
            .Append("<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>")
            .Append("<Default Extension=\"xml\" ContentType=\"application/xml\"/>")
            .Append(CultureInfo.InvariantCulture, $"<Override PartName=\"/xl/workbook.xml\" ContentType=\"{Office}.sheet.main+xml\"/>")
            .Append(CultureInfo.InvariantCulture, $"<Override PartName=\"/xl/styles.xml\" ContentType=\"{Office}.styles+xml\"/>");
        foreach (var part in _sheets)
        {
            xml.Append(CultureInfo.InvariantCulture, $"<Override PartName=\"/{part.Path}\" ContentType=\"{Office}.worksheet+xml\"/>");
        }

        return xml.Append("</Types>").ToString();
    }

    private void WritePart(string path, string xml)
    {
        using var stream = _zip.CreateEntry(path, _level).Open();
        stream.Write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"u8);
        stream.Write(Encoding.UTF8.GetBytes(xml));
    }

    private static string Attribute(string value) =>
        value.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal);

    private sealed class SheetPart(string name, int number, int group)
    {
        public string Name { get; } = name;
        public int Number { get; } = number;
        public int Group { get; } = group;
        public string Path { get; } = string.Create(CultureInfo.InvariantCulture, $"xl/worksheets/sheet{number}.xml");
        public Stream? Spool { get; set; }
        public XlsxSheetWriter? Writer { get; set; }
    }
}

/// <summary>
/// Writes the rows of one worksheet: <see cref="BeginRow"/>, cells left to right (<see cref="Text"/>,
/// <see cref="Number(long?)"/>, an empty value skips its column), <see cref="EndRow"/>. Cells carry no reference
/// (<c>r="K7"</c> is optional: a reader takes the next column); an empty value followed by a value in the same row is an
/// empty <c>&lt;c/&gt;</c>, trailing empty values are left out. This keeps a million-row sheet a third smaller. XML is
/// formatted as UTF-8 into a
/// 64 KB buffer handed to the (deflating) part stream. Text is escaped for XML: <c>&amp; &lt; &gt;</c> as entities,
/// a carriage return as <c>&amp;#13;</c>, characters XML cannot hold (controls, U+FFFE, U+FFFF) and a literal
/// <c>_xHHHH_</c> as the SpreadsheetML escape <c>_xHHHH_</c> (ECMA-376 ST_Xstring).
/// </summary>
public sealed class XlsxSheetWriter : IInterchangeCells, IDisposable
{
    private const int FlushThreshold = 1 << 16;
    private static readonly SearchValues<char> Special = SearchValues.Create(
        "&<>\r\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000B\u000C\u000E\u000F\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F\uFFFE\uFFFF");

    private readonly Stream _stream;
    private byte[] _buffer = new byte[FlushThreshold * 2];
    private int _length;
    private readonly byte[] _rowNumber = new byte[12];
    private int _rowNumberLength;
    private int _column;
    private int _nextColumn;
    private bool _inRow;

    internal XlsxSheetWriter(Stream stream)
    {
        _stream = stream;
        IsOpen = true;
        Append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"u8);
        Append("<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/></sheetView></sheetViews><sheetData>"u8);
    }

    /// <summary>Rows written so far (the header included).</summary>
    public long Rows { get; private set; }

    internal bool IsOpen { get; private set; }

    public void BeginRow()
    {
        if (_inRow)
        {
            EndRow();
        }

        Rows++;
        _inRow = true;
        _column = 0;
        _nextColumn = 0;
        Rows.TryFormat(_rowNumber, out _rowNumberLength, default, CultureInfo.InvariantCulture);
        Append("<row r=\""u8);
        Append(_rowNumber.AsSpan(0, _rowNumberLength));
        Append("\">"u8);
    }

    /// <summary>An inline string cell; null or empty leaves the cell out.</summary>
    public void Text(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            _column++;
            return;
        }

        CellStart();
        var preserve = char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]) || value.AsSpan().IndexOfAny('\n', '\t') >= 0;
        Append(preserve ? " t=\"inlineStr\"><is><t xml:space=\"preserve\">"u8 : " t=\"inlineStr\"><is><t>"u8);
        Escaped(value);
        Append("</t></is></c>"u8);
    }

    /// <summary>A number cell; null leaves the cell out.</summary>
    public void Number(long? value)
    {
        if (value is not { } v)
        {
            _column++;
            return;
        }

        CellStart();
        Append("><v>"u8);
        Ensure(24);
        v.TryFormat(_buffer.AsSpan(_length), out var written, default, CultureInfo.InvariantCulture);
        _length += written;
        Append("</v></c>"u8);
    }

    /// <summary>0/1 as a number cell; null leaves the cell out.</summary>
    public void Number(bool? value) => Number(value is { } b ? (b ? 1 : 0) : null);

    public void EndRow()
    {
        Append("</row>"u8);
        _inRow = false;
        if (_length >= FlushThreshold)
        {
            _stream.Write(_buffer, 0, _length);
            _length = 0;
        }
    }

    /// <summary>Ends the sheet and closes its part.</summary>
    public void Dispose()
    {
        if (!IsOpen)
        {
            return;
        }

        if (_inRow)
        {
            EndRow();
        }

        Append("</sheetData></worksheet>"u8);
        _stream.Write(_buffer, 0, _length);
        _length = 0;
        _stream.Dispose();
        IsOpen = false;
    }

    private void CellStart()
    {
        if (!_inRow)
        {
            throw new InvalidOperationException("BeginRow first.");
        }

        // Columns left empty since the last cell are written as empty cells: every cell then follows the previous one,
        // so none needs its reference (readers such as MiniExcel count cells without "r" from the row start).
        for (; _nextColumn < _column; _nextColumn++)
        {
            Append("<c/>"u8);
        }

        Append("<c"u8);
        _column++;
        _nextColumn = _column;
    }

    private void Escaped(string value)
    {
        var span = value.AsSpan();
        if (span.IndexOfAny(Special) < 0 && !span.Contains("_x", StringComparison.Ordinal))
        {
            Utf8(span);
            return;
        }

        var start = 0;
        for (var i = 0; i < span.Length; i++)
        {
            var ch = span[i];
            ReadOnlySpan<byte> entity;
            switch (ch)
            {
                case '&':
                    entity = "&amp;"u8;
                    break;
                case '<':
                    entity = "&lt;"u8;
                    break;
                case '>':
                    entity = "&gt;"u8;
                    break;
                case '\r':
                    entity = "&#13;"u8;
                    break;
                case '_' when IsEscapePattern(span[i..]):
                    entity = "_x005F_"u8;
                    break;
                case '\t' or '\n':
                    continue;
                case < ' ' or '\uFFFE' or '\uFFFF':
                    Utf8(span[start..i]);
                    start = i + 1;
                    Append("_x"u8);
                    Ensure(5);
                    ((int)ch).TryFormat(_buffer.AsSpan(_length), out var w, "X4", CultureInfo.InvariantCulture);
                    _length += w;
                    Append("_"u8);
                    continue;
                default:
                    continue;
            }

            Utf8(span[start..i]);
            Append(entity);
            start = i + 1;
        }

        Utf8(span[start..]);
    }

    /// <summary>"_xHHHH_" at the start of <paramref name="s"/> (which a reader would take as an escaped character).</summary>
    private static bool IsEscapePattern(ReadOnlySpan<char> s) =>
        s.Length >= 7 && s[1] is 'x' or 'X' && char.IsAsciiHexDigit(s[2]) && char.IsAsciiHexDigit(s[3])
        && char.IsAsciiHexDigit(s[4]) && char.IsAsciiHexDigit(s[5]) && s[6] == '_';

    private void Utf8(ReadOnlySpan<char> chars)
    {
        if (chars.IsEmpty)
        {
            return;
        }

        Ensure(Encoding.UTF8.GetMaxByteCount(chars.Length));
        _length += Encoding.UTF8.GetBytes(chars, _buffer.AsSpan(_length));
    }

    private void Append(ReadOnlySpan<byte> bytes)
    {
        Ensure(bytes.Length);
        bytes.CopyTo(_buffer.AsSpan(_length));
        _length += bytes.Length;
    }

    private void Ensure(int extra)
    {
        if (_length + extra > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + extra));
        }
    }
}
